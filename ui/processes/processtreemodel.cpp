#include "processtreemodel.h"

#include "worker.h"
#include "workerpool.h"
#include "workertablemodel.h"

#include <QCoreApplication>

#include <algorithm>
#include <functional>

namespace ProcLab {

struct ProcessTreeModel::Node
{
    Entry entry; // without its children: those are the nodes below
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;

    void renumber()
    {
        for (size_t i = 0; i < children.size(); ++i)
            children[i]->row = int(i);
    }
};

namespace {

bool sameSample(const ProcessSample &a, const ProcessSample &b)
{
    return a.pid == b.pid && a.parentPid == b.parentPid && a.state == b.state
           && qFuzzyCompare(1.0 + a.cpuPercent, 1.0 + b.cpuPercent)
           && a.residentBytes == b.residentBytes && a.command == b.command
           && a.orphaned == b.orphaned;
}

} // namespace

bool ProcessTreeModel::Entry::sameValues(const Entry &other) const
{
    return name == other.name && toolTip == other.toolTip && sameSample(sample, other.sample)
           && qFuzzyCompare(1.0 + totalCpuPercent, 1.0 + other.totalCpuPercent)
           && totalResidentBytes == other.totalResidentBytes
           && descendantCount == other.descendantCount;
}

void ProcessTreeModel::Entry::addUpChildren()
{
    totalCpuPercent = sample.cpuPercent;
    totalResidentBytes = sample.residentBytes;
    descendantCount = 0;
    for (const Entry &child : std::as_const(children)) {
        totalCpuPercent += child.totalCpuPercent;
        totalResidentBytes += child.totalResidentBytes;
        descendantCount += 1 + child.descendantCount;
    }
}

ProcessTreeModel::ProcessTreeModel(const WorkerPool &pool,
                                   const ProcessSampler &sampler,
                                   QObject *parent)
    : QAbstractItemModel(parent)
    , m_pool(pool)
    , m_sampler(sampler)
    , m_root(std::make_unique<Node>())
{
    connect(&m_sampler, &ProcessSampler::sampled, this, &ProcessTreeModel::refresh);
    // Workers appear (with their PID) and go at once, not only at the next sample.
    connect(&m_pool, &WorkerPool::workersChanged, this, &ProcessTreeModel::refresh);
    connect(&m_pool, &WorkerPool::workersRemoved, this, &ProcessTreeModel::refresh);
    connect(&m_pool, &WorkerPool::workerFinished, this, &ProcessTreeModel::refresh);
    refresh();
}

ProcessTreeModel::~ProcessTreeModel() = default;

void ProcessTreeModel::setWorkerFilter(const QSet<int> &workerIds)
{
    if (workerIds == m_filter)
        return;
    m_filter = workerIds;
    refresh();
}

int ProcessTreeModel::workerRowCount() const
{
    return m_root->children.empty() ? 0 : int(m_root->children.front()->children.size());
}

void ProcessTreeModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    // One range per parent: every row below it, every column.
    const std::function<void(const Node *)> announce = [&](const Node *node) {
        if (node->children.empty())
            return;
        const QModelIndex parent = node == m_root.get() ? QModelIndex() : indexOf(node);
        emit dataChanged(index(0, 0, parent),
                         index(int(node->children.size()) - 1, ColumnCount - 1, parent),
                         {Qt::DisplayRole, Qt::ToolTipRole});
        for (const auto &child : node->children)
            announce(child.get());
    };
    announce(m_root.get());
    // The main process's tooltip is a sentence of ours.
    refresh();
}

void ProcessTreeModel::refresh()
{
    sync(m_root.get(), wantedTree());
}

QList<ProcessTreeModel::Entry> ProcessTreeModel::wantedTree() const
{
    Entry main;
    main.kind = Kind::MainProcess;
    main.name = QStringLiteral("proclab");
    main.toolTip = tr("ProcLab itself: it starts the workers, as the tutorial's main program "
                      "starts its processes. Every worker's parent (PPID) is this process.");
    main.sample.pid = QCoreApplication::applicationPid();
    for (const Worker *worker : m_pool.workers()) {
        if (!worker->isActive() || worker->pid() <= 0)
            continue;
        if (!m_filter.isEmpty() && !m_filter.contains(worker->id()))
            continue;
        main.children.append(workerEntry(worker->id()));
    }
    return {main};
}

