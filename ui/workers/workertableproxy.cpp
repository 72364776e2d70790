#include "workertableproxy.h"

#include "workercolors.h"
#include "workertablemodel.h"

#include <QColor>
#include <QFont>

namespace ProcLab {

namespace {

// Ended rows step back; grey that still reads on a projector's washed-out white.
const QColor EndedColor(0x78, 0x78, 0x78);
const QColor FailureColor(0xb0, 0x1c, 0x1c);
const QColor CountdownColor(0xb3, 0x5c, 0x00);

} // namespace

WorkerTableProxy::WorkerTableProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(WorkerTableModel::SortRole);
    setDynamicSortFilter(true);
}

QVariant WorkerTableProxy::data(const QModelIndex &index, int role) const
{
    if (role != Qt::DecorationRole && role != Qt::ForegroundRole && role != Qt::FontRole)
        return QSortFilterProxyModel::data(index, role);
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();

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
        return FailureColor;
    if (!active)
        return EndedColor;
    if (column == WorkerTableModel::PidColumn)
        return workerColor(workerId);
    return QVariant();
}

} // namespace ProcLab
