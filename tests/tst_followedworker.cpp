#include "descendanttracker.h"
#include "processgroup.h"
#include "programlocator.h"
#include "testsupport.h"
#include "worker.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <memory>
#include <unistd.h>

using namespace ProcLab;
using namespace std::chrono;

// A Worker that follows its program's children (WorkerSpec::followChildren): the same PID, the
// same stops and exit readings as an unfollowed one, and every descendant on top, checked in /proc.
class tst_FollowedWorker final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void keepsTheProgramsPidAndSeesItsChildren();
    void terminateReadsMinus15();
    void escalatesToKillWhenTermIsIgnored();
    void stopsTheWholeGroup();
    void pausesAndResumesTheTree();
    void endsWhenTheProgramDoesThoughAChildLivesOn();
    void destroyingItLeavesNothingAlive();
    void fallsBackWhenPtraceIsRefused();

private:
    std::unique_ptr<Worker> startWorker(const QStringList &arguments,
                                        const QStringList &environment = {});
    static bool waitForText(const Worker &worker, const QString &fragment);

    int m_nextId = 1;
};

void tst_FollowedWorker::initTestCase()
{
    // The tracer is proclab-worker, found as ProcLab finds it.
    if (qEnvironmentVariableIsEmpty("PROCLAB_WORKER"))
        qputenv("PROCLAB_WORKER", QFile::encodeName(TestSupport::workerProgram()));
}

void tst_FollowedWorker::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral("QProcess: Destroyed while process")));
}

std::unique_ptr<Worker> tst_FollowedWorker::startWorker(const QStringList &arguments,
                                                        const QStringList &environment)
{
    WorkerSpec spec;
    spec.arguments = arguments;
    spec.environment = environment;
    spec.followChildren = true;
    auto worker = std::make_unique<Worker>(m_nextId++, spec);
    worker->start(systemSearchPath());
    if (!worker->descendants())
        qFatal("the worker does not follow: proclab-worker was not found");
    return worker;
}

bool tst_FollowedWorker::waitForText(const Worker &worker, const QString &fragment)
{
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        const Scrollback &scrollback = worker.scrollback();
        for (qint64 line = scrollback.firstLine(); line < scrollback.endLine(); ++line) {
            if (scrollback.at(line).text.contains(fragment))
                return true;
        }
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return false;
}

