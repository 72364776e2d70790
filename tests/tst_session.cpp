// The Session's policy without a window: the launch plans, the stop policy, the exit status and the
// defaults, driven with real worker processes and checked against the operating system.
#include "defaults.h"
#include "descendanttracker.h"
#include "launchoptions.h"
#include "lessons.h"
#include "session.h"
#include "testsupport.h"
#include "worker.h"
#include "workerpool.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace ProcLab;
using namespace std::chrono;

namespace {

constexpr int Timeout = 15000;

using TestSupport::workerSpec;

// The merged log's lines, without the monitor's own events.
QList<OutputLine> printedLines(const WorkerPool &pool)
{
    QList<OutputLine> lines;
    const Scrollback &log = pool.log();
    for (qint64 line = log.firstLine(); line < log.endLine(); ++line) {
        if (log.at(line).channel != OutputChannel::Monitor)
            lines.append(log.at(line));
    }
    return lines;
}

QStringList ownLines(const Worker *worker)
{
    QStringList lines;
    const Scrollback &history = worker->scrollback();
    for (qint64 line = history.firstLine(); line < history.endLine(); ++line)
        lines.append(history.at(line).text);
    return lines;
}

QByteArray environmentOf(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/environ").arg(pid));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// When an event of this kind happened to the worker, or -1.
qint64 eventTime(const Worker *worker, WorkerEvent::Kind kind)
{
    for (const WorkerEvent &event : worker->events()) {
        if (event.kind == kind)
            return event.timestampMs;
    }
    return -1;
}

bool waitForFinished(Session &session, int timeoutMs = Timeout)
{
    if (!session.pool().hasActiveWorkers())
        return true;
    QSignalSpy finished(&session, &Session::finished);
    return finished.wait(timeoutMs) || !session.pool().hasActiveWorkers();
}

} // namespace

class tst_Session final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void spawnLessonStartsFourAfterTheMainLine();
    void countdownLessonTerminatesAtTheCountdown();
    void aPlainCommandSaysNoMainLine();
    void launchRunsThePlanInOrder();
    void lessonsWithoutTheHelperAreRefused();
    void commandsRunUnderStdbuf();
    void firstStopTerminatesWithGrace();
    void secondStopKillsAtOnce();
    void noNewWorkWhileStopping();
    void exitStatusFollowsTheRule();
    void countsPausedApartFromRunning();
    void scrollbackLimitsTheLogAndEachWorker();
    void clearFinishedClearsThePythonMirror();
    void defaultsComeFromOnePlace();
    void orphansKeepTheRunGoingUntilStopped();
    void signalsOneProcessOrRefusesWithAMessage();
    void headlessWaitsForOrphansUntilInterrupted();
    void killedMonitorLeavesNoOrphan();
    void aChildsStartIsLoggedBeforeItsFirstLine();
};

void tst_Session::init()
{
    // The tracer of followed commands is proclab-worker, found as ProcLab finds it.
    if (qEnvironmentVariableIsEmpty("PROCLAB_WORKER"))
        qputenv("PROCLAB_WORKER", QFile::encodeName(TestSupport::workerProgram()));
    QTest::failOnWarning(QRegularExpression(QStringLiteral("QProcess: Destroyed while process")));
}

