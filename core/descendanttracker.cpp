#include "descendanttracker.h"

#include "traceprotocol.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ProcLab {

namespace {

// Like output: a view repaints at most 20 times a second, however fast processes come and go.
constexpr int FlushIntervalMs = 50;
constexpr int ProcIntervalMs = 250;
// /proc reads per tick: 10 000 processes ending at once cost many ticks, not one long freeze.
constexpr int MaxProcReadsPerTick = 256;
// An ended process is looked up only once it has been dead this long: a parent that reaps at
// once (most do) should not make its child blink as a zombie.
constexpr qint64 ZombieGraceUs = 100 * 1000;
constexpr int MaxNotes = 64;

struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(ProcLab::DescendantTracker)
};

// Sampling /proc when ptrace is refused: often enough to see a process that lives a second.
constexpr int SampleIntervalMs = 500;

struct ProcState
{
    char state = '?';
    qint64 parentPid = 0;
    qint64 processGroupId = 0;
    int exitCode = -1; // a zombie's raw wait status (field 52)
};

// /proc/PID/stat, read with plain system calls: this runs hundreds of times per tick.
bool readProcState(qint64 pid, ProcState &result)
{
    char path[48];
    std::snprintf(path, sizeof path, "/proc/%lld/stat", static_cast<long long>(pid));
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    char text[1024];
    ssize_t size = 0;
    do {
        size = ::read(fd, text, sizeof text - 1);
    } while (size < 0 && errno == EINTR);
    ::close(fd);
    if (size <= 0)
        return false;
    text[size] = '\0';
    // "pid (comm) state ppid …": comm may hold spaces and parentheses.
    const char *close = std::strrchr(text, ')');
    if (!close || close[1] != ' ' || close[2] == '\0')
        return false;
    result.state = close[2];
    // Fields 4 (parent) and 5 (group) follow the state; 52 is a zombie's exit status.
    char *end = nullptr;
    result.parentPid = std::strtoll(close + 3, &end, 10);
    result.processGroupId = std::strtoll(end, nullptr, 10);
    result.exitCode = -1;
    if (result.state == 'Z') {
        int field = 3;
        for (const char *cursor = close + 2; *cursor; ++cursor) {
            if (*cursor == ' ' && ++field == 52)
                result.exitCode = int(std::strtol(cursor + 1, nullptr, 10));
        }
    }
    return true;
}

// The whole process table: PID to state, parent and group.
QHash<qint64, ProcState> readProcessTable()
{
    QHash<qint64, ProcState> table;
    DIR *proc = ::opendir("/proc");
    if (!proc)
        return table;
    while (const dirent *entry = ::readdir(proc)) {
        char *end = nullptr;
        const qint64 pid = std::strtoll(entry->d_name, &end, 10);
        ProcState state;
        if (pid > 0 && *end == '\0' && readProcState(pid, state))
            table.insert(pid, state);
    }
    ::closedir(proc);
    return table;
}

QStringList readArguments(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return QStringList();
    QStringList arguments;
    const QList<QByteArray> parts = file.read(TraceProtocol::MaxArgumentBytes).split('\0');
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) // the last NUL ends the last argument
        arguments.append(QString::fromLocal8Bit(parts.at(i)));
    return arguments;
}

qint64 nowUs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

bool endedBadly(const Descendant &entry)
{
    return entry.waitStatus >= 0
           && !(WIFEXITED(entry.waitStatus) && WEXITSTATUS(entry.waitStatus) == 0);
}

