#pragma once

#include "descendanttracker.h"
#include "pythoncall.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QSet>

#include <memory>
#include <vector>

namespace ProcLab {

class ProcessSampler;
class Worker;
class WorkerPool;
struct ExitInfo;

// The table of workers: one top-level row per worker of a WorkerPool, in start order, and under a
// followed worker's row (Worker::descendants()) a row for each process its program created, nested
// by parent: children of children under their parent, an orphan under the process that created it.
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
//
// Descendant rows follow DescendantTracker::descendantsChanged(), itself batched (at most one per
// 50 ms): each batch becomes exact beginInsertRows/beginRemoveRows ranges and one dataChanged()
// per contiguous run of changed rows under each parent, never a reset. A program that starts
// 10 000 children must not cost 10 000 rows: under each process at most LiveRowLimit running
// children and the EndedRowLimit most recently ended ones are rows, and the rest are counted in one
// "+N more" row (RowKind::More), always the last under its parent. Rows do not jump about while a
// learner reads them: a running process keeps its row, a row freed by an end goes to the earliest
// hidden running child, and an ended process keeps its row while rows of its children hang under
// it, even once the tracker has forgotten it (its row then shows the last copy announced). What
// the model keeps besides rows is a few ids per process the tracker keeps: it is as bounded as the
// tracker. A Python worker's children are named as Python named them ("Process-1 (python3)"):
// each batch of its calls (Worker::pythonCallsReceived()) that names processes becomes one
// dataChanged() per contiguous run of their rows. Processes that the tracker forgot before it ever announced them (more than its ended
// limit ending within one batch) are in no count here.
class WorkerTableModel final : public QAbstractItemModel
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
        FailedRole,  // bool: ended in a way nobody asked for: a crash, a failed start, a non-zero
                     // exit status of its own
        RowKindRole, // int(RowKind): a worker, one of its descendants, or a "+N more" summary
        OrphanRole,  // bool: a descendant whose parent ended while it ran
    };
    Q_ENUM(Role)

    // What a row stands for. For Descendant rows, PidRole is the descendant's PID, WorkerIdRole its
    // worker's id and StateRole int(DescendantState); More rows hold no process (PidRole 0) and
    // cannot be selected.
    enum class RowKind { Worker, Descendant, More };
    Q_ENUM(RowKind)

    // Per parent, the rows shown at most (see the class comment). The tracker itself keeps every
    // running process and the last DescendantTracker::DefaultEndedLimit ended ones of a tree.
    static constexpr int LiveRowLimit = 200;
    static constexpr int EndedRowLimit = 50;

    explicit WorkerTableModel(WorkerPool &pool, QObject *parent = nullptr);
    ~WorkerTableModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    Worker *workerAt(int row) const;
    // Some worker's program has a descendant still running (its running-time cell moves, even
    // after the worker itself ended, as an orphan's does).
    bool hasRunningDescendants() const;
    // CPU and memory come from the sampler's samples; without one those cells stay empty.
    void setSampler(const ProcessSampler *sampler);

    // The three readings of one death, for the exit cell's tooltip: "Python: -15 · shell: 143 ·
    // killed by SIGTERM: asked to stop; the program could have cleaned up".
    static QString exitExplanation(const ExitInfo &exit);
    // "3.4 MB", "1.2 GB": the memory cells.
    static QString memoryText(qint64 bytes);

    // A process of a worker's tree as every view names it: "Process-1 (python3)" when Python
    // named it (Worker::pythonNameOf()), its program's file name otherwise. worker may be null.
    static QString processName(const Worker *worker, const Descendant &process);

    // The language changed: headers and cells (states, exit readings) are read again.
    void retranslate();

    // "0:05", "1:02:03": the running-time cell, a stopwatch a class can read.
    static QString durationText(qint64 milliseconds);
    // "999999", then "13.4 M": the line-count cells.
    static QString countText(qint64 count);

private:
    struct Node;
    struct Tree;

    void insertWorkers(int first, int last);
    void removeWorkers(int first, int last);
    void renumberWorkers();
    Tree *treeOf(int workerId) const;
    void handleDescendantsChanged(int workerId, const DescendantTracker::Changes &changes);
    void handlePythonCalls(int workerId, const QList<PythonCall> &calls);
    void reconcile(Tree &tree, quint64 parentId, QList<quint64> &emptiedGhosts);
    void removeChildRows(Tree &tree, Node *parent, int first, int last);
    std::unique_ptr<Node> createDescendantNode(Tree &tree, Node *parent, quint64 id);
    void forgetNodes(Tree &tree, Node *node);
    static void dropFamilyIfDone(Tree &tree, quint64 parentId);
    void emitChangedRows(Tree &tree, const QList<quint64> &ids);
    QModelIndex indexOf(const Node *node, int column = 0) const;
    static int rowOf(const Node *node);
    static Node *nodeOf(const QModelIndex &index);
    QVariant descendantData(const Node *node, int column, int role) const;
    QVariant moreData(const Node *node, int column, int role) const;
    void emitSubtreeChanged(const Node *node);

    void handleWorkersChanged(const QList<int> &rows);
    void handleSampled();
    QVariant displayData(const Worker *worker, int column) const;
    QVariant sortData(const Worker *worker, int column) const;
    QString toolTip(const Worker *worker) const;

    WorkerPool &m_pool;
    // One per pool row, in the pool's order: a worker's row and the descendant rows under it.
    std::vector<std::unique_ptr<Node>> m_workerNodes;
    QHash<int, Node *> m_workerNodesById;
    const ProcessSampler *m_sampler = nullptr;
    QSet<int> m_sampledWorkerIds; // rows showing CPU and memory, to be cleared when they end
};

} // namespace ProcLab
