#include "processtreemodel.h"

#include "descendanttracker.h"
#include "worker.h"
#include "workerpool.h"
#include "workertablemodel.h"

#include <QCoreApplication>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <limits>

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
           && figures == other.figures && ended == other.ended && exitText == other.exitText
           && exitCode == other.exitCode && exitCodeKnown == other.exitCodeKnown
           && hiddenCount == other.hiddenCount
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
    , m_refreshTimer(new QTimer(this))
{
    // A tracker announces at most 20 batches a second per worker; the tree follows at most ten
    // times a second, so that many busy workers cost one rebuild, not one each.
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(100);
    connect(m_refreshTimer, &QTimer::timeout, this, &ProcessTreeModel::refresh);
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
        const QModelIndex parent = node == m_root.get() ? QModelIndex() : indexOfNode(node);
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
    m_refreshTimer->stop();
    watchTrackers();
    sync(m_root.get(), wantedTree());
}

void ProcessTreeModel::scheduleRefresh()
{
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void ProcessTreeModel::watchTrackers()
{
    for (const Worker *worker : m_pool.workers()) {
        // A start() names a Python child: "Process-1 (python3)".
        connect(worker,
                &Worker::pythonCallsReceived,
                this,
                &ProcessTreeModel::scheduleRefresh,
                Qt::UniqueConnection);
        if (const DescendantTracker *tracker = worker->descendants()) {
            connect(tracker,
                    &DescendantTracker::descendantsChanged,
                    this,
                    &ProcessTreeModel::scheduleRefresh,
                    Qt::UniqueConnection);
        }
    }
}

bool ProcessTreeModel::isShown(const Worker &worker) const
{
    if (!m_filter.isEmpty())
        return m_filter.contains(worker.id());
    return ProcessSampler::isWatched(worker);
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
        if (isShown(*worker))
            main.children.append(workerEntry(*worker));
    }
    return {main};
}

namespace {

QString commandText(const Descendant &descendant)
{
    return descendant.arguments.isEmpty() ? descendant.executable
                                          : descendant.arguments.join(QLatin1Char(' '));
}

} // namespace

ProcessTreeModel::Entry ProcessTreeModel::workerEntry(const Worker &worker) const
{
    const bool watched = ProcessSampler::isWatched(worker);
    const ProcessTree tree = watched ? m_sampler.tree(worker.id()) : ProcessTree();
    Entry entry;
    entry.kind = Kind::Worker;
    entry.key = worker.id();
    entry.workerId = worker.id();
    entry.name = worker.name();
    entry.toolTip = worker.commandLine();
    if (watched && tree.leader.pid == worker.pid() && worker.pid() > 0) {
        entry.sample = tree.leader;
        entry.figures = true;
    } else {
        entry.sample.pid = worker.pid(); // started, not sampled yet; or ended
    }
    const DescendantTracker *tracker = worker.descendants();
    const Descendant *root = tracker ? tracker->root() : nullptr;
    if (root && entry.sample.parentPid == 0)
        entry.sample.parentPid = root->parentPid;
    if (!worker.isActive() && (!root || !root->isAlive())) {
        entry.ended = true;
        entry.figures = false;
        entry.exitText = worker.exitInfo().shortText();
        if (const std::optional<int> code = worker.exitInfo().pythonExitCode()) {
            entry.exitCode = *code;
            entry.exitCodeKnown = true;
        }
    }
    entry.children = tracker ? trackedChildren(worker, tree)
                             : sampledChildren(worker.id(), worker.pid(), tree);
    entry.addUpChildren();
    // The worker's own figures are the worker table's: the whole tree as sampled, whatever part
    // of it is listed.
    if (entry.figures) {
        entry.totalCpuPercent = tree.cpuPercent;
        entry.totalResidentBytes = tree.residentBytes;
    }
    return entry;
}

