#pragma once

#include <QAbstractTableModel>

namespace ProcLab {

class Worker;
class WorkerPool;

// The table of workers: one row per worker of a WorkerPool, in start order.
//
// An adapter, nothing more: the pool owns the workers and their processes, and this model only reads
// them. Rows are inserted and removed exactly when the pool says so, with the pool's ranges; cells
// change only when the pool reports changed rows, which it batches (at most every 50 ms), and each
// contiguous run of those rows becomes one dataChanged(), so a flood of output costs a handful of
// signals, never one per line. DisplayRole holds the text a person reads; the custom roles hold raw
// values (numbers stay numbers) for sorting and for code. Colours are added by WorkerTableProxy.
class WorkerTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        PidColumn,
        StateColumn,
        ExitColumn,
        StartedColumn,
        RunningTimeColumn,
        LinesOutColumn,
        LinesErrColumn,
        LastOutputColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        PidRole = Qt::UserRole, // qint64, 0 until started
        WorkerIdRole,           // int, stable for the worker's life
        StateRole,              // int(WorkerState)
        SortRole,               // the cell's raw value: numbers as numbers, times as milliseconds
        IsActiveRole,           // bool: the process may still be alive
        CountdownRole,          // int: seconds until a scheduled terminate; invalid when none
    };
    Q_ENUM(Role)

    explicit WorkerTableModel(WorkerPool &pool, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    Worker *workerAt(int row) const;

    // The language changed: headers and cells (states, exit readings) are read again.
    void retranslate();

    // "0:05", "1:02:03": the running-time cell, a stopwatch a class can read.
    static QString durationText(qint64 milliseconds);
    // "999999", then "13.4 M": the line-count cells.
    static QString countText(qint64 count);

private:
    void handleWorkersChanged(const QList<int> &rows);
    QVariant displayData(const Worker *worker, int column) const;
    QVariant sortData(const Worker *worker, int column) const;
    QString toolTip(const Worker *worker) const;

    WorkerPool &m_pool;
};

} // namespace ProcLab
