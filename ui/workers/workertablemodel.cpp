#include "workertablemodel.h"

#include "ansiparser.h"
#include "countdown.h"
#include "processsampler.h"
#include "worker.h"
#include "workerpool.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QPointer>

#include <algorithm>
#include <csignal>
#include <limits>
#include <map>
#include <set>

namespace ProcLab {

namespace {

// A table cell shows one line; laying out 64 KiB of text for every paint would make a flood of long
// lines cost more than the rest of the window together.
constexpr qsizetype MaxLastLineLength = 300;
// Escape sequences take room without showing: a colour code is a few characters, an OSC hyperlink
// can be a whole URL. This much of the line is read to find the characters the cell shows.
constexpr qsizetype MaxLastLineParsed = 16 * MaxLastLineLength;

QString lastLineText(const QString &line)
{
    // Colours, titles and cursor movements of the worker's output are for the output view; in a
    // cell they are noise. The output view's parser removes them all, OSC and DCS strings included.
    QString text = line.size() > MaxLastLineParsed ? line.left(MaxLastLineParsed) : line;
    text = AnsiParser::stripped(text).trimmed();
    if (text.size() > MaxLastLineLength)
        text = text.left(MaxLastLineLength) + QChar(0x2026);
    return text;
}

// A worker that ended on its own with a non-zero status failed, even though its process
// "finished": the cell says so, with the status, so that it does not read like a success.
bool endedInFailure(const Worker *worker)
{
    const ExitInfo &exit = worker->exitInfo();
    return exit.hasEnded() && !exit.isSuccess();
}

QString stateCellText(const Worker *worker)
{
    const ExitInfo &exit = worker->exitInfo();
    if (worker->state() == WorkerState::Finished && exit.reason == ExitInfo::Reason::Exited
        && !exit.isSuccess()) {
        return WorkerTableModel::tr("failed (exit %1)").arg(exit.exitCode);
    }
    const QString state = stateText(*worker); // with its orphans: "finished · 2 orphans running"
    const Countdown *countdown = worker->scheduledStop();
    if (!countdown || !countdown->isActive() || !worker->isActive())
        return state;
    return WorkerTableModel::tr("%1 · terminating in %2 s")
            .arg(state)
            .arg(countdown->remainingSeconds());
}

// Numbers right-aligned, so that their digits line up; their headers with them.
int columnAlignment(int column)
{
    switch (column) {
    case WorkerTableModel::PidColumn:
    case WorkerTableModel::CpuColumn:
    case WorkerTableModel::MemoryColumn:
    case WorkerTableModel::RunningTimeColumn:
    case WorkerTableModel::LinesOutColumn:
    case WorkerTableModel::LinesErrColumn:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    }
}

// A More row sorts after every process under its parent.
constexpr quint64 MoreId = std::numeric_limits<quint64>::max();

QString descendantStateText(const Descendant &process)
{
    switch (process.state) {
    case DescendantState::Running:
        return stateText(WorkerState::Running, ExitInfo());
    case DescendantState::Stopped:
        return stateText(WorkerState::Paused, ExitInfo());
    case DescendantState::Zombie:
        return WorkerTableModel::tr("zombie");
    case DescendantState::Ended:
        break;
    }
    const ExitInfo &exit = process.exitInfo;
    switch (exit.reason) {
    case ExitInfo::Reason::NotEnded:
        return WorkerTableModel::tr("ended");
    case ExitInfo::Reason::Exited:
        if (!exit.isSuccess())
            return WorkerTableModel::tr("failed (exit %1)").arg(exit.exitCode);
        return stateText(WorkerState::Finished, exit);
    case ExitInfo::Reason::KilledBySignal:
        // Another process sent it (Python's terminate() sends SIGTERM, kill() SIGKILL): the way it
        // was asked to end, not a crash. A fault the system raised in it is one.
        switch (exit.signalNumber) {
        case SIGTERM:
        case SIGINT:
        case SIGHUP:
            return QCoreApplication::translate("ProcLab::Worker", "terminated");
        case SIGKILL:
            return QCoreApplication::translate("ProcLab::Worker", "killed");
        default:
            return stateText(WorkerState::Crashed, exit);
        }
    default:
        return stateText(WorkerState::Finished, exit);
    }
}

qint64 descendantRunningTimeMs(const Descendant &process)
{
    if (process.startTimeUs <= 0)
        return 0;
    if (process.endTimeUs > 0)
        return (process.endTimeUs - process.startTimeUs) / 1000;
    if (!process.isAlive())
        return 0;
    return QDateTime::currentMSecsSinceEpoch() - process.startTimeUs / 1000;
}

} // namespace

// Every process the tracker announced for one worker, whether it has a row or not, so that rows
// freed by an ended process go to the next hidden one. As bounded as the tracker: an entry goes
// when the tracker forgets it.
struct WorkerTableModel::Tree
{
    struct Entry
    {
        quint64 parentId = 0;
        quint64 endSequence = 0; // order of ending, 0 while it runs
        Node *node = nullptr;    // its row, if it has one
        bool kept = true;        // false: forgotten by the tracker, a row kept for its children
    };
    // The children of one process.
    struct Family
    {
        std::set<quint64> running;        // by id: start order
        std::map<quint64, quint64> ended; // end sequence → id
        qint64 forgotten = 0;             // ended ones the tracker no longer keeps
    };

