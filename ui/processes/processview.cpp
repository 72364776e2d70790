#include "processview.h"

#include "processtreemodel.h"
#include "workercolors.h"

#include <QContextMenuEvent>
#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QStyledItemDelegate>

namespace ProcLab {

namespace {

const QColor OrphanColor(0xb3, 0x5c, 0x00);
const QColor ZombieColor(0xa0, 0x20, 0x90);

// The fixed hues are dark enough for a light background; on a dark one they are lightened so
// that they stay readable.
QColor readable(const QColor &color, const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128 ? color.lighter(170) : color;
}

// Colour is presentation: a swatch in the worker's (or the process's) colour before each name,
// orphans in amber italics, zombies in magenta, ended processes dimmed. Kept out of the model, as WorkerTableProxy
// keeps it out of the worker table's.
class ProcessItemDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const auto kind = ProcessTreeModel::Kind(index.data(ProcessTreeModel::KindRole).toInt());
        if (index.column() == ProcessTreeModel::NameColumn
            && kind != ProcessTreeModel::Kind::Summary) {
            const int workerId = index.data(ProcessTreeModel::WorkerIdRole).toInt();
            const int size = option->fontMetrics.ascent() * 3 / 4;
            QPixmap swatch(size, size);
            // A process of a worker's tree in its own colour, as its lines and its lane have it.
            swatch.fill(kind == ProcessTreeModel::Kind::Process
                                ? processColor(workerId,
                                               index.data(ProcessTreeModel::PidRole).toLongLong())
                                : workerColor(workerId));
            option->icon = QIcon(swatch);
            option->decorationSize = QSize(size, size);
            option->features |= QStyleOptionViewItem::HasDecoration;
        }
        if (index.data(ProcessTreeModel::OrphanRole).toBool()) {
            option->font.setItalic(true);
            option->palette.setColor(QPalette::Text, readable(OrphanColor, option->palette));
        }
        if (index.data(ProcessTreeModel::ZombieRole).toBool()) {
            option->font.setBold(true);
            option->palette.setColor(QPalette::Text, readable(ZombieColor, option->palette));
        } else if (index.data(ProcessTreeModel::EndedRole).toBool()
                   || kind == ProcessTreeModel::Kind::Summary) {
            option->palette.setColor(QPalette::Text,
                                     option->palette.color(QPalette::PlaceholderText));
        }
        if (kind == ProcessTreeModel::Kind::Summary)
            option->font.setItalic(true);
    }
};

} // namespace

ProcessView::ProcessView(const WorkerPool &pool, const ProcessSampler &sampler, QWidget *parent)
    : QTreeView(parent)
    , m_model(new ProcessTreeModel(pool, sampler, this))
{
    setObjectName(QStringLiteral("processView"));
    setModel(m_model);
    setItemDelegate(new ProcessItemDelegate(this));
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAllColumnsShowFocus(true);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(QHeaderView::Interactive);
    header()->setSectionResizeMode(ProcessTreeModel::StateColumn, QHeaderView::Stretch);
    // The numbers first, the state's words last, where they have the room that is left.
    header()->moveSection(ProcessTreeModel::StateColumn, ProcessTreeModel::ColumnCount - 1);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ProcessView::expandInserted);
    expandAll();
    sizeColumns();
}

void ProcessView::setWorkerFilter(const QSet<int> &workerIds)
{
    m_model->setWorkerFilter(workerIds);
    viewport()->update();
}

void ProcessView::setSelectedProcesses(const ProcessTargets &targets)
{
    QSet<int> workerIds;
    for (const ProcessTarget &target : targets) {
        if (target.workerId >= 0)
            workerIds.insert(target.workerId);
    }
    m_targets = targets;
    setWorkerFilter(workerIds);
    applySelection();
}

void ProcessView::applySelection()
{
    m_applying = true;
    QItemSelection selection;
    QModelIndex first;
    for (const ProcessTarget &target : std::as_const(m_targets)) {
        const QModelIndex index = m_model->indexOf(target);
        if (!index.isValid())
            continue;
        selection.select(index, index.siblingAtColumn(ProcessTreeModel::ColumnCount - 1));
        if (!first.isValid())
            first = index;
    }
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (first.isValid()) {
        selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        scrollTo(first);
    }
    m_applying = false;
}

ProcessTargets ProcessView::selectedProcesses() const
{
    QModelIndexList rows = selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [this](const QModelIndex &a, const QModelIndex &b) {
        return visualRect(a).top() < visualRect(b).top();
    });
    ProcessTargets targets;
    for (const QModelIndex &row : std::as_const(rows)) {
        const ProcessTarget target = m_model->targetAt(row);
        if (target.isValid())
            targets.append(target);
    }
    return targets;
}

