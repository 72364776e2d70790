#include "worker.h"

#include "commandline.h"
#include "countdown.h"
#include "defaults.h"
#include "descendanttracker.h"
#include "processgroup.h"
#include "processguardian.h"
#include "programlocator.h"
#include "pythonchannel.h"
#include "pythonhook.h"
#include "resourcelimits.h"
#include "traceeventreader.h"
#include "workerpool.h"
#include "workerprogram.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QScopedValueRollback>
#include <QTimer>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ProcLab {

using namespace std::chrono;

namespace {

int channelIndex(OutputChannel channel)
{
    return channel == OutputChannel::StdErr ? 1 : 0;
}

// What /proc says of a process, for deciding whether a PID is still one of ours.
struct ProcessStatus
{
    char state = '?';
    qint64 parentPid = 0;
    qint64 groupId = 0;
    qint64 tracerPid = 0;
};

bool readSmallFile(const char *path, char *buffer, size_t size)
{
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    ssize_t got = 0;
    do {
        got = ::read(fd, buffer, size - 1);
    } while (got < 0 && errno == EINTR);
    ::close(fd);
    if (got <= 0)
        return false;
    buffer[got] = '\0';
    return true;
}

bool readProcessStatus(qint64 pid, ProcessStatus &status)
{
    char path[64];
    char text[4096];
    std::snprintf(path, sizeof path, "/proc/%lld/stat", static_cast<long long>(pid));
    if (!readSmallFile(path, text, sizeof text))
        return false;
    // "pid (comm) state ppid pgrp …": comm may hold spaces and parentheses.
    const char *close = std::strrchr(text, ')');
    if (!close || close[1] != ' ' || close[2] == '\0')
        return false;
    status.state = close[2];
    char *end = nullptr;
    status.parentPid = std::strtoll(close + 3, &end, 10);
    status.groupId = std::strtoll(end, nullptr, 10);
    std::snprintf(path, sizeof path, "/proc/%lld/status", static_cast<long long>(pid));
    if (!readSmallFile(path, text, sizeof text))
        return false;
    const char *tracer = std::strstr(text, "\nTracerPid:");
    status.tracerPid = tracer ? std::strtoll(tracer + 11, nullptr, 10) : 0;
    return true;
}

enum class SendResult { Sent, Gone, NotOurs, Failed };

// Sends a signal to pid only if, at the moment it is sent, pid is still the process that
// `belongs` accepted. A pidfd holds the process itself, not its number: if the signal reaches it,
// it had not been reaped, so its PID could not have been given to another process in between, and
// the /proc files read after opening it were its own. Without pidfds (kernels before 5.3) the
// check and the kill() are a moment apart.
template<typename Check>
SendResult sendToProcess(qint64 pid, int signalNumber, Check belongs, int &error)
{
    int pidfd = -1;
#if defined(SYS_pidfd_open) && defined(SYS_pidfd_send_signal)
    pidfd = int(::syscall(SYS_pidfd_open, pid_t(pid), 0));
    if (pidfd < 0 && errno == ESRCH)
        return SendResult::Gone;
#endif
    ProcessStatus status;
    SendResult result = SendResult::Sent;
    if (!readProcessStatus(pid, status) || status.state == 'Z' || status.state == 'X') {
        result = SendResult::Gone;
    } else if (!belongs(status)) {
        result = SendResult::NotOurs;
    } else {
        int sent = -1;
#if defined(SYS_pidfd_open) && defined(SYS_pidfd_send_signal)
        if (pidfd >= 0)
            sent = int(::syscall(SYS_pidfd_send_signal, pidfd, signalNumber, nullptr, 0));
        else
#endif
            sent = ::kill(pid_t(pid), signalNumber);
        if (sent != 0) {
            error = errno;
            result = error == ESRCH ? SendResult::Gone : SendResult::Failed;
        }
    }
    if (pidfd >= 0)
        ::close(pidfd);
    return result;
}

} // namespace

// "300 ms" below a second, where rounding to "0 s" would say nothing; whole seconds above.
QString Worker::secondsText(qint64 milliseconds)
{
    if (milliseconds < 1000)
        return tr("%1 ms").arg(milliseconds);
    return tr("%1 s").arg((milliseconds + 500) / 1000);
}