    QPointer<DescendantTracker> tracker;
    Node *workerNode = nullptr;
    quint64 rootId = 0; // the program itself: the worker's own row
    QHash<quint64, Entry> entries;
    QHash<quint64, Family> families; // by the parent's id
    quint64 nextEndSequence = 1;
    qint64 running = 0;
};

// A row. Worker rows hold the bookkeeping of their program's tree; descendant rows a copy of their
// process as last announced, so that a row the tracker has forgotten (a parent that ended long ago,
// kept because its orphan still runs) can still be shown.
struct WorkerTableModel::Node
{
    RowKind kind = RowKind::Worker;
    Node *parent = nullptr;
    int workerId = 0;
    int workerRow = 0; // Worker rows: the pool's row
    quint64 id = 0; // Descendant rows: the tracker's id, which grows in start order; More: MoreId
    Descendant process;
    bool forgotten = false;                      // the tracker no longer keeps it
    qint64 hiddenCount = 0;                      // More rows: processes not shown
    qint64 hiddenRunning = 0;                    // More rows: of those, how many run
    std::vector<std::unique_ptr<Node>> children; // by id: start order, More last
    std::unique_ptr<Tree> tree;                  // Worker rows of followed workers
};

WorkerTableModel::WorkerTableModel(WorkerPool &pool, QObject *parent)
    : QAbstractItemModel(parent)
    , m_pool(pool)
{
    connect(&m_pool, &WorkerPool::workersAboutToBeInserted, this, [this](int first, int last) {
        beginInsertRows(QModelIndex(), first, last);
    });
    connect(&m_pool, &WorkerPool::workersInserted, this, &WorkerTableModel::insertWorkers);
    connect(&m_pool, &WorkerPool::workersAboutToBeRemoved, this, [this](int first, int last) {
        beginRemoveRows(QModelIndex(), first, last);
    });
    connect(&m_pool, &WorkerPool::workersRemoved, this, &WorkerTableModel::removeWorkers);
    connect(&m_pool, &WorkerPool::workersChanged, this, &WorkerTableModel::handleWorkersChanged);
    if (m_pool.count() > 0) {
        beginInsertRows(QModelIndex(), 0, m_pool.count() - 1);
        insertWorkers(0, m_pool.count() - 1);
    }
}

WorkerTableModel::~WorkerTableModel() = default;

void WorkerTableModel::insertWorkers(int first, int last)
{
    QList<int> followed;
    for (int row = first; row <= last; ++row) {
        Worker *worker = m_pool.at(row);
        auto node = std::make_unique<Node>();
        node->workerId = worker->id();
        connect(worker,
                &Worker::pythonCallsReceived,
                this,
                [this, workerId = worker->id()](const QList<PythonCall> &calls) {
                    handlePythonCalls(workerId, calls);
                });
        if (DescendantTracker *tracker = worker->descendants()) {
            node->tree = std::make_unique<Tree>();
            node->tree->tracker = tracker;
            node->tree->workerNode = node.get();
            const int workerId = worker->id();
            connect(tracker,
                    &DescendantTracker::descendantsChanged,
                    this,
                    [this, workerId](const DescendantTracker::Changes &changes) {
                        handleDescendantsChanged(workerId, changes);
                    });
            if (tracker->count() > 0)
                followed.append(workerId);
        }
        m_workerNodesById.insert(node->workerId, node.get());
        m_workerNodes.insert(m_workerNodes.begin() + row, std::move(node));
    }
    renumberWorkers();
    endInsertRows();
    // A model made while workers already run: their processes so far, as one batch.
    for (const int workerId : std::as_const(followed)) {
        DescendantTracker::Changes changes;
        changes.added = treeOf(workerId)->tracker->ids();
        handleDescendantsChanged(workerId, changes);
    }
}

void WorkerTableModel::removeWorkers(int first, int last)
{
    for (int row = first; row <= last; ++row)
        m_workerNodesById.remove(m_workerNodes.at(size_t(row))->workerId);
    m_workerNodes.erase(m_workerNodes.begin() + first, m_workerNodes.begin() + last + 1);
    renumberWorkers();
    endRemoveRows();
}

void WorkerTableModel::renumberWorkers()
{
    for (size_t row = 0; row < m_workerNodes.size(); ++row)
        m_workerNodes[row]->workerRow = int(row);
}

WorkerTableModel::Tree *WorkerTableModel::treeOf(int workerId) const
{
    const Node *node = m_workerNodesById.value(workerId);
    return node ? node->tree.get() : nullptr;
}

bool WorkerTableModel::hasRunningDescendants() const
{
    return std::any_of(m_workerNodes.cbegin(), m_workerNodes.cend(), [](const auto &node) {
        return node->tree && node->tree->running > 0;
    });
}

WorkerTableModel::Node *WorkerTableModel::nodeOf(const QModelIndex &index)
{
    return static_cast<Node *>(index.internalPointer());
}

int WorkerTableModel::rowOf(const Node *node)
{
    if (!node->parent)
        return node->workerRow;
    const auto &siblings = node->parent->children;
    const auto found = std::lower_bound(siblings.cbegin(),
                                        siblings.cend(),
                                        node->id,
                                        [](const std::unique_ptr<Node> &sibling, quint64 id) {
                                            return sibling->id < id;
                                        });
    return int(found - siblings.cbegin());
}

QModelIndex WorkerTableModel::indexOf(const Node *node, int column) const
{
    return createIndex(rowOf(node), column, const_cast<Node *>(node));
}

QModelIndex WorkerTableModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return QModelIndex();
    if (!parent.isValid())
        return createIndex(row, column, m_workerNodes.at(size_t(row)).get());
    return createIndex(row, column, nodeOf(parent)->children.at(size_t(row)).get());
}