QList<quint64> sorted(const QSet<quint64> &ids)
{
    QList<quint64> list(ids.cbegin(), ids.cend());
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace

QString Descendant::name() const
{
    if (!arguments.isEmpty() && !arguments.constFirst().isEmpty())
        return QFileInfo(arguments.constFirst()).fileName();
    return QFileInfo(executable).fileName();
}

DescendantTracker::DescendantTracker(QObject *parent)
    : QObject(parent)
    , m_flushTimer(new QTimer(this))
    , m_procTimer(new QTimer(this))
    , m_sampleTimer(new QTimer(this))
{
    qRegisterMetaType<ProcLab::DescendantTracker::Changes>();
    qRegisterMetaType<ProcLab::DescendantTracker::Note>();
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(FlushIntervalMs);
    connect(m_flushTimer, &QTimer::timeout, this, &DescendantTracker::flush);
    m_procTimer->setInterval(ProcIntervalMs);
    connect(m_procTimer, &QTimer::timeout, this, &DescendantTracker::checkProc);
    m_sampleTimer->setInterval(SampleIntervalMs);
    connect(m_sampleTimer, &QTimer::timeout, this, &DescendantTracker::sample);
}

DescendantTracker::~DescendantTracker() = default;

ExitInfo DescendantTracker::exitInfoFromWaitStatus(int waitStatus, bool stopRequested)
{
    ExitInfo info;
    info.stopRequested = stopRequested;
    if (WIFEXITED(waitStatus)) {
        info.reason = ExitInfo::Reason::Exited;
        info.exitCode = WEXITSTATUS(waitStatus);
    } else if (WIFSIGNALED(waitStatus)) {
        info.signalNumber = WTERMSIG(waitStatus);
        if (!stopRequested)
            info.reason = ExitInfo::Reason::KilledBySignal;
        else if (info.signalNumber == SIGKILL)
            info.reason = ExitInfo::Reason::KilledOnRequest;
        else
            info.reason = ExitInfo::Reason::TerminatedOnRequest;
    }
    return info;
}

QString DescendantTracker::noteText(const QByteArray &code, const QByteArray &detail)
{
    const QString text = QString::fromLocal8Bit(detail);
    if (code == TraceProtocol::NoteCode::Approximate) {
        return Texts::tr("Following is approximate: this system does not allow tracing here "
                         "(%1). The program runs as usual, but the processes it starts are not "
                         "followed.")
                .arg(text);
    }
    if (code == TraceProtocol::NoteCode::Privileges) {
        return Texts::tr("%1 is a set-user-ID or set-capability program: while it is followed it "
                         "runs without those privileges. Turn following off to run it with "
                         "them.")
                .arg(text);
    }
    if (code == TraceProtocol::NoteCode::NestedTracer) {
        return Texts::tr("%1 traces its own child processes, so ProcLab steps aside for them: "
                         "the processes it starts are not followed.")
                .arg(text);
    }
    if (code == TraceProtocol::NoteCode::Error)
        return text;
    return QString::fromLocal8Bit(code) + QStringLiteral(": ") + text;
}

Descendant *DescendantTracker::find(quint64 id)
{
    const auto found = m_entries.find(id);
    return found == m_entries.end() ? nullptr : &found->second;
}

const Descendant *DescendantTracker::descendant(quint64 id) const
{
    const auto found = m_entries.find(id);
    return found == m_entries.end() ? nullptr : &found->second;
}

Descendant *DescendantTracker::findByPid(qint64 pid)
{
    const auto found = m_byPid.constFind(pid);
    return found == m_byPid.cend() ? nullptr : find(found.value());
}

const Descendant *DescendantTracker::findUnreaped(qint64 pid) const
{
    const auto found = m_byPid.constFind(pid);
    if (found == m_byPid.cend())
        return nullptr;
    const Descendant *entry = descendant(found.value());
    return entry && (entry->isAlive() || entry->state == DescendantState::Zombie) ? entry : nullptr;
}

QList<quint64> DescendantTracker::ids() const
{
    QList<quint64> result;
    result.reserve(qsizetype(m_entries.size()));
    for (const auto &[id, entry] : m_entries)
        result.append(id);
    return result;
}

DescendantTracker::Summary DescendantTracker::summary() const
{
    Summary result = m_counts;
    for (const auto &[id, entry] : m_entries) {
        if (entry.isAlive())
            ++result.alive;
        else if (entry.state == DescendantState::Zombie)
            ++result.zombies;
    }
    return result;
}

void DescendantTracker::noteStopRequested(int signalNumber)
{
    m_requestedStopSignals.insert(signalNumber);
}

namespace {

quint64 processSignalKey(quint64 id, int signalNumber)
{
    return (id << 8) | quint64(signalNumber & 0xff);
}

} // namespace

void DescendantTracker::noteSignalSentTo(qint64 pid, int signalNumber)
{
    if (const Descendant *entry = findUnreaped(pid))
        m_requestedProcessSignals.insert(processSignalKey(entry->id, signalNumber));
}

void DescendantTracker::setEndedLimit(int limit)
{
    m_endedLimit = qMax(0, limit);
    forgetOldEnded();
}

void DescendantTracker::apply(const QList<TraceEvent> &events)
{
    const qsizetype notesBefore = m_notes.size();
    for (const TraceEvent &event : events)
        applyOne(event);
    forgetOldEnded();
    // Announced after the whole batch, so that a receiver sees the tracker in a settled state.
    for (qsizetype i = notesBefore; i < m_notes.size(); ++i)
        emit noteAdded(m_notes.at(i));
    announceRootEnd();
    if (m_replay)
        flush();
}

void DescendantTracker::setReparentedTo(qint64 pid, qint64 newParentPid)
{
    if (Descendant *entry = findByPid(pid); entry && entry->orphan && newParentPid > 0) {
        entry->reparentedTo = newParentPid;
        markChanged(entry->id);
    }
}

void DescendantTracker::announceRootEnd()
{
    // Once, even when the root started and ended within one batch.
    if (!m_rootEndAnnounced && root() && !root()->isAlive()) {
        m_rootEndAnnounced = true;
        // What changed before the end is told first: the worker's end may end the whole run (a
        // headless ProcLab exits on it), and no child's start or end may be lost in a batch.
        m_flushTimer->stop();
        flush();
        emit rootEnded();
    }
}

void DescendantTracker::applyOne(const TraceEvent &event)
{
    if (event.kind == TraceEvent::Kind::Hello) {
        m_tracerPid = event.pid;
        return;
    }
    if (event.kind == TraceEvent::Kind::Start) {
        start(event);
        return;
    }
    if (event.kind == TraceEvent::Kind::Note) {
        addNote(event);
        return;
    }
    if (event.kind == TraceEvent::Kind::End) {
        m_endStatus = event.waitStatus;
        return;
    }

    Descendant *entry = findByPid(event.pid);
    if (!entry) {
        ++m_unmatchedEvents;
        return;
    }
    switch (event.kind) {
    case TraceEvent::Kind::Exec:
        entry->executable = QString::fromLocal8Bit(event.executable);
        entry->arguments.clear();
        entry->arguments.reserve(event.arguments.size());
        for (const QByteArray &argument : event.arguments)
            entry->arguments.append(QString::fromLocal8Bit(argument));
        entry->argumentsCut = event.argumentCount > event.arguments.size();
        ++entry->execCount;
        if (entry->recentExecs.size() == Descendant::MaxRecentExecs)
            entry->recentExecs.removeFirst();
        entry->recentExecs.append(ExecRecord{event.timeUs, entry->name()});
        markChanged(entry->id);
        break;
    case TraceEvent::Kind::Signal:
        ++entry->signalCount;
        if (entry->recentSignals.size() == Descendant::MaxRecentSignals)
            entry->recentSignals.removeFirst();
        entry->recentSignals.append(ReceivedSignal{event.timeUs, event.signalNumber});
        markChanged(entry->id);
        break;
    case TraceEvent::Kind::Stop:
        if (entry->state == DescendantState::Running) {
            entry->state = DescendantState::Stopped;
            markChanged(entry->id);
        }
        break;
    case TraceEvent::Kind::Continue:
        if (entry->state == DescendantState::Stopped) {
            entry->state = DescendantState::Running;
            markChanged(entry->id);
        }
        break;
    case TraceEvent::Kind::Exit:
        if (entry->isAlive())
            end(*entry, event.timeUs, event.waitStatus, true);
        else
            ++m_unmatchedEvents;
        break;
    case TraceEvent::Kind::Lost:
        if (entry->isAlive())
            end(*entry, event.timeUs, -1, false);
        break;
    case TraceEvent::Kind::Detach:
        entry->followed = false;
        markChanged(entry->id);
        break;
    default:
        break;
    }
}

void DescendantTracker::start(const TraceEvent &event)
{
    if (Descendant *previous = findByPid(event.pid)) {
        // A PID is reused only once its last holder was reaped.
        if (previous->isAlive()) {
            end(*previous, event.timeUs, -1, false); // its end never reached us
        } else if (previous->state == DescendantState::Zombie) {
            previous->state = DescendantState::Ended;
            previous->reapTimeUs = qMax(previous->endTimeUs, event.timeUs);
            markChanged(previous->id);
        }
    }

    Descendant entry;
    entry.id = m_nextId++;
    entry.pid = event.pid;
    entry.parentPid = event.parentPid;
    entry.origin = event.origin;
    entry.startTimeUs = event.timeUs;
    if (event.origin == ProcessOrigin::Root) {
        if (m_rootId == 0)
            m_rootId = entry.id;
    } else if (const Descendant *parent = findByPid(event.parentPid)) {
        entry.parentId = parent->id;
        entry.executable = parent->executable;
        entry.arguments = parent->arguments;
        entry.argumentsCut = parent->argumentsCut;
        if (parent->isAlive()) {
            m_aliveChildren[parent->id].insert(entry.id);
        } else {
            // Its parent died between creating it and saying so: an orphan from the start.
            entry.orphan = true;
            ++m_counts.orphans;
            m_newOrphans.push_back(entry.id);
            scheduleProcCheck();
        }
    }
    m_byPid.insert(entry.pid, entry.id);
    const quint64 id = entry.id;
    m_entries.emplace(id, std::move(entry));
    ++m_counts.started;
    markAdded(id);
}

void DescendantTracker::end(Descendant &entry, qint64 timeUs, int waitStatus, bool known)
{
    entry.state = DescendantState::Ended;
    entry.endTimeUs = qMax(timeUs, entry.startTimeUs);
    entry.waitStatus = known ? waitStatus : -1;
    const bool requested = known && WIFSIGNALED(waitStatus)
                           && (m_requestedStopSignals.contains(WTERMSIG(waitStatus))
                               || m_requestedProcessSignals.remove(
                                       processSignalKey(entry.id, WTERMSIG(waitStatus))));
    entry.exitInfo = known ? exitInfoFromWaitStatus(waitStatus, requested) : ExitInfo();
    ++m_counts.ended;

    if (entry.parentId != 0) {
        const auto siblings = m_aliveChildren.find(entry.parentId);
        if (siblings != m_aliveChildren.end()) {
            siblings->remove(entry.id);
            if (siblings->isEmpty())
                m_aliveChildren.erase(siblings);
        }
    }
    // Its children live on as orphans: the system gives them another parent.
    const auto children = m_aliveChildren.find(entry.id);
    if (children != m_aliveChildren.end()) {
        for (const quint64 childId : *children) {
            if (Descendant *child = find(childId)) {
                child->orphan = true;
                ++m_counts.orphans;
                m_newOrphans.push_back(childId);
                markChanged(childId);
            }
        }
        m_aliveChildren.erase(children);
    }
    // The tracer reaps the root itself; any other may linger as a zombie.
    if (known && entry.id != m_rootId)
        m_zombieCandidates.push_back(entry.id);
    if (entry.id != m_rootId)
        m_endedOrder.push_back(entry.id);
    scheduleProcCheck();
    markChanged(entry.id);
}

void DescendantTracker::addNote(const TraceEvent &event)
{
    if (event.code == TraceProtocol::NoteCode::Approximate && !m_approximate) {
        m_approximate = true;
        m_sampleTimer->start();
    }
    for (Note &note : m_notes) {
        if (note.code == event.code && note.detail == event.text) {
            ++note.repeats;
            return;
        }
    }
    if (m_notes.size() >= MaxNotes)
        return;
    Note note;
    note.timeUs = event.timeUs;
    note.pid = event.pid;
    note.code = event.code;
    note.detail = event.text;
    note.text = noteText(event.code, event.text);
    m_notes.append(note);
}

void DescendantTracker::finishChannel()
{
    if (m_channelFinished)
        return;
    m_channelFinished = true;
    const qint64 now = nowUs();
    for (auto &[id, entry] : m_entries) {
        if (entry.isAlive())
            end(entry, now, -1, false);
    }
    forgetOldEnded();
    announceRootEnd();
}

void DescendantTracker::sample()
{
    // Who is alive in the program's tree: below the root, or in its group (an orphan stays in
    // its group). A process that came and went between two samples is not seen at all.
    const Descendant *rootEntry = root();
    bool anyAlive = false;
    for (const auto &[id, entry] : m_entries)
        anyAlive = anyAlive || entry.isAlive();
    if (!rootEntry || m_channelFinished || !anyAlive) {
        if (rootEntry || m_channelFinished)
            m_sampleTimer->stop();
        return;
    }
    const qint64 rootPid = rootEntry->pid;
    const QHash<qint64, ProcState> table = readProcessTable();
    QList<qint64> members;
    for (auto it = table.cbegin(); it != table.cend(); ++it) {
        bool member = it->processGroupId == rootPid;
        qint64 up = it->parentPid;
        for (int hops = 0; !member && up > 1 && hops < 256; ++hops) {
            member = up == rootPid;
            const auto parent = table.constFind(up);
            up = parent == table.cend() ? 0 : parent->parentPid;
        }
        if (member && it.key() != rootPid)
            members.append(it.key());
    }
    std::sort(members.begin(), members.end()); // mostly parents first
    const qint64 now = nowUs();
    for (const qint64 pid : std::as_const(members)) {
        const Descendant *known = findByPid(pid);
        if ((known && known->isAlive()) || table.value(pid).state == 'Z')
            continue;
        TraceEvent event;
        event.kind = TraceEvent::Kind::Start;
        event.timeUs = now;
        event.pid = pid;
        event.parentPid = table.value(pid).parentPid;
        event.origin = ProcessOrigin::Unknown;
        start(event);
        Descendant *entry = findByPid(pid);
        entry->followed = false;
        const QStringList arguments = readArguments(pid);
        if (!arguments.isEmpty()) {
            entry->arguments = arguments;
            entry->executable = QFile::symLinkTarget(QStringLiteral("/proc/%1/exe").arg(pid));
        }
    }
    for (auto &[id, entry] : m_entries) {
        if (!entry.isAlive() || id == m_rootId || entry.followed)
            continue;
        const auto found = table.constFind(entry.pid);
        if (found == table.cend())
            end(entry, now, -1, false); // gone, reaped already: how is unknown
        else if (found->state == 'Z')
            end(entry, now, found->exitCode, found->exitCode >= 0);
    }
    forgetOldEnded();
}

void DescendantTracker::forgetOldEnded()
{
    while (m_endedOrder.size() > size_t(m_endedLimit)) {
        const quint64 id = m_endedOrder.front();
        m_endedOrder.pop_front();
        const auto found = m_entries.find(id);
        if (found == m_entries.end() || found->second.isAlive())
            continue;
        const Descendant &entry = found->second;
        ++m_counts.forgotten;
        if (endedBadly(entry))
            ++m_counts.forgottenFailed;
        if (m_byPid.value(entry.pid) == id)
            m_byPid.remove(entry.pid);
        m_entries.erase(found);
        m_pendingChanged.remove(id);
        if (!m_pendingAdded.remove(id)) {
            m_pending.removed.append(id);
            scheduleFlush();
        }
    }
}

void DescendantTracker::markAdded(quint64 id)
{
    m_pendingAdded.insert(id);
    scheduleFlush();
}

void DescendantTracker::markChanged(quint64 id)
{
    if (!m_pendingAdded.contains(id))
        m_pendingChanged.insert(id);
    scheduleFlush();
}

void DescendantTracker::announceNewProcesses()
{
    if (!m_pendingAdded.isEmpty())
        flush();
}

void DescendantTracker::scheduleFlush()
{
    if (!m_flushTimer->isActive() && !m_replay)
        m_flushTimer->start();
}

void DescendantTracker::flush()
{
    Changes changes;
    changes.added = sorted(m_pendingAdded);
    changes.changed = sorted(m_pendingChanged);
    changes.removed = std::move(m_pending.removed);
    m_pending.removed.clear();
    m_pendingAdded.clear();
    m_pendingChanged.clear();
    if (!changes.isEmpty())
        emit descendantsChanged(changes);
}

void DescendantTracker::scheduleProcCheck()
{
    if (!m_procTimer->isActive() && !m_replay)
        m_procTimer->start();
}

void DescendantTracker::checkProc()
{
    int budget = MaxProcReadsPerTick;
    const qint64 now = nowUs();
    ProcState proc;

    // Just ended: a zombie if /proc still lists it as one (and nobody took its PID since).
    while (budget > 0 && !m_zombieCandidates.empty()) {
        const quint64 id = m_zombieCandidates.front();
        Descendant *entry = find(id);
        if (entry && now - entry->endTimeUs < ZombieGraceUs)
            break; // the rest ended later still
        m_zombieCandidates.pop_front();
        if (!entry || entry->state != DescendantState::Ended || m_byPid.value(entry->pid) != id)
            continue;
        --budget;
        if (readProcState(entry->pid, proc) && proc.state == 'Z') {
            entry->state = DescendantState::Zombie;
            m_zombies.push_back(id);
            markChanged(id);
        }
    }

    // Zombies: reaped yet? Each one once per tick at most, in turn.
    for (size_t round = std::min(m_zombies.size(), size_t(qMax(budget, 0))); round > 0; --round) {
        const quint64 id = m_zombies.front();
        m_zombies.pop_front();
        Descendant *entry = find(id);
        if (!entry || entry->state != DescendantState::Zombie)
            continue;
        --budget;
        if (m_byPid.value(entry->pid) == id && readProcState(entry->pid, proc)
            && proc.state == 'Z') {
            m_zombies.push_back(id);
        } else {
            entry->state = DescendantState::Ended;
            entry->reapTimeUs = qMax(entry->endTimeUs, now);
            markChanged(id);
        }
    }

    // Orphans: the parent the system gave them.
    while (budget > 0 && !m_newOrphans.empty()) {
        const quint64 id = m_newOrphans.front();
        m_newOrphans.pop_front();
        Descendant *entry = find(id);
        if (!entry || !entry->isAlive())
            continue;
        --budget;
        if (readProcState(entry->pid, proc) && proc.parentPid != entry->reparentedTo) {
            entry->reparentedTo = proc.parentPid;
            markChanged(id);
        }
    }

    if (m_zombieCandidates.empty() && m_zombies.empty() && m_newOrphans.empty())
        m_procTimer->stop();
}

} // namespace ProcLab