Worker::Worker(int id, WorkerSpec spec, QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_spec(std::move(spec))
    // The merged log of the pool has its own, larger bounds; both share the text.
    , m_scrollback(Defaults::WorkerHistoryLines, Defaults::WorkerHistoryCharacters)
{
    // Before start(), so that a consumer can connect to it first.
    if (m_spec.followChildren)
        m_descendants = new DescendantTracker(this);
}

Worker::~Worker()
{
    // Normally the pool destroys only ended workers. If one is still alive, nothing of it may survive:
    // kill the whole group before QProcess reaps the leader.
    // A replayed worker's PID is only a number from a record: it may be anyone's process today.
    if (!m_replay && m_pid > 0 && (isActive() || ProcessGroup::hasLiveMembers(m_pid)))
        ProcessGroup::signal(m_pid, SIGKILL);
    if (m_process && m_process->state() != QProcess::NotRunning) {
        // Never block here and never destroy a running QProcess: the SIGKILL is on its way, so let
        // the QProcess outlive us just long enough to reap its process, then delete itself.
        m_process->disconnect(this);
        m_process->setParent(nullptr);
        connect(m_process, &QProcess::finished, m_process, &QObject::deleteLater);
        m_process->kill();
    }
    if (m_guardian && m_pid > 0)
        m_guardian->unwatch(m_pid);
    TraceEventReader::closeDescriptor(m_traceWriteFd);
}

QString Worker::name() const
{
    if (!m_spec.name.isEmpty())
        return m_spec.name;
    if (m_spec.arguments.isEmpty())
        return QString();
    return QFileInfo(m_spec.arguments.constFirst()).fileName();
}

QString Worker::commandLine() const
{
    return joinCommandLine(m_spec.arguments);
}

bool Worker::isActive() const
{
    return m_state == WorkerState::Starting || m_state == WorkerState::Running
           || m_state == WorkerState::Stopping || m_state == WorkerState::Paused;
}

qint64 Worker::runningTimeMs() const
{
    if (!m_startTime.isValid())
        return 0;
    if (m_endTime.isValid())
        return m_startTime.msecsTo(m_endTime);
    // A replayed run's "now" is the player's position, not the wall clock.
    if (m_replayClock)
        return m_replayClock->nowMs() - m_startTime.toMSecsSinceEpoch();
    return m_startTime.msecsTo(QDateTime::currentDateTime());
}

qint64 Worker::lineCount(OutputChannel channel) const
{
    if (channel == OutputChannel::Monitor)
        return 0;
    return m_lineCounts[size_t(channelIndex(channel))];
}

void Worker::setScrollbackLimits(qsizetype maxLines, qsizetype maxCharacters)
{
    m_scrollback.setLimits(maxLines, maxCharacters);
}

QProcessEnvironment Worker::environment(const QString &programPath) const
{
    // Read once: copying the environment was half of the core's own cost of a spawn.
    static const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    QProcessEnvironment environment = system;
    for (const QString &assignment : m_spec.environment) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        if (equals > 0)
            environment.insert(assignment.left(equals), assignment.mid(equals + 1));
    }
    // After the user's own variables, so that their PYTHONPATH is kept behind the hook.
    if (m_spec.lineBuffered) {
        requestLineBufferedOutput(environment,
                                  isPythonCommand(m_spec.arguments, programPath),
                                  pythonHookDirectory());
    }
    // Only this worker's own channel: a ProcLab run inside ProcLab must not report to the outer one.
    const QString channelVariable = QLatin1String(PythonChannel::EnvironmentVariable);
    if (m_pythonChannel)
        environment.insert(channelVariable, m_pythonChannel->address());
    else
        environment.remove(channelVariable);
    return environment;
}

void Worker::start(const QStringList &searchPath)
{
    if (m_replay)
        return;
    Q_ASSERT(m_state == WorkerState::Starting && !m_process);
    m_startTime = QDateTime::currentDateTime();

    if (m_spec.arguments.isEmpty() || m_spec.arguments.constFirst().trimmed().isEmpty()) {
        failToStart(tr("the command is empty"));
        return;
    }
    const ProgramLocation location = locateProgram(m_spec.arguments.constFirst(),
                                                   m_spec.workingDirectory,
                                                   searchPath);
    if (!location.isValid()) {
        failToStart(location.error);
        return;
    }
    if (!m_spec.workingDirectory.isEmpty() && !QFileInfo(m_spec.workingDirectory).isDir()) {
        failToStart(tr("the working folder “%1” does not exist").arg(m_spec.workingDirectory));
        return;
    }

    QString program = location.path;
    QStringList arguments = m_spec.arguments.mid(1);
    if (m_spec.useStdbuf) {
        const ProgramLocation stdbuf = locateProgram(QStringLiteral("stdbuf"),
                                                     QString(),
                                                     searchPath);
        if (stdbuf.isValid()) {
            arguments = QStringList{QStringLiteral("-oL"), QStringLiteral("-eL"), program}
                        + arguments;
            program = stdbuf.path;
        }
    }

    if (m_descendants && !prepareFollowing(program, arguments)) {
        delete m_descendants; // the helper is missing: the program runs unfollowed
        m_descendants = nullptr;
    }

    m_process = new QProcess(this);
    m_process->setProgram(program);
    m_process->setArguments(arguments);
    m_process->setWorkingDirectory(m_spec.workingDirectory);
    // Seeing inside a Python program is part of following it (--no-follow sees neither).
    if (m_spec.followChildren && m_spec.lineBuffered
        && isPythonCommand(m_spec.arguments, location.path) && !pythonHookDirectory().isEmpty())
        openPythonChannel();
    m_process->setProcessEnvironment(environment(location.path));
    m_process->setStandardInputFile(QProcess::nullDevice());

    // Runs in the (v)forked child before exec: plain system calls only, values captured by copy.
    // A group of its own, so that stopping reaches every descendant; death with the monitor, so that
    // even a SIGKILLed monitor leaves no direct child (the guardian takes care of grandchildren).
    const pid_t monitorPid = ::getpid();
    const int traceFd = m_traceWriteFd;
    m_process->setChildProcessModifier([monitorPid, traceFd] {
        ::setpgid(0, 0);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != monitorPid)
            ::_exit(127); // the monitor died between fork and prctl
        ::signal(SIGPIPE, SIG_DFL);
        // A read is then at most 16 KiB (8 192 lines of "y", not 32 768), so the window keeps
        // painting under any flood; a flooding worker simply blocks sooner (performance.md, 5).
        ::fcntl(STDOUT_FILENO, F_SETPIPE_SZ, 16384);
        ::fcntl(STDERR_FILENO, F_SETPIPE_SZ, 16384);
        if (traceFd >= 0)
            TraceEventReader::allowInheritance(traceFd); // the tracer's channel, and only its
    });

    connect(m_process, &QProcess::started, this, &Worker::handleStarted);
    connect(m_process, &QProcess::finished, this, &Worker::handleProcessFinished);
    connect(m_process, &QProcess::errorOccurred, this, &Worker::handleError);
    connect(m_process, &QProcess::readyReadStandardOutput, this, [this] {
        readChannel(OutputChannel::StdOut);
    });
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        readChannel(OutputChannel::StdErr);
    });

    m_process->start();
    // Ours closed, the tracer's channel ends when the tracer does.
    TraceEventReader::closeDescriptor(m_traceWriteFd);
    if (m_traceReader) {
        // The program's PID comes with the tracer's first record (handleTraceEvents).
        m_tracerPid = m_process->processId();
    } else if (m_state == WorkerState::Starting && m_process->processId() > 0 && m_pid == 0) {
        // The PID is known as soon as fork returns; tell the guardian at once, before any grandchild.
        m_pid = m_process->processId();
        if (m_guardian)
            m_guardian->watch(m_pid);
        emit changed();
    }
}