ProcessTreeModel::Entry ProcessTreeModel::workerEntry(int workerId) const
{
    const Worker *worker = m_pool.workerById(workerId);
    const ProcessTree tree = m_sampler.tree(workerId);
    Entry entry;
    entry.kind = Kind::Worker;
    entry.key = workerId;
    entry.workerId = workerId;
    entry.name = worker->name();
    entry.toolTip = worker->commandLine();
    if (tree.leader.pid == worker->pid()) {
        entry.sample = tree.leader;
    } else {
        entry.sample.pid = worker->pid(); // started, not sampled yet
    }
    // Orphans hang below the worker itself; the others below their parent.
    const qint64 leaderPid = worker->pid();
    QSet<qint64> known{leaderPid};
    for (const ProcessSample &sample : tree.descendants)
        known.insert(sample.pid);
    QHash<qint64, QList<ProcessSample>> byParent;
    for (const ProcessSample &sample : tree.descendants) {
        const bool underParent = !sample.orphaned && known.contains(sample.parentPid);
        byParent[underParent ? sample.parentPid : leaderPid].append(sample);
    }
    QSet<qint64> placed{leaderPid};
    const std::function<QList<Entry>(qint64)> childrenOf = [&](qint64 pid) {
        QList<ProcessSample> samples = byParent.value(pid);
        std::sort(samples.begin(), samples.end(), [](const auto &a, const auto &b) {
            return a.pid < b.pid;
        });
        QList<Entry> children;
        for (const ProcessSample &sample : std::as_const(samples)) {
            if (placed.contains(sample.pid))
                continue; // PIDs are unique; never loop, whatever a sample says
            placed.insert(sample.pid);
            Entry child;
            child.key = sample.pid;
            child.workerId = workerId;
            child.name = sample.command;
            child.sample = sample;
            child.toolTip = sample.orphaned
                                    ? tr("Its parent ended before it did, so the system gave it "
                                         "another parent (PID %1). It is still in the worker's "
                                         "process group: Terminate stops it too.")
                                              .arg(sample.parentPid)
                                    : tr("Started by PID %1").arg(sample.parentPid);
            child.children = childrenOf(sample.pid);
            child.addUpChildren();
            children.append(child);
        }
        return children;
    };
    entry.children = childrenOf(leaderPid);
    entry.addUpChildren();
    return entry;
}

std::unique_ptr<ProcessTreeModel::Node> ProcessTreeModel::makeNode(const Entry &entry,
                                                                   Node *parent) const
{
    auto node = std::make_unique<Node>();
    node->entry = entry;
    node->entry.children.clear();
    node->parent = parent;
    for (const Entry &child : entry.children)
        node->children.push_back(makeNode(child, node.get()));
    node->renumber();
    return node;
}

void ProcessTreeModel::sync(Node *node, const QList<Entry> &wanted)
{
    const auto keyOf = [](const Entry &entry) {
        return qMakePair(int(entry.kind), entry.key);
    };
    QHash<QPair<int, qint64>, qsizetype> wantedAt;
    for (qsizetype i = 0; i < wanted.size(); ++i)
        wantedAt.insert(keyOf(wanted.at(i)), i);
    const QModelIndex parentIndex = indexOf(node);

    // Gone: removed from the end, a run of neighbours at a time, so each range is exact.
    auto &children = node->children;
    for (int last = int(children.size()) - 1; last >= 0;) {
        if (wantedAt.contains(keyOf(children[size_t(last)]->entry))) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !wantedAt.contains(keyOf(children[size_t(first - 1)]->entry)))
            --first;
        beginRemoveRows(parentIndex, first, last);
        children.erase(children.begin() + first, children.begin() + last + 1);
        node->renumber();
        endRemoveRows();
        last = first - 1;
    }

    // Kept: new values, one dataChanged per run of changed rows; then their own children.
    QSet<QPair<int, qint64>> present;
    int changedFirst = -1;
    const auto flush = [&](int end) {
        if (changedFirst >= 0)
            emit dataChanged(index(changedFirst, 0, parentIndex),
                             index(end - 1, ColumnCount - 1, parentIndex));
        changedFirst = -1;
    };
    for (int row = 0; row < int(children.size()); ++row) {
        Node *child = children[size_t(row)].get();
        const Entry &entry = wanted.at(wantedAt.value(keyOf(child->entry)));
        present.insert(keyOf(entry));
        if (!child->entry.sameValues(entry)) {
            Entry values = entry;
            values.children.clear();
            child->entry = values;
            if (changedFirst < 0)
                changedFirst = row;
        } else {
            flush(row);
        }
    }
    flush(int(children.size()));
    for (auto &child : children)
        sync(child.get(), wanted.at(wantedAt.value(keyOf(child->entry))).children);

    // New: appended in one range, each with its subtree already in place.
    QList<const Entry *> added;
    for (const Entry &entry : wanted) {
        if (!present.contains(keyOf(entry)))
            added.append(&entry);
    }
    if (added.isEmpty())
        return;
    const int first = int(children.size());
    beginInsertRows(parentIndex, first, first + int(added.size()) - 1);
    for (const Entry *entry : std::as_const(added))
        children.push_back(makeNode(*entry, node));
    node->renumber();
    endInsertRows();
}

QModelIndex ProcessTreeModel::indexOf(const Node *node) const
{
    if (!node || node == m_root.get())
        return QModelIndex();
    return createIndex(node->row, 0, const_cast<Node *>(node));
}

