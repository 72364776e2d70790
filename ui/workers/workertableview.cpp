#include "workertableview.h"

#include "exitinfo.h"
#include "lessons.h"
#include "processsampler.h"
#include "sparklinedelegate.h"
#include "worker.h"
#include "workerpool.h"
#include "workertablemodel.h"
#include "workertableproxy.h"

#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QPainter>
#include <QStyledItemDelegate>

#include <algorithm>

namespace ProcLab {

// Rows a third taller than the text: a tree has no vertical header whose section size sets them.
class RowHeightDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setRowHeight(int height) { m_rowHeight = height; }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(qMax(size.height(), m_rowHeight));
        return size;
    }

private:
    int m_rowHeight = 0;
};

namespace {

// Where a row is shown: its row under each of its ancestors, from the top.
QList<int> positionOf(QModelIndex index)
{
    QList<int> rows;
    for (; index.isValid(); index = index.parent())
        rows.prepend(index.row());
    return rows;
}

// A worker's rows and those below them, counted up to limit.
int countRows(const QAbstractItemModel &model, const QModelIndex &parent, int limit)
{
    int count = 0;
    const int rows = model.rowCount(parent);
    for (int row = 0; row < rows && count < limit; ++row) {
        ++count;
        count += countRows(model, model.index(row, 0, parent), limit - count);
    }
    return count;
}

} // namespace

WorkerTableView::WorkerTableView(WorkerPool &pool, QWidget *parent)
    : QTreeView(parent)
    , m_pool(pool)
    , m_model(new WorkerTableModel(pool, this))
    , m_proxy(new WorkerTableProxy(this))
    , m_rowHeight(new RowHeightDelegate(this))
    , m_runningTimeRepaint(this)
{
    setObjectName(QStringLiteral("workerTable"));
    m_proxy->setSourceModel(m_model);
    setModel(m_proxy);
    setItemDelegate(m_rowHeight);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setAllColumnsShowFocus(true);
    setWordWrap(false);
    // Every row has the same height: a tree of a thousand rows is laid out without measuring each.
    setUniformRowHeights(true);

    QHeaderView *header = this->header();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    // Start order until the user sorts; a third click on a header returns to it.
    header->setSortIndicatorClearable(true);
    header->setSortIndicator(-1, Qt::AscendingOrder);
    setSortingEnabled(true);

    connect(selectionModel(),
            &QItemSelectionModel::selectionChanged,
            this,
            &WorkerTableView::workerSelectionChanged);
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_announcedSelection = selectedProcesses();
    });
    // Removing selected rows does not always announce a selection change. Descendant rows come
    // and go many times a second under a busy program: only a change of what is selected counts.
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &WorkerTableView::handleRowsRemoved);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &WorkerTableView::expandNewParent);

    m_runningTimeRepaint.setObjectName(QStringLiteral("runningTimeRepaint"));
    m_runningTimeRepaint.setInterval(1000);
    connect(&m_runningTimeRepaint, &QTimer::timeout, this, &WorkerTableView::repaintRunningTimes);
    connect(&m_pool, &WorkerPool::workersInserted, this, &WorkerTableView::updateRepaintTimer);
    connect(&m_pool, &WorkerPool::workersChanged, this, &WorkerTableView::updateRepaintTimer);
    connect(&m_pool, &WorkerPool::allFinished, this, &WorkerTableView::updateRepaintTimer);

    setFontPointSize(qMax(MinDefaultPointSize, QApplication::font().pointSize() + 2));
}

QModelIndexList WorkerTableView::selectedRowsInOrder() const
{
    QModelIndexList rows = selectionModel()->selectedRows();
    QList<QPair<QList<int>, QModelIndex>> placed;
    placed.reserve(rows.size());
    for (const QModelIndex &row : std::as_const(rows))
        placed.append({positionOf(row), row});
    std::sort(placed.begin(), placed.end(), [](const auto &a, const auto &b) {
        return a.first < b.first;
    });
    rows.clear();
    for (const auto &entry : std::as_const(placed))
        rows.append(entry.second);
    return rows;
}