void tst_Session::spawnLessonStartsFourAfterTheMainLine()
{
    Session session(TestSupport::workerProgram());
    session.setDemoLanguage(DemoLanguage::Korean);
    QSignalSpy said(&session, &Session::mainProgramSaid);
    QList<qint64> pidsInProc;
    connect(&session.pool(), &WorkerPool::workersInserted, this, [&](int first, int last) {
        for (int row = first; row <= last; ++row) {
            connect(session.pool().at(row), &Worker::started, this, [&](qint64 pid) {
                // Quick workers may already be zombies, but are in /proc until reaped.
                if (TestSupport::processState(pid) != 0)
                    pidsInProc.append(pid);
            });
        }
    });

    QVERIFY(session.startSpawnLesson());
    QVERIFY(waitForFinished(session));
    QCOMPARE(session.pool().count(), Defaults::LessonWorkers);
    QCOMPARE(pidsInProc.size(), 4);
    QCOMPARE(said.size(), 1);

    const QString mainLine = QStringLiteral("Process %1 says: 메인 프로그램")
                                     .arg(QCoreApplication::applicationPid());
    QCOMPARE(said.first().first().toString(), mainLine);
    const QList<OutputLine> lines = printedLines(session.pool());
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines.first().workerId, 0);
    QCOMPARE(lines.first().text, mainLine);
    QStringList expected;
    for (int row = 0; row < 4; ++row) {
        const Worker *worker = session.pool().at(row);
        QVERIFY(pidsInProc.contains(worker->pid()));
        expected.append(
                Lessons::saysLine(worker->pid(), QStringLiteral("서브 프로그램 %1").arg(row)));
    }
    QStringList workerLines;
    for (const OutputLine &line : lines.mid(1))
        workerLines.append(line.text);
    workerLines.sort();
    expected.sort();
    QCOMPARE(workerLines, expected);
    QCOMPARE(session.pythonMirror().lines().first(),
             QStringLiteral("main_func(\"메인 프로그램\")  # pid %1")
                     .arg(QCoreApplication::applicationPid()));

    // Each run of the lesson tells the whole story again.
    QVERIFY(session.startSpawnLesson());
    QVERIFY(waitForFinished(session));
    QCOMPARE(said.size(), 2);
    QCOMPARE(session.pool().count(), 8);
    QCOMPARE(session.exitStatus(), 0);
}

void tst_Session::countdownLessonTerminatesAtTheCountdown()
{
    Session session(TestSupport::workerProgram());
    QSignalSpy said(&session, &Session::mainProgramSaid);
    Worker *worker = session.startCountdownLesson(seconds(2));
    QVERIFY(worker);
    QCOMPARE(said.size(), 1);
    QVERIFY(waitForFinished(session));

    QCOMPARE(worker->exitInfo().shortText(), QStringLiteral("-15 · SIGTERM"));
    QCOMPARE(worker->exitInfo().reason, ExitInfo::Reason::TerminatedOnRequest);
    // SIGTERM at the countdown: not before it, and long before the next second would end.
    const qint64 terminatedAt = eventTime(worker, WorkerEvent::Kind::TerminateSent)
                                - eventTime(worker, WorkerEvent::Kind::Started);
    QVERIFY2(terminatedAt >= 1900 && terminatedAt < 2450,
             qPrintable(QStringLiteral("terminated %1 ms after the start").arg(terminatedAt)));
    // Numbers at 0.5 s and 1.5 s; the terminate at 2 s comes before the third.
    QCOMPARE(ownLines(worker),
             (QStringList{QStringLiteral("Process %1 says: loop").arg(worker->pid()),
                          QStringLiteral("\tNumber 1 of 100000."),
                          QStringLiteral("\tNumber 2 of 100000.")}));
    QVERIFY(!TestSupport::isAlive(worker->pid()));
}

void tst_Session::aPlainCommandSaysNoMainLine()
{
    Session session(TestSupport::workerProgram());
    QSignalSpy said(&session, &Session::mainProgramSaid);
    Worker *worker = session.runCommand(
            QStringList{TestSupport::workerProgram(), QStringLiteral("say"), QStringLiteral("hi")});
    QVERIFY(worker);
    QVERIFY(waitForFinished(session));
    QCOMPARE(said.size(), 0);
    const QList<OutputLine> lines = printedLines(session.pool());
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.first().workerId, worker->id());
    QVERIFY(!session.pythonMirror()
                     .lines()
                     .join(QLatin1Char('\n'))
                     .contains(QStringLiteral("main_func")));
}