void ProcessView::announceSelection()
{
    const ProcessTargets selected = selectedProcesses();
    if (selected.isEmpty())
        return;
    const QModelIndex current = currentIndex();
    const ProcessTarget target = current.isValid()
                                                 && selectionModel()->isRowSelected(current.row(),
                                                                                    current.parent())
                                         ? m_model->targetAt(current)
                                         : ProcessTarget{};
    emit processSelected(target.isValid() ? target : selected.constFirst());
}

namespace {

// Runs one of the view's own event handlers and tells whether the user changed the selection.
template<typename Handler>
bool changesSelection(QAbstractItemView *view, Handler handler)
{
    const QModelIndexList before = view->selectionModel()->selectedRows();
    const QModelIndex current = view->currentIndex();
    handler();
    return view->selectionModel()->selectedRows() != before || view->currentIndex() != current;
}

} // namespace

void ProcessView::mousePressEvent(QMouseEvent *event)
{
    if (changesSelection(this, [&] { QTreeView::mousePressEvent(event); }))
        announceSelection();
}

void ProcessView::mouseMoveEvent(QMouseEvent *event)
{
    if (changesSelection(this, [&] { QTreeView::mouseMoveEvent(event); }))
        announceSelection();
}

void ProcessView::mouseReleaseEvent(QMouseEvent *event)
{
    if (changesSelection(this, [&] { QTreeView::mouseReleaseEvent(event); }))
        announceSelection();
}

void ProcessView::keyPressEvent(QKeyEvent *event)
{
    if (changesSelection(this, [&] { QTreeView::keyPressEvent(event); }))
        announceSelection();
}

void ProcessView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(event->pos());
    const ProcessTarget target = m_model->targetAt(index);
    if (!target.isValid() || index.data(ProcessTreeModel::EndedRole).toBool()) {
        QTreeView::contextMenuEvent(event);
        return;
    }
    event->accept();
    emit processMenuRequested(target, event->globalPos());
}

void ProcessView::setFontPointSize(int points)
{
    QFont font = this->font();
    font.setPointSize(points);
    setFont(font);
    header()->setFont(font);
    sizeColumns();
}

void ProcessView::expandInserted(const QModelIndex &parent, int first, int last)
{
    // A process that appears is what the class is looking for: never hide it in a closed branch.
    expand(parent);
    for (int row = first; row <= last; ++row)
        expandRecursively(m_model->index(row, 0, parent));
    // A process the table selected may get its row only now (the tracker's batch came later).
    if (m_applying || m_targets.isEmpty())
        return;
    const ProcessTargets selected = selectedProcesses();
    for (const ProcessTarget &target : std::as_const(m_targets)) {
        if (!selected.contains(target) && m_model->indexOf(target).isValid()) {
            applySelection();
            return;
        }
    }
}

void ProcessView::sizeColumns()
{
    const QFontMetrics metrics(font());
    const int padding = metrics.horizontalAdvance(QLatin1Char('M'));
    // Indentation for three levels, the swatch, and a name like "proclab-worker".
    setColumnWidth(ProcessTreeModel::NameColumn,
                   metrics.horizontalAdvance(QStringLiteral("proclab-worker")) + indentation() * 3
                           + padding * 2);
    for (const int column : {ProcessTreeModel::PidColumn, ProcessTreeModel::ParentPidColumn})
        setColumnWidth(column, metrics.horizontalAdvance(QStringLiteral("4194304")) + padding);
    setColumnWidth(ProcessTreeModel::CpuColumn,
                   metrics.horizontalAdvance(QStringLiteral("100 %")) + padding);
    setColumnWidth(ProcessTreeModel::MemoryColumn,
                   metrics.horizontalAdvance(QStringLiteral("999.9 MB")) + padding);
    header()->setMinimumSectionSize(padding * 2);
}

void ProcessView::changeEvent(QEvent *event)
{
    // Headers, states ("sleeping", "stopped") and the empty tree's hint are read again.
    if (event->type() == QEvent::LanguageChange) {
        m_model->retranslate();
        viewport()->update();
    }
    QTreeView::changeEvent(event);
}

QString ProcessView::emptyTreeText() const
{
    if (m_model->workerRowCount() > 0)
        return QString();
    // A selected worker is listed whether it runs or not, so with a selection the tree is empty
    // only when the selected workers were removed from the table.
    return m_model->workerFilter().isEmpty()
                   ? tr("No worker is running. Running workers appear here under the main "
                        "process, and the processes they start appear under them. Try Run "
                        "command… with: proclab-worker spawn-children 3")
                   : tr("The selected workers are no longer in the table.");
}

void ProcessView::paintEvent(QPaintEvent *event)
{
    QTreeView::paintEvent(event);
    const QString text = emptyTreeText();
    if (text.isEmpty())
        return;
    // Only the main process: say what would appear below it, and how to make it appear.
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const int top = rowHeight(m_model->index(0, 0)) + 16;
    const QRect rect = viewport()->rect().adjusted(24, top, -24, -8);
    painter.drawText(rect, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, text);
}

} // namespace ProcLab