QList<Worker *> WorkerTableView::selectedWorkers() const
{
    QList<Worker *> workers;
    const QSet<int> workerIds = selectedWorkerIds();
    for (const int workerId : workerIds) {
        if (Worker *worker = m_pool.workerById(workerId))
            workers.append(worker);
    }
    std::sort(workers.begin(), workers.end(), [](const Worker *a, const Worker *b) {
        return a->id() < b->id();
    });
    return workers;
}

ProcessTargets WorkerTableView::selectedProcesses() const
{
    ProcessTargets targets;
    const QModelIndexList rows = selectedRowsInOrder();
    for (const QModelIndex &row : rows) {
        const auto kind = WorkerTableModel::RowKind(row.data(WorkerTableModel::RowKindRole).toInt());
        if (kind == WorkerTableModel::RowKind::More)
            continue;
        ProcessTarget target;
        target.workerId = row.data(WorkerTableModel::WorkerIdRole).toInt();
        target.pid = row.data(WorkerTableModel::PidRole).toLongLong();
        target.isWorker = kind == WorkerTableModel::RowKind::Worker;
        targets.append(target);
    }
    return targets;
}

void WorkerTableView::setSampler(const ProcessSampler *sampler)
{
    m_model->setSampler(sampler);
    setItemDelegateForColumn(WorkerTableModel::CpuColumn,
                             new SparklineDelegate(WorkerTableModel::CpuHistoryRole,
                                                   ProcessSampler::HistoryLength,
                                                   this));
}

void WorkerTableView::selectWorker(int workerId)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(WorkerTableModel::WorkerIdRole).toInt() != workerId)
            continue;
        selectionModel()->setCurrentIndex(index,
                                          QItemSelectionModel::ClearAndSelect
                                                  | QItemSelectionModel::Rows);
        scrollTo(index);
        return;
    }
}

void WorkerTableView::selectRow(int row)
{
    const QModelIndex index = m_proxy->index(row, 0);
    if (index.isValid()) {
        selectionModel()->setCurrentIndex(index,
                                          QItemSelectionModel::ClearAndSelect
                                                  | QItemSelectionModel::Rows);
    }
}

QSet<int> WorkerTableView::selectedWorkerIds() const
{
    QSet<int> workerIds;
    const QModelIndexList rows = selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        workerIds.insert(row.data(WorkerTableModel::WorkerIdRole).toInt());
    return workerIds;
}

QString WorkerTableView::selectedRowsText() const
{
    const QModelIndexList rows = selectedRowsInOrder();
    QString text;
    for (const QModelIndex &row : std::as_const(rows)) {
        QStringList cells;
        for (int column = 0; column < WorkerTableModel::ColumnCount; ++column)
            cells.append(row.siblingAtColumn(column).data().toString());
        text += cells.join(QLatin1Char('\t')) + QLatin1Char('\n');
    }
    return text;
}

void WorkerTableView::setFontPointSize(int points)
{
    QFont font = this->font();
    font.setPointSize(points);
    setFont(font);
    header()->setFont(font);

    const QFontMetrics metrics(font);
    m_rowHeight->setRowHeight(metrics.height() + metrics.height() / 2);
    setIndentation(metrics.height());
    const int swatch = metrics.ascent() * 3 / 4;
    setIconSize(QSize(swatch, swatch));
    sizeColumns();
    // The rows' height is measured once (uniform heights): measure again.
    doItemsLayout();
}

