#include "processsampler.h"
#include "testsupport.h"
#include "worker.h"
#include "workerpool.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace ProcLab;
using namespace std::chrono;

// Trees, CPU and memory as the operating system reports them, and pause/resume of whole workers.
class tst_ProcessSampler final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void showsTheChildrenOfAWorker();
    void showsAnOrphanUntilItEnds();
    void showsAZombieBelowItsParentUntilReaped();
    void measuresCpuOfASpinningWorker();
    void measuresMemoryOfAnAllocatingWorker();
    void pauseStopsOutputAndResumeRestartsIt();
    void idlesWithoutWorkers();
    void sendsTheSignalTheUserChose();
    void saysWhenTheProcessTableCannotBeRead();

private:
    static WorkerSpec spec(const QStringList &arguments)
    {
        WorkerSpec result;
        result.arguments = arguments;
        return result;
    }
    static void stopAll(WorkerPool &pool)
    {
        pool.stopAll();
        QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), 10000);
    }
};

void tst_ProcessSampler::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral("QProcess: Destroyed while process")));
}

void tst_ProcessSampler::showsTheChildrenOfAWorker()
{
    WorkerPool pool;
    ProcessSampler sampler(pool);
    Worker *worker = pool.spawn(spec({TestSupport::workerProgram(), "spawn-children", "3"}));
    QTRY_VERIFY_WITH_TIMEOUT(worker->lastLine().contains("spawned 3 children"), 5000);
    QVERIFY(sampler.isSampling());
    sampler.sampleNow();
    const ProcessTree tree = sampler.tree(worker->id());
    QCOMPARE(tree.leader.pid, worker->pid());
    QCOMPARE(tree.leader.command, QStringLiteral("proclab-worker"));
    QCOMPARE(tree.descendants.size(), 3);
    for (const ProcessSample &child : tree.descendants) {
        QVERIFY2(TestSupport::isAlive(child.pid), "a child row must be a live process");
        QCOMPARE(child.parentPid, worker->pid());
        QCOMPARE(child.groupId, worker->pid());
        QVERIFY(!child.orphaned);
    }
    stopAll(pool);
}

void tst_ProcessSampler::showsAnOrphanUntilItEnds()
{
    WorkerPool pool;
    ProcessSampler sampler(pool);
    // The subshell exits at once; its sleep lives on, re-parented away from the worker.
    Worker *worker = pool.spawn(spec({"sh", "-c", "(sleep 30 &); echo ready; sleep 30"}));
    QTRY_COMPARE_WITH_TIMEOUT(worker->lastLine(), QStringLiteral("ready"), 5000);
    ProcessSample orphan;
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                sampler.sampleNow();
                for (const ProcessSample &sample : sampler.tree(worker->id()).descendants) {
                    if (sample.orphaned)
                        orphan = sample;
                }
                return orphan.pid != 0;
            }(),
            5000);
    QCOMPARE(orphan.command, QStringLiteral("sleep"));
    QVERIFY(orphan.parentPid != worker->pid());
    stopAll(pool);
    QTRY_VERIFY_WITH_TIMEOUT(!TestSupport::isAlive(orphan.pid), 5000);
}

void tst_ProcessSampler::showsAZombieBelowItsParentUntilReaped()
{
    // The child exits at once; its parent does not wait for it until SIGUSR1 says so.
    const QString script = QStringLiteral("import os, signal, time\n"
                                          "pid = os.fork()\n"
                                          "if pid == 0:\n"
                                          "    os._exit(7)\n"
                                          "signal.signal(signal.SIGUSR1,\n"
                                          "              lambda *args: os.waitpid(pid, 0))\n"
                                          "print(pid, flush=True)\n"
                                          "while True:\n"
                                          "    time.sleep(1)\n");
    WorkerPool pool;
    ProcessSampler sampler(pool);
    Worker *worker = pool.spawn(spec({"/usr/bin/python3", "-c", script}));
    QTRY_VERIFY_WITH_TIMEOUT(worker->lastLine().toLongLong() > 0, 10000);
    const qint64 zombie = worker->lastLine().toLongLong();
    // The operating system's word first: a zombie, child of the worker.
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::processState(zombie), 'Z', 5000);
    QCOMPARE(TestSupport::parentPid(zombie), worker->pid());

    const auto sampledZombie = [&] {
        sampler.sampleNow();
        for (const ProcessSample &sample : sampler.tree(worker->id()).descendants) {
            if (sample.pid == zombie)
                return sample;
        }
        return ProcessSample();
    };
    const ProcessSample sample = sampledZombie();
    QCOMPARE(sample.pid, zombie);
    QCOMPARE(sample.state, 'Z');
    QCOMPARE(sample.parentPid, worker->pid());
    QVERIFY(!sample.orphaned);

    // Reaped, it is gone from the system and from the tree.
    QVERIFY(::kill(pid_t(worker->pid()), SIGUSR1) == 0);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::processState(zombie), '\0', 5000);
    QTRY_COMPARE_WITH_TIMEOUT(sampledZombie().pid, 0, 5000);
    QVERIFY(TestSupport::isAlive(worker->pid()));
    stopAll(pool);
}

