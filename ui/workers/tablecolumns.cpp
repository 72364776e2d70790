#include "tablecolumns.h"

#include "workertablemodel.h"

#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QMetaEnum>

namespace ProcLab {

TableColumns::TableColumns(QHeaderView *header)
    : QObject(header)
    , m_header(header)
{
    m_header->setSectionsMovable(true);
    m_header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_header, &QWidget::customContextMenuRequested, this, &TableColumns::showMenu);
}

QString TableColumns::columnName(int logicalIndex)
{
    return QString::fromLatin1(
            QMetaEnum::fromType<WorkerTableModel::Column>().valueToKey(logicalIndex));
}

int TableColumns::columnIndex(const QString &name)
{
    bool ok = false;
    const int index = QMetaEnum::fromType<WorkerTableModel::Column>().keyToValue(name.toLatin1(),
                                                                                 &ok);
    return ok && index != WorkerTableModel::ColumnCount ? index : -1;
}

QStringList TableColumns::order() const
{
    QStringList names;
    for (int visual = 0; visual < m_header->count(); ++visual)
        names.append(columnName(m_header->logicalIndex(visual)));
    return names;
}

QStringList TableColumns::hidden() const
{
    QStringList names;
    for (int logical = 0; logical < m_header->count(); ++logical) {
        if (m_header->isSectionHidden(logical))
            names.append(columnName(logical));
    }
    return names;
}

void TableColumns::restore(const QStringList &order, const QStringList &hidden)
{
    int visual = 0;
    for (const QString &name : order) {
        const int logical = columnIndex(name);
        if (logical < 0 || logical >= m_header->count())
            continue;
        const int from = m_header->visualIndex(logical);
        // A name listed twice in a damaged file must not move its column back.
        if (from < visual)
            continue;
        m_header->moveSection(from, visual);
        ++visual;
    }
    for (int logical = 0; logical < m_header->count(); ++logical)
        m_header->setSectionHidden(logical, hidden.contains(columnName(logical)));
    // At least one column stays, or the table could not be brought back from its header.
    if (m_header->hiddenSectionCount() == m_header->count())
        m_header->setSectionHidden(0, false);
}

void TableColumns::showMenu(const QPoint &position)
{
    auto *menu = new QMenu(m_header);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setObjectName(QStringLiteral("columnsMenu"));
    const QAbstractItemModel *model = m_header->model();
    const int visibleCount = m_header->count() - m_header->hiddenSectionCount();
    for (int visual = 0; visual < m_header->count(); ++visual) {
        const int logical = m_header->logicalIndex(visual);
        QAction *action = menu->addAction(
                model->headerData(logical, Qt::Horizontal, Qt::DisplayRole).toString());
        action->setCheckable(true);
        action->setChecked(!m_header->isSectionHidden(logical));
        action->setEnabled(m_header->isSectionHidden(logical) || visibleCount > 1);
        connect(action, &QAction::toggled, m_header, [this, logical](bool shown) {
            m_header->setSectionHidden(logical, !shown);
        });
    }
    menu->popup(m_header->viewport()->mapToGlobal(position));
}

} // namespace ProcLab
