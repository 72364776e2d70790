#include "countdown.h"
#include "lessons.h"
#include "processguardian.h"
#include "testsupport.h"
#include "worker.h"
#include "workerpool.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <sys/resource.h>

using namespace ProcLab;
using namespace std::chrono;

// The registry: batched change signals, exact row ranges, limits, the merged log, and a long run of
// spawns and stops that must leave no file descriptor, zombie or process behind.
class tst_WorkerPool final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void batchesChangesUnderAFlood();
    void insertsRowsInStartOrder();
    void clearFinishedRemovesExactRanges();
    void refusesPastTheLimit();
    void forgetsClearedWorkersOnceTheirLinesAreGone();
    void mergesOutputInArrivalOrder();
    void countdownLessonTerminatesAfterTheCountdown();
    void spawnStopCyclesLeaveNothingBehind();
    void guardianKillsGroupsWhenItsSocketCloses();

private:
    static WorkerSpec spec(const QStringList &workerArguments)
    {
        WorkerSpec result;
        result.arguments = QStringList{TestSupport::workerProgram()} + workerArguments;
        return result;
    }
    static WorkerSpec failingSpec()
    {
        WorkerSpec result;
        result.arguments = {"/nonexistent/program"};
        return result;
    }
    static bool waitUntilAllFinished(WorkerPool &pool, int timeoutMs = 10000);
};

void tst_WorkerPool::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral("QProcess: Destroyed while process")));
}

bool tst_WorkerPool::waitUntilAllFinished(WorkerPool &pool, int timeoutMs)
{
    if (!pool.hasActiveWorkers())
        return true;
    QSignalSpy finished(&pool, &WorkerPool::allFinished);
    return finished.wait(timeoutMs) || !pool.hasActiveWorkers();
}

void tst_WorkerPool::batchesChangesUnderAFlood()
{
    WorkerPool pool;
    QSignalSpy changed(&pool, &WorkerPool::workersChanged);
    QSignalSpy appended(&pool, &WorkerPool::logAppended);
    QSignalSpy received(&pool, &WorkerPool::outputReceived);
    Worker *worker = pool.spawn(spec({"flood", "--lines", "10000"}));
    QVERIFY(waitUntilAllFinished(pool));
    QCOMPARE(worker->lineCount(OutputChannel::StdOut), 10000);
    QVERIFY2(changed.size() < 100,
             qPrintable(QStringLiteral("%1 workersChanged for 10000 lines").arg(changed.size())));
    QVERIFY2(appended.size() < 100,
             qPrintable(QStringLiteral("%1 logAppended for 10000 lines").arg(appended.size())));
    QVERIFY2(received.size() < 10000, "output must arrive per read, not per line");

    // Tied to the reads, not to an absolute number: a line every millisecond comes in about one read
    // each, and views must hear of them about every 50 ms, not once per read.
    changed.clear();
    appended.clear();
    received.clear();
    Worker *paced = pool.spawn(spec({"count", "--to", "1001", "--interval-ms", "1"}));
    QVERIFY(waitUntilAllFinished(pool));
    QCOMPARE(paced->lineCount(OutputChannel::StdOut), 1000);
    QVERIFY2(received.size() >= 200,
             qPrintable(QStringLiteral("only %1 reads: the lines did not come apart")
                                .arg(received.size())));
    const auto batched = [&](const QSignalSpy &spy) {
        return QStringLiteral("%1 signals for %2 reads").arg(spy.size()).arg(received.size());
    };
    QVERIFY2(changed.size() * 5 < received.size(), qPrintable(batched(changed)));
    QVERIFY2(appended.size() * 5 < received.size(), qPrintable(batched(appended)));
}