void tst_ProcessSampler::measuresCpuOfASpinningWorker()
{
    WorkerPool pool;
    ProcessSampler sampler(pool);
    sampler.setInterval(milliseconds(300));
    Worker *worker = pool.spawn(spec({TestSupport::workerProgram(), "spin"}));
    QSignalSpy sampled(&sampler, &ProcessSampler::sampled);
    // On a shared 2-core machine one sample can catch the spinner waiting for a core: a busy
    // second is enough, the best of a few samples must show it.
    const auto busiest = [&] {
        const QList<double> history = sampler.cpuHistory(worker->id());
        return history.isEmpty() ? 0.0 : *std::max_element(history.cbegin(), history.cend());
    };
    QTRY_VERIFY_WITH_TIMEOUT(sampled.size() >= 4 && busiest() > 50.0, 10000);
    QVERIFY(sampler.cpuHistory(worker->id()).size() >= 3);

    // Paused, it uses nothing.
    pool.pause(worker);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::processState(worker->pid()), 'T', 5000);
    sampled.clear();
    QTRY_VERIFY_WITH_TIMEOUT(sampled.size() >= 2, 10000);
    QCOMPARE(sampler.tree(worker->id()).cpuPercent, 0.0);
    stopAll(pool);
    QCOMPARE(worker->exitInfo().pythonExitCode().value(), -15);
}

void tst_ProcessSampler::measuresMemoryOfAnAllocatingWorker()
{
    WorkerPool pool;
    ProcessSampler sampler(pool);
    Worker *worker = pool.spawn(spec({TestSupport::workerProgram(), "alloc", "200"}));
    QTRY_VERIFY_WITH_TIMEOUT(worker->lastLine().contains("allocated 200 MB"), 10000);
    sampler.sampleNow();
    const qint64 resident = sampler.tree(worker->id()).residentBytes;
    QVERIFY2(resident > 190 * 1024 * 1024 && resident < 260 * 1024 * 1024,
             qPrintable(QStringLiteral("resident %1 bytes").arg(resident)));
    stopAll(pool);
}

void tst_ProcessSampler::pauseStopsOutputAndResumeRestartsIt()
{
    WorkerPool pool;
    Worker *worker = pool.spawn(
            spec({TestSupport::workerProgram(), "count", "--interval-ms", "100"}));
    QTRY_VERIFY_WITH_TIMEOUT(worker->lineCount(OutputChannel::StdOut) >= 2, 5000);
    QSignalSpy events(worker, &Worker::eventOccurred);
    pool.pause(worker);
    QCOMPARE(worker->state(), WorkerState::Paused);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::processState(worker->pid()), 'T', 5000);
    QSignalSpy output(worker, &Worker::outputReceived);
    QVERIFY2(!output.wait(1000), "a paused worker must print nothing for a second");

    pool.resume(worker);
    QCOMPARE(worker->state(), WorkerState::Running);
    QVERIFY2(output.wait(5000), "a resumed worker must print again");
    QCOMPARE(events.size(), 2);
    QCOMPARE(int(events.at(0).first().value<WorkerEvent>().kind), int(WorkerEvent::Kind::Paused));
    QCOMPARE(int(events.at(1).first().value<WorkerEvent>().kind), int(WorkerEvent::Kind::Resumed));

    // Terminate still works on a paused worker: SIGCONT follows SIGTERM.
    pool.pause(worker);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::processState(worker->pid()), 'T', 5000);
    stopAll(pool);
    QCOMPARE(worker->exitInfo().pythonExitCode().value(), -15);
    QVERIFY(!worker->exitInfo().escalated);
}

