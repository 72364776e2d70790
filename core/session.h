#pragma once

#include "defaults.h"
#include "descendantreporter.h"
#include "launchoptions.h"
#include "lessons.h"
#include "processsampler.h"
#include "processtarget.h"
#include "pythonmirror.h"
#include "workerpool.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>

namespace ProcLab {

class ProcessGuardian;
class RunRecorder;
class Worker;
struct WorkerSpec;

// One run of ProcLab, whichever front-end shows it. The window and the headless runner are views of
// a Session: they show what it does and forward what the user asks, and decide nothing themselves.
//
// It owns the engine (the pool of workers, the sampler behind CPU, memory and the process tree, the
// Python mirror) and the policy around it:
// - the launch plans: the two lessons, a command, and the plan of a whole command line, in one order
//   (commands, then the counting lesson, then lesson 1). A lesson tells its whole story each time it
//   runs: the main program's line first ("Process 4242 says: 메인 프로그램"), then its workers; a
//   plain command prints no such line.
// - the stop policy: the first request terminates every worker (SIGTERM, the grace period, then
//   SIGKILL), a second one kills them at once, and from the first on no new work starts.
// - the headless exit status, and what a user's choice (scrollback, grace) means for the engine.
// - orphans: a followed program's processes that outlive it run on, shown, until they end or are
//   stopped; the run is not over (finished()) until they have ended, since they still write to
//   the same output, and a stop request stops them too.
// - two ways to stop what the user points at: the whole tree (terminate(), kill(), sendSignal():
//   the worker's group, with grace then kill), or one process alone (signalProcess(), as Python's
//   Process.terminate()).
class Session final : public QObject
{
    Q_OBJECT

public:
    // What a stop request did.
    enum class StopStep {
        Terminating, // the first request: SIGTERM to every worker, SIGKILL after the grace period
        Killing,     // a later one: SIGKILL to every worker now
    };

    struct Counts
    {
        int running = 0; // active and not paused: starting, running or stopping
        int paused = 0;
        int waiting = 0; // of a batch, queued until the limit of active workers leaves room
        int workers = 0; // in the table: every worker started and not cleared
        int orphans = 0; // processes still running after their worker's program ended
    };

    // workerProgram: proclab-worker, which the lessons run; empty when it was not found. Then the
    // lessons, and a command line's plan that holds one, are refused with a reason; commands given
    // on their own still run.
    explicit Session(const QString &workerProgram, QObject *parent = nullptr);
    ~Session() override;

    WorkerPool &pool() { return m_pool; }
    const WorkerPool &pool() const { return m_pool; }
    ProcessSampler &sampler() { return m_sampler; }
    const ProcessSampler &sampler() const { return m_sampler; }
    const PythonMirror &pythonMirror() const { return m_mirror; }
    // Every descendant of the followed workers, as one stream of starts, execs and ends.
    const DescendantReporter &descendantReporter() const { return m_reporter; }
    const QString &workerProgram() const { return m_workerProgram; }

    // The guardian kills every worker's group if ProcLab itself dies; optional.
    void setGuardian(ProcessGuardian *guardian);
    // The grace period and the lessons' language of a command line (--grace, --lang).
    void applyLaunchOptions(const LaunchOptions &options);

    // The language of the lessons' texts.
    DemoLanguage demoLanguage() const { return m_language; }
    void setDemoLanguage(DemoLanguage language) { m_language = language; }
    std::chrono::milliseconds gracePeriod() const;
    void setGracePeriod(std::chrono::milliseconds grace);
    // Lines of output kept, clamped to Defaults: the merged log keeps this many, and each worker's
    // own history as many up to Defaults::WorkerHistoryLines.
    int scrollbackLines() const { return m_scrollbackLines; }
    void setScrollbackLines(int lines);

    // Commands given as words (the command line's --run) run under the tracer: every process they
    // create is followed. On unless --no-follow.
    bool followsChildren() const { return m_followChildren; }
    void setFollowChildren(bool follow) { m_followChildren = follow; }

    // Records the run from now on to path (docs/record-format.md); false with a reason in
    // recordingError() when the file cannot be written. stopRecording() writes the closing record.
    bool startRecording(const QString &path);
    void stopRecording();
    bool isRecording() const;
    QString recordingError() const { return m_recordingError; }
    // The recorder of startRecording(), or nullptr before the first.
    RunRecorder *recorder() const { return m_recorder.get(); }

    // Whether a lesson can start now: the helper program is there and no stop was requested.
    bool canRunLessons() const { return !m_workerProgram.isEmpty() && !m_stopping && !m_replay; }
    // Whether any new work can start now: no stop was requested, and this is no replay.
    bool acceptsWork() const { return !m_stopping && !m_replay; }

