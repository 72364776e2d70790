#pragma once

#include "exitinfo.h"
#include "linesplitter.h"
#include "outputline.h"
#include "pythoncall.h"
#include "scrollback.h"
#include "traceevent.h"
#include "workerevent.h"
#include "workerspec.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QTimer>

#include <array>
#include <chrono>
#include <unordered_map>

namespace ProcLab {

class Countdown;
class DescendantTracker;
class WorkerPool;
class PythonChannel;
class ProcessGuardian;
class TraceEventReader;

enum class WorkerState { Starting, Running, Stopping, Finished, Crashed, FailedToStart, Paused };

// One process and everything known about it. The Worker owns its QProcess; nothing else touches it.
//
// The process runs in a process group of its own, so stopping a worker stops its children and
// grandchildren too: terminate() sends SIGTERM to the group and, if anything is still alive after the
// grace period, SIGKILL. Because the Worker remembers that the user asked, a requested stop reads
// "terminated" rather than "crashed". Output is split into lines per read (never per byte), kept in
// a bounded scrollback and announced with outputReceived().
//
// With spec().followChildren, the QProcess runs the program under `proclab-worker trace`, which
// reports every process the program creates on a channel of its own into descendants(). pid()
// stays the program's own PID (it leads its group, as untraced; known from the tracer's first
// record, so started() waits for it), and the end reads the program's own exit from that channel,
// at the moment the program ends, even if its orphans keep the tracer running a while longer.
//
// Orphans are kept, not swept: when a followed program ends while processes of its tree still run,
// finished() reads the program's own exit, and those processes run on (hasOrphans(), counted by
// orphanCount(), each in descendants() as an orphan with the PID it was reparented to) until they
// end (orphansEnded()) or are stopped: terminate() and kill() reach them, and nothing of them
// survives the Worker (the tracer's death kills what it traces). An unfollowed program's
// leftovers cannot be shown, so they are stopped when it ends, as are those of a tree the user
// asked to stop, and those of a program followed only approximately.
//
// Two ways to stop: terminate() and kill() reach the whole tree (its group, and any process of it
// that left the group), signalProcess() one process alone, as Python's Process.terminate() does.
class Worker final : public QObject
{
    Q_OBJECT

public:
    Worker(int id, WorkerSpec spec, QObject *parent = nullptr);
    ~Worker() override;

    int id() const { return m_id; }
    const WorkerSpec &spec() const { return m_spec; }
    QString name() const;
    QString commandLine() const;

    qint64 pid() const { return m_pid; }
    // With followChildren: every process of the program's tree (nullptr without, or when the
    // helper program could not be found, and the program runs unfollowed).
    DescendantTracker *descendants() const { return m_descendants; }
    // The tracer's PID while following (the QProcess's process), else 0.
    qint64 tracerPid() const { return m_tracerPid; }
    WorkerState state() const { return m_state; }
    // Starting, running, paused or stopping: the process may still be alive.
    bool isActive() const;
    // Its program has ended, and processes of its tree run on as orphans (only when following):
    // true from the program's end until the tracer's, which comes when the last of them ends.
    bool hasOrphans() const { return m_keepsOrphans; }
    // How many of them run now (orphans, and the processes they started), as reported so far;
    // 0 otherwise.
    int orphanCount() const { return m_orphanCount; }
    // Something of this worker may still run: its program, or orphans of it.
    bool hasLiveProcesses() const { return isActive() || hasOrphans(); }
    const ExitInfo &exitInfo() const { return m_exitInfo; }
    QDateTime startTime() const { return m_startTime; }
    QDateTime endTime() const { return m_endTime; }
    // From start to end, or to now while it runs.
    qint64 runningTimeMs() const;

    qint64 lineCount(OutputChannel channel) const;
    QString lastLine() const { return m_lastLine; }
    const Scrollback &scrollback() const { return m_scrollback; }
    void setScrollbackLimits(qsizetype maxLines, qsizetype maxCharacters);

    // The countdown of a scheduled terminate, or nullptr.
    const Countdown *scheduledStop() const { return m_scheduledStop; }

    // The guardian kills this worker's group if the monitor itself dies; optional.
    void setGuardian(ProcessGuardian *guardian) { m_guardian = guardian; }