QModelIndex WorkerTableModel::parent(const QModelIndex &index) const
{
    const Node *node = index.isValid() ? nodeOf(index) : nullptr;
    if (!node || !node->parent)
        return QModelIndex();
    return indexOf(node->parent);
}

int WorkerTableModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_workerNodes.size());
    if (parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int WorkerTableModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

Qt::ItemFlags WorkerTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (!checkIndex(index))
        return Qt::NoItemFlags;
    // A summary stands for no process: nothing to select, signal or copy.
    if (nodeOf(index)->kind == RowKind::More)
        return Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

void WorkerTableModel::handleDescendantsChanged(int workerId,
                                                const DescendantTracker::Changes &changes)
{
    Tree *tree = treeOf(workerId);
    if (!tree || !tree->tracker)
        return;
    const DescendantTracker &tracker = *tree->tracker;
    std::set<quint64> dirtyParents; // ascending ids: parents before their children
    QList<quint64> changedRows;

    for (const quint64 id : changes.added) {
        const Descendant *process = tracker.descendant(id);
        if (!process || tree->entries.contains(id))
            continue;
        if (process->parentId == 0) {
            tree->rootId = id;
            Tree::Entry root;
            root.node = tree->workerNode;
            tree->entries.insert(id, root);
            continue;
        }
        Tree::Entry entry;
        entry.parentId = tree->entries.contains(process->parentId) ? process->parentId
                                                                   : tree->rootId;
        Tree::Family &family = tree->families[entry.parentId];
        if (process->isAlive()) {
            family.running.insert(id);
            ++tree->running;
        } else {
            entry.endSequence = tree->nextEndSequence++;
            family.ended.emplace(entry.endSequence, id);
        }
        tree->entries.insert(id, entry);
        dirtyParents.insert(entry.parentId);
    }

    for (const quint64 id : changes.changed) {
        const auto entry = tree->entries.find(id);
        const Descendant *process = tracker.descendant(id);
        if (entry == tree->entries.end() || id == tree->rootId || !process)
            continue;
        if (entry->endSequence == 0 && !process->isAlive()) {
            Tree::Family &family = tree->families[entry->parentId];
            family.running.erase(id);
            --tree->running;
            entry->endSequence = tree->nextEndSequence++;
            family.ended.emplace(entry->endSequence, id);
            dirtyParents.insert(entry->parentId);
        }
        if (entry->node) {
            entry->node->process = *process;
            changedRows.append(id);
        }
    }

    for (const quint64 id : changes.removed) {
        const auto entry = tree->entries.find(id);
        if (entry == tree->entries.end() || id == tree->rootId)
            continue;
        const quint64 parentId = entry->parentId;
        Tree::Family &family = tree->families[parentId];
        if (entry->endSequence != 0) {
            family.ended.erase(entry->endSequence);
        } else {
            family.running.erase(id);
            --tree->running;
        }
        ++family.forgotten;
        if (entry->node && !entry->node->children.empty()) {
            // Its children's rows stay under it, as they were created: the row stays too.
            entry->kept = false;
            entry->node->forgotten = true;
        } else {
            tree->entries.erase(entry);
            dropFamilyIfDone(*tree, id);
        }
        dropFamilyIfDone(*tree, parentId);
        dirtyParents.insert(parentId);
    }

    QList<quint64> emptiedGhosts;
    for (const quint64 parentId : dirtyParents)
        reconcile(*tree, parentId, emptiedGhosts);
    while (!emptiedGhosts.isEmpty()) {
        const auto entry = tree->entries.constFind(emptiedGhosts.takeFirst());
        if (entry != tree->entries.cend() && entry->node && entry->node->children.empty())
            reconcile(*tree, entry->parentId, emptiedGhosts);
    }
    emitChangedRows(*tree, changedRows);
}

void WorkerTableModel::handlePythonCalls(int workerId, const QList<PythonCall> &calls)
{
    // Only a start() names a process; the rows of those it named show the name.
    QSet<qint64> named;
    for (const PythonCall &call : calls) {
        if (call.call == QLatin1String("start") && call.target > 0 && !call.name.isEmpty())
            named.insert(call.target);
    }
    Tree *tree = treeOf(workerId);
    if (named.isEmpty() || !tree)
        return;
    QList<quint64> ids;
    for (auto it = tree->entries.cbegin(); it != tree->entries.cend(); ++it) {
        if (it->node && it->node->kind == RowKind::Descendant
            && named.contains(it->node->process.pid))
            ids.append(it.key());
    }
    emitChangedRows(*tree, ids);
}

QString WorkerTableModel::processName(const Worker *worker, const Descendant &process)
{
    const QString pythonName = worker ? worker->pythonNameOf(process.pid) : QString();
    if (pythonName.isEmpty())
        return process.name();
    return QStringLiteral("%1 (%2)").arg(pythonName, process.name());
}

void WorkerTableModel::reconcile(Tree &tree, quint64 parentId, QList<quint64> &emptiedGhosts)
{
    Node *parent = nullptr;
    if (parentId == tree.rootId) {
        parent = tree.workerNode;
    } else {
        const auto entry = tree.entries.constFind(parentId);
        parent = entry == tree.entries.cend() ? nullptr : entry->node;
    }
    if (!parent)
        return; // not shown: neither are its children
    static const Tree::Family NoChildren;
    const auto familyFound = tree.families.constFind(parentId);
    const Tree::Family &family = familyFound == tree.families.cend() ? NoChildren : *familyFound;
    auto &children = parent->children;
    const auto hasRow = [&children](quint64 id) {
        const auto found = std::lower_bound(children.cbegin(),
                                            children.cend(),
                                            id,
                                            [](const std::unique_ptr<Node> &child, quint64 wanted) {
                                                return child->id < wanted;
                                            });
        return found != children.cend() && (*found)->id == id;
    };

    // Which rows: those of running processes stay (rows do not jump about while a learner reads
    // them), and so do ended ones with rows under them; free places go to the earliest hidden
    // running ones; and the most recent ended ones.
    std::vector<quint64> wanted;
    int runningShown = 0;
    for (const auto &child : children) {
        if (child->kind != RowKind::Descendant)
            continue;
        const auto entry = tree.entries.constFind(child->id);
        if (entry != tree.entries.cend() && entry->kept && entry->endSequence == 0) {
            wanted.push_back(child->id);
            ++runningShown;
        } else if (!child->children.empty()) {
            wanted.push_back(child->id);
        }
    }
    for (const quint64 id : family.running) {
        if (runningShown >= LiveRowLimit)
            break;
        if (!hasRow(id)) {
            wanted.push_back(id);
            ++runningShown;
        }
    }
    int endedShown = 0;
    for (auto it = family.ended.crbegin(); it != family.ended.crend() && endedShown < EndedRowLimit;
         ++it, ++endedShown) {
        wanted.push_back(it->second);
    }
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    const qint64 hidden = qMax<qint64>(0,
                                       qint64(family.running.size() + family.ended.size())
                                               + family.forgotten - qint64(wanted.size()));
    const qint64 hiddenRunning = qint64(family.running.size()) - runningShown;

    // Rows to go, from the last run up, so that each range is exact when it is announced.
    const auto isWanted = [&wanted](quint64 id) {
        return std::binary_search(wanted.cbegin(), wanted.cend(), id);
    };
    for (int row = int(children.size()) - 1; row >= 0;) {
        const Node *child = children.at(size_t(row)).get();
        const bool goes = child->kind == RowKind::Descendant ? !isWanted(child->id) : hidden == 0;
        if (!goes) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0) {
            const Node *before = children.at(size_t(first - 1)).get();
            if (before->kind != RowKind::Descendant || isWanted(before->id))
                break;
            --first;
        }
        removeChildRows(tree, parent, first, row);
        row = first - 1;
    }

    // New rows, a run at a time: what is left is in wanted's order, which is start order.
    std::vector<Node *> inserted;
    size_t row = 0;
    for (size_t next = 0; next < wanted.size();) {
        if (row < children.size() && children.at(row)->id == wanted.at(next)) {
            ++row;
            ++next;
            continue;
        }
        size_t end = next;
        while (end < wanted.size()
               && (row >= children.size() || wanted.at(end) < children.at(row)->id))
            ++end;
        beginInsertRows(indexOf(parent), int(row), int(row + end - next - 1));
        for (size_t i = next; i < end; ++i) {
            std::unique_ptr<Node> node = createDescendantNode(tree, parent, wanted.at(i));
            inserted.push_back(node.get());
            children.insert(children.begin() + qsizetype(row + i - next), std::move(node));
        }
        endInsertRows();
        row += end - next;
        next = end;
    }

    // The summary of the rest, always last.
    const bool hasMore = !children.empty() && children.back()->kind == RowKind::More;
    if (hidden > 0 && !hasMore) {
        const int moreRow = int(children.size());
        beginInsertRows(indexOf(parent), moreRow, moreRow);
        auto more = std::make_unique<Node>();
        more->kind = RowKind::More;
        more->parent = parent;
        more->workerId = parent->workerId;
        more->id = MoreId;
        more->hiddenCount = hidden;
        more->hiddenRunning = hiddenRunning;
        children.push_back(std::move(more));
        endInsertRows();
    } else if (hasMore
               && (children.back()->hiddenCount != hidden
                   || children.back()->hiddenRunning != hiddenRunning)) {
        Node *more = children.back().get();
        more->hiddenCount = hidden;
        more->hiddenRunning = hiddenRunning;
        emit dataChanged(indexOf(more, 0), indexOf(more, ColumnCount - 1));
    }

    if (parent->forgotten && children.empty())
        emptiedGhosts.append(parent->id);
    for (Node *node : inserted) {
        if (tree.families.contains(node->id))
            reconcile(tree, node->id, emptiedGhosts);
    }
}