QList<ProcessTreeModel::Entry> ProcessTreeModel::sampledChildren(int workerId,
                                                                 qint64 leaderPid,
                                                                 const ProcessTree &tree) const
{
    // Orphans hang below the worker itself; the others below their parent.
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
            if (const Worker *worker = m_pool.workerById(workerId)) {
                const QString pythonName = worker->pythonNameOf(sample.pid);
                if (!pythonName.isEmpty())
                    child.name = QStringLiteral("%1 (%2)").arg(pythonName, sample.command);
            }
            child.sample = sample;
            child.figures = true;
            if (sample.state == 'Z') {
                child.toolTip = tr("It has ended, but its parent (PID %1) has not collected its "
                                   "exit status yet (wait() in C, join() in Python): until it "
                                   "does, the system keeps it as a zombie.")
                                        .arg(sample.parentPid);
            } else if (sample.orphaned) {
                child.toolTip = tr("Its parent ended before it did, so the system gave it "
                                   "another parent (PID %1). It is still in the worker's "
                                   "process group: Terminate stops it too.")
                                        .arg(sample.parentPid);
            } else {
                child.toolTip = tr("Started by PID %1").arg(sample.parentPid);
            }
            child.children = childrenOf(sample.pid);
            child.addUpChildren();
            children.append(child);
        }
        return children;
    };
    return childrenOf(leaderPid);
}

