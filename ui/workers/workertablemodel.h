#pragma once

#include <QAbstractTableModel>
#include <QSet>

namespace ProcLab {

class ProcessSampler;
class Worker;
class WorkerPool;
struct ExitInfo;

// The table of workers: one row per worker of a WorkerPool, in start order.
//
// An adapter, nothing more: the pool owns the workers and their processes, and this model only reads
// them. Rows are inserted and removed exactly when the pool says so, with the pool's ranges; cells
// change only when the pool reports changed rows, which it batches (at most every 50 ms), and each
// contiguous run of those rows becomes one dataChanged(), so a flood of output costs a handful of
// signals, never one per line. DisplayRole holds the text a person reads; the custom roles hold raw
// values (numbers stay numbers) for sorting and for code. Colours are added by WorkerTableProxy.
//
// With a ProcessSampler it also shows each running worker's CPU and resident memory (RSS), its
// whole process tree added up, as ProcessTreeModel shows the worker's row; the operating system
// reports them about twice a second, and each sample
// becomes one dataChanged() per contiguous run of sampled rows, over those two columns only.
class WorkerTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        PidColumn,
        StateColumn,
        CpuColumn,
        MemoryColumn,
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
        CpuHistoryRole,         // QList<double>: CPU % of the worker's tree, oldest first
        FailedRole, // bool: ended in a way nobody asked for: a crash, a failed start, a non-zero
                    // exit status of its own
    };
    Q_ENUM(Role)

    explicit WorkerTableModel(WorkerPool &pool, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    Worker *workerAt(int row) const;
    // CPU and memory come from the sampler's samples; without one those cells stay empty.
    void setSampler(const ProcessSampler *sampler);

    // The three readings of one death, for the exit cell's tooltip: "Python: -15 · shell: 143 ·
    // killed by SIGTERM: asked to stop; the program could have cleaned up".
    static QString exitExplanation(const ExitInfo &exit);
    // "3.4 MB", "1.2 GB": the memory cells.
    static QString memoryText(qint64 bytes);

    // The language changed: headers and cells (states, exit readings) are read again.
    void retranslate();

    // "0:05", "1:02:03": the running-time cell, a stopwatch a class can read.
    static QString durationText(qint64 milliseconds);
    // "999999", then "13.4 M": the line-count cells.
    static QString countText(qint64 count);

private:
    void handleWorkersChanged(const QList<int> &rows);
    void handleSampled();
    QVariant displayData(const Worker *worker, int column) const;
    QVariant sortData(const Worker *worker, int column) const;
    QString toolTip(const Worker *worker) const;

    WorkerPool &m_pool;
    const ProcessSampler *m_sampler = nullptr;
    QSet<int> m_sampledWorkerIds; // rows showing CPU and memory, to be cleared when they end
};

} // namespace ProcLab