// The log reads like strace -f: a child's start comes before what the child printed, and its end
// after, however the trace channel and the output pipe happen to be read.
void tst_Session::aChildsStartIsLoggedBeforeItsFirstLine()
{
    for (int round = 0; round < 5; ++round) {
        Session session(TestSupport::workerProgram());
        Worker *worker = session.runCommand(
                QStringList{"sh", "-c", "echo parent; sh -c 'echo child $$'; (exit 3); echo done"});
        QVERIFY(worker);
        QVERIFY(waitForFinished(session));
        // The order the log tells things in; a child's end is told a moment after the output
        // handed on with it.
        QString childPid;
        const auto order = [&session, &childPid] {
            const Scrollback &log = session.pool().log();
            QStringList told;
            for (qint64 line = log.firstLine(); line < log.endLine(); ++line) {
                const OutputLine &entry = log.at(line);
                if (entry.text.startsWith(QLatin1String("child "))) {
                    childPid = entry.text.mid(6);
                    told.append(QStringLiteral("child prints"));
                } else if (entry.channel == OutputChannel::Monitor) {
                    told.append(entry.text);
                }
            }
            return told;
        };
        const auto indexOf = [&order](const QString &prefix) {
            const QStringList told = order();
            for (int i = 0; i < told.size(); ++i) {
                if (told.at(i).startsWith(prefix))
                    return i;
            }
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(!order().isEmpty() && !childPid.isEmpty()
                                         && indexOf(childPid + QStringLiteral(" (")) >= 0,
                                 10000);
        const int started = indexOf(QStringLiteral("started ") + childPid);
        const int printed = indexOf(QStringLiteral("child prints"));
        const int ended = indexOf(childPid + QStringLiteral(" ("));
        QVERIFY2(started >= 0 && started < printed && printed < ended,
                 qPrintable(order().join(QLatin1Char('\n'))));
    }
}

void tst_Session::launchRunsThePlanInOrder()
{
    Session session(TestSupport::workerProgram());
    session.setDemoLanguage(DemoLanguage::English);
    LaunchOptions options;
    options.runCommands
            = {{TestSupport::workerProgram(), QStringLiteral("sleep"), QStringLiteral("60000")},
               {TestSupport::workerProgram(), QStringLiteral("say"), QStringLiteral("hi")}};
    options.countdownSeconds = 1; // with commands: for them, not the counting lesson
    options.spawnCount = 2;
    QSignalSpy said(&session, &Session::mainProgramSaid);
    QSignalSpy finished(&session, &Session::finished);
    session.launch(options);

    QCOMPARE(said.size(), 1);
    QCOMPARE(session.pool().count() + session.pool().queuedCount(), 4);
    QVERIFY(finished.wait(Timeout));
    QCOMPARE(finished.size(), 1);
    const WorkerPool &pool = session.pool();
    QCOMPARE(pool.count(), 4);
    QCOMPARE(pool.at(0)->spec().arguments.value(1), QStringLiteral("sleep"));
    QCOMPARE(pool.at(0)->exitInfo().shortText(), QStringLiteral("-15 · SIGTERM"));
    QCOMPARE(pool.at(1)->spec().arguments.value(1), QStringLiteral("say"));
    QCOMPARE(pool.at(2)->name(), QStringLiteral("sub program 0"));
    QCOMPARE(pool.at(3)->name(), QStringLiteral("sub program 1"));
    QCOMPARE(printedLines(pool).first().workerId, 0);
    QCOMPARE(session.exitStatus(), 0);
}

void tst_Session::lessonsWithoutTheHelperAreRefused()
{
    Session session{QString()};
    QSignalSpy refused(&session, &Session::refused);
    QSignalSpy finished(&session, &Session::finished);
    QVERIFY(!session.canRunLessons());
    QVERIFY(!session.startSpawnLesson());
    QCOMPARE(refused.size(), 1);
    QVERIFY2(refused.first().first().toString().contains(QStringLiteral("PROCLAB_WORKER")),
             qPrintable(refused.first().first().toString()));

    // A plan with a lesson does not start half of itself.
    LaunchOptions options;
    options.spawnCount = 2;
    options.runCommands = {{QStringLiteral("true")}};
    session.launch(options);
    QVERIFY(finished.wait(Timeout));
    QCOMPARE(session.pool().count(), 0);
    QCOMPARE(refused.size(), 2);
    QCOMPARE(session.exitStatus(), 1);
}

void tst_Session::commandsRunUnderStdbuf()
{
    Session session(TestSupport::workerProgram());
    Worker *worker = session.runCommand(QStringList{QStringLiteral("sleep"), QStringLiteral("60")});
    QVERIFY(worker);
    QTRY_VERIFY_WITH_TIMEOUT(worker->pid() > 0, Timeout);
    // stdbuf sets its variables and execs the command: the process itself carries them.
    QTRY_VERIFY_WITH_TIMEOUT(environmentOf(worker->pid()).contains("_STDBUF_O=L"), Timeout);
    session.requestStop();
    QVERIFY(waitForFinished(session));
}

void tst_Session::firstStopTerminatesWithGrace()
{
    Session session(TestSupport::workerProgram());
    session.setGracePeriod(milliseconds(400));
    Worker *polite = session.runCommand(
            workerSpec({QStringLiteral("sleep"), QStringLiteral("60000")}));
    Worker *stubborn = session.runCommand(workerSpec({QStringLiteral("ignore-term")}));
    QVERIFY(polite && stubborn);
    // It says so once SIGTERM is ignored: stopping earlier would test nothing.
    QTRY_COMPARE_WITH_TIMEOUT(stubborn->lineCount(OutputChannel::StdOut), 1, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(polite->state() == WorkerState::Running, Timeout);
    const qint64 politePid = polite->pid();
    const qint64 stubbornPid = stubborn->pid();

    QCOMPARE(session.requestStop(), Session::StopStep::Terminating);
    QVERIFY(session.isStopping());
    QVERIFY(waitForFinished(session));

    QCOMPARE(polite->exitInfo().reason, ExitInfo::Reason::TerminatedOnRequest);
    QCOMPARE(stubborn->exitInfo().reason, ExitInfo::Reason::KilledOnRequest);
    QVERIFY(stubborn->exitInfo().escalated);
    const qint64 grace = eventTime(stubborn, WorkerEvent::Kind::KillSent)
                         - eventTime(stubborn, WorkerEvent::Kind::TerminateSent);
    // A coarse timer may fire up to 5 % early; the default 2 s grace would be far later.
    QVERIFY2(grace >= 370 && grace < 1400,
             qPrintable(QStringLiteral("SIGKILL %1 ms after SIGTERM").arg(grace)));
    QVERIFY(!TestSupport::isAlive(politePid));
    QVERIFY(!TestSupport::isAlive(stubbornPid));
    QCOMPARE(session.exitStatus(), 0);
}

void tst_Session::secondStopKillsAtOnce()
{
    Session session(TestSupport::workerProgram());
    session.setGracePeriod(seconds(60)); // only the second request can end it within the test
    Worker *stubborn = session.runCommand(workerSpec({QStringLiteral("ignore-term")}));
    QVERIFY(stubborn);
    QTRY_COMPARE_WITH_TIMEOUT(stubborn->lineCount(OutputChannel::StdOut), 1, Timeout);
    const qint64 pid = stubborn->pid();

    QCOMPARE(session.requestStop(SIGTERM), Session::StopStep::Terminating);
    QCOMPARE(session.requestStop(SIGINT), Session::StopStep::Killing);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(waitForFinished(session));
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(stubborn->exitInfo().shortText(), QStringLiteral("-9 · SIGKILL"));
    QVERIFY(!stubborn->exitInfo().escalated);
    QVERIFY(!TestSupport::isAlive(pid));
    // Stopped by the first signal.
    QCOMPARE(session.exitStatus(), 128 + SIGTERM);
}

void tst_Session::noNewWorkWhileStopping()
{
    Session session(TestSupport::workerProgram());
    session.setGracePeriod(seconds(60));
    Worker *stubborn = session.runCommand(workerSpec({QStringLiteral("ignore-term")}));
    QVERIFY(stubborn);
    QTRY_COMPARE_WITH_TIMEOUT(stubborn->lineCount(OutputChannel::StdOut), 1, Timeout);
    // A batch waiting for room is dropped by the stop too.
    session.pool().setMaxActiveWorkers(1);
    session.pool().spawnBatch({workerSpec({QStringLiteral("say"), QStringLiteral("late")})});
    QCOMPARE(session.pool().queuedCount(), 1);

    QSignalSpy refused(&session, &Session::refused);
    QSignalSpy said(&session, &Session::mainProgramSaid);
    session.requestStop();
    QCOMPARE(session.pool().queuedCount(), 0);
    QVERIFY(!session.acceptsWork());
    QVERIFY(!session.canRunLessons());
    QVERIFY(!session.startSpawnLesson());
    QCOMPARE(session.startCountdownLesson(), nullptr);
    QCOMPARE(session.runCommand(workerSpec({QStringLiteral("say"), QStringLiteral("no")})), nullptr);
    LaunchOptions options;
    options.runCommands = {{QStringLiteral("true")}};
    session.launch(options);
    QCOMPARE(refused.size(), 4);
    QCOMPARE(said.size(), 0);
    QCOMPARE(session.pool().count(), 1);

    session.requestStop();
    QVERIFY(waitForFinished(session));
    QCOMPARE(session.pool().count(), 1);
}

void tst_Session::exitStatusFollowsTheRule()
{
    {
        Session session(TestSupport::workerProgram());
        session.runCommand(workerSpec({QStringLiteral("exit"), QStringLiteral("3")}));
        QVERIFY(waitForFinished(session));
        QCOMPARE(session.exitStatus(), 1);
    }
    {
        Session session(TestSupport::workerProgram());
        session.runCommand(QStringList{QStringLiteral("/nonexistent/proclab-gone")});
        QVERIFY(waitForFinished(session));
        QCOMPARE(session.exitStatus(), 1);
    }
    {
        // Stopped because the user asked: a success.
        Session session(TestSupport::workerProgram());
        Worker *worker = session.runCommand(
                workerSpec({QStringLiteral("sleep"), QStringLiteral("60000")}));
        QTRY_VERIFY_WITH_TIMEOUT(worker->state() == WorkerState::Running, Timeout);
        session.terminate({worker});
        QVERIFY(waitForFinished(session));
        QCOMPARE(session.exitStatus(), 0);
    }
}

void tst_Session::countsPausedApartFromRunning()
{
    Session session(TestSupport::workerProgram());
    Worker *first = session.runCommand(
            workerSpec({QStringLiteral("sleep"), QStringLiteral("60000")}));
    Worker *second = session.runCommand(
            workerSpec({QStringLiteral("sleep"), QStringLiteral("60000")}));
    session.runCommand(workerSpec({QStringLiteral("exit"), QStringLiteral("0")}));
    QTRY_VERIFY_WITH_TIMEOUT(first->state() == WorkerState::Running
                                     && second->state() == WorkerState::Running
                                     && session.pool().activeCount() == 2,
                             Timeout);
    // Pause applies to running workers only: the ended one is passed over.
    session.pause(session.pool().workers());
    QVERIFY(first->isPaused() && second->isPaused());
    session.resume({second});
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::processState(first->pid()), 'T', Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(TestSupport::processState(second->pid()) == 'S', Timeout);
    const Session::Counts counts = session.counts();
    QCOMPARE(counts.running, 1);
    QCOMPARE(counts.paused, 1);
    QCOMPARE(counts.workers, 3);
    QCOMPARE(counts.waiting, 0);
    session.requestStop();
    QVERIFY(waitForFinished(session));
}

void tst_Session::scrollbackLimitsTheLogAndEachWorker()
{
    Session session(TestSupport::workerProgram());
    Worker *before = session.runCommand(
            workerSpec({QStringLiteral("sleep"), QStringLiteral("60000")}));
    QVERIFY(before);
    session.setScrollbackLines(2000);
    QCOMPARE(session.pool().log().maxLines(), qsizetype(2000));
    QCOMPARE(before->scrollback().maxLines(), qsizetype(2000));
    Worker *flood = session.runCommand(workerSpec(
            {QStringLiteral("flood"), QStringLiteral("--lines"), QStringLiteral("5000")}));
    QTRY_VERIFY_WITH_TIMEOUT(!flood->isActive(), Timeout);
    QCOMPARE(flood->scrollback().maxLines(), qsizetype(2000));
    QCOMPARE(flood->scrollback().size(), qsizetype(2000));
    QCOMPARE(flood->scrollback().droppedLines(), qint64(3000));
    QVERIFY(session.pool().log().size() <= 2000);

    // Clamped to the limits, and a worker's own history never over its cap.
    session.setScrollbackLines(10);
    QCOMPARE(session.scrollbackLines(), Defaults::MinScrollbackLines);
    session.setScrollbackLines(Defaults::MaxScrollbackLines);
    QCOMPARE(before->scrollback().maxLines(), Defaults::WorkerHistoryLines);
    QCOMPARE(before->scrollback().maxCharacters(), Defaults::WorkerHistoryCharacters);
    session.requestStop();
    QVERIFY(waitForFinished(session));
}

void tst_Session::clearFinishedClearsThePythonMirror()
{
    Session session(TestSupport::workerProgram());
    Worker *running = session.runCommand(
            workerSpec({QStringLiteral("sleep"), QStringLiteral("60000")}));
    QVERIFY(session.startSpawnLesson());
    QTRY_COMPARE_WITH_TIMEOUT(session.pool().activeCount(), 1, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(session.pythonMirror().lines().size() > 10, Timeout);
    QSignalSpy reset(&session.pythonMirror(), &PythonMirror::linesReset);

    session.clearFinished();
    QCOMPARE(session.pool().count(), 1);
    QCOMPARE(reset.size(), 1);
    // What stays is the running command's Popen: the lesson's lines, its main line included, went.
    const QStringList lines = session.pythonMirror().lines();
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().startsWith(QStringLiteral("p1 = subprocess.Popen(")),
             qPrintable(lines.join(QLatin1Char('\n'))));
    QVERIFY(lines.first().endsWith(QStringLiteral("# pid %1").arg(running->pid())));

    session.terminate({running});
    QVERIFY(waitForFinished(session));
    session.clearFinished();
    QVERIFY(session.pythonMirror().lines().isEmpty());
}

void tst_Session::defaultsComeFromOnePlace()
{
    QCOMPARE(LaunchOptions().grace, Defaults::GracePeriod);
    Session session(TestSupport::workerProgram());
    QCOMPARE(session.gracePeriod(), Defaults::GracePeriod);
    QCOMPARE(session.pool().gracePeriod(), Defaults::GracePeriod);
    QCOMPARE(session.scrollbackLines(), Defaults::ScrollbackLines);
    QCOMPARE(session.pool().log().maxLines(), qsizetype(Defaults::ScrollbackLines));
    QCOMPARE(session.pool().log().maxCharacters(), Defaults::ScrollbackCharacters);

    // The lesson's four, each with the default history.
    QVERIFY(session.startSpawnLesson());
    QCOMPARE(session.pool().count() + session.pool().queuedCount(), Defaults::LessonWorkers);
    QVERIFY(waitForFinished(session));
    QCOMPARE(session.pool().at(0)->scrollback().maxLines(), Defaults::WorkerHistoryLines);
    QCOMPARE(session.pool().at(0)->scrollback().maxCharacters(), Defaults::WorkerHistoryCharacters);

    // A worker made outside a pool has the same history.
    const Worker standalone(1, workerSpec({QStringLiteral("say"), QStringLiteral("unused")}));
    QCOMPARE(standalone.scrollback().maxLines(), Defaults::WorkerHistoryLines);

    // The tutorial's numbers: four sub programs, terminate() after five seconds.
    QCOMPARE(Defaults::CountdownSeconds, 5);
    QCOMPARE(Defaults::LessonWorkers, 4);
    QCOMPARE(Defaults::GracePeriod, milliseconds(2000));
}

void tst_Session::orphansKeepTheRunGoingUntilStopped()
{
    // The program exits at once; its two children are orphans, and the run is not over while
    // they run: they still write to the same output. A stop request stops them too.
    Session session(TestSupport::workerProgram());
    session.setGracePeriod(seconds(5));
    QSignalSpy finished(&session, &Session::finished);
    QSignalSpy allFinished(&session.pool(), &WorkerPool::allFinished);
    Worker *worker = session.runCommand(
            {QStringLiteral("sh"),
             QStringLiteral("-c"),
             QStringLiteral("sleep 30 & sleep 30 & echo started; exit 0")});
    QVERIFY(worker && worker->descendants());
    QVERIFY(allFinished.wait(Timeout));
    QCOMPARE(worker->exitInfo().pythonExitCode().value_or(-1), 0);
    QVERIFY(worker->hasOrphans());
    // (A child whose parent ended before saying it had created it is reported just after.)
    QTRY_COMPARE_WITH_TIMEOUT(session.counts().orphans, 2, Timeout);
    QVERIFY(session.hasLiveProcesses());
    QList<qint64> orphans;
    for (const quint64 id : worker->descendants()->ids()) {
        const Descendant *entry = worker->descendants()->descendant(id);
        if (entry->isAlive())
            orphans.append(entry->pid);
    }
    QCOMPARE(orphans.size(), 2);
    for (const qint64 pid : std::as_const(orphans))
        QVERIFY(TestSupport::isAlive(pid));
    // Still shown, and not swept by Clear Finished (that would stop them unseen).
    session.clearFinished();
    QCOMPARE(session.pool().count(), 1);
    QCOMPARE(finished.size(), 0);

    QCOMPARE(session.requestStop(SIGINT), Session::StopStep::Terminating);
    QVERIFY(finished.wait(Timeout));
    QCOMPARE(finished.size(), 1);
    for (const qint64 pid : std::as_const(orphans))
        QVERIFY2(!TestSupport::isAlive(pid), qPrintable(QStringLiteral("%1 survived").arg(pid)));
    QVERIFY(!worker->hasOrphans());
    QVERIFY(!session.hasLiveProcesses());
    QCOMPARE(session.exitStatus(), 128 + SIGINT);
    QTRY_VERIFY_WITH_TIMEOUT(!TestSupport::isAlive(worker->tracerPid()), Timeout);
}

void tst_Session::signalsOneProcessOrRefusesWithAMessage()
{
    // Unfollowed, only the program itself can be signalled alone: its children are not shown.
    Session session(TestSupport::workerProgram());
    session.setFollowChildren(false);
    QSignalSpy refused(&session, &Session::refused);
    Worker *worker = session.runCommand(
            {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("sleep 30 & wait")});
    QVERIFY(worker && !worker->descendants());
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::liveChildren(worker->pid()).size(), 1, Timeout);
    const qint64 child = TestSupport::liveChildren(worker->pid()).constFirst();
    const qsizetype events = worker->events().size();

    QVERIFY(!session.signalProcess(ProcessTarget{worker->id(), child, false}, SIGTERM));
    QCOMPARE(refused.size(), 1);
    const QString message = refused.takeFirst().first().toString();
    QVERIFY2(message.contains(QString::number(child)) && message.contains(QStringLiteral("SIGTERM"))
                     && message.contains(QStringLiteral("only the program itself")),
             qPrintable(message));
    QVERIFY(!session.signalProcess(ProcessTarget{worker->id() + 100, child, false}, SIGTERM));
    QCOMPARE(refused.size(), 1);
    QVERIFY2(refused.takeFirst().first().toString().contains(
                     QStringLiteral("no longer in the table")),
             "a worker that is not there");
    QCOMPARE(worker->events().size(), events);
    QVERIFY(TestSupport::isAlive(child));
    QVERIFY(TestSupport::isAlive(worker->pid()));
    QCOMPARE(session.exitStatus(), 0); // a refused signal is no failure of the run

    // The program alone: it reads terminated, -15; its leftovers are stopped as ever, unshown.
    QVERIFY(session.signalProcess(ProcessTarget{worker->id(), worker->pid(), true}, SIGTERM));
    QVERIFY(refused.isEmpty());
    QVERIFY(waitForFinished(session));
    QCOMPARE(worker->exitInfo().reason, ExitInfo::Reason::TerminatedOnRequest);
    QCOMPARE(worker->exitInfo().pythonExitCode().value_or(0), -15);
    QTRY_VERIFY_WITH_TIMEOUT(!TestSupport::isAlive(child), Timeout);
    QVERIFY(!worker->hasOrphans());
    // Ended: nothing more to signal.
    QVERIFY(!session.signalProcess(ProcessTarget{worker->id(), worker->pid(), true}, SIGTERM));
    QCOMPARE(refused.size(), 1);
}

namespace {

// Reads the monitor's stderr until a line holds fragment; all of it so far in `err`.
bool waitForStderr(QProcess &monitor, QByteArray &err, const QByteArray &fragment)
{
    QDeadlineTimer deadline(Timeout);
    while (!err.contains(fragment) && !deadline.hasExpired()) {
        if (!monitor.waitForReadyRead(200) && monitor.state() != QProcess::Running)
            break;
        err += monitor.readAllStandardError();
    }
    return err.contains(fragment);
}

qint64 numberAfter(const QByteArray &text, const char *pattern)
{
    const QRegularExpressionMatch match = QRegularExpression(QLatin1String(pattern))
                                                  .match(QString::fromUtf8(text));
    return match.hasMatch() ? match.captured(1).toLongLong() : 0;
}

} // namespace

void tst_Session::headlessWaitsForOrphansUntilInterrupted()
{
    // The program ends at once; its child is an orphan that would live 60 s. The headless run
    // says it waits for it, and a Ctrl+C stops it and ends the run.
    QProcess monitor;
    monitor.setProcessChannelMode(QProcess::SeparateChannels);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("PROCLAB_WORKER"));
    monitor.setProcessEnvironment(environment);
    monitor.start(TestSupport::proclabProgram(),
                  {QStringLiteral("--headless"),
                   QStringLiteral("--run"),
                   QStringLiteral("sh -c 'sleep 60 & echo orphan $!; exit 3'")});
    QVERIFY(monitor.waitForStarted());
    QByteArray err;
    QVERIFY2(waitForStderr(monitor, err, "waiting for 1 orphan to end (Ctrl+C stops it)"),
             err.constData());
    QByteArray out = monitor.readAllStandardOutput();
    QTRY_VERIFY_WITH_TIMEOUT((out += monitor.readAllStandardOutput()).contains("orphan "), Timeout);
    const qint64 orphan = numberAfter(out, "orphan (\\d+)");
    QVERIFY(orphan > 0);
    const auto killOrphan = qScopeGuard([orphan] { ::kill(pid_t(orphan), SIGKILL); });
    QVERIFY(TestSupport::isAlive(orphan));
    QCOMPARE(monitor.state(), QProcess::Running);

    ::kill(pid_t(monitor.processId()), SIGINT);
    QVERIFY(monitor.waitForFinished(Timeout));
    err += monitor.readAllStandardError();
    QVERIFY2(err.contains("received SIGINT: stopping 1 orphan"), err.constData());
    QCOMPARE(monitor.exitStatus(), QProcess::NormalExit);
    QCOMPARE(monitor.exitCode(), 128 + SIGINT);
    QTRY_VERIFY_WITH_TIMEOUT(!TestSupport::isAlive(orphan), Timeout);
}