    // Starts the process; a program that cannot be found fails at once with a clear errorText.
    void start(const QStringList &searchPath);
    // Stops the whole tree: SIGTERM (and SIGCONT, so a paused worker wakes to receive it) to the
    // group, and to any process of the tree that left it; SIGKILL after grace. Also its orphans.
    void terminate(std::chrono::milliseconds grace);
    // SIGKILL to the whole tree, orphans included.
    void kill();
    // SIGSTOP / SIGCONT to the group: the whole worker freezes and thaws. Terminate and kill still
    // work on a paused worker (terminate sends SIGCONT after SIGTERM).
    void pause();
    void resume();
    bool isPaused() const { return m_state == WorkerState::Paused; }
    // Any other signal to the group, as the user's "Send signal" asks: TERM, KILL, STOP and CONT
    // go through terminate(), kill(), pause() and resume() so the state and the exit read right.
    void sendSignal(int signalNumber);
    // Sends signalNumber to one process of the tree, that PID alone: with SIGTERM, "terminate this
    // process", as Python's Process.terminate() (its own children live on, as orphans). pid must be
    // the running program, or (following) a running process of its tree in descendants(). Checked
    // against /proc at the moment it is sent, through a pidfd, so that a PID the system gave to
    // another process since is never signalled. False, with the reason in whyNot, if not sent.
    bool signalProcess(qint64 pid, int signalNumber, QString *whyNot = nullptr);

    // What happened to this worker and when, for the timeline: started, signals sent, the end.
    const QList<WorkerEvent> &events() const { return m_events; }
    // A Python worker's multiprocessing calls, as its Python hook reported them, in order; the
    // last Defaults::MaxPythonCalls are kept. Empty for other workers.
    const QList<PythonCall> &pythonCalls() const { return m_pythonCalls; }
    // Whether the program runs with ProcLab's Python hook connected: its processes' output is
    // attributed to each (OutputLine::pid) and its calls are reported.
    bool isSeenAsPython() const { return m_seenAsPython; }
    // The name Python gave the process with this PID ("Process-1", "ForkPoolWorker-2"), as its
    // start() or Pool reported it; empty when none did.
    QString pythonNameOf(qint64 pid) const { return m_pythonNames.value(pid); }
    // Takes calls the worker's Python channel received: kept, told as events (PythonCall kind)
    // and announced with pythonCallsReceived().
    void addPythonCalls(const QList<PythonCall> &calls);
    // Hands on now what its processes have written so far, so that what is told next (a child's
    // end) comes after it: a Python worker's processes write through pipes of their own.
    void handOnPendingOutput();
    // Terminate when the countdown ends; replaces an earlier schedule.
    void terminateAfter(std::chrono::milliseconds delay,
                        std::chrono::milliseconds grace,
                        std::chrono::milliseconds tickInterval = std::chrono::seconds(1));
    void cancelScheduledStop();