void tst_WorkerPool::insertsRowsInStartOrder()
{
    WorkerPool pool;
    QSignalSpy inserted(&pool, &WorkerPool::workersInserted);
    Lessons::startSpawnLesson(pool, TestSupport::workerProgram(), 70, DemoLanguage::English);
    QVERIFY(waitUntilAllFinished(pool));
    QCOMPARE(pool.count(), 70);
    int expectedFirst = 0;
    for (const QList<QVariant> &range : std::as_const(inserted)) {
        QCOMPARE(range.at(0).toInt(), expectedFirst);
        QVERIFY(range.at(1).toInt() - range.at(0).toInt() < WorkerPool::SpawnSliceSize);
        expectedFirst = range.at(1).toInt() + 1;
    }
    QVERIFY2(inserted.size() >= 3, "70 workers must start in slices");
    for (int row = 0; row < pool.count(); ++row) {
        Worker *worker = pool.at(row);
        QCOMPARE(pool.rowOf(worker), row);
        QCOMPARE(worker->name(), QStringLiteral("sub program %1").arg(row));
        QCOMPARE(worker->lastLine(),
                 QStringLiteral("Process %1 says: sub program %2").arg(worker->pid()).arg(row));
        QCOMPARE(pool.pidOfWorker(worker->id()), worker->pid());
    }
}

void tst_WorkerPool::clearFinishedRemovesExactRanges()
{
    WorkerPool pool;
    pool.spawn(spec({"exit", "0"}));
    pool.spawn(spec({"exit", "0"}));
    Worker *running = pool.spawn(spec({"sleep", "30000"}));
    pool.spawn(spec({"exit", "1"}));
    QTRY_COMPARE_WITH_TIMEOUT(pool.activeCount(), 1, 5000);

    QSignalSpy aboutToRemove(&pool, &WorkerPool::workersAboutToBeRemoved);
    QSignalSpy removed(&pool, &WorkerPool::workersRemoved);
    pool.clearFinished();
    QCOMPARE(pool.count(), 1);
    QCOMPARE(pool.at(0), running);
    QCOMPARE(removed.size(), 2);
    QCOMPARE(removed.at(0), (QList<QVariant>{3, 3}));
    QCOMPARE(removed.at(1), (QList<QVariant>{0, 1}));
    QCOMPARE(aboutToRemove.size(), removed.size());

    pool.terminate(running);
    QVERIFY(waitUntilAllFinished(pool));
}

