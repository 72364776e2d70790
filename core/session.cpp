#include "session.h"

#include "runrecorder.h"
#include "worker.h"

#include <QCoreApplication>
#include <QSet>
#include <QTimer>

#include <algorithm>

namespace ProcLab {

using namespace std::chrono;

Session::Session(const QString &workerProgram, QObject *parent)
    : QObject(parent)
    , m_workerProgram(workerProgram)
    , m_sampler(m_pool)
    , m_mirror(m_pool)
    , m_reporter(m_pool)
    , m_language(demoLanguageFromCode(QString()))
{
    setScrollbackLines(Defaults::ScrollbackLines);
    connect(&m_pool, &WorkerPool::spawnRefused, this, &Session::refuse);
    connect(&m_pool, &WorkerPool::batchWaiting, this, &Session::delayed);
    connect(&m_pool, &WorkerPool::workerFinished, this, [this](Worker *worker) {
        if (!worker->exitInfo().isSuccess())
            m_failed = true;
        // The run goes on while its orphans do.
        if (worker->hasOrphans())
            connect(worker, &Worker::orphansEnded, this, &Session::checkFinished);
    });
    connect(&m_pool, &WorkerPool::workersInserted, this, [this] { m_finishedSaid = false; });
    connect(&m_pool, &WorkerPool::allFinished, this, &Session::checkFinished);
    logDescendants();
}

Session::~Session() = default;

void Session::setGuardian(ProcessGuardian *guardian)
{
    m_pool.setGuardian(guardian);
}

void Session::applyLaunchOptions(const LaunchOptions &options)
{
    setGracePeriod(options.grace);
    m_language = demoLanguageFromCode(options.languageCode);
    m_followChildren = options.followChildren;
}

// The window's log tells what the processes a program created did, between its lines, as the
// headless runner tells it on stderr.
void Session::logDescendants()
{
    const auto log = [this](const Worker *worker, const QString &text) {
        m_pool.appendMonitorLine(worker->id(), text);
    };
    connect(&m_reporter,
            &DescendantReporter::descendantStarted,
            this,
            [log](const Worker *worker, const Descendant &descendant) {
                log(worker, DescendantReporter::startText(descendant));
            });
    connect(&m_reporter,
            &DescendantReporter::descendantExeced,
            this,
            [log](const Worker *worker, const Descendant &descendant) {
                log(worker, DescendantReporter::execText(descendant));
            });
    // An end waits for the output being handed on with it: a worker tells what the tracer said
    // before it hands on output, and a child's last lines were written before it ended.
    connect(&m_reporter,
            &DescendantReporter::descendantEnded,
            this,
            [this](const Worker *worker, const Descendant &descendant) {
                const int workerId = worker->id();
                const QString text = DescendantReporter::endText(descendant);
                // A replay's lines are all in the record already, in their order.
                if (m_replay) {
                    m_pool.appendMonitorLine(workerId, text);
                    return;
                }
                QTimer::singleShot(0, this, [this, workerId, text] {
                    // A Python child's lines come through a pipe of its own, read on its own turn.
                    if (Worker *owner = m_pool.workerById(workerId))
                        owner->handOnPendingOutput();
                    m_pool.appendMonitorLine(workerId, text);
                });
            });
    connect(&m_reporter,
            &DescendantReporter::noteAdded,
            this,
            [log](const Worker *worker, const DescendantTracker::Note &note) {
                log(worker, note.text);
            });
}

void Session::setReplay()
{
    m_replay = true;
}

void Session::replayMainProgramLine(const QString &line, qint64 timestampMs)
{
    m_pool.appendMainProcessLine(line, timestampMs);
    // The Python panel's main_func(...) takes the words the line says.
    const QString says = QStringLiteral(" says: ");
    const qsizetype at = line.indexOf(says);
    m_mirror.addMainProgramLine(at >= 0 ? line.mid(at + says.size()) : line);
    emit mainProgramSaid(line);
}

void Session::resetReplay()
{
    QSet<int> ids;
    for (const Worker *worker : m_pool.workers())
        ids.insert(worker->id());
    m_pool.clearReplay();
    m_mirror.forgetWorkers(ids);
    m_failed = false;
}

bool Session::startRecording(const QString &path)
{
    if (!m_recorder)
        m_recorder = std::make_unique<RunRecorder>(m_pool, &m_reporter);
    m_recordingError.clear();
    if (m_recorder->start(path))
        return true;
    m_recordingError = m_recorder->errorString();
    return false;
}

void Session::stopRecording()
{
    if (m_recorder)
        m_recorder->stop();
}

bool Session::isRecording() const
{
    return m_recorder && m_recorder->isRecording();
}

milliseconds Session::gracePeriod() const
{
    return m_pool.gracePeriod();
}

void Session::setGracePeriod(milliseconds grace)
{
    m_pool.setGracePeriod(qBound(milliseconds(0), grace, Defaults::MaxGracePeriod));
}

void Session::setScrollbackLines(int lines)
{
    m_scrollbackLines = qBound(Defaults::MinScrollbackLines, lines, Defaults::MaxScrollbackLines);
    const qsizetype characters = Defaults::scrollbackCharacters(m_scrollbackLines);
    m_pool.setLogLimits(m_scrollbackLines, characters);
    // A worker's history is part of the whole: never longer than the log, never over its own cap.
    m_pool.setWorkerHistoryLimits(qMin<qsizetype>(m_scrollbackLines, Defaults::WorkerHistoryLines),
                                  qMin(characters, Defaults::WorkerHistoryCharacters));
}

void Session::refuse(const QString &reason)
{
    m_failed = true;
    emit refused(reason);
}

bool Session::checkCanRunLessons()
{
    if (m_replay) {
        refuse(tr("not starting a lesson: this is a replayed run, which runs nothing"));
        return false;
    }
    if (m_stopping) {
        refuse(tr("not starting a lesson: every worker is being stopped"));
        return false;
    }
    if (m_workerProgram.isEmpty()) {
        refuse(tr("cannot run the lessons: the helper program proclab-worker was not found beside "
                  "proclab (set PROCLAB_WORKER to its path)"));
        return false;
    }
    return true;
}

void Session::sayMainProgramLine()
{
    // The tutorial's main_func("메인 프로그램"): the monitor is the lessons' main program.
    const QString text = Lessons::mainProgramText(m_language);
    const QString line = Lessons::saysLine(QCoreApplication::applicationPid(), text);
    m_pool.appendMainProcessLine(line);
    m_mirror.addMainProgramLine(text);
    emit mainProgramSaid(line);
}

void Session::startSpawnWorkers(int count)
{
    Lessons::startSpawnLesson(m_pool, m_workerProgram, count, m_language);
}

Worker *Session::startCountdownWorker(milliseconds countdown, milliseconds tickInterval)
{
    return Lessons::startCountdownLesson(m_pool, m_workerProgram, countdown, tickInterval);
}

bool Session::startSpawnLesson(int count)
{
    if (!checkCanRunLessons())
        return false;
    sayMainProgramLine();
    startSpawnWorkers(qBound(1, count, Defaults::MaxSpawnCount));
    return true;
}

Worker *Session::startCountdownLesson(milliseconds countdown, milliseconds tickInterval)
{
    if (!checkCanRunLessons())
        return nullptr;
    sayMainProgramLine();
    return startCountdownWorker(countdown, tickInterval);
}

Worker *Session::runCommand(const QStringList &arguments)
{
    WorkerSpec spec;
    spec.arguments = arguments;
    spec.lineBuffered = true;
    spec.useStdbuf = true;
    spec.followChildren = m_followChildren;
    return runCommand(spec);
}

Worker *Session::runCommand(const WorkerSpec &spec)
{
    if (m_replay) {
        refuse(tr("not starting “%1”: this is a replayed run, which runs nothing")
                       .arg(spec.arguments.value(0)));
        return nullptr;
    }
    if (m_stopping) {
        refuse(tr("not starting “%1”: every worker is being stopped").arg(spec.arguments.value(0)));
        return nullptr;
    }
    // A start that fails says so through the pool's events and the worker's exit.
    return m_pool.spawn(spec);
}

void Session::launch(const LaunchOptions &options)
{
    if (options.runsLesson() && !checkCanRunLessons()) {
        // Half a plan would be a different lesson: nothing starts.
        checkFinishedLater();
        return;
    }
    if (m_replay) {
        refuse(tr("not starting the command line's work: this is a replayed run, which runs "
                  "nothing"));
        checkFinishedLater();
        return;
    }
    if (m_stopping) {
        refuse(tr("not starting the command line's work: every worker is being stopped"));
        checkFinishedLater();
        return;
    }
    // Workers that fail at once end before the rest have started: finished() waits for all.
    m_launching = true;
    if (options.runsLesson())
        sayMainProgramLine();
    for (const QStringList &arguments : options.runCommands) {
        Worker *worker = runCommand(arguments);
        if (worker && options.countdownSeconds > 0)
            m_pool.terminateAfter(worker, seconds(options.countdownSeconds));
    }
    if (options.runsCountingLesson())
        startCountdownWorker(seconds(options.countdownSeconds), seconds(1));
    if (options.spawnCount > 0)
        startSpawnWorkers(options.spawnCount);
    m_launching = false;
    checkFinishedLater();
}

void Session::terminate(const QList<Worker *> &workers)
{
    for (Worker *worker : workers) {
        if (worker->hasLiveProcesses())
            m_pool.terminate(worker);
    }
}

void Session::kill(const QList<Worker *> &workers)
{
    for (Worker *worker : workers) {
        if (worker->hasLiveProcesses())
            m_pool.kill(worker);
    }
}

void Session::terminateAfter(const QList<Worker *> &workers, milliseconds delay)
{
    for (Worker *worker : workers) {
        if (worker->isActive())
            m_pool.terminateAfter(worker, delay);
    }
}

void Session::pause(const QList<Worker *> &workers)
{
    for (Worker *worker : workers) {
        if (worker->state() == WorkerState::Running)
            m_pool.pause(worker);
    }
}

void Session::resume(const QList<Worker *> &workers)
{
    for (Worker *worker : workers) {
        if (worker->isPaused())
            m_pool.resume(worker);
    }
}

void Session::sendSignal(const QList<Worker *> &workers, int signalNumber)
{
    for (Worker *worker : workers) {
        if (worker->hasLiveProcesses())
            m_pool.sendSignal(worker, signalNumber);
    }
}

bool Session::signalProcess(const ProcessTarget &target, int signalNumber)
{
    // Not refuse(): a process that ended before the click is no failure of the run.
    Worker *worker = target.isValid() ? m_pool.workerById(target.workerId) : nullptr;
    if (!worker) {
        emit refused(tr("not signalling %1: its worker is no longer in the table").arg(target.pid));
        return false;
    }
    QString whyNot;
    if (worker->signalProcess(target.pid, signalNumber, &whyNot))
        return true;
    emit refused(
            tr("not sending %1 to %2: %3").arg(signalName(signalNumber)).arg(target.pid).arg(whyNot));
    return false;
}

void Session::signalProcesses(const ProcessTargets &targets, int signalNumber)
{
    for (const ProcessTarget &target : targets)
        signalProcess(target, signalNumber);
}

QList<Worker *> Session::workersOf(const ProcessTargets &targets) const
{
    QList<Worker *> workers;
    for (const ProcessTarget &target : targets) {
        Worker *worker = m_pool.workerById(target.workerId);
        if (worker && !workers.contains(worker))
            workers.append(worker);
    }
    return workers;
}

void Session::clearFinished()
{
    // A replay's table is the record's state at the player's position.
    if (m_replay)
        return;
    QSet<int> cleared;
    for (const Worker *worker : m_pool.workers()) {
        if (!worker->hasLiveProcesses())
            cleared.insert(worker->id());
    }
    if (cleared.isEmpty())
        return;
    m_pool.clearFinished();
    m_mirror.forgetWorkers(cleared);
}

Session::StopStep Session::requestStop(int signalNumber)
{
    if (m_stopSignal == 0)
        m_stopSignal = signalNumber;
    if (!m_stopping) {
        m_stopping = true;
        // Drops what waits to start and terminates the rest: grace, then kill.
        m_pool.stopAll();
        return StopStep::Terminating;
    }
    // Asked again: no more grace.
    for (Worker *worker : m_pool.workers()) {
        if (worker->hasLiveProcesses())
            m_pool.kill(worker);
    }
    return StopStep::Killing;
}

Session::Counts Session::counts() const
{
    Counts counts;
    counts.workers = m_pool.count();
    counts.waiting = m_pool.queuedCount();
    for (const Worker *worker : m_pool.workers()) {
        if (worker->isPaused())
            ++counts.paused;
        else if (worker->isActive())
            ++counts.running;
        counts.orphans += worker->orphanCount();
    }
    return counts;
}

int Session::exitStatus() const
{
    if (m_stopSignal != 0)
        return 128 + m_stopSignal;
    return m_failed ? 1 : 0;
}

bool Session::hasLiveProcesses() const
{
    // Replayed workers read "running", and nothing of them is: quitting waits for nothing.
    if (m_replay)
        return false;
    if (m_pool.hasActiveWorkers())
        return true;
    const QList<Worker *> &workers = m_pool.workers();
    return std::any_of(workers.cbegin(), workers.cend(), [](const Worker *worker) {
        return worker->hasOrphans();
    });
}

void Session::checkFinished()
{
    if (m_launching || m_finishedSaid || hasLiveProcesses())
        return;
    m_finishedSaid = true;
    emit finished();
}

void Session::checkFinishedLater()
{
    // Queued: whoever called launch() hears finished() from the event loop, never from inside it.
    QTimer::singleShot(0, this, &Session::checkFinished);
}

} // namespace ProcLab
