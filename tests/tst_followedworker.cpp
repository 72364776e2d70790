#include "descendanttracker.h"
#include "processgroup.h"
#include "programlocator.h"
#include "testsupport.h"
#include "worker.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <memory>
#include <unistd.h>

using namespace ProcLab;
using namespace std::chrono;

namespace {

// Signals sent to the process and not yet delivered (blocked): SigPnd and ShdPnd of /proc.
quint64 pendingSignals(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return ~quint64(0);
    quint64 pending = 0;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith("SigPnd:") || line.startsWith("ShdPnd:"))
            pending |= line.mid(7).trimmed().toULongLong(nullptr, 16);
    }
    return pending;
}

} // namespace

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
    void terminatesOneChildAlone();
    void terminatingTheProgramAloneLeavesOrphans();
    void stoppingTheTreeStopsProcessesOutsideTheGroup();
    void refusesAProcessOutsideTheTree();
    void destroyingItLeavesNothingAlive();
    void fallsBackWhenPtraceIsRefused();

private:
    std::unique_ptr<Worker> startWorker(const QStringList &arguments,
                                        const QStringList &environment = {});
    static bool waitForText(const Worker &worker, const QString &fragment);
    // The program's children once each has exec'd `name`; empty if they did not in time.
    static QList<qint64> waitForChildren(const Worker &worker, const QString &name, int count);

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