void tst_FollowedWorker::keepsTheProgramsPidAndSeesItsChildren()
{
    WorkerSpec spec;
    spec.arguments = {QStringLiteral("sh"),
                      QStringLiteral("-c"),
                      QStringLiteral("(exit 3) & (exit 4) & wait; echo pid $$; exit 5")};
    spec.followChildren = true;
    Worker worker(1, spec);
    QVERIFY(worker.descendants());
    QSignalSpy started(&worker, &Worker::started);
    QSignalSpy changes(worker.descendants(), &DescendantTracker::descendantsChanged);
    worker.start(systemSearchPath());
    QVERIFY(worker.tracerPid() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(worker.state(), WorkerState::Finished, 10000);
    QCOMPARE(started.size(), 1);
    const qint64 pid = worker.pid();
    QCOMPARE(started.first().first().toLongLong(), pid);
    QVERIFY(pid != worker.tracerPid());
    QVERIFY(waitForText(worker, QStringLiteral("pid %1").arg(pid))); // the program's own $$
    QCOMPARE(worker.exitInfo().pythonExitCode().value_or(-1), 5);
    QCOMPARE(worker.events().first().pid, pid);

    const DescendantTracker *tree = worker.descendants();
    QCOMPARE(tree->root()->pid, pid);
    QCOMPARE(tree->root()->parentPid, worker.tracerPid());
    QList<int> codes;
    for (const quint64 id : tree->ids()) {
        const Descendant *entry = tree->descendant(id);
        if (entry->parentId == tree->root()->id)
            codes.append(entry->exitInfo.pythonExitCode().value_or(-1));
    }
    std::sort(codes.begin(), codes.end());
    QCOMPARE(codes, (QList<int>{3, 4}));
    QVERIFY(changes.size() >= 1 || changes.wait(1000));
}

void tst_FollowedWorker::terminateReadsMinus15()
{
    auto worker = startWorker({TestSupport::workerProgram(), "count", "--interval-ms", "50"});
    QVERIFY(waitForText(*worker, "Number 1 of"));
    const qint64 pid = worker->pid();
    QVERIFY(pid > 0);
    // The program leads its group, as unfollowed; the tracer is its parent, outside the group.
    QCOMPARE(::getpgid(pid_t(pid)), pid_t(pid));
    QCOMPARE(TestSupport::parentPid(pid), worker->tracerPid());
    QVERIFY(::getpgid(pid_t(worker->tracerPid())) != pid_t(pid));

    worker->terminate(seconds(5));
    QTRY_COMPARE_WITH_TIMEOUT(worker->state(), WorkerState::Finished, 5000);
    const ExitInfo &exit = worker->exitInfo();
    QCOMPARE(int(exit.reason), int(ExitInfo::Reason::TerminatedOnRequest));
    QCOMPARE(exit.pythonExitCode().value(), -15);
    QCOMPARE(stateText(worker->state(), exit), QStringLiteral("terminated"));
    QVERIFY(!exit.escalated);
    QCOMPARE(int(worker->descendants()->root()->exitInfo.reason),
             int(ExitInfo::Reason::TerminatedOnRequest));
    QVERIFY(!TestSupport::isAlive(pid));
    QTRY_VERIFY_WITH_TIMEOUT(!TestSupport::isAlive(worker->tracerPid()), 5000);
}

void tst_FollowedWorker::escalatesToKillWhenTermIsIgnored()
{
    auto worker = startWorker({TestSupport::workerProgram(), "ignore-term"});
    QVERIFY(waitForText(*worker, "ignoring SIGTERM"));
    worker->terminate(milliseconds(300));
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), 5000);
    const ExitInfo &exit = worker->exitInfo();
    QCOMPARE(int(exit.reason), int(ExitInfo::Reason::KilledOnRequest));
    QVERIFY(exit.escalated);
    QCOMPARE(exit.pythonExitCode().value(), -9);
    QCOMPARE(stateText(worker->state(), exit), QStringLiteral("killed"));
}

void tst_FollowedWorker::stopsTheWholeGroup()
{
    auto worker = startWorker(
            {TestSupport::workerProgram(), "spawn-children", "3", "--ignore-term"});
    QVERIFY(waitForText(*worker, "spawned 3 children"));
    QTRY_COMPARE_WITH_TIMEOUT(worker->descendants()->summary().alive, 4, 5000);
    QCOMPARE(TestSupport::liveGroupMembers(worker->pid()).size(), 4);
    QList<qint64> pids;
    for (const quint64 id : worker->descendants()->ids())
        pids.append(worker->descendants()->descendant(id)->pid);

    worker->terminate(milliseconds(300));
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(TestSupport::liveGroupMembers(worker->pid()).isEmpty(), 5000);
    for (const qint64 pid : std::as_const(pids))
        QVERIFY2(!TestSupport::isAlive(pid), qPrintable(QString::number(pid)));
    // The children that ignored SIGTERM died of the escalation's SIGKILL, on request.
    QTRY_COMPARE_WITH_TIMEOUT(worker->descendants()->summary().alive, 0, 5000);
    for (const quint64 id : worker->descendants()->ids()) {
        const Descendant *entry = worker->descendants()->descendant(id);
        if (entry->parentId != 0) {
            QCOMPARE(entry->exitInfo.pythonExitCode().value_or(0), -9);
            QVERIFY(entry->exitInfo.isSuccess());
        }
    }
}

