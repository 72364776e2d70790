#pragma once

#include <QSortFilterProxyModel>

namespace ProcLab {

// What the table adds to WorkerTableModel for the eye: sorting by the model's raw SortRole (so PIDs
// and line counts sort as numbers; workers among workers, each process's children among
// themselves, a "+N more" summary always last), each worker's colour as a square before its name
// and on its PID, a scheduled terminate's countdown in bold amber, finished rows greyed, a failure
// (a crash, a failed start, a non-zero exit status of its own) in red, orphans and zombies in
// italics.
//
// Kept apart from the model so that the model stays a plain adapter of the core, as GammaRay and
// plasma-systemmonitor add presentation UI-side in a proxy.
class WorkerTableProxy final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit WorkerTableProxy(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QVariant descendantData(const QModelIndex &index, int role) const;
};

} // namespace ProcLab