std::unique_ptr<WorkerTableModel::Node> WorkerTableModel::createDescendantNode(Tree &tree,
                                                                               Node *parent,
                                                                               quint64 id)
{
    auto node = std::make_unique<Node>();
    node->kind = RowKind::Descendant;
    node->parent = parent;
    node->workerId = parent->workerId;
    node->id = id;
    if (tree.tracker) {
        if (const Descendant *process = tree.tracker->descendant(id))
            node->process = *process;
    }
    const auto entry = tree.entries.find(id);
    if (entry != tree.entries.end()) {
        entry->node = node.get();
        node->forgotten = !entry->kept;
    }
    return node;
}

void WorkerTableModel::removeChildRows(Tree &tree, Node *parent, int first, int last)
{
    beginRemoveRows(indexOf(parent), first, last);
    for (int row = first; row <= last; ++row)
        forgetNodes(tree, parent->children.at(size_t(row)).get());
    parent->children.erase(parent->children.begin() + first, parent->children.begin() + last + 1);
    endRemoveRows();
}

void WorkerTableModel::forgetNodes(Tree &tree, Node *node)
{
    for (const auto &child : node->children)
        forgetNodes(tree, child.get());
    if (node->kind != RowKind::Descendant)
        return;
    const auto entry = tree.entries.find(node->id);
    if (entry == tree.entries.end())
        return;
    if (entry->kept) {
        entry->node = nullptr;
    } else {
        tree.entries.erase(entry); // a forgotten process, shown only for its children's sake
        dropFamilyIfDone(tree, node->id);
    }
}

