#pragma once

#include "processsampler.h"

#include <QAbstractItemModel>
#include <QSet>

#include <memory>
#include <vector>

namespace ProcLab {

class WorkerPool;

// The processes the operating system runs for us, as a tree like pstree draws it: ProcLab itself
// (the main process) at the top, its running workers below it, and below each worker the
// processes it started, found by ProcessSampler (children, grandchildren, and orphans that were
// re-parented away from the worker but are still in its process group).
//
// Each row is one real process with its PID, its parent's PID and its state letter as the kernel
// reports it. Its CPU and memory are those of the process and every process below it, added up: a
// worker's row then reads as the worker table's row does (the worker's whole tree), and a process
// with no children shows its own. A cell's tooltip gives the process's own figure.
//
// The tree follows the sampler (about twice a second, only while workers run) with minimal
// changes: rows that went away are removed and new ones appended with exact ranges, and values that
// changed become one dataChanged() per run of rows, so the view keeps what is expanded and selected.
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
    };
    Q_ENUM(Role)

    enum class Kind { MainProcess, Worker, Process };

    ProcessTreeModel(const WorkerPool &pool,
                     const ProcessSampler &sampler,
                     QObject *parent = nullptr);
    ~ProcessTreeModel() override;

    // The workers whose trees are shown: the selected ones, or every running worker when empty.
    void setWorkerFilter(const QSet<int> &workerIds);
    const QSet<int> &workerFilter() const { return m_filter; }
    // Brings the tree up to date with the pool and the latest sample.
    void refresh();
    // Running workers shown at the moment.
    int workerRowCount() const;
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
        qint64 key = 0; // the worker id for workers, the PID for processes
        int workerId = 0;
        QString name;
        QString toolTip;
        ProcessSample sample;
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
    Entry workerEntry(int workerId) const;
    void sync(Node *node, const QList<Entry> &wanted);
    std::unique_ptr<Node> makeNode(const Entry &entry, Node *parent) const;
    QModelIndex indexOf(const Node *node) const;
    Node *nodeAt(const QModelIndex &index) const;

    const WorkerPool &m_pool;
    const ProcessSampler &m_sampler;
    std::unique_ptr<Node> m_root; // invisible; its one child is the main process
    QSet<int> m_filter;
};

} // namespace ProcLab