    // A worker replayed from a record (RecordPlayer, core/workerreplay.cpp): it is made from what
    // the record says and never runs or signals anything, since a recorded PID may belong to
    // another process today. start(), terminate(), kill(), pause(), resume(), sendSignal(),
    // terminateAfter() do nothing, signalProcess() refuses; its running time reads the pool's
    // replay clock. Each replay call takes the record's time, in milliseconds since the epoch.
    bool isReplay() const { return m_replay; }
    // Makes it a replay worker (before any other replay call): runs nothing from now on.
    void beginReplay(const WorkerPool *clock, bool seenAsPython);
    // startTimeMs: when ProcLab started it (0: timeMs, when it ran).
    void replayStart(qint64 timeMs, qint64 pid, qint64 startTimeMs = 0);
    void replayFailedToStart(qint64 timeMs, const QString &reason);
    void replayOutput(const QList<OutputLine> &lines);
    // A signal ProcLab sent: kind is TerminateSent, KillSent, Paused, Resumed, SignalSent or
    // ProcessSignalSent (pid: the process signalled alone); told with the same words as live.
    void replaySignal(qint64 timeMs, WorkerEvent::Kind kind, int signalNumber, qint64 pid);
    // A line of the monitor's own about this worker (leftovers stopped, orphans kept).
    void replayEvent(qint64 timeMs, WorkerEvent::Kind kind, const QString &text);
    void replayPythonCalls(qint64 timeMs, const QList<PythonCall> &calls);
    // The program ended as the record says: exit holds the reason, code or signal.
    void replayEnd(qint64 timeMs, const ExitInfo &exit);

signals:
    void started(qint64 pid);
    void outputReceived(const QList<ProcLab::OutputLine> &lines);
    void eventOccurred(const ProcLab::WorkerEvent &event);
    // New entries of pythonCalls(), in order.
    void pythonCallsReceived(const QList<ProcLab::PythonCall> &calls);
    void finished();
    // After finished(): the orphans it left have all ended (hasOrphans() is false again).
    void orphansEnded();
    // Something a user sees changed: state, counts, last line, countdown. Cheap; consumers coalesce.
    void changed();

private:
    void setState(WorkerState state);
    void handleStarted();
    void enterRunning();
    bool prepareFollowing(QString &program, QStringList &arguments);
    void handleTraceEvents(const QList<ProcLab::TraceEvent> &events);
    void handleProgramEnded();
    void noteStopRequested(int signalNumber);
    void handleFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void handleProcessFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void handleError(QProcess::ProcessError error);
    void failToStart(const QString &reason);
    void readChannel(OutputChannel channel);
    void flushSplitters();
    void catchUpWithTracer();
    void openPythonChannel();
    void readPythonOutput(qint64 pid, OutputChannel channel, const QByteArray &bytes);
    void finishPythonOutput(qint64 pid, OutputChannel channel);
    void deliver(OutputChannel channel,
                 QList<OutputLine> &lines,
                 qint64 &progressLine,
                 qint64 writerPid = 0);
    void stopLeftovers();
    bool keepOrphans();
    void reportOrphans();
    void updateOrphanCount();
    void endOrphans();
    void signalTree(int signalNumber);
    int signalOutsideGroup(int signalNumber);
    bool belongsToTree(qint64 pid) const;
    void report(WorkerEvent::Kind kind, const QString &text, int signalNumber = 0, qint64 pid = 0);
    QString endText(qint64 ranForMs) const;
    static QString secondsText(qint64 milliseconds);
    QString startedText() const;
    QProcessEnvironment environment(const QString &programPath) const;

    const int m_id;
    const WorkerSpec m_spec;
    QProcess *m_process = nullptr;
    ProcessGuardian *m_guardian = nullptr;
    Countdown *m_scheduledStop = nullptr;
    QTimer *m_escalation = nullptr;
    DescendantTracker *m_descendants = nullptr;
    TraceEventReader *m_traceReader = nullptr;
    int m_traceWriteFd = -1; // the tracer's end of its channel, until the tracer has it
    qint64 m_tracerPid = 0;
    bool m_handlingTraceEvents = false;

    WorkerState m_state = WorkerState::Starting;
    ExitInfo m_exitInfo;
    qint64 m_pid = 0;
    QDateTime m_startTime;
    QDateTime m_endTime;
    bool m_terminateSent = false;
    bool m_killSent = false;
    int m_signalSent = 0; // the last other signal the user sent
    bool m_keepsOrphans = false;
    bool m_orphansReported = false;
    int m_orphanCount = 0;
    std::chrono::milliseconds m_grace{0};

    std::array<LineSplitter, 2> m_splitters;
    std::array<qint64, 2> m_lineCounts{};
    std::array<qint64, 2> m_progressLine{-1, -1}; // scrollback line a '\r' update replaces
    // A Python worker's processes, each stream of each on its own (OutputLine::pid).
    struct WriterStream
    {
        LineSplitter splitter;
        qint64 progressLine = -1;
    };
    PythonChannel *m_pythonChannel = nullptr;
    std::unordered_map<quint64, WriterStream> m_writerStreams; // by PID and channel
    Scrollback m_scrollback;
    QString m_lastLine;
    QList<WorkerEvent> m_events;
    QList<PythonCall> m_pythonCalls;
    QHash<qint64, QString> m_pythonNames; // of the calls kept, by the PID they named
    bool m_seenAsPython = false;

    // Replay: the record's time of what is being told, and the pool whose clock is "now".
    bool m_replay = false;
    qint64 m_replayTimeMs = 0;
    qint64 m_terminateSentMs = 0;
    const WorkerPool *m_replayClock = nullptr;
};

QString stateText(WorkerState state, const ExitInfo &exitInfo);
// A worker's row: stateText(), and its running orphans if it has any: "finished · 2 orphans
// running".
QString stateText(const Worker &worker);

} // namespace ProcLab