void WorkerTableModel::dropFamilyIfDone(Tree &tree, quint64 parentId)
{
    // The children of a process the tracker forgot, once they are all forgotten too: nothing is
    // kept of a tree that ends, however many processes it had.
    const auto family = tree.families.constFind(parentId);
    if (family != tree.families.cend() && family->running.empty() && family->ended.empty()
        && !tree.entries.contains(parentId)) {
        tree.families.erase(family);
    }
}

void WorkerTableModel::emitChangedRows(Tree &tree, const QList<quint64> &ids)
{
    // One dataChanged() per contiguous run of rows under each parent.
    QHash<Node *, QList<int>> rowsByParent;
    for (const quint64 id : ids) {
        const auto entry = tree.entries.constFind(id);
        if (entry != tree.entries.cend() && entry->node && entry->node->parent)
            rowsByParent[entry->node->parent].append(rowOf(entry->node));
    }
    for (auto it = rowsByParent.begin(); it != rowsByParent.end(); ++it) {
        QList<int> &rows = it.value();
        std::sort(rows.begin(), rows.end());
        const QModelIndex parent = indexOf(it.key());
        qsizetype i = 0;
        while (i < rows.size()) {
            const int first = rows.at(i);
            int last = first;
            while (++i < rows.size() && rows.at(i) <= last + 1)
                last = rows.at(i);
            emit dataChanged(index(first, 0, parent), index(last, ColumnCount - 1, parent));
        }
    }
}

Worker *WorkerTableModel::workerAt(int row) const
{
    return row >= 0 && row < m_pool.count() ? m_pool.at(row) : nullptr;
}