void Worker::openPythonChannel()
{
    auto *channel = new PythonChannel(this);
    if (!channel->listen()) {
        delete channel; // the program runs as any other: its output is its program's
        return;
    }
    // Any process of this user may connect (the address is random, and SO_PEERCRED names the
    // writer): checking that a writer is of this tree would lose the lines of a child that ended
    // before its connection was accepted, whose /proc entry is gone.
    m_pythonChannel = channel;
    m_seenAsPython = true;
    connect(channel, &PythonChannel::outputReceived, this, &Worker::readPythonOutput);
    connect(channel, &PythonChannel::outputClosed, this, &Worker::finishPythonOutput);
    connect(channel, &PythonChannel::callsReceived, this, [this](const QList<PythonCall> &calls) {
        // The processes the calls name are told first; but only when one is not known yet, so
        // that what the tracer saw after a call is not told before it.
        const bool allKnown = std::all_of(calls.cbegin(),
                                          calls.cend(),
                                          [this](const PythonCall &call) {
                                              return call.target <= 0 || !m_descendants
                                                     || m_descendants->findUnreaped(call.target);
                                          });
        if (!allKnown)
            catchUpWithTracer();
        else if (m_descendants)
            m_descendants->announceNewProcesses(); // known, and maybe not told yet
        addPythonCalls(calls);
    });
}

bool Worker::prepareFollowing(QString &program, QStringList &arguments)
{
    const QString tracer = workerProgramPath();
    if (tracer.isEmpty())
        return false;
    TraceEventReader::Channel channel = TraceEventReader::openChannel();
    if (!channel.isValid())
        return false;
    m_traceWriteFd = channel.writeFd;
    m_traceReader = new TraceEventReader(this);
    connect(m_traceReader, &TraceEventReader::eventsReceived, this, &Worker::handleTraceEvents);
    connect(m_traceReader,
            &TraceEventReader::finished,
            m_descendants,
            &DescendantTracker::finishChannel);
    connect(m_descendants, &DescendantTracker::rootEnded, this, &Worker::handleProgramEnded);
    connect(m_descendants, &DescendantTracker::descendantsChanged, this, &Worker::updateOrphanCount);
    m_traceReader->start(channel.readFd);
    arguments = QStringList{QStringLiteral("trace"),
                            QStringLiteral("--events-fd"),
                            QString::number(channel.writeFd),
                            QStringLiteral("--"),
                            program}
                + arguments;
    program = tracer;
    return true;
}

void Worker::handleTraceEvents(const QList<TraceEvent> &events)
{
    // The tracer names the program before anything else happens to it.
    if (m_pid == 0 && isActive()) {
        for (const TraceEvent &event : events) {
            if (event.kind == TraceEvent::Kind::Start && event.origin == ProcessOrigin::Root) {
                m_pid = event.pid;
                if (m_guardian)
                    m_guardian->watch(m_pid);
                enterRunning();
                break;
            }
        }
    }
    const QScopedValueRollback<bool> handling(m_handlingTraceEvents, true);
    m_descendants->apply(events);
}

