#pragma once

#include <QSortFilterProxyModel>

namespace ProcLab {

// What the table adds to WorkerTableModel for the eye: sorting by the model's raw SortRole (so PIDs
// and line counts sort as numbers), each worker's colour as a square before its name and on its PID,
// a scheduled terminate's countdown in bold amber, finished workers greyed, a failure (a crash, a
// failed start, a non-zero exit status of its own) in red.
//
// Kept apart from the model so that the model stays a plain adapter of the core, as GammaRay and
// plasma-systemmonitor add presentation UI-side in a proxy.
class WorkerTableProxy final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit WorkerTableProxy(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
};

} // namespace ProcLab
