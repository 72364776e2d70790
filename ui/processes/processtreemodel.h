#pragma once

#include "processsampler.h"
#include "processtarget.h"

#include <QAbstractItemModel>
#include <QSet>

#include <memory>
#include <vector>

class QTimer;

namespace ProcLab {

class Worker;
class WorkerPool;

// The processes the operating system runs for us, as a tree like pstree draws it: ProcLab itself
// (the main process) at the top, the workers below it, and below each worker the processes it
// started (children, grandchildren, and orphans that were re-parented away from the worker but are
// still its own).
//
// Where they come from depends on the worker. An unfollowed worker's processes are those
// ProcessSampler finds (about twice a second), so a process that lives 30 ms is never seen. A
// followed worker's (Worker::descendants()) come from its DescendantTracker, which sees every one:
// those that ended are kept as "ended" rows with their exit code (the last MaxEndedShown of them,
// the rest summed up in a "+N more" row), orphans are flagged with the PPID they were given. The
// sampler adds CPU and memory to the live ones, and whatever the tracker cannot see (the children
// of a program that traces its own).
//
// A Python worker's children are named as Python named them, "Process-1 (python3)", from the
// worker's start() calls (Worker::pythonNameOf()); a batch of calls costs one refresh, as a
// tracker's batch does.
//
// A zombie (state Z: it ended, its parent has not collected its exit status yet) is shown below
// its parent until it is reaped, as ps shows it.
//
// Each row is one real process with its PID, its parent's PID and its state. Its CPU and memory
// are those of the process and every process below it, added up: a worker's row then reads as the
// worker table's row does (the worker's whole tree), and a process with no children shows its own.
// A cell's tooltip gives the process's own figure.
//
// The tree follows the sampler and the trackers with minimal changes: rows that went away are
// removed and new ones appended with exact ranges, and values that changed become one dataChanged()
// per run of rows, so the view keeps what is expanded and selected.
class ProcessTreeModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        PidColumn,
        ParentPidColumn,
        StateColumn,
        CpuColumn,
        MemoryColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        PidRole = Qt::UserRole, // qint64
        ParentPidRole,          // qint64, 0 when unknown
        WorkerIdRole,           // int: the worker the process belongs to; 0 for the main process
        KindRole,               // int(Kind)
        OrphanRole,             // bool: its parent died, it was re-parented outside the worker
        ResidentBytesRole,      // qint64: RSS of the process and every process below it
        OwnResidentBytesRole,   // qint64: RSS of the process alone
        CpuPercentRole,         // double: CPU % of the process and every process below it
        EndedRole,              // bool: it ended (and was reaped); the row stays to tell how
        ZombieRole,             // bool: it ended, its parent has not reaped it yet (state Z)
        ExitCodeRole,           // int, Python's convention (-15 after SIGTERM); invalid if unknown
        DescendantIdRole,       // quint64: its DescendantTracker entry; 0 when not followed
        HiddenCountRole,        // qint64: on a "+N more" row, the N
    };
    Q_ENUM(Role)

    // Summary: the "+N more" row below a followed worker whose tree is too big to list.
    enum class Kind { MainProcess, Worker, Process, Summary };

    // Per followed worker: at most this many ended processes are listed (the latest), and this
    // many unreaped ones; the others are counted in one "+N more" row. 10 000 children cost the
    // view a few hundred rows, however long they run.
    static constexpr int MaxEndedShown = 200;
    static constexpr int MaxUnreapedShown = 500;

    ProcessTreeModel(const WorkerPool &pool,
                     const ProcessSampler &sampler,
                     QObject *parent = nullptr);
    ~ProcessTreeModel() override;

    // The workers whose trees are shown: the selected ones, whether they run or ended (with what
    // they left), or, when empty, every worker that runs (or whose orphans still run).
    void setWorkerFilter(const QSet<int> &workerIds);
    const QSet<int> &workerFilter() const { return m_filter; }
    // Brings the tree up to date with the pool, the trackers and the latest sample.
    void refresh();
    // Workers shown at the moment.
    int workerRowCount() const;
    // The process a row stands for; invalid for the main process and a "+N more" row.
    ProcessTarget targetAt(const QModelIndex &index) const;
    // The row of a target (column 0), or an invalid index. A descendant is found by its PID among
    // its worker's rows, an unreaped one first.
    QModelIndex indexOf(const ProcessTarget &target) const;
    // The language changed: headers and texts (states, the main process) are read again.
    void retranslate();

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // "sleeping", "stopped"…: the kernel's state letter in words.
    static QString stateText(char state);

private:
    // One row: what is shown, and the key that keeps it the same row from one sample to the next.
    struct Entry
    {
        Kind kind = Kind::Process;
        // The worker id for workers, the PID for sampled processes, the tracker's id for followed
        // ones (PIDs are reused): with the kind and whether it is tracked, the row's identity.
        qint64 key = 0;
        bool tracked = false;
        int workerId = 0;
        QString name;
        QString toolTip;
        ProcessSample sample;
        bool figures = false; // CPU and memory were sampled
        bool ended = false;
        QString exitText; // how it ended, ExitInfo::shortText(); empty if unknown
        int exitCode = 0;
        bool exitCodeKnown = false;
        quint64 descendantId = 0;
        qint64 hiddenCount = 0; // Summary
        QList<Entry> children;
        // The process and everything below it: what the row shows, and for a worker what the
        // worker table shows.
        double totalCpuPercent = 0.0;
        qint64 totalResidentBytes = 0;
        int descendantCount = 0;

        void addUpChildren();

        bool sameValues(const Entry &other) const;
    };
    struct Node;

    QList<Entry> wantedTree() const;
    Entry workerEntry(const Worker &worker) const;
    QList<Entry> sampledChildren(int workerId, qint64 leaderPid, const ProcessTree &tree) const;
    QList<Entry> trackedChildren(const Worker &worker, const ProcessTree &tree) const;
    bool isShown(const Worker &worker) const;
    void watchTrackers();
    void scheduleRefresh();
    void sync(Node *node, const QList<Entry> &wanted);
    std::unique_ptr<Node> makeNode(const Entry &entry, Node *parent) const;
    QModelIndex indexOfNode(const Node *node) const;
    Node *nodeAt(const QModelIndex &index) const;

    const WorkerPool &m_pool;
    const ProcessSampler &m_sampler;
    std::unique_ptr<Node> m_root; // invisible; its one child is the main process
    QSet<int> m_filter;
    QTimer *m_refreshTimer;
};

} // namespace ProcLab