void Worker::handleProgramEnded()
{
    const Descendant *root = m_descendants->root();
    // Unknown (the channel broke off): the tracer's own end, which mirrors the program's, tells.
    if (!root || root->waitStatus < 0 || !isActive())
        return;
    const int status = root->waitStatus;
    // What it wrote before it ended is in the pipe already: hand it on before its end is told.
    if (m_pythonChannel)
        m_pythonChannel->readPending();
    if (m_process) {
        readChannel(OutputChannel::StdOut);
        readChannel(OutputChannel::StdErr);
    }
    if (WIFSIGNALED(status))
        handleFinished(WTERMSIG(status), QProcess::CrashExit);
    else
        handleFinished(WEXITSTATUS(status), QProcess::NormalExit);
}

void Worker::handleProcessFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    if (m_traceReader) {
        // What the tracer wrote before it ended comes first: the program's own end.
        m_traceReader->readAvailable();
        if (!isActive()) {
            flushSplitters(); // output of orphans that outlived the program
            endOrphans();
            return;
        }
        if (m_pid == 0)
            m_pid = m_tracerPid; // it never named the program: the tracer is all there was
    }
    handleFinished(exitCode, exitStatus);
}

void Worker::handleStarted()
{
    if (m_traceReader)
        return; // running once the tracer names the program (handleTraceEvents)
    if (m_pid == 0) {
        m_pid = m_process->processId();
        if (m_guardian)
            m_guardian->watch(m_pid);
    }
    enterRunning();
}

void Worker::enterRunning()
{
    setState(WorkerState::Running);
    report(WorkerEvent::Kind::Started, startedText());
    emit started(m_pid);
    // A stop requested while starting is carried out now that the group exists.
    if (m_terminateSent || m_killSent) {
        ProcessGroup::signal(m_pid, m_killSent ? SIGKILL : SIGTERM);
        setState(WorkerState::Stopping);
    }
}

void Worker::handleError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || m_state == WorkerState::FailedToStart)
        return;
    QString reason = m_process->errorString();
    // Qt's text loses errno on some paths ("No such file or directory" for a pipe it could not
    // create): the descriptor count tells the real cause.
    if (reason.contains(QLatin1String("Too many open files"))
        || ResourceLimits::isNearOpenFileLimit())
        reason = tr("too many open files: the monitor has reached its limit of open files");
    failToStart(tr("cannot start “%1”: %2").arg(m_spec.arguments.constFirst(), reason));
}

void Worker::failToStart(const QString &reason)
{
    m_endTime = QDateTime::currentDateTime();
    m_exitInfo.reason = ExitInfo::Reason::FailedToStart;
    m_exitInfo.errorText = reason;
    if (m_guardian && m_pid > 0)
        m_guardian->unwatch(m_pid);
    cancelScheduledStop();
    setState(WorkerState::FailedToStart);
    report(WorkerEvent::Kind::FailedToStart, tr("failed to start: %1").arg(reason));
    emit finished();
}

void Worker::handleFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    flushSplitters();
    m_endTime = QDateTime::currentDateTime();
    if (m_escalation)
        m_escalation->stop();
    cancelScheduledStop();

    // On Unix, QProcess reports the signal number as the exit code of a crash.
    m_exitInfo.stopRequested = m_terminateSent || m_killSent
                               || (exitStatus == QProcess::CrashExit && m_signalSent == exitCode);
    if (exitStatus == QProcess::NormalExit) {
        m_exitInfo.reason = ExitInfo::Reason::Exited;
        m_exitInfo.exitCode = exitCode;
    } else {
        m_exitInfo.signalNumber = exitCode;
        if (m_killSent && exitCode == SIGKILL)
            m_exitInfo.reason = ExitInfo::Reason::KilledOnRequest;
        else if ((m_terminateSent && exitCode == SIGTERM) || (m_signalSent == exitCode))
            m_exitInfo.reason = ExitInfo::Reason::TerminatedOnRequest;
        else
            m_exitInfo.reason = ExitInfo::Reason::KilledBySignal;
    }

    const bool crashed = m_exitInfo.reason == ExitInfo::Reason::KilledBySignal
                         && !m_exitInfo.stopRequested;
    setState(crashed ? WorkerState::Crashed : WorkerState::Finished);
    report(WorkerEvent::Kind::Ended, endText(runningTimeMs()));
    if (!keepOrphans())
        stopLeftovers();
    emit finished();
}

QString Worker::startedText() const
{
    // The program's file name is enough in an event line; the full path is in commandLine().
    QStringList shown = m_spec.arguments;
    if (!shown.isEmpty())
        shown.first() = QFileInfo(shown.constFirst()).fileName();
    return tr("started %1: %2").arg(m_pid).arg(joinCommandLine(shown));
}

