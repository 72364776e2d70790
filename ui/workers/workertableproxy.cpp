#include "workertableproxy.h"

#include "descendant.h"
#include "workercolors.h"
#include "workertablemodel.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace ProcLab {

namespace {

// Ended rows step back; grey that still reads on a projector's washed-out white, and on black.
const QColor EndedColor(0x78, 0x78, 0x78);
const QColor CountdownColor(0xb3, 0x5c, 0x00);

bool darkPalette()
{
    return QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
}

// A dark red disappears on a dark background: there, a light one.
QColor failureColor()
{
    return darkPalette() ? QColor(0xff, 0x6b, 0x6b) : QColor(0xb0, 0x1c, 0x1c);
}

bool isKind(const QModelIndex &index, WorkerTableModel::RowKind kind)
{
    return index.data(WorkerTableModel::RowKindRole).toInt() == int(kind);
}

} // namespace

WorkerTableProxy::WorkerTableProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(WorkerTableModel::SortRole);
    setDynamicSortFilter(true);
}

bool WorkerTableProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // The summary stays under the rows it summarises, whichever way the column sorts.
    const bool leftMore = isKind(left, WorkerTableModel::RowKind::More);
    const bool rightMore = isKind(right, WorkerTableModel::RowKind::More);
    if (leftMore || rightMore) {
        const bool descending = sortOrder() == Qt::DescendingOrder;
        return descending ? leftMore && !rightMore : rightMore && !leftMore;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

QVariant WorkerTableProxy::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DecorationRole && role != Qt::ForegroundRole && role != Qt::FontRole)
        return QSortFilterProxyModel::data(index, role);
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();

    if (!isKind(index, WorkerTableModel::RowKind::Worker))
        return descendantData(index, role);

    // A countdown is what the class is watching: it stands out until the worker is terminated. A
    // failure stands out too, in bold as well as in red, for eyes that do not tell red from grey.
    const bool stateColumn = index.column() == WorkerTableModel::StateColumn;
    const bool countingDown = stateColumn && index.data(WorkerTableModel::CountdownRole).isValid();
    if (role == Qt::FontRole) {
        if (!countingDown && !(stateColumn && index.data(WorkerTableModel::FailedRole).toBool()))
            return QVariant();
        QFont font = QSortFilterProxyModel::data(index, role).value<QFont>();
        font.setBold(true);
        return font;
    }
    if (role == Qt::ForegroundRole && countingDown)
        return CountdownColor;

    const int workerId = index.data(WorkerTableModel::WorkerIdRole).toInt();
    const bool active = index.data(WorkerTableModel::IsActiveRole).toBool();
    const int column = index.column();

    if (role == Qt::DecorationRole) {
        if (column != WorkerTableModel::NameColumn)
            return QVariant();
        // The same colour as the worker's lines in the output, ended or not: it is how the eye
        // pairs a row with its output.
        return workerColor(workerId);
    }

    // A crash, a failed start and a non-zero exit of its own all read as failures, in red; an end
    // the user asked for (terminate, kill, a countdown) or exit 0 steps back in grey.
    const bool failed = index.data(WorkerTableModel::FailedRole).toBool();
    if (failed
        && (column == WorkerTableModel::StateColumn || column == WorkerTableModel::ExitColumn))
        return failureColor();
    if (!active)
        return EndedColor;
    if (column == WorkerTableModel::PidColumn)
        return workerColor(workerId);
    return QVariant();
}

QVariant WorkerTableProxy::descendantData(const QModelIndex &index, int role) const
{
    // No colour square: the worker's row above has it. An orphan and a zombie are what a learner
    // looks for: in italics, as well as the words in their cells.
    const int column = index.column();
    const bool more = isKind(index, WorkerTableModel::RowKind::More);
    const bool failed = index.data(WorkerTableModel::FailedRole).toBool();
    if (role == Qt::DecorationRole)
        return QVariant();
    if (role == Qt::FontRole) {
        const bool zombie = !more
                            && index.data(WorkerTableModel::StateRole).toInt()
                                       == int(DescendantState::Zombie);
        const bool orphan = index.data(WorkerTableModel::OrphanRole).toBool();
        const bool bold = failed && column == WorkerTableModel::StateColumn;
        if (!more && !zombie && !orphan && !bold)
            return QVariant();
        QFont font = QSortFilterProxyModel::data(index, role).value<QFont>();
        font.setItalic(more || zombie || orphan);
        font.setBold(bold);
        return font;
    }
    if (failed
        && (column == WorkerTableModel::StateColumn || column == WorkerTableModel::ExitColumn))
        return failureColor();
    if (more || !index.data(WorkerTableModel::IsActiveRole).toBool())
        return EndedColor;
    // Its own colour, as its lines in the output and its lane in the timeline have it.
    if (column == WorkerTableModel::PidColumn)
        return processColor(index.data(WorkerTableModel::WorkerIdRole).toInt(),
                            index.data(WorkerTableModel::PidRole).toLongLong());
    return QVariant();
}

} // namespace ProcLab