void tst_WorkerPool::refusesPastTheLimit()
{
    WorkerPool pool;
    pool.setMaxActiveWorkers(2);
    QSignalSpy refused(&pool, &WorkerPool::spawnRefused);
    Worker *first = pool.spawn(spec({"sleep", "30000"}));
    Worker *second = pool.spawn(spec({"sleep", "30000"}));
    QVERIFY(first && second);
    QCOMPARE(pool.spawn(spec({"sleep", "30000"})), nullptr);
    QCOMPARE(refused.size(), 1);
    const QString reason = refused.first().first().toString();
    QVERIFY2(reason.contains("2 workers are running") && reason.contains("open files"),
             qPrintable(reason));
    QCOMPARE(pool.count(), 2);
    QVERIFY2(first->isActive() && second->isActive(), "running workers must not be disturbed");
    QVERIFY(TestSupport::isAlive(first->pid()));

    // A batch waits for room rather than being dropped, and starts as workers end.
    QSignalSpy queue(&pool, &WorkerPool::queueChanged);
    pool.spawnBatch({spec({"say", "a"}), spec({"say", "b"}), spec({"say", "c"})});
    QCOMPARE(refused.size(), 1);
    QCOMPARE(pool.count(), 2);
    QCOMPARE(pool.queuedCount(), 3);
    QVERIFY(pool.hasActiveWorkers());
    QCOMPARE(queue.constLast().first().toInt(), 3);
    pool.terminate(first);
    QTRY_COMPARE_WITH_TIMEOUT(pool.queuedCount(), 0, 10000);
    QCOMPARE(queue.constLast().first().toInt(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(pool.activeCount(), 1, 10000);
    QCOMPARE(pool.count(), 5);
    QStringList said;
    for (int row = 2; row < 5; ++row) {
        QCOMPARE(pool.at(row)->exitInfo().exitCode, 0);
        said.append(pool.at(row)->lastLine().section(QLatin1String(" says: "), 1));
    }
    QCOMPARE(said, (QStringList{"a", "b", "c"}));
    QVERIFY2(second->isActive(), "the limit held: one slot freed, one worker at a time in it");
    QCOMPARE(refused.size(), 1);

    // Stopping drops what still waits.
    pool.spawnBatch({spec({"say", "d"}), spec({"say", "e"}), spec({"say", "f"})});
    pool.spawnBatch({spec({"sleep", "30000"})});
    QVERIFY(pool.queuedCount() > 0);
    pool.stopAll();
    QCOMPARE(pool.queuedCount(), 0);
    QVERIFY(waitUntilAllFinished(pool));
}

void tst_WorkerPool::forgetsClearedWorkersOnceTheirLinesAreGone()
{
    WorkerPool pool;
    pool.setLogLimits(1000, 1024 * 1024);
    Worker *said = pool.spawn(spec({"say", "once"}));
    QVERIFY(waitUntilAllFinished(pool));
    const qint64 pid = said->pid();
    const int id = said->id();
    QVERIFY(pid > 0);
    pool.clearFinished();
    QCOMPARE(pool.count(), 0);
    // Its line is still in the log, and names its PID.
    QCOMPARE(pool.pidOfWorker(id), pid);

    pool.spawn(spec({"flood", "--lines", "3000"}));
    QVERIFY(waitUntilAllFinished(pool));
    QTRY_VERIFY_WITH_TIMEOUT(pool.log().firstLine() > 3, 5000);
    bool stillThere = false;
    for (qint64 line = pool.log().firstLine(); line < pool.log().endLine(); ++line)
        stillThere = stillThere || pool.log().at(line).workerId == id;
    QVERIFY(!stillThere);
    QTRY_COMPARE_WITH_TIMEOUT(pool.pidOfWorker(id), qint64(0), 5000);
}

void tst_WorkerPool::mergesOutputInArrivalOrder()
{
    WorkerPool pool;
    pool.appendMainProcessLine(
            Lessons::saysLine(QCoreApplication::applicationPid(), "main program"));
    Worker *first = pool.spawn(spec({"say", "one"}));
    QVERIFY(waitUntilAllFinished(pool));
    Worker *second = pool.spawn(spec({"progress", "--steps", "20", "--interval-ms", "1"}));
    QVERIFY(waitUntilAllFinished(pool));

    QStringList workerLines;
    const Scrollback &log = pool.log();
    QCOMPARE(log.at(log.firstLine()).workerId, 0);
    for (qint64 line = log.firstLine(); line < log.endLine(); ++line) {
        const OutputLine &entry = log.at(line);
        if (entry.channel != OutputChannel::Monitor)
            workerLines.append(QStringLiteral("%1:%2").arg(entry.workerId).arg(entry.text));
    }
    QCOMPARE(workerLines,
             (QStringList{QStringLiteral("0:Process %1 says: main program")
                                  .arg(QCoreApplication::applicationPid()),
                          QStringLiteral("%1:Process %2 says: one").arg(first->id()).arg(first->pid()),
                          QStringLiteral("%1:done").arg(second->id())}));
}

void tst_WorkerPool::countdownLessonTerminatesAfterTheCountdown()
{
    WorkerPool pool;
    Worker *worker = Lessons::startCountdownLesson(pool,
                                                   TestSupport::workerProgram(),
                                                   milliseconds(1200),
                                                   milliseconds(100));
    QVERIFY(worker);
    QTRY_VERIFY_WITH_TIMEOUT(worker->scheduledStop() && worker->scheduledStop()->isActive(), 2000);
    QVERIFY(waitUntilAllFinished(pool));
    QCOMPARE(worker->exitInfo().shortText(), QStringLiteral("-15 · SIGTERM"));
    QVERIFY(worker->exitInfo().isSuccess());
    QVERIFY2(worker->runningTimeMs() >= 1150, "terminated before the countdown ended");
    // Numbers come at 0.5 s then each interval: exactly 1 by 1.2 s.
    QStringList lines;
    for (qint64 line = worker->scrollback().firstLine(); line < worker->scrollback().endLine();
         ++line)
        lines.append(worker->scrollback().at(line).text);
    QCOMPARE(lines,
             (QStringList{QStringLiteral("Process %1 says: loop").arg(worker->pid()),
                          "\tNumber 1 of 100000."}));
}

void tst_WorkerPool::spawnStopCyclesLeaveNothingBehind()
{
    // Warm up Qt's own lazily created descriptors (the pidfd machinery, the event dispatcher).
    {
        WorkerPool pool;
        pool.spawn(spec({"exit", "0"}));
        QVERIFY(waitUntilAllFinished(pool));
    }
    const int fdsBefore = TestSupport::openFileDescriptorCount();

    WorkerPool pool;
    pool.setGracePeriod(milliseconds(200));
    QList<qint64> pids;
    for (int cycle = 0; cycle < 200; ++cycle) {
        switch (cycle % 4) {
        case 0:
            pool.spawn(spec({"say", "cycle"}));
            break;
        case 1:
            pool.terminate(pool.spawn(spec({"sleep", "30000"})));
            break;
        case 2:
            pool.kill(pool.spawn(spec({"ignore-term"})));
            break;
        case 3:
            pool.spawn(spec({"--no-such-mode"})); // starts, then exits 2 with a usage error
            pool.spawn(failingSpec());
            break;
        }
        if (pool.activeCount() > 16)
            QVERIFY(waitUntilAllFinished(pool));
        if (cycle % 50 == 49)
            pool.clearFinished();
    }
    QVERIFY(waitUntilAllFinished(pool, 30000));
    for (const Worker *worker : pool.workers())
        pids.append(worker->pid());
    pool.clearFinished();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

    QTRY_VERIFY_WITH_TIMEOUT(TestSupport::openFileDescriptorCount() <= fdsBefore, 5000);
    QCOMPARE(TestSupport::zombieChildCount(), 0);
    QCOMPARE(TestSupport::liveChildren(QCoreApplication::applicationPid()).size(), 0);
    for (const qint64 pid : std::as_const(pids))
        QVERIFY(pid == 0 || !TestSupport::isAlive(pid));
}

void tst_WorkerPool::guardianKillsGroupsWhenItsSocketCloses()
{
    auto guardian = std::make_unique<ProcessGuardian>();
    QString error;
    QVERIFY2(guardian->start(TestSupport::workerProgram(), 300, &error), qPrintable(error));
    const qint64 guardianPid = guardian->pid();
    QVERIFY(TestSupport::isAlive(guardianPid));

    WorkerPool pool;
    pool.setGuardian(guardian.get());
    Worker *worker = pool.spawn(spec({"spawn-children", "2", "--ignore-term"}));
    QTRY_VERIFY_WITH_TIMEOUT(worker->lastLine().contains("spawned 2 children"), 5000);
    const QList<qint64> members = TestSupport::liveGroupMembers(worker->pid());
    QCOMPARE(members.size(), 3);

    // The guardian acts when its socket closes, as it does when the monitor dies.
    pool.setGuardian(nullptr);
    worker->setGuardian(nullptr);
    guardian.reset(); // closes the socket: the guardian kills, then exits, and is reaped
    QTRY_VERIFY_WITH_TIMEOUT(!TestSupport::isAlive(guardianPid), 5000);
    // SIGKILL is delivered asynchronously: the guardian has sent it, death follows in a moment.
    for (const qint64 pid : members) {
        QTRY_VERIFY2_WITH_TIMEOUT(!TestSupport::isAlive(pid),
                                  qPrintable(QStringLiteral("%1 survived the guardian").arg(pid)),
                                  5000);
    }
    QVERIFY(waitUntilAllFinished(pool));
    // The leader does not ignore SIGTERM: the guardian's SIGTERM ended it, not a request of ours.
    QCOMPARE(worker->exitInfo().pythonExitCode().value(), -15);
    QCOMPARE(worker->state(), WorkerState::Crashed);
}

QTEST_GUILESS_MAIN(tst_WorkerPool)
#include "tst_workerpool.moc"