QString Worker::endText(qint64 ranFor) const
{
    const QString exitText = m_exitInfo.exitCodeText();
    QString text;
    switch (m_exitInfo.reason) {
    case ExitInfo::Reason::TerminatedOnRequest:
        text = tr("terminated %1 after %2: %3").arg(m_pid).arg(secondsText(ranFor), exitText);
        break;
    case ExitInfo::Reason::KilledOnRequest:
        text = m_exitInfo.escalated
                       ? tr("killed %1 after %2 grace: %3")
                                 .arg(m_pid)
                                 .arg(secondsText(m_grace.count()), exitText)
                       : tr("killed %1 after %2: %3").arg(m_pid).arg(secondsText(ranFor), exitText);
        break;
    case ExitInfo::Reason::KilledBySignal:
        text = m_exitInfo.stopRequested ? tr("%1 ended by a signal: %2").arg(m_pid).arg(exitText)
                                        : tr("%1 crashed: %2").arg(m_pid).arg(exitText);
        break;
    default:
        text = tr("%1 exited after %2: %3").arg(m_pid).arg(secondsText(ranFor), exitText);
        break;
    }
    return text;
}

bool Worker::keepOrphans()
{
    // Only what can be shown is kept: a traced tree, whose every process has its entry and whose
    // tracer (still our child) ends when the last of them does. Processes of a tree the user
    // asked to stop are not orphans to keep but the rest of that stop.
    if (!m_descendants || !m_traceReader || m_descendants->isApproximate()
        || m_descendants->isChannelFinished() || m_terminateSent || m_killSent || !m_process
        || m_process->state() == QProcess::NotRunning)
        return false;
    // Kept while the tracer runs, even if no orphan is known yet: a child whose parent ended
    // between creating it and saying so is reported after the program's end.
    m_keepsOrphans = true;
    m_orphanCount = int(m_descendants->summary().alive);
    reportOrphans();
    return true;
}

void Worker::reportOrphans()
{
    if (m_orphansReported || m_orphanCount <= 0)
        return;
    m_orphansReported = true;
    report(WorkerEvent::Kind::OrphansKept,
           tr("%n process(es) that %1 started still run as orphans: kept until they end or are "
              "stopped",
              nullptr,
              m_orphanCount)
                   .arg(m_pid));
}

void Worker::updateOrphanCount()
{
    if (!m_keepsOrphans)
        return;
    const int alive = int(m_descendants->summary().alive);
    if (alive == m_orphanCount)
        return;
    m_orphanCount = alive;
    reportOrphans();
    emit changed();
}

void Worker::endOrphans()
{
    // The tracer has ended: nothing it traced runs any more.
    if (!m_keepsOrphans)
        return;
    if (m_escalation)
        m_escalation->stop();
    m_keepsOrphans = false;
    m_orphanCount = 0;
    // The tracer ends only when nothing it traced runs. A process that left its tracing (a
    // nested tracer's child) but not the group cannot be shown any more: it is stopped.
    if (ProcessGroup::hasLiveMembers(m_pid))
        stopLeftovers();
    else if (m_guardian)
        m_guardian->unwatch(m_pid);
    emit changed();
    emit orphansEnded();
}

bool Worker::belongsToTree(qint64 pid) const
{
    ProcessStatus status;
    if (!readProcessStatus(pid, status))
        return false;
    if (m_tracerPid > 0 && status.tracerPid == m_tracerPid)
        return true;
    return m_pid > 0 && status.groupId == m_pid;
}

int Worker::signalOutsideGroup(int signalNumber)
{
    // Processes of the tree that left its group (setsid, setpgid) are signalled one by one: each
    // is checked to be ours still (traced by our tracer, or in our group) as it is sent.
    if (!m_descendants || m_pid <= 0)
        return 0;
    int sent = 0;
    for (const quint64 id : m_descendants->ids()) {
        const Descendant *entry = m_descendants->descendant(id);
        if (!entry->isAlive() || entry->pid == m_pid)
            continue;
        if (::getpgid(pid_t(entry->pid)) == pid_t(m_pid))
            continue; // the group's signal reaches it
        int error = 0;
        const SendResult result = sendToProcess(
                entry->pid,
                signalNumber,
                [this](const ProcessStatus &status) {
                    return m_tracerPid > 0 && status.tracerPid == m_tracerPid;
                },
                error);
        if (result == SendResult::Sent)
            ++sent;
    }
    return sent;
}

void Worker::signalTree(int signalNumber)
{
    if (m_pid <= 0)
        return;
    ProcessGroup::signal(m_pid, signalNumber);
    signalOutsideGroup(signalNumber);
}

void Worker::stopLeftovers()
{
    // The leader is gone; background children it left in its group (or, followed, anywhere in
    // its tree) must not outlive it.
    const qint64 group = m_pid;
    const bool outside = m_descendants && m_descendants->summary().alive > 0;
    if (!ProcessGroup::hasLiveMembers(group) && !outside) {
        if (m_guardian)
            m_guardian->unwatch(group);
        return;
    }
    report(WorkerEvent::Kind::LeftoversStopped,
           tr("%1 left processes behind in its group: terminating them").arg(group));
    noteStopRequested(SIGTERM);
    noteStopRequested(SIGKILL);
    signalTree(SIGTERM);
    signalTree(SIGCONT);
    QTimer::singleShot(qMax(m_grace, milliseconds(200)), this, [this, group] {
        if (ProcessGroup::hasLiveMembers(group))
            ProcessGroup::signal(group, SIGKILL);
        signalOutsideGroup(SIGKILL);
        if (m_guardian)
            m_guardian->unwatch(group);
    });
}