QList<ProcessTreeModel::Entry> ProcessTreeModel::trackedChildren(const Worker &worker,
                                                                 const ProcessTree &tree) const
{
    const DescendantTracker &tracker = *worker.descendants();
    const Descendant *root = tracker.root();
    const quint64 rootId = root ? root->id : 0;
    QHash<qint64, ProcessSample> samples;
    for (const ProcessSample &sample : tree.descendants)
        samples.insert(sample.pid, sample);

    // Which entries get a row: the unreaped ones (oldest first) and the latest ended ones.
    const QList<quint64> ids = tracker.ids();
    QList<const Descendant *> descendants;
    descendants.reserve(ids.size());
    qint64 endedCount = 0;
    QSet<qint64> trackedPids;
    for (const quint64 id : ids) {
        const Descendant *descendant = tracker.descendant(id);
        if (!descendant || id == rootId)
            continue;
        descendants.append(descendant);
        trackedPids.insert(descendant->pid);
        if (descendant->state == DescendantState::Ended)
            ++endedCount;
    }
    qint64 hidden = tracker.summary().forgotten;
    qint64 endedSkipped = qMax<qint64>(0, endedCount - MaxEndedShown);
    int unreapedShown = 0;

    // Flat first, every row with the index of its parent's (-1: the worker); nested at the end.
    QList<Entry> flat;
    QList<qsizetype> parentOf;
    QHash<quint64, qsizetype> rowOfId;
    QHash<qint64, qsizetype> rowOfLivePid;
    for (const Descendant *descendant : std::as_const(descendants)) {
        const bool ended = descendant->state == DescendantState::Ended;
        if (ended ? endedSkipped-- > 0 : unreapedShown++ >= MaxUnreapedShown) {
            ++hidden;
            continue;
        }
        const ProcessSample sample = samples.value(descendant->pid);
        const bool sampled = !ended && sample.pid == descendant->pid;
        Entry entry;
        entry.key = qint64(descendant->id);
        entry.tracked = true;
        entry.descendantId = descendant->id;
        entry.workerId = worker.id();
        entry.name = WorkerTableModel::processName(&worker, *descendant);
        entry.sample.pid = descendant->pid;
        entry.sample.command = entry.name;
        entry.sample.orphaned = descendant->orphan;
        if (!descendant->orphan)
            entry.sample.parentPid = descendant->parentPid;
        else if (descendant->reparentedTo > 0)
            entry.sample.parentPid = descendant->reparentedTo;
        else if (sampled)
            entry.sample.parentPid = sample.parentPid;
        switch (descendant->state) {
        case DescendantState::Running:
            entry.sample.state = 'R';
            break;
        case DescendantState::Stopped:
            entry.sample.state = 'T';
            break;
        case DescendantState::Zombie:
            entry.sample.state = 'Z';
            break;
        case DescendantState::Ended:
            entry.sample.state = 'X';
            entry.ended = true;
            break;
        }
        if (sampled) {
            // The system's own word on what it does now ("sleeping", or a zombie already).
            entry.sample.state = sample.state;
            entry.sample.cpuPercent = sample.cpuPercent;
            entry.sample.residentBytes = sample.residentBytes;
            entry.figures = true;
        }
        if (descendant->exitInfo.hasEnded()) {
            entry.exitText = descendant->exitInfo.shortText();
            if (const std::optional<int> code = descendant->exitInfo.pythonExitCode()) {
                entry.exitCode = *code;
                entry.exitCodeKnown = true;
            }
        }
        QStringList tip{commandText(*descendant)};
        if (entry.sample.state == 'Z') {
            tip.append(tr("It has ended, but its parent (PID %1) has not collected its exit "
                          "status yet (wait() in C, join() in Python): until it does, the system "
                          "keeps it as a zombie.")
                               .arg(entry.sample.parentPid));
        } else if (descendant->orphan) {
            tip.append(tr("An orphan: its parent (PID %1) ended before it did, so the system "
                          "gave it another parent.")
                               .arg(descendant->parentPid));
        } else {
            tip.append(tr("Started by PID %1").arg(descendant->parentPid));
        }
        if (entry.ended && !entry.exitText.isEmpty())
            tip.append(tr("Exit code (as Python's exitcode): %1").arg(entry.exitText));
        entry.toolTip = tip.join(QLatin1Char('\n'));

        // An orphan hangs below the worker, as the system no longer counts it its parent's child.
        const qsizetype parent = descendant->orphan ? -1 : rowOfId.value(descendant->parentId, -1);
        rowOfId.insert(descendant->id, flat.size());
        if (!ended)
            rowOfLivePid.insert(descendant->pid, flat.size());
        flat.append(entry);
        parentOf.append(parent);
    }

    // What the tracker cannot see (the children of a program that traces its own, which ProcLab
    // steps aside for) is still in the sample.
    const qsizetype firstSampled = flat.size();
    for (const ProcessSample &sample : tree.descendants) {
        if (trackedPids.contains(sample.pid))
            continue;
        Entry entry;
        entry.key = sample.pid;
        entry.workerId = worker.id();
        entry.name = sample.command;
        entry.sample = sample;
        entry.figures = true;
        entry.toolTip = tr("Started by PID %1").arg(sample.parentPid);
        rowOfLivePid.insert(sample.pid, flat.size());
        flat.append(entry);
        parentOf.append(-1);
    }
    for (qsizetype row = firstSampled; row < flat.size(); ++row) {
        const ProcessSample &sample = flat.at(row).sample;
        if (!sample.orphaned && sample.parentPid != worker.pid())
            parentOf[row] = rowOfLivePid.value(sample.parentPid, -1);
    }

    QHash<qsizetype, QList<qsizetype>> childRows;
    for (qsizetype row = 0; row < flat.size(); ++row)
        childRows[parentOf.at(row)].append(row);
    // A row is reached once, from its parent: a PID reused in a sample can never make a loop.
    const std::function<QList<Entry>(qsizetype)> nest = [&](qsizetype parent) {
        QList<Entry> children;
        for (const qsizetype row : childRows.value(parent)) {
            Entry entry = flat.at(row);
            entry.children = nest(row);
            entry.addUpChildren();
            children.append(entry);
        }
        return children;
    };
    QList<Entry> children = nest(-1);
    if (hidden > 0) {
        Entry summary;
        summary.kind = Kind::Summary;
        summary.workerId = worker.id();
        summary.hiddenCount = hidden;
        const int count = int(qMin<qint64>(hidden, std::numeric_limits<int>::max()));
        summary.name = tr("+%n more", nullptr, count);
        summary.toolTip = tr("%n process(es) of this worker not listed, to keep the tree small: "
                             "those that ended earliest, and any beyond the first %1 that have "
                             "not ended.",
                             nullptr,
                             count)
                                  .arg(MaxUnreapedShown);
        children.append(summary);
    }
    return children;
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
        return qMakePair(int(entry.kind) * 2 + int(entry.tracked), entry.key);
    };
    QHash<QPair<int, qint64>, qsizetype> wantedAt;
    for (qsizetype i = 0; i < wanted.size(); ++i)
        wantedAt.insert(keyOf(wanted.at(i)), i);
    const QModelIndex parentIndex = indexOfNode(node);

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

    // New: inserted where the wanted order puts them, a run of neighbours at a time, each with its
    // subtree already in place. Kept rows are in that order already, so a "+N more" row stays
    // last and a process that starts later is listed after those that started before it.
    int position = 0;
    for (qsizetype i = 0; i < wanted.size();) {
        const auto key = keyOf(wanted.at(i));
        if (present.contains(key)) {
            int found = position;
            while (found < int(children.size()) && keyOf(children[size_t(found)]->entry) != key)
                ++found;
            if (found < int(children.size()))
                position = found + 1;
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < wanted.size() && !present.contains(keyOf(wanted.at(end))))
            ++end;
        beginInsertRows(parentIndex, position, position + int(end - i) - 1);
        for (qsizetype k = i; k < end; ++k) {
            children.insert(children.begin() + position + int(k - i), makeNode(wanted.at(k), node));
        }
        node->renumber();
        endInsertRows();
        position += int(end - i);
        i = end;
    }
}