void tst_Session::killedMonitorLeavesNoOrphan()
{
    // ProcLab killed outright while it keeps an orphan: the orphan dies with it (the tracer dies
    // with ProcLab, and the kernel kills what it traced), even one that left the group.
    QProcess monitor;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("PROCLAB_WORKER"));
    monitor.setProcessEnvironment(environment);
    monitor.start(TestSupport::proclabProgram(),
                  {QStringLiteral("--headless"),
                   QStringLiteral("--run"),
                   QStringLiteral("sh -c 'sleep 60 & echo orphan $!; setsid sleep 60 & echo "
                                  "escaped $!; exit 0'")});
    QVERIFY(monitor.waitForStarted());
    QByteArray err;
    QVERIFY2(waitForStderr(monitor, err, "waiting for 2 orphans to end"), err.constData());
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += monitor.readAllStandardOutput()).contains("escaped "), Timeout);
    const qint64 orphan = numberAfter(out, "orphan (\\d+)");
    const qint64 escaped = numberAfter(out, "escaped (\\d+)");
    QVERIFY(orphan > 0 && escaped > 0);
    const auto killThem = qScopeGuard([orphan, escaped] {
        ::kill(pid_t(orphan), SIGKILL);
        ::kill(pid_t(escaped), SIGKILL);
    });
    QVERIFY(TestSupport::isAlive(orphan) && TestSupport::isAlive(escaped));

    ::kill(pid_t(monitor.processId()), SIGKILL);
    QVERIFY(monitor.waitForFinished(Timeout));
    for (const qint64 pid : {orphan, escaped}) {
        QTRY_VERIFY2_WITH_TIMEOUT(!TestSupport::isAlive(pid),
                                  qPrintable(QStringLiteral("%1 outlived ProcLab").arg(pid)),
                                  Timeout);
    }
}

QTEST_GUILESS_MAIN(tst_Session)
#include "tst_session.moc"