void Worker::terminate(milliseconds grace)
{
    if (m_replay)
        return;
    if (!hasLiveProcesses() || m_terminateSent || m_killSent)
        return;
    cancelScheduledStop();
    m_terminateSent = true;
    m_grace = grace;
    noteStopRequested(SIGTERM);
    if (m_pid > 0) {
        report(WorkerEvent::Kind::TerminateSent,
               isActive() ? tr("terminating %1 (SIGTERM)…").arg(m_pid)
                          : tr("terminating the orphans of %1 (SIGTERM)…").arg(m_pid));
        signalTree(SIGTERM);
        signalTree(SIGCONT);
    }
    if (isActive())
        setState(WorkerState::Stopping);

    if (!m_escalation) {
        m_escalation = new QTimer(this);
        m_escalation->setSingleShot(true);
        connect(m_escalation, &QTimer::timeout, this, [this] {
            if (!hasLiveProcesses())
                return;
            // The program's own exit reading is final once it has ended: only its orphans are
            // killed then.
            if (isActive())
                m_exitInfo.escalated = true;
            report(WorkerEvent::Kind::KillSent,
                   isActive() ? tr("%1 still running after %2 grace: killing (SIGKILL)")
                                        .arg(m_pid)
                                        .arg(secondsText(m_grace.count()))
                              : tr("orphans of %1 still running after %2 grace: killing (SIGKILL)")
                                        .arg(m_pid)
                                        .arg(secondsText(m_grace.count())));
            m_killSent = true;
            noteStopRequested(SIGKILL);
            signalTree(SIGKILL);
        });
    }
    m_escalation->start(grace);
}

void Worker::kill()
{
    if (m_replay)
        return;
    if (!hasLiveProcesses() || m_killSent)
        return;
    cancelScheduledStop();
    if (m_escalation)
        m_escalation->stop();
    m_killSent = true;
    noteStopRequested(SIGKILL);
    if (m_pid > 0) {
        report(WorkerEvent::Kind::KillSent,
               isActive() ? tr("killing %1 (SIGKILL)").arg(m_pid)
                          : tr("killing the orphans of %1 (SIGKILL)").arg(m_pid));
        signalTree(SIGKILL);
    }
    if (isActive())
        setState(WorkerState::Stopping);
}

void Worker::pause()
{
    if (m_replay)
        return;
    if (m_state != WorkerState::Running || m_pid <= 0)
        return;
    report(WorkerEvent::Kind::Paused, tr("pausing %1 (SIGSTOP)").arg(m_pid));
    ProcessGroup::signal(m_pid, SIGSTOP);
    setState(WorkerState::Paused);
}

void Worker::resume()
{
    if (m_replay)
        return;
    if (m_state != WorkerState::Paused)
        return;
    report(WorkerEvent::Kind::Resumed, tr("resuming %1 (SIGCONT)").arg(m_pid));
    ProcessGroup::signal(m_pid, SIGCONT);
    setState(WorkerState::Running);
}

void Worker::sendSignal(int signalNumber)
{
    if (m_replay)
        return;
    switch (signalNumber) {
    case SIGTERM:
        terminate(m_grace.count() > 0 ? m_grace : Defaults::GracePeriod);
        return;
    case SIGKILL:
        kill();
        return;
    case SIGSTOP:
    case SIGCONT:
        // The program's pause and resume; orphans have no paused state of their own to keep.
        if (isActive()) {
            signalNumber == SIGSTOP ? pause() : resume();
            return;
        }
        break;
    default:
        break;
    }
    if (!hasLiveProcesses() || m_pid <= 0)
        return;
    report(WorkerEvent::Kind::SignalSent,
           isActive()
                   ? tr("sending %1 to %2").arg(signalName(signalNumber)).arg(m_pid)
                   : tr("sending %1 to the orphans of %2").arg(signalName(signalNumber)).arg(m_pid),
           signalNumber);
    // A worker that dies of a signal the user sent on purpose was stopped on request.
    if (isActive())
        m_signalSent = signalNumber;
    noteStopRequested(signalNumber);
    signalTree(signalNumber);
}