QModelIndex ProcessTreeModel::indexOfNode(const Node *node) const
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
    return indexOfNode(nodeAt(child)->parent);
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
    // An ended process, or a zombie, uses neither processor nor memory: nothing to show.
    const bool figures = entry.figures && !entry.ended && sample.state != 'Z';
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return entry.name;
        case PidColumn:
            return sample.pid > 0 ? QString::number(sample.pid) : QString();
        case ParentPidColumn:
            return sample.parentPid > 0 ? QString::number(sample.parentPid) : QString();
        case StateColumn: {
            if (entry.kind == Kind::MainProcess)
                return tr("main process (ProcLab itself)");
            if (entry.kind == Kind::Summary)
                return QString();
            QString state;
            if (entry.ended) {
                // "ended · exit -15 · SIGTERM", or "failed to start", or just "ended" if unknown.
                state = entry.exitCodeKnown        ? tr("ended · exit %1").arg(entry.exitText)
                        : entry.exitText.isEmpty() ? tr("ended")
                                                   : entry.exitText;
            } else {
                state = stateText(sample.state);
            }
            if (sample.orphaned)
                return tr("%1 · orphan (re-parented)").arg(state);
            return state;
        }
        case CpuColumn:
            return figures ? tr("%1 %").arg(qRound(entry.totalCpuPercent)) : QString();
        case MemoryColumn:
            return figures ? WorkerTableModel::memoryText(entry.totalResidentBytes) : QString();
        case ColumnCount:
            break;
        }
        return QVariant();
    case Qt::ToolTipRole:
        if (figures && entry.descendantCount > 0 && index.column() == CpuColumn) {
            return tr("%1 % itself, %2 % with the %n process(es) below it",
                      nullptr,
                      entry.descendantCount)
                    .arg(qRound(sample.cpuPercent))
                    .arg(qRound(entry.totalCpuPercent));
        }
        if (figures && entry.descendantCount > 0 && index.column() == MemoryColumn) {
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
    case EndedRole:
        return entry.ended;
    case ZombieRole:
        return !entry.ended && sample.state == 'Z';
    case ExitCodeRole:
        return entry.exitCodeKnown ? QVariant(entry.exitCode) : QVariant();
    case DescendantIdRole:
        return entry.descendantId;
    case HiddenCountRole:
        return entry.hiddenCount;
    default:
        return QVariant();
    }
}

ProcessTarget ProcessTreeModel::targetAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return ProcessTarget{};
    const Entry &entry = nodeAt(index)->entry;
    if ((entry.kind != Kind::Worker && entry.kind != Kind::Process) || entry.sample.pid <= 0)
        return ProcessTarget{};
    ProcessTarget target;
    target.workerId = entry.workerId;
    target.pid = entry.sample.pid;
    target.isWorker = entry.kind == Kind::Worker;
    return target;
}

QModelIndex ProcessTreeModel::indexOf(const ProcessTarget &target) const
{
    if (!target.isValid() || m_root->children.empty())
        return QModelIndex();
    const Node *main = m_root->children.front().get();
    for (const auto &worker : main->children) {
        if (worker->entry.workerId != target.workerId)
            continue;
        if (target.isWorker)
            return indexOfNode(worker.get());
        // The unreaped process with the PID, or else the latest that ended with it.
        const Node *found = nullptr;
        const std::function<bool(const Node *)> search = [&](const Node *node) {
            for (const auto &child : node->children) {
                if (child->entry.kind == Kind::Process && child->entry.sample.pid == target.pid) {
                    found = child.get();
                    if (!child->entry.ended)
                        return true;
                }
                if (search(child.get()))
                    return true;
            }
            return false;
        };
        search(worker.get());
        return indexOfNode(found);
    }
    return QModelIndex();
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