ProcessTreeModel::Node *ProcessTreeModel::nodeAt(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex ProcessTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return QModelIndex();
    Node *parentNode = nodeAt(parent);
    return createIndex(row, column, parentNode->children[size_t(row)].get());
}

QModelIndex ProcessTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return QModelIndex();
    return indexOf(nodeAt(child)->parent);
}

int ProcessTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeAt(parent)->children.size());
}

int ProcessTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString ProcessTreeModel::stateText(char state)
{
    switch (state) {
    case 'R':
        return tr("running");
    case 'S':
        return tr("sleeping");
    case 'D':
        return tr("waiting for the disk");
    case 'T':
        return tr("stopped (paused)");
    case 't':
        return tr("stopped by a debugger");
    case 'Z':
        return tr("zombie");
    case 'I':
        return tr("idle");
    case 'X':
        return tr("dead");
    default:
        return QString();
    }
}

QVariant ProcessTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    const Node *node = nodeAt(index);
    const Entry &entry = node->entry;
    const ProcessSample &sample = entry.sample;
    const bool sampled = entry.kind != Kind::MainProcess && sample.state != '?';
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return entry.name;
        case PidColumn:
            return sample.pid > 0 ? QString::number(sample.pid) : QString();
        case ParentPidColumn:
            return sample.parentPid > 0 ? QString::number(sample.parentPid) : QString();
        case StateColumn:
            if (entry.kind == Kind::MainProcess)
                return tr("main process (ProcLab itself)");
            if (sample.orphaned)
                return tr("%1 · orphan (re-parented)").arg(stateText(sample.state));
            return stateText(sample.state);
        case CpuColumn:
            return sampled ? tr("%1 %").arg(qRound(entry.totalCpuPercent)) : QString();
        case MemoryColumn:
            return sampled ? WorkerTableModel::memoryText(entry.totalResidentBytes) : QString();
        case ColumnCount:
            break;
        }
        return QVariant();
    case Qt::ToolTipRole:
        if (sampled && entry.descendantCount > 0 && index.column() == CpuColumn) {
            return tr("%1 % itself, %2 % with the %n process(es) below it",
                      nullptr,
                      entry.descendantCount)
                    .arg(qRound(sample.cpuPercent))
                    .arg(qRound(entry.totalCpuPercent));
        }
        if (sampled && entry.descendantCount > 0 && index.column() == MemoryColumn) {
            return tr("%1 itself, %2 with the %n process(es) below it",
                      nullptr,
                      entry.descendantCount)
                    .arg(WorkerTableModel::memoryText(sample.residentBytes),
                         WorkerTableModel::memoryText(entry.totalResidentBytes));
        }
        return entry.toolTip;
    case Qt::TextAlignmentRole:
        return index.column() == NameColumn || index.column() == StateColumn
                       ? int(Qt::AlignLeft | Qt::AlignVCenter)
                       : int(Qt::AlignRight | Qt::AlignVCenter);
    case PidRole:
        return sample.pid;
    case ParentPidRole:
        return sample.parentPid;
    case WorkerIdRole:
        return entry.workerId;
    case KindRole:
        return int(entry.kind);
    case OrphanRole:
        return sample.orphaned;
    case ResidentBytesRole:
        return entry.totalResidentBytes;
    case OwnResidentBytesRole:
        return sample.residentBytes;
    case CpuPercentRole:
        return entry.totalCpuPercent;
    default:
        return QVariant();
    }
}

QVariant ProcessTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QVariant();
    if (role == Qt::TextAlignmentRole)
        return section == NameColumn || section == StateColumn
                       ? int(Qt::AlignLeft | Qt::AlignVCenter)
                       : int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case PidColumn:
            return tr("Process ID: the number the system gave the process");
        case ParentPidColumn:
            return tr("Parent process ID: the process that started it (os.getppid() in Python)");
        case StateColumn:
            return tr("What the process is doing, as the system says it");
        case CpuColumn:
            return tr("Processor use of this process and every process below it, in % of one "
                      "core: for a worker, the figure of the worker table. Hover over a cell for "
                      "the process alone");
        case MemoryColumn:
            return tr("Resident memory (RSS) of this process and every process below it, added "
                      "up: for a worker, the figure of the worker table. Hover over a cell for "
                      "the process alone");
        default:
            return QVariant();
        }
    }
    if (role != Qt::DisplayRole)
        return QVariant();
    switch (Column(section)) {
    case NameColumn:
        return tr("Process");
    case PidColumn:
        return tr("PID");
    case ParentPidColumn:
        return tr("PPID");
    case StateColumn:
        return tr("State");
    case CpuColumn:
        return tr("CPU");
    case MemoryColumn:
        return tr("Memory");
    case ColumnCount:
        break;
    }
    return QVariant();
}

} // namespace ProcLab