bool Worker::signalProcess(qint64 pid, int signalNumber, QString *whyNot)
{
    const auto refuse = [whyNot](const QString &reason) {
        if (whyNot)
            *whyNot = reason;
        return false;
    };
    if (m_replay)
        return refuse(tr("this is a replayed run: its processes are not running, and %1 may be "
                         "another process today")
                              .arg(pid));
    const bool isProgram = pid == m_pid && m_pid > 0;
    const Descendant *entry = m_descendants && pid > 0 ? m_descendants->findUnreaped(pid) : nullptr;
    if (isProgram) {
        if (!isActive())
            return refuse(tr("%1 has ended").arg(pid));
    } else if (!m_descendants) {
        return refuse(tr("%1 is not “%2” (%3), and ProcLab does not follow the processes it "
                         "starts: only the program itself can be signalled alone")
                              .arg(pid)
                              .arg(name())
                              .arg(m_pid));
    } else if (!entry || !entry->isAlive()) {
        return refuse(
                tr("%1 is not a running process of “%2” (%3)").arg(pid).arg(name()).arg(m_pid));
    }

    // Ours if our tracer traces it; or, for the program unfollowed, our own child leading its
    // group; or, for a process ProcLab stepped aside for or only samples, a member of the group.
    const qint64 monitorPid = ::getpid();
    const auto belongs = [this, isProgram, monitorPid](const ProcessStatus &status) {
        if (m_tracerPid > 0 && status.tracerPid == m_tracerPid)
            return true;
        if (isProgram)
            return status.groupId == m_pid
                   && status.parentPid == (m_tracerPid > 0 ? m_tracerPid : monitorPid);
        return status.groupId == m_pid;
    };
    // Noted first: the tracker reads its end from events that may come before we return.
    if (entry && !isProgram)
        m_descendants->noteSignalSentTo(pid, signalNumber);
    int error = 0;
    switch (sendToProcess(pid, signalNumber, belongs, error)) {
    case SendResult::Sent:
        break;
    case SendResult::Gone:
        return refuse(tr("%1 has ended").arg(pid));
    case SendResult::NotOurs:
        return refuse(tr("%1 is no longer a process of “%2”: not signalled").arg(pid).arg(name()));
    case SendResult::Failed:
        return refuse(tr("cannot signal %1: %2")
                              .arg(pid)
                              .arg(QString::fromLocal8Bit(std::strerror(error))));
    }
    // The program dies of it on request, as of the user's signal to its group.
    if (isProgram)
        m_signalSent = signalNumber;
    report(WorkerEvent::Kind::ProcessSignalSent,
           signalNumber == SIGTERM
                   ? tr("terminating %1 alone (SIGTERM to that process)").arg(pid)
                   : tr("sending %1 to %2 alone").arg(signalName(signalNumber)).arg(pid),
           signalNumber,
           pid);
    return true;
}

void Worker::terminateAfter(milliseconds delay, milliseconds grace, milliseconds tickInterval)
{
    if (m_replay)
        return;
    if (!isActive() || m_terminateSent || m_killSent)
        return;
    cancelScheduledStop();
    m_scheduledStop = new Countdown(delay, tickInterval, this);
    connect(m_scheduledStop, &Countdown::ticked, this, &Worker::changed);
    connect(m_scheduledStop, &Countdown::expired, this, [this, grace] {
        m_scheduledStop->deleteLater();
        m_scheduledStop = nullptr;
        terminate(grace);
    });
    m_scheduledStop->start();
}

void Worker::cancelScheduledStop()
{
    if (!m_scheduledStop)
        return;
    m_scheduledStop->cancel();
    m_scheduledStop->deleteLater();
    m_scheduledStop = nullptr;
    emit changed();
}

void Worker::noteStopRequested(int signalNumber)
{
    // Descendants that die of it were stopped on request, as the program itself is.
    if (m_descendants)
        m_descendants->noteStopRequested(signalNumber);
}

void Worker::setState(WorkerState state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit changed();
}

void Worker::catchUpWithTracer()
{
    // What the tracer reported before these bytes were written goes first: it reports a child's
    // start before the child runs, so the child's start is told before its first line. (Not while
    // the trace channel's own records are being handled: they may read the output themselves.)
    if (m_traceReader && m_descendants && !m_handlingTraceEvents) {
        m_traceReader->readAvailable();
        if (m_descendants)
            m_descendants->announceNewProcesses();
    }
}

void Worker::readChannel(OutputChannel channel)
{
    catchUpWithTracer();
    if (!m_process)
        return;
    const QByteArray bytes = channel == OutputChannel::StdOut ? m_process->readAllStandardOutput()
                                                              : m_process->readAllStandardError();
    QList<OutputLine> lines;
    const size_t index = size_t(channelIndex(channel));
    m_splitters[index].feed(bytes, lines);
    deliver(channel, lines, m_progressLine[index]);
}

void Worker::flushSplitters()
{
    // The Python processes' own streams first: what they wrote was written before the end that
    // brought us here. Their unfinished lines wait for their streams to close (outputClosed).
    if (m_pythonChannel)
        m_pythonChannel->readPending();
    for (const OutputChannel channel : {OutputChannel::StdOut, OutputChannel::StdErr}) {
        readChannel(channel);
        QList<OutputLine> lines;
        const size_t index = size_t(channelIndex(channel));
        m_splitters[index].finish(lines);
        deliver(channel, lines, m_progressLine[index]);
    }
}

static quint64 writerKey(qint64 pid, OutputChannel channel)
{
    return (quint64(pid) << 8) | quint64(channel);
}

void Worker::readPythonOutput(qint64 pid, OutputChannel channel, const QByteArray &bytes)
{
    catchUpWithTracer();
    WriterStream &stream = m_writerStreams[writerKey(pid, channel)];
    QList<OutputLine> lines;
    stream.splitter.feed(bytes, lines);
    deliver(channel, lines, stream.progressLine, pid);
}