void WorkerTableView::sizeColumns()
{
    const QFontMetrics metrics(font());
    QFont boldFont = font();
    boldFont.setBold(true);
    const QFontMetrics boldMetrics(boldFont);
    // The delegate adds small margins of its own; half an em on top keeps cells from touching.
    const int padding = metrics.horizontalAdvance(QLatin1Char('M')) / 2;
    const auto widthFor = [&](int column,
                              std::initializer_list<QString> samples,
                              bool bold = false) {
        // The header's text with room for the sort arrow, or the widest sample of the cells.
        int width = metrics.horizontalAdvance(
                            m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString())
                    + padding;
        for (const QString &sample : samples)
            width = qMax(width, (bold ? boldMetrics : metrics).horizontalAdvance(sample));
        setColumnWidth(column, width + padding);
    };
    widthFor(WorkerTableModel::NameColumn,
             {Lessons::subProgramText(10, DemoLanguage::Korean),
              Lessons::subProgramText(10, DemoLanguage::English),
              QStringLiteral("proclab-worker")});
    // The swatch, the branch of the tree, and a child's indentation.
    setColumnWidth(WorkerTableModel::NameColumn,
                   columnWidth(WorkerTableModel::NameColumn) + iconSize().width() + padding
                           + 2 * indentation());
    widthFor(WorkerTableModel::PidColumn, {QStringLiteral("4194304")});
    // A countdown is shown in bold (WorkerTableProxy): it must fit whole, it is what the class reads.
    // An orphan's state names its new parent.
    widthFor(WorkerTableModel::StateColumn,
             {WorkerTableModel::tr("%1 · terminating in %2 s")
                      .arg(stateText(WorkerState::Running, ExitInfo()), QStringLiteral("00")),
              WorkerTableModel::tr("%1 · orphan → PPID %2")
                      .arg(stateText(WorkerState::Running, ExitInfo()), QStringLiteral("99999"))},
             true);
    // Room for a sparkline of a few dozen samples behind "100 %".
    widthFor(WorkerTableModel::CpuColumn, {QStringLiteral("1000 %")});
    setColumnWidth(WorkerTableModel::CpuColumn,
                   columnWidth(WorkerTableModel::CpuColumn) + padding * 2);
    widthFor(WorkerTableModel::MemoryColumn, {WorkerTableModel::memoryText(999 * 1024 * 1024)});
    widthFor(WorkerTableModel::ExitColumn, {QStringLiteral("-15 · SIGTERM")});
    widthFor(WorkerTableModel::StartedColumn, {QStringLiteral("00:00:00")});
    widthFor(WorkerTableModel::RunningTimeColumn, {QStringLiteral("00:00")});
    widthFor(WorkerTableModel::LinesOutColumn, {QStringLiteral("999999")});
    widthFor(WorkerTableModel::LinesErrColumn, {QStringLiteral("999999")});
}

void WorkerTableView::paintEvent(QPaintEvent *event)
{
    QTreeView::paintEvent(event);
    if (model()->rowCount() > 0)
        return;
    // An empty table on a projector looks broken; say what fills it.
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(viewport()->rect().adjusted(24, 24, -24, -24),
                     Qt::AlignCenter | Qt::TextWordWrap,
                     tr("No workers yet.\nStart a lesson with “Spawn 4 workers” or “Count, then "
                        "terminate”, or run a command of your own."));
}

void WorkerTableView::changeEvent(QEvent *event)
{
    // Headers, states and exit readings, and the empty table's hint, in the new language.
    if (event->type() == QEvent::LanguageChange) {
        m_model->retranslate();
        viewport()->update();
    }
    QTreeView::changeEvent(event);
}

void WorkerTableView::updateRepaintTimer()
{
    // An orphan runs on after its worker ended: its running time moves too.
    if (m_pool.activeCount() == 0 && !m_model->hasRunningDescendants())
        m_runningTimeRepaint.stop();
    else if (!m_runningTimeRepaint.isActive())
        m_runningTimeRepaint.start();
}

void WorkerTableView::repaintRunningTimes()
{
    if (m_pool.activeCount() == 0 && !m_model->hasRunningDescendants()) {
        m_runningTimeRepaint.stop();
        return;
    }
    // Only the running-time column: a repaint, not a model change, so sorting and selection stay.
    const int column = WorkerTableModel::RunningTimeColumn;
    viewport()->update(QRect(header()->sectionViewportPosition(column),
                             0,
                             columnWidth(column),
                             viewport()->height()));
}

void WorkerTableView::expandNewParent(const QModelIndex &parent, int first, int last)
{
    // Only when a row gets its first children: later, the user's collapse stands.
    if (!parent.isValid() || m_proxy->rowCount(parent) != last - first + 1)
        return;
    QModelIndex worker = parent;
    while (worker.parent().isValid())
        worker = worker.parent();
    if (countRows(*m_proxy, worker, AutoExpandLimit + 1) <= AutoExpandLimit)
        expand(parent);
}

void WorkerTableView::handleRowsRemoved()
{
    const ProcessTargets selection = selectedProcesses();
    if (selection == m_announcedSelection)
        return;
    m_announcedSelection = selection;
    emit workerSelectionChanged();
}

} // namespace ProcLab