QVariant WorkerTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return QVariant();
    const Node *node = nodeOf(index);
    if (node->kind == RowKind::Descendant)
        return descendantData(node, index.column(), role);
    if (node->kind == RowKind::More)
        return moreData(node, index.column(), role);
    const Worker *worker = workerAt(node->workerRow);
    if (!worker)
        return QVariant();
    switch (role) {
    case RowKindRole:
        return int(RowKind::Worker);
    case OrphanRole:
        return false;
    case Qt::DisplayRole:
        return displayData(worker, index.column());
    case Qt::ToolTipRole:
        if (index.column() == ExitColumn && worker->exitInfo().hasEnded())
            return exitExplanation(worker->exitInfo());
        return toolTip(worker);
    case Qt::TextAlignmentRole:
        return columnAlignment(index.column());
    case PidRole:
        return worker->pid();
    case WorkerIdRole:
        return worker->id();
    case StateRole:
        return int(worker->state());
    case IsActiveRole:
        return worker->isActive();
    case FailedRole:
        return endedInFailure(worker);
    case CountdownRole: {
        const Countdown *countdown = worker->scheduledStop();
        if (countdown && countdown->isActive() && worker->isActive())
            return countdown->remainingSeconds();
        return QVariant();
    }
    case SortRole:
        return sortData(worker, index.column());
    case CpuHistoryRole:
        if (!m_sampler || !worker->isActive())
            return QVariant();
        return QVariant::fromValue(m_sampler->cpuHistory(worker->id()));
    default:
        return QVariant();
    }
}

QVariant WorkerTableModel::descendantData(const Node *node, int column, int role) const
{
    const Descendant &process = node->process;
    const auto name = [this, node, &process] {
        const Node *workerNode = m_workerNodesById.value(node->workerId);
        return processName(workerNode ? workerAt(workerNode->workerRow) : nullptr, process);
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case NameColumn:
            return name();
        case PidColumn:
            return QString::number(process.pid);
        case StateColumn:
            // In the state cell, which is wide enough for it where a name cell would cut it.
            if (!process.orphan)
                return descendantStateText(process);
            if (process.reparentedTo > 0) {
                return tr("%1 · orphan → PPID %2")
                        .arg(descendantStateText(process))
                        .arg(process.reparentedTo);
            }
            return tr("%1 · orphan").arg(descendantStateText(process));
        case ExitColumn:
            return process.exitInfo.hasEnded() ? process.exitInfo.shortText() : QString();
        case StartedColumn:
            return process.startTimeUs > 0
                           ? process.startTime().toString(QStringLiteral("HH:mm:ss"))
                           : QString();
        case RunningTimeColumn:
            return process.startTimeUs > 0 ? durationText(descendantRunningTimeMs(process))
                                           : QString();
        default:
            return QString();
        }
    case Qt::ToolTipRole: {
        if (column == ExitColumn && process.exitInfo.hasEnded())
            return exitExplanation(process.exitInfo);
        QStringList lines;
        const QString commandLine = process.arguments.join(QLatin1Char(' '));
        lines.append(commandLine.isEmpty() ? process.executable : commandLine);
        lines.append(tr("PID %1, started by PID %2").arg(process.pid).arg(process.parentPid));
        if (process.orphan) {
            lines.append(process.reparentedTo > 0
                                 ? tr("Orphan: the process that started it ended first, and the "
                                      "system made PID %1 its parent")
                                           .arg(process.reparentedTo)
                                 : tr("Orphan: the process that started it ended first"));
        }
        if (process.state == DescendantState::Zombie) {
            lines.append(tr("Zombie: it has ended, but its parent has not yet collected its exit "
                            "status (wait()), so the system still lists it"));
        }
        if (!process.followed)
            lines.append(tr("Not followed exactly: its end and its own children may be missed"));
        if (node->forgotten)
            lines.append(tr("Ended long ago: shown for the processes it started"));
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::TextAlignmentRole:
        return columnAlignment(column);
    case PidRole:
        return process.pid;
    case WorkerIdRole:
        return node->workerId;
    case StateRole:
        return int(process.state);
    case IsActiveRole:
        return process.isAlive();
    case FailedRole:
        return process.exitInfo.hasEnded() && !process.exitInfo.isSuccess();
    case RowKindRole:
        return int(RowKind::Descendant);
    case OrphanRole:
        return process.orphan;
    case SortRole:
        switch (Column(column)) {
        case NameColumn:
            return name();
        case PidColumn:
            return process.pid;
        case StateColumn:
            return int(process.state);
        case ExitColumn:
            return process.exitInfo.pythonExitCode().value_or(std::numeric_limits<int>::max() - 1);
        case StartedColumn:
            return process.startTimeUs / 1000;
        case RunningTimeColumn:
            return descendantRunningTimeMs(process);
        default:
            return QVariant();
        }
    default:
        return QVariant();
    }
}