void Worker::finishPythonOutput(qint64 pid, OutputChannel channel)
{
    const auto found = m_writerStreams.find(writerKey(pid, channel));
    if (found == m_writerStreams.end())
        return;
    QList<OutputLine> lines;
    found->second.splitter.finish(lines);
    deliver(channel, lines, found->second.progressLine, pid);
    m_writerStreams.erase(found);
}

void Worker::deliver(OutputChannel channel,
                     QList<OutputLine> &lines,
                     qint64 &progressLine,
                     qint64 writerPid)
{
    if (lines.isEmpty())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const size_t index = size_t(channelIndex(channel));
    for (OutputLine &line : lines) {
        line.workerId = m_id;
        // The program's own lines read as its pipe's: its PID and colour are the worker's.
        line.pid = writerPid == m_pid ? 0 : qint32(writerPid);
        line.channel = channel;
        line.timestampMs = now;
        qint64 lineNumber = -1;
        if (line.hasFlag(OutputLine::ReplacesPrevious) && m_scrollback.replace(progressLine, line)) {
            lineNumber = progressLine;
        } else {
            lineNumber = m_scrollback.append(line);
            ++m_lineCounts[index];
        }
        progressLine = line.hasFlag(OutputLine::EndsWithCarriageReturn) ? lineNumber : -1;
    }
    m_lastLine = lines.constLast().text;
    emit outputReceived(lines);
    emit changed();
}

void Worker::handOnPendingOutput()
{
    if (m_pythonChannel)
        m_pythonChannel->readPending();
}

void Worker::addPythonCalls(const QList<PythonCall> &calls)
{
    if (calls.isEmpty())
        return;
    for (const PythonCall &call : calls)
        report(WorkerEvent::Kind::PythonCall, call.text(), 0, call.pid);
    m_pythonCalls.append(calls);
    const auto noteNames = [this](const PythonCall &call) {
        if (call.call == QLatin1String("start") && call.target > 0 && !call.name.isEmpty())
            m_pythonNames.insert(call.target, call.name);
    };
    if (m_pythonCalls.size() > Defaults::MaxPythonCalls) {
        m_pythonCalls.remove(0, m_pythonCalls.size() - Defaults::MaxPythonCalls);
        m_pythonNames.clear(); // only the names of the calls kept
        for (const PythonCall &call : std::as_const(m_pythonCalls))
            noteNames(call);
    } else {
        for (const PythonCall &call : calls)
            noteNames(call);
    }
    emit pythonCallsReceived(calls);
}

void Worker::report(WorkerEvent::Kind kind, const QString &text, int signalNumber, qint64 pid)
{
    WorkerEvent event;
    event.kind = kind;
    event.workerId = m_id;
    event.pid = pid > 0 ? pid : m_pid;
    // The end is stamped with the end time itself, so a timeline's end mark and endTime() agree.
    event.timestampMs = kind == WorkerEvent::Kind::Ended ? m_endTime.toMSecsSinceEpoch()
                        : m_replay                       ? m_replayTimeMs
                                                         : QDateTime::currentMSecsSinceEpoch();
    event.text = text;
    event.signalNumber = signalNumber;
    // Bounded: a worker paused and resumed in a loop must not grow this without end.
    constexpr int MaxKeptEvents = 512;
    if (m_events.size() == MaxKeptEvents)
        m_events.remove(1, MaxKeptEvents / 2); // keep the start, drop the oldest of the rest
    m_events.append(event);
    emit eventOccurred(event);
}

QString stateText(WorkerState state, const ExitInfo &exitInfo)
{
    switch (state) {
    case WorkerState::Starting:
        return QCoreApplication::translate("ProcLab::Worker", "starting");
    case WorkerState::Running:
        return QCoreApplication::translate("ProcLab::Worker", "running");
    case WorkerState::Stopping:
        return QCoreApplication::translate("ProcLab::Worker", "stopping");
    case WorkerState::Crashed:
        return QCoreApplication::translate("ProcLab::Worker", "crashed");
    case WorkerState::FailedToStart:
        return QCoreApplication::translate("ProcLab::Worker", "failed to start");
    case WorkerState::Paused:
        return QCoreApplication::translate("ProcLab::Worker", "paused");
    case WorkerState::Finished:
        break;
    }
    switch (exitInfo.reason) {
    case ExitInfo::Reason::TerminatedOnRequest:
        return QCoreApplication::translate("ProcLab::Worker", "terminated");
    case ExitInfo::Reason::KilledOnRequest:
        return QCoreApplication::translate("ProcLab::Worker", "killed");
    default:
        break;
    }
    return QCoreApplication::translate("ProcLab::Worker", "finished");
}

QString stateText(const Worker &worker)
{
    const QString state = stateText(worker.state(), worker.exitInfo());
    if (worker.orphanCount() <= 0)
        return state;
    return QCoreApplication::translate("ProcLab::Worker",
                                       "%1 · %n orphan(s) running",
                                       nullptr,
                                       worker.orphanCount())
            .arg(state);
}

} // namespace ProcLab