QList<qint64> tst_FollowedWorker::waitForChildren(const Worker &worker,
                                                  const QString &name,
                                                  int count)
{
    const DescendantTracker *tree = worker.descendants();
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        QList<qint64> pids;
        for (const quint64 id : tree->ids()) {
            const Descendant *entry = tree->descendant(id);
            if (entry->parentId != 0 && entry->isAlive() && entry->name() == name
                && TestSupport::isAlive(entry->pid))
                pids.append(entry->pid);
        }
        if (pids.size() == count)
            return pids;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return {};
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
    // (not with the tracer, which follows the child), and the child is kept: an orphan, shown,
    // running until it is stopped.
    auto worker = startWorker({QStringLiteral("sh"),
                               QStringLiteral("-c"),
                               QStringLiteral("sleep 30 & echo child $!; exit 2")});
    QSignalSpy orphansEnded(worker.get(), &Worker::orphansEnded);
    QTRY_COMPARE_WITH_TIMEOUT(worker->state(), WorkerState::Finished, 10000);
    QCOMPARE(worker->exitInfo().pythonExitCode().value_or(-1), 2);
    const qint64 ranFor = worker->runningTimeMs();
    QVERIFY2(ranFor < 5000, qPrintable(QString::number(ranFor)));
    const DescendantTracker *tree = worker->descendants();
    QVERIFY(worker->hasOrphans());
    QTRY_COMPARE_WITH_TIMEOUT(worker->orphanCount(), 1, 5000);
    const Descendant *child = tree->descendant(tree->ids().value(1));
    QVERIFY(child);
    // (Without the English translation loaded, the plural form reads "orphan(s)".)
    QVERIFY2(stateText(*worker).startsWith(QStringLiteral("finished · 1 orphan")),
             qPrintable(stateText(*worker)));
    QVERIFY(child->orphan);
    QVERIFY(TestSupport::isAlive(child->pid));
    QVERIFY(TestSupport::isAlive(worker->tracerPid()));
    QTRY_COMPARE_WITH_TIMEOUT(child->name(), QStringLiteral("sleep"), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(child->reparentedTo > 0, 5000);
    QCOMPARE(child->reparentedTo, TestSupport::parentPid(child->pid));
    QVERIFY(child->reparentedTo != worker->pid());
    QCOMPARE(orphansEnded.size(), 0);

    // Stop whole tree: the orphan ends with -15, on request, and the tracer with it.
    const qint64 childPid = child->pid;
    worker->terminate(seconds(5));
    QVERIFY(orphansEnded.wait(5000));
    QVERIFY(!worker->hasOrphans());
    QVERIFY(!TestSupport::isAlive(childPid));
    QCOMPARE(child->exitInfo.pythonExitCode().value_or(0), -15);
    QVERIFY(child->exitInfo.isSuccess());
    QCOMPARE(worker->exitInfo().pythonExitCode().value_or(-1), 2); // the program's own, still
    QTRY_VERIFY_WITH_TIMEOUT(!TestSupport::isAlive(worker->tracerPid()), 5000);
}

void tst_FollowedWorker::terminatesOneChildAlone()
{
    auto worker = startWorker({QStringLiteral("sh"),
                               QStringLiteral("-c"),
                               QStringLiteral("sleep 30 & sleep 30 & wait")});
    const QList<qint64> children = waitForChildren(*worker, QStringLiteral("sleep"), 2);
    QCOMPARE(children.size(), 2);
    const qint64 target = children.first();
    const qint64 sibling = children.last();

    QString whyNot;
    QVERIFY2(worker->signalProcess(target, SIGTERM, &whyNot), qPrintable(whyNot));
    const Descendant *entry = worker->descendants()->findUnreaped(target);
    QVERIFY(entry);
    QTRY_VERIFY_WITH_TIMEOUT(!entry->isAlive(), 5000);
    QCOMPARE(entry->exitInfo.pythonExitCode().value_or(0), -15);
    QCOMPARE(int(entry->exitInfo.reason), int(ExitInfo::Reason::TerminatedOnRequest));
    QTRY_VERIFY_WITH_TIMEOUT(!TestSupport::isAlive(target), 5000);
    // That process alone: its sibling and the program run on.
    QVERIFY(TestSupport::isAlive(sibling));
    QVERIFY(TestSupport::isAlive(worker->pid()));
    QCOMPARE(worker->state(), WorkerState::Running);
    const WorkerEvent &sent = worker->events().constLast();
    QCOMPARE(int(sent.kind), int(WorkerEvent::Kind::ProcessSignalSent));
    QCOMPARE(sent.pid, target);
    QCOMPARE(sent.signalNumber, SIGTERM);

    worker->terminate(seconds(5));
    QTRY_VERIFY_WITH_TIMEOUT(!worker->hasLiveProcesses(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!TestSupport::isAlive(sibling), 5000);
}

void tst_FollowedWorker::terminatingTheProgramAloneLeavesOrphans()
{
    // Python's Process.terminate(): SIGTERM to the program alone. Its children live on.
    auto worker = startWorker({QStringLiteral("sh"),
                               QStringLiteral("-c"),
                               QStringLiteral("sleep 30 & sleep 30 & wait")});
    const QList<qint64> children = waitForChildren(*worker, QStringLiteral("sleep"), 2);
    QCOMPARE(children.size(), 2);
    const qint64 pid = worker->pid();
    QSignalSpy finished(worker.get(), &Worker::finished);
    QSignalSpy orphansEnded(worker.get(), &Worker::orphansEnded);

    QString whyNot;
    QVERIFY2(worker->signalProcess(pid, SIGTERM, &whyNot), qPrintable(whyNot));
    QVERIFY(finished.wait(5000));
    QCOMPARE(worker->state(), WorkerState::Finished);
    QCOMPARE(int(worker->exitInfo().reason), int(ExitInfo::Reason::TerminatedOnRequest));
    QCOMPARE(worker->exitInfo().pythonExitCode().value_or(0), -15);
    QVERIFY(!TestSupport::isAlive(pid));

    QVERIFY(worker->hasOrphans());
    QCOMPARE(worker->orphanCount(), 2);
    for (const qint64 child : children) {
        QVERIFY2(TestSupport::isAlive(child), qPrintable(QString::number(child)));
        const Descendant *entry = worker->descendants()->findUnreaped(child);
        QVERIFY(entry && entry->isAlive() && entry->orphan);
        QTRY_VERIFY_WITH_TIMEOUT(entry->reparentedTo > 0, 5000);
        QCOMPARE(entry->reparentedTo, TestSupport::parentPid(child));
        QVERIFY(entry->reparentedTo != pid);
    }
    QCOMPARE(orphansEnded.size(), 0);
    // Shown as orphans, with the program's end as it was.
    QVERIFY2(stateText(*worker).startsWith(QStringLiteral("terminated · 2 orphan")),
             qPrintable(stateText(*worker)));

    // One orphan alone, then the rest as a tree.
    QVERIFY2(worker->signalProcess(children.first(), SIGKILL, &whyNot), qPrintable(whyNot));
    QTRY_VERIFY_WITH_TIMEOUT(!TestSupport::isAlive(children.first()), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(worker->orphanCount(), 1, 5000);
    QVERIFY(worker->hasOrphans());
    worker->kill();
    QVERIFY(orphansEnded.wait(5000));
    QVERIFY(!TestSupport::isAlive(children.last()));
    QVERIFY(!worker->hasLiveProcesses());
    QCOMPARE(worker->orphanCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!TestSupport::isAlive(worker->tracerPid()), 5000);
}

void tst_FollowedWorker::stoppingTheTreeStopsProcessesOutsideTheGroup()
{
    // A child that left the group (setsid) is still part of the tree: the whole tree's stop
    // reaches it too, one PID at a time, while the worker lives (not only when it is destroyed).
    auto worker = startWorker({TestSupport::workerProgram(), "escape"});
    QVERIFY(waitForText(*worker, "escape its group"));
    QTRY_COMPARE_WITH_TIMEOUT(worker->descendants()->summary().alive, 2, 5000);
    QList<qint64> pids;
    for (const quint64 id : worker->descendants()->ids())
        pids.append(worker->descendants()->descendant(id)->pid);
    worker->terminate(milliseconds(300));
    for (const qint64 pid : std::as_const(pids)) {
        QTRY_VERIFY2_WITH_TIMEOUT(!TestSupport::isAlive(pid),
                                  qPrintable(QStringLiteral("%1 survived").arg(pid)),
                                  5000);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!worker->hasLiveProcesses(), 5000);
}

void tst_FollowedWorker::refusesAProcessOutsideTheTree()
{
    auto worker = startWorker({TestSupport::workerProgram(), "sleep", "600000"});
    QTRY_COMPARE_WITH_TIMEOUT(worker->state(), WorkerState::Running, 5000);
    // A live process of the system that is not of this tree: the test's own child. It blocks
    // SIGTERM, so that one sent to it would wait, pending, where /proc shows it.
    QProcess stranger;
    stranger.setChildProcessModifier([] {
        sigset_t term;
        sigemptyset(&term);
        sigaddset(&term, SIGTERM);
        sigprocmask(SIG_BLOCK, &term, nullptr);
    });
    stranger.start(QStringLiteral("sleep"), {QStringLiteral("600")});
    QVERIFY(stranger.waitForStarted());
    const qint64 strangerPid = stranger.processId();
    const int events = int(worker->events().size());

    QString whyNot;
    QVERIFY(!worker->signalProcess(strangerPid, SIGTERM, &whyNot));
    QVERIFY2(whyNot.contains(QString::number(strangerPid)), qPrintable(whyNot));
    QVERIFY2(whyNot.contains(QStringLiteral("not a running process")), qPrintable(whyNot));
    QVERIFY(!worker->signalProcess(0, SIGTERM, &whyNot));
    QVERIFY(!worker->signalProcess(1, SIGTERM, &whyNot));
    QCOMPARE(worker->events().size(), events);
    QVERIFY(TestSupport::isAlive(strangerPid));
    QCOMPARE(pendingSignals(strangerPid), quint64(0));
    // The control: what a SIGTERM sent to it looks like.
    ::kill(pid_t(strangerPid), SIGTERM);
    QCOMPARE(pendingSignals(strangerPid), quint64(1) << (SIGTERM - 1));
    stranger.kill();
    stranger.waitForFinished();
    worker->kill();
    QTRY_VERIFY_WITH_TIMEOUT(!worker->hasLiveProcesses(), 5000);
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