    // A replayed run (RecordPlayer): its workers are made from a record and run nothing. It
    // accepts no work, its sampler samples nothing, and nothing of it is live: quitting waits for
    // nothing. Set once, before the first worker.
    void setReplay();
    bool isReplay() const { return m_replay; }
    // Replay: the main program's line, as the record has it, at its time.
    void replayMainProgramLine(const QString &line, qint64 timestampMs);
    // Replay: back to an empty run, to feed the record again from its start.
    void resetReplay();

    // Lesson 1: the main program's line, then count workers that each say theirs.
    bool startSpawnLesson(int count = Defaults::LessonWorkers);
    // Lesson 2: the main program's line, then a counting worker terminated after the countdown.
    Worker *startCountdownLesson(
            std::chrono::milliseconds countdown = std::chrono::seconds(Defaults::CountdownSeconds),
            std::chrono::milliseconds tickInterval = std::chrono::seconds(1));
    // A command as the user wrote it, split into words: line-buffered, under stdbuf where it exists,
    // so that its output arrives as it is printed.
    Worker *runCommand(const QStringList &arguments);
    // A command as the Run command dialog built it.
    Worker *runCommand(const WorkerSpec &spec);
    // Everything a command line asked for: its commands (each terminated after --countdown, if
    // given), then the counting lesson (--countdown without --run), then lesson 1 (--spawn N).
    // finished() follows once all of it has ended.
    void launch(const LaunchOptions &options);

    // The user's commands on the workers they chose; each applies only where it can. terminate(),
    // kill() and sendSignal() stop the whole tree of each (its group, and its orphans).
    void terminate(const QList<Worker *> &workers);
    void kill(const QList<Worker *> &workers);
    void terminateAfter(const QList<Worker *> &workers, std::chrono::milliseconds delay);
    void pause(const QList<Worker *> &workers);
    void resume(const QList<Worker *> &workers);
    void sendSignal(const QList<Worker *> &workers, int signalNumber);
    // One process alone, not its group: with SIGTERM, "terminate this process" as Python's
    // Process.terminate() (its children live on, as orphans). Refused, through refused(), when the
    // target is not a running process of its worker's tree (an unfollowed worker: its program
    // only); nothing is signalled then.
    bool signalProcess(const ProcessTarget &target, int signalNumber);
    void signalProcesses(const ProcessTargets &targets, int signalNumber);
    // The workers the targets belong to, each once, in the order given: for the whole-tree
    // commands on processes the user pointed at.
    QList<Worker *> workersOf(const ProcessTargets &targets) const;
    // Removes the ended workers from the table, and their lines from the Python mirror.
    void clearFinished();

    // Quitting, or a SIGINT, SIGTERM or SIGHUP to ProcLab (signalNumber, for the exit status).
    StopStep requestStop(int signalNumber = 0);
    bool isStopping() const { return m_stopping; }
    // A worker runs or waits to start, or orphans of one run: quitting must stop something.
    bool hasLiveProcesses() const;

    Counts counts() const;
    // proclab --headless's exit status: 128+N when ProcLab was stopped by signal N; else 1 when a
    // worker failed to start, crashed or exited non-zero on its own, or work was refused; else 0.
    int exitStatus() const;

signals:
    // The main program's line of a lesson, also appended to the merged log.
    void mainProgramSaid(const QString &line);
    // Work that did not start, and why, in a sentence.
    void refused(const QString &reason);
    // Work that waits to start, and why: the limit of active workers (WorkerPool::spawnBatch).
    void delayed(const QString &reason);
    // Nothing is active or waiting any more, no orphan runs (and no launch() is under way). Comes
    // again after new work has started and ended.
    void finished();

private:
    bool checkCanRunLessons();
    void logDescendants();
    void refuse(const QString &reason);
    void sayMainProgramLine();
    void startSpawnWorkers(int count);
    Worker *startCountdownWorker(std::chrono::milliseconds countdown,
                                 std::chrono::milliseconds tickInterval);
    void checkFinished();
    void checkFinishedLater();

    const QString m_workerProgram;
    WorkerPool m_pool;
    ProcessSampler m_sampler;
    PythonMirror m_mirror;
    DescendantReporter m_reporter;
    std::unique_ptr<RunRecorder> m_recorder;
    QString m_recordingError;
    bool m_followChildren = true;
    DemoLanguage m_language;
    int m_scrollbackLines = Defaults::ScrollbackLines;
    int m_stopSignal = 0;
    bool m_stopping = false;
    bool m_failed = false;
    bool m_launching = false;
    bool m_finishedSaid = false;
    bool m_replay = false;
};

} // namespace ProcLab