void tst_ProcessSampler::idlesWithoutWorkers()
{
    WorkerPool pool;
    ProcessSampler sampler(pool);
    QVERIFY2(!sampler.isSampling(), "no worker, no timer");
    pool.spawn(spec({TestSupport::workerProgram(), "sleep", "300"}));
    QVERIFY(sampler.isSampling());
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!sampler.isSampling(), 5000);
}

void tst_ProcessSampler::sendsTheSignalTheUserChose()
{
    WorkerPool pool;
    Worker *worker = pool.spawn(spec({TestSupport::workerProgram(), "sleep", "30000"}));
    QTRY_COMPARE_WITH_TIMEOUT(worker->state(), WorkerState::Running, 5000);
    QSignalSpy events(worker, &Worker::eventOccurred);
    pool.sendSignal(worker, SIGINT);
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), 5000);
    QCOMPARE(worker->exitInfo().shortText(), QStringLiteral("-2 · SIGINT"));
    QVERIFY2(worker->exitInfo().isSuccess(),
             "a signal the user chose is a stop on request, not a crash");
    QCOMPARE(worker->state(), WorkerState::Finished);
    QCOMPARE(events.first().first().value<WorkerEvent>().signalNumber, SIGINT);
}

void tst_ProcessSampler::saysWhenTheProcessTableCannotBeRead()
{
    if (TestSupport::UnderAddressSanitizer)
        QSKIP("LeakSanitizer needs /proc at exit, and this run hides it");
    // Run again in a mount namespace of its own where /proc is an empty tmpfs, as in some
    // containers: there the sampler must say that it cannot measure, not report 0 %.
    if (qEnvironmentVariableIsSet("PROCLAB_TEST_WITHOUT_PROC")) {
        WorkerPool pool;
        ProcessSampler sampler(pool);
        QSignalSpy available(&sampler, &ProcessSampler::availableChanged);
        QSignalSpy sampled(&sampler, &ProcessSampler::sampled);
        sampler.sampleNow();
        QVERIFY(!sampler.isAvailable());
        QCOMPARE(available.size(), 1);
        QCOMPARE(available.first().first().toBool(), false);
        QCOMPARE(sampled.size(), 1);
        QCOMPARE(sampler.tree(1).leader.pid, qint64(0));
        return;
    }
    {
        WorkerPool pool;
        ProcessSampler sampler(pool);
        QSignalSpy available(&sampler, &ProcessSampler::availableChanged);
        sampler.sampleNow();
        QVERIFY(sampler.isAvailable());
        QCOMPARE(available.size(), 0);
    }
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PROCLAB_TEST_WITHOUT_PROC"), QStringLiteral("1"));
    child.setProcessEnvironment(environment);
    child.start(QStringLiteral("unshare"),
                {QStringLiteral("--mount"),
                 QStringLiteral("--propagation"),
                 QStringLiteral("private"),
                 QStringLiteral("sh"),
                 QStringLiteral("-c"),
                 QStringLiteral("mount -t tmpfs none /proc || exit 77; exec \"$0\" \"$1\""),
                 QCoreApplication::applicationFilePath(),
                 QStringLiteral("saysWhenTheProcessTableCannotBeRead")});
    QVERIFY(child.waitForFinished(60000));
    const QByteArray output = child.readAllStandardOutput() + child.readAllStandardError();
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() == 77
        || output.contains("unshare failed"))
        QSKIP(qPrintable(QStringLiteral("no mount namespace here: ")
                         + QString::fromLocal8Bit(output)));
    QVERIFY2(child.exitCode() == 0, output.constData());
    QVERIFY2(output.contains("PASS   : tst_ProcessSampler::saysWhenTheProcessTableCannotBeRead()"),
             output.constData());
}

QTEST_GUILESS_MAIN(tst_ProcessSampler)
#include "tst_processsampler.moc"
