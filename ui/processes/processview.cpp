#include "processview.h"

#include "processtreemodel.h"
#include "workercolors.h"

#include <QEvent>
#include <QHeaderView>
#include <QPainter>
#include <QStyledItemDelegate>

namespace ProcLab {

namespace {

const QColor OrphanColor(0xb3, 0x5c, 0x00);

// Colour is presentation: a swatch in the worker's colour before each name, and orphans in amber
// italics. Kept out of the model, as WorkerTableProxy keeps it out of the worker table's.
class ProcessItemDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() == ProcessTreeModel::NameColumn) {
            const int workerId = index.data(ProcessTreeModel::WorkerIdRole).toInt();
            const int size = option->fontMetrics.ascent() * 3 / 4;
            QPixmap swatch(size, size);
            swatch.fill(workerColor(workerId));
            option->icon = QIcon(swatch);
            option->decorationSize = QSize(size, size);
            option->features |= QStyleOptionViewItem::HasDecoration;
        }
        if (index.data(ProcessTreeModel::OrphanRole).toBool()) {
            option->font.setItalic(true);
            option->palette.setColor(QPalette::Text, OrphanColor);
        }
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

void ProcessView::paintEvent(QPaintEvent *event)
{
    QTreeView::paintEvent(event);
    if (m_model->workerRowCount() > 0)
        return;
    // Only the main process: say what would appear below it, and how to make it appear.
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const int top = rowHeight(m_model->index(0, 0)) + 16;
    const QRect rect = viewport()->rect().adjusted(24, top, -24, -8);
    painter.drawText(rect,
                     Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
                     m_model->workerFilter().isEmpty()
                             ? tr("Running workers appear here under the main process, and the "
                                  "processes they start appear under them. Try Run command… "
                                  "with: proclab-worker spawn-children 3")
                             : tr("The selected workers are not running."));
}

} // namespace ProcLab