QVariant WorkerTableModel::moreData(const Node *node, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return tr("+%n more",
                      nullptr,
                      int(qMin<qint64>(node->hiddenCount, std::numeric_limits<int>::max())));
        if (column == StateColumn && node->hiddenRunning > 0)
            return tr("%n running",
                      nullptr,
                      int(qMin<qint64>(node->hiddenRunning, std::numeric_limits<int>::max())));
        return QString();
    case Qt::ToolTipRole:
        return tr("Processes started here that have no row of their own: under each process, "
                  "the table shows at most %1 running processes and the %2 that ended last. The "
                  "Processes tab lists the running ones.")
                .arg(LiveRowLimit)
                .arg(EndedRowLimit);
    case Qt::TextAlignmentRole:
        return columnAlignment(column);
    case WorkerIdRole:
        return node->workerId;
    case PidRole:
        return qint64(0);
    case RowKindRole:
        return int(RowKind::More);
    case IsActiveRole:
        return node->hiddenRunning > 0;
    case FailedRole:
    case OrphanRole:
        return false;
    default:
        return QVariant();
    }
}

QVariant WorkerTableModel::displayData(const Worker *worker, int column) const
{
    switch (Column(column)) {
    case NameColumn:
        return worker->name();
    case PidColumn:
        return worker->pid() > 0 ? QString::number(worker->pid()) : QString();
    case StateColumn:
        return stateCellText(worker);
    case CpuColumn:
    case MemoryColumn: {
        // Only while it runs: an ended process uses nothing, and an empty cell says so plainest.
        if (!m_sampler || !worker->isActive())
            return QString();
        const ProcessTree tree = m_sampler->tree(worker->id());
        if (tree.leader.pid == 0)
            return QString(); // not sampled yet
        if (column == CpuColumn)
            return tr("%1 %").arg(qRound(tree.cpuPercent));
        return memoryText(tree.residentBytes);
    }
    case ExitColumn:
        return worker->exitInfo().shortText();
    case StartedColumn:
        return worker->startTime().isValid()
                       ? worker->startTime().toString(QStringLiteral("HH:mm:ss"))
                       : QString();
    case RunningTimeColumn:
        return worker->pid() > 0 ? durationText(worker->runningTimeMs()) : QString();
    case LinesOutColumn:
        return countText(worker->lineCount(OutputChannel::StdOut));
    case LinesErrColumn:
        return countText(worker->lineCount(OutputChannel::StdErr));
    case LastOutputColumn:
        return lastLineText(worker->lastLine());
    case ColumnCount:
        break;
    }
    return QVariant();
}

QVariant WorkerTableModel::sortData(const Worker *worker, int column) const
{
    switch (Column(column)) {
    case NameColumn:
        return worker->name();
    case PidColumn:
        return worker->pid();
    case StateColumn:
        return int(worker->state());
    case CpuColumn:
        return m_sampler && worker->isActive() ? m_sampler->tree(worker->id()).cpuPercent : -1.0;
    case MemoryColumn:
        return m_sampler && worker->isActive() ? m_sampler->tree(worker->id()).residentBytes
                                               : qint64(-1);
    case ExitColumn: {
        // Not ended yet sorts after every exit code; failed starts after those.
        const ExitInfo &exit = worker->exitInfo();
        if (exit.reason == ExitInfo::Reason::FailedToStart)
            return std::numeric_limits<int>::max();
        return exit.pythonExitCode().value_or(std::numeric_limits<int>::max() - 1);
    }
    case StartedColumn:
        return worker->startTime().isValid() ? worker->startTime().toMSecsSinceEpoch() : qint64(0);
    case RunningTimeColumn:
        return worker->runningTimeMs();
    case LinesOutColumn:
        return worker->lineCount(OutputChannel::StdOut);
    case LinesErrColumn:
        return worker->lineCount(OutputChannel::StdErr);
    case LastOutputColumn:
        return worker->lastLine();
    case ColumnCount:
        break;
    }
    return QVariant();
}

QString WorkerTableModel::toolTip(const Worker *worker) const
{
    const ExitInfo &exit = worker->exitInfo();
    if (exit.reason == ExitInfo::Reason::FailedToStart)
        return tr("Failed to start: %1").arg(exit.errorText);
    QString text = worker->commandLine();
    if (exit.hasEnded())
        text += QLatin1Char('\n') + exit.exitCodeText();
    return text;
}

QVariant WorkerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case CpuColumn:
            return tr("Processor use of the worker and every process it started, in % of one "
                      "core, with its last half minute drawn behind");
        case MemoryColumn:
            return tr("Resident memory (RSS) of the worker and every process it started, added "
                      "up: the figure of the worker's row in the Processes tab, which lists each "
                      "process");
        case ExitColumn:
            return tr("How the process ended, as Python's Process.exitcode says it: the exit "
                      "status, or minus the number of the signal that ended it. Hover over a cell "
                      "for the shell's reading and what the signal means");
        case LinesOutColumn:
            return tr("Lines written to standard output");
        case LinesErrColumn:
            return tr("Lines written to standard error");
        default:
            return QVariant();
        }
    }
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return columnAlignment(section);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case PidColumn:
        return tr("PID");
    case StateColumn:
        return tr("State");
    case CpuColumn:
        return tr("CPU");
    case MemoryColumn:
        return tr("Memory");
    case ExitColumn:
        return tr("Exit");
    case StartedColumn:
        return tr("Started");
    case RunningTimeColumn:
        return tr("Running");
    case LinesOutColumn:
        return tr("stdout");
    case LinesErrColumn:
        return tr("stderr");
    case LastOutputColumn:
        return tr("Last output");
    case ColumnCount:
        break;
    }
    return QVariant();
}

void WorkerTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole});
    for (const auto &node : m_workerNodes)
        emitSubtreeChanged(node.get());
}

void WorkerTableModel::emitSubtreeChanged(const Node *node)
{
    if (node->children.empty())
        return;
    const QModelIndex parent = indexOf(node);
    emit dataChanged(index(0, 0, parent),
                     index(int(node->children.size()) - 1, ColumnCount - 1, parent),
                     {Qt::DisplayRole});
    for (const auto &child : node->children)
        emitSubtreeChanged(child.get());
}

void WorkerTableModel::handleWorkersChanged(const QList<int> &rows)
{
    // The pool sends sorted rows; a run of neighbours becomes one signal (libksysguard does the same).
    const int rowTotal = rowCount();
    qsizetype i = 0;
    while (i < rows.size()) {
        const int first = rows.at(i);
        int last = first;
        ++i;
        while (i < rows.size() && rows.at(i) <= last + 1) {
            last = qMax(last, rows.at(i));
            ++i;
        }
        if (first < 0 || last >= rowTotal)
            continue;
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
    }
}

void WorkerTableModel::setSampler(const ProcessSampler *sampler)
{
    if (m_sampler)
        disconnect(m_sampler, nullptr, this, nullptr);
    m_sampler = sampler;
    if (m_sampler)
        connect(m_sampler, &ProcessSampler::sampled, this, &WorkerTableModel::handleSampled);
}

void WorkerTableModel::handleSampled()
{
    // The rows that show a sample now, and those that showed one and must be emptied.
    const int rowTotal = rowCount();
    QSet<int> sampled;
    QList<int> rows;
    for (int row = 0; row < rowTotal; ++row) {
        const Worker *worker = m_pool.at(row);
        const bool active = worker->isActive();
        if (active)
            sampled.insert(worker->id());
        if (active || m_sampledWorkerIds.contains(worker->id()))
            rows.append(row);
    }
    m_sampledWorkerIds = sampled;
    const QList<int> roles{Qt::DisplayRole, SortRole, CpuHistoryRole};
    qsizetype i = 0;
    while (i < rows.size()) {
        const int first = rows.at(i);
        int last = first;
        while (++i < rows.size() && rows.at(i) == last + 1)
            last = rows.at(i);
        emit dataChanged(index(first, CpuColumn), index(last, MemoryColumn), roles);
    }
}

QString WorkerTableModel::exitExplanation(const ExitInfo &exit)
{
    if (exit.reason == ExitInfo::Reason::FailedToStart)
        return tr("failed to start: %1").arg(exit.errorText);
    const std::optional<int> python = exit.pythonExitCode();
    const std::optional<int> shell = exit.shellExitCode();
    if (!python || !shell)
        return QString();
    QString how;
    if (exit.diedOfSignal()) {
        how = tr("killed by %1: %2")
                      .arg(signalName(exit.signalNumber), signalDescription(exit.signalNumber));
        if (exit.escalated)
            how += tr(" (it was still running when the grace period after SIGTERM ran out)");
    } else {
        how = tr("exited with status %1").arg(exit.exitCode);
        if (exit.stopRequested)
            how += tr(", after it was asked to stop");
    }
    return tr("Python: %1 · shell: %2 · %3").arg(*python).arg(*shell).arg(how);
}

QString WorkerTableModel::memoryText(qint64 bytes)
{
    // Powers of 1024 with the familiar unit names, as top and the workers themselves say "MB".
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString WorkerTableModel::countText(qint64 count)
{
    // `yes` writes millions of lines a second: past six digits "13.4 M" fits the cell and reads at
    // a glance, where "13434882" would be cut to "1343…". Sorting uses the exact count (SortRole).
    if (count < 1000000)
        return QString::number(count);
    if (count < 1000000000)
        return tr("%1 M").arg(double(count) / 1e6, 0, 'f', 1);
    return tr("%1 G").arg(double(count) / 1e9, 0, 'f', 1);
}

QString WorkerTableModel::durationText(qint64 milliseconds)
{
    const qint64 seconds = qMax<qint64>(milliseconds, 0) / 1000;
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds / 60) % 60;
    const QString secondsText = QStringLiteral("%1").arg(seconds % 60, 2, 10, QLatin1Char('0'));
    if (hours > 0) {
        return QStringLiteral("%1:%2:%3")
                .arg(hours)
                .arg(minutes, 2, 10, QLatin1Char('0'))
                .arg(secondsText);
    }
    return QStringLiteral("%1:%2").arg(minutes).arg(secondsText);
}

} // namespace ProcLab