void tst_FollowedWorker::pausesAndResumesTheTree()
{
    auto worker = startWorker({QStringLiteral("sh"),
                               QStringLiteral("-c"),
                               QStringLiteral("\"$0\" count --interval-ms 20 & exec \"$0\" count "
                                              "--interval-ms 20"),
                               TestSupport::workerProgram()});
    QVERIFY(waitForText(*worker, "Number 2 of"));
    QTRY_COMPARE_WITH_TIMEOUT(worker->descendants()->summary().alive, 2, 5000);
    worker->pause();
    QCOMPARE(worker->state(), WorkerState::Paused);
    const DescendantTracker *tree = worker->descendants();
    const auto allIn = [tree](DescendantState state) {
        for (const quint64 id : tree->ids()) {
            if (tree->descendant(id)->state != state)
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(allIn(DescendantState::Stopped), 5000);
    for (const quint64 id : tree->ids()) {
        const char state = TestSupport::processState(tree->descendant(id)->pid);
        QVERIFY2(state == 'T' || state == 't', qPrintable(QString(QLatin1Char(state))));
    }
    const qint64 lines = worker->lineCount(OutputChannel::StdOut);
    worker->resume();
    QTRY_VERIFY_WITH_TIMEOUT(allIn(DescendantState::Running), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(worker->lineCount(OutputChannel::StdOut) > lines + 4, 5000);
    worker->terminate(seconds(2));
    QTRY_COMPARE_WITH_TIMEOUT(worker->state(), WorkerState::Finished, 5000);
    QCOMPARE(worker->exitInfo().pythonExitCode().value_or(0), -15);
}

void tst_FollowedWorker::endsWhenTheProgramDoesThoughAChildLivesOn()
{
    // The program exits at once; its child would live 30 s. The worker ends with the program
    // (not with the tracer, which follows the child), and its leftovers are stopped as always.
    auto worker = startWorker({QStringLiteral("sh"),
                               QStringLiteral("-c"),
                               QStringLiteral("sleep 30 & echo child $!; exit 2")});
    QTRY_COMPARE_WITH_TIMEOUT(worker->state(), WorkerState::Finished, 10000);
    QCOMPARE(worker->exitInfo().pythonExitCode().value_or(-1), 2);
    const qint64 ranFor = worker->runningTimeMs();
    QVERIFY2(ranFor < 5000, qPrintable(QString::number(ranFor)));
    const DescendantTracker *tree = worker->descendants();
    QTRY_COMPARE_WITH_TIMEOUT(tree->summary().alive, 0, 5000);
    const Descendant *child = tree->descendant(tree->ids().value(1));
    QVERIFY(child);
    QVERIFY(child->orphan);
    QCOMPARE(child->name(), QStringLiteral("sleep"));
    QCOMPARE(child->exitInfo.pythonExitCode().value_or(0), -15); // the leftovers' SIGTERM
    QVERIFY(child->exitInfo.isSuccess());
    QTRY_VERIFY_WITH_TIMEOUT(!TestSupport::isAlive(worker->tracerPid()), 5000);
}

void tst_FollowedWorker::destroyingItLeavesNothingAlive()
{
    auto worker = startWorker({TestSupport::workerProgram(), "escape"});
    QVERIFY(waitForText(*worker, "escape its group"));
    QTRY_COMPARE_WITH_TIMEOUT(worker->descendants()->summary().alive, 2, 5000);
    QList<qint64> pids{worker->tracerPid()};
    for (const quint64 id : worker->descendants()->ids())
        pids.append(worker->descendants()->descendant(id)->pid);
    worker.reset();
    // Even the child that left the group (setsid): the tracer's death kills what it traced.
    for (const qint64 pid : std::as_const(pids)) {
        QTRY_VERIFY2_WITH_TIMEOUT(!TestSupport::isAlive(pid),
                                  qPrintable(QStringLiteral("%1 survived").arg(pid)),
                                  5000);
    }
}

void tst_FollowedWorker::fallsBackWhenPtraceIsRefused()
{
    auto worker = startWorker({QStringLiteral("sh"),
                               QStringLiteral("-c"),
                               QStringLiteral("(exit 3) & wait; echo pid $$; exit 4")},
                              {QStringLiteral("PROCLAB_TRACE_REFUSE=1")});
    QTRY_COMPARE_WITH_TIMEOUT(worker->state(), WorkerState::Finished, 10000);
    QVERIFY(worker->descendants()->isApproximate());
    QCOMPARE(worker->exitInfo().pythonExitCode().value_or(-1), 4);
    QVERIFY(waitForText(*worker, QStringLiteral("pid %1").arg(worker->pid())));
    QCOMPARE(worker->descendants()->root()->pid, worker->pid());
}

QTEST_GUILESS_MAIN(tst_FollowedWorker)

#include "tst_followedworker.moc"
