// A Worker replayed from a record (RecordPlayer): the replay members of Worker, apart from the
// live ones in worker.cpp. Nothing here starts or signals a process: a replayed worker only takes
// what the record says and tells it the way a live worker tells the same thing.
#include "descendanttracker.h"
#include "worker.h"
#include "workerpool.h"

#include <csignal>

namespace ProcLab {

using namespace std::chrono;

void Worker::beginReplay(const WorkerPool *clock, bool seenAsPython)
{
    m_replay = true;
    m_replayClock = clock;
    m_seenAsPython = seenAsPython;
    m_guardian = nullptr; // nothing of a record is watched, nothing is killed with ProcLab
    if (m_descendants) {
        m_descendants->setReplay(true);
        // After its program's end, what of its tree still runs in the record reads as orphans.
        connect(m_descendants, &DescendantTracker::descendantsChanged, this, [this] {
            if (isActive() || m_state == WorkerState::FailedToStart)
                return;
            const int alive = int(m_descendants->summary().alive);
            if (alive != m_orphanCount) {
                m_orphanCount = alive;
                emit changed();
            }
        });
    }
}

void Worker::replayStart(qint64 timeMs, qint64 pid, qint64 startTimeMs)
{
    Q_ASSERT(m_replay);
    m_replayTimeMs = timeMs;
    m_startTime = QDateTime::fromMSecsSinceEpoch(startTimeMs > 0 ? startTimeMs : timeMs);
    m_pid = pid;
    setState(WorkerState::Running);
    report(WorkerEvent::Kind::Started, startedText());
    emit started(m_pid);
}

void Worker::replayFailedToStart(qint64 timeMs, const QString &reason)
{
    Q_ASSERT(m_replay);
    m_replayTimeMs = timeMs;
    if (!m_startTime.isValid())
        m_startTime = QDateTime::fromMSecsSinceEpoch(timeMs);
    m_endTime = QDateTime::fromMSecsSinceEpoch(timeMs);
    m_exitInfo.reason = ExitInfo::Reason::FailedToStart;
    m_exitInfo.errorText = reason;
    setState(WorkerState::FailedToStart);
    report(WorkerEvent::Kind::FailedToStart, tr("failed to start: %1").arg(reason));
    emit finished();
}

void Worker::replayOutput(const QList<OutputLine> &lines)
{
    Q_ASSERT(m_replay);
    if (lines.isEmpty())
        return;
    QList<OutputLine> told = lines;
    for (OutputLine &line : told) {
        line.workerId = m_id;
        m_scrollback.append(line);
        ++m_lineCounts[line.channel == OutputChannel::StdErr ? 1 : 0];
        if (line.pid != 0)
            m_seenAsPython = true; // lines attributed to processes of its own: the hook's
    }
    m_lastLine = told.constLast().text;
    emit outputReceived(told);
    emit changed();
}

void Worker::replaySignal(qint64 timeMs, WorkerEvent::Kind kind, int signalNumber, qint64 pid)
{
    Q_ASSERT(m_replay);
    m_replayTimeMs = timeMs;
    // The same words as the live worker's, in the same state changes; nothing is sent.
    switch (kind) {
    case WorkerEvent::Kind::TerminateSent:
        if (m_terminateSent)
            return;
        m_terminateSent = true;
        m_terminateSentMs = timeMs;
        if (m_descendants)
            m_descendants->noteStopRequested(SIGTERM);
        report(kind,
               isActive() ? tr("terminating %1 (SIGTERM)…").arg(m_pid)
                          : tr("terminating the orphans of %1 (SIGTERM)…").arg(m_pid));
        if (isActive())
            setState(WorkerState::Stopping);
        return;
    case WorkerEvent::Kind::KillSent:
        if (m_descendants)
            m_descendants->noteStopRequested(SIGKILL);
        if (m_terminateSent && !m_killSent) {
            // After a terminate: the grace period ran out (the record dates both).
            m_grace = milliseconds(timeMs - m_terminateSentMs);
            if (isActive())
                m_exitInfo.escalated = true;
            report(kind,
                   isActive() ? tr("%1 still running after %2 grace: killing (SIGKILL)")
                                        .arg(m_pid)
                                        .arg(secondsText(m_grace.count()))
                              : tr("orphans of %1 still running after %2 grace: killing (SIGKILL)")
                                        .arg(m_pid)
                                        .arg(secondsText(m_grace.count())));
        } else {
            report(kind,
                   isActive() ? tr("killing %1 (SIGKILL)").arg(m_pid)
                              : tr("killing the orphans of %1 (SIGKILL)").arg(m_pid));
        }
        m_killSent = true;
        if (isActive())
            setState(WorkerState::Stopping);
        return;
    case WorkerEvent::Kind::Paused:
        report(kind, tr("pausing %1 (SIGSTOP)").arg(m_pid));
        setState(WorkerState::Paused);
        return;
    case WorkerEvent::Kind::Resumed:
        report(kind, tr("resuming %1 (SIGCONT)").arg(m_pid));
        setState(WorkerState::Running);
        return;
    case WorkerEvent::Kind::SignalSent:
        if (isActive())
            m_signalSent = signalNumber;
        report(kind,
               isActive() ? tr("sending %1 to %2").arg(signalName(signalNumber)).arg(m_pid)
                          : tr("sending %1 to the orphans of %2")
                                    .arg(signalName(signalNumber))
                                    .arg(m_pid),
               signalNumber);
        return;
    case WorkerEvent::Kind::ProcessSignalSent:
        if (pid == m_pid)
            m_signalSent = signalNumber;
        else if (m_descendants)
            m_descendants->noteSignalSentTo(pid, signalNumber);
        report(kind,
               signalNumber == SIGTERM
                       ? tr("terminating %1 alone (SIGTERM to that process)").arg(pid)
                       : tr("sending %1 to %2 alone").arg(signalName(signalNumber)).arg(pid),
               signalNumber,
               pid);
        return;
    default:
        return;
    }
}

void Worker::replayEvent(qint64 timeMs, WorkerEvent::Kind kind, const QString &text)
{
    Q_ASSERT(m_replay);
    m_replayTimeMs = timeMs;
    report(kind, text);
}

void Worker::replayPythonCalls(qint64 timeMs, const QList<PythonCall> &calls)
{
    Q_ASSERT(m_replay);
    m_replayTimeMs = timeMs;
    m_seenAsPython = true;
    addPythonCalls(calls);
}

void Worker::replayEnd(qint64 timeMs, const ExitInfo &exit)
{
    Q_ASSERT(m_replay);
    if (!isActive())
        return;
    m_replayTimeMs = timeMs;
    m_endTime = QDateTime::fromMSecsSinceEpoch(timeMs);
    const bool escalated = m_exitInfo.escalated;
    m_exitInfo = exit;
    m_exitInfo.escalated = escalated && exit.reason == ExitInfo::Reason::KilledOnRequest;
    // As the live worker reads it: a stop the user asked for was asked, however it ended.
    m_exitInfo.stopRequested = exit.stopRequested || m_terminateSent || m_killSent
                               || (exit.signalNumber != 0 && exit.signalNumber == m_signalSent);
    const bool crashed = m_exitInfo.reason == ExitInfo::Reason::KilledBySignal
                         && !m_exitInfo.stopRequested;
    setState(crashed ? WorkerState::Crashed : WorkerState::Finished);
    report(WorkerEvent::Kind::Ended, endText(runningTimeMs()));
    // Its tree's processes that outlive it, as live (Worker::keepOrphans()); the record tells
    // their ends, and nothing of them runs.
    if (m_descendants)
        m_orphanCount = int(m_descendants->summary().alive);
    emit finished();
}

} // namespace ProcLab
