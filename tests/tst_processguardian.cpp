#include "processguardian.h"
#include "testsupport.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <chrono>
#include <csignal>
#include <memory>
#include <sys/prctl.h>
#include <thread>
#include <unistd.h>

using namespace ProcLab;

// The guardian's teardown: destroying a ProcessGuardian never waits for the guardian process, and
// the guardian is still reaped, so that neither the window freezes nor a zombie is left.
class tst_ProcessGuardian final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void destroyingDoesNotWaitForASlowGuardian();
    void destroyingDoesNotWaitForAStoppedGuardian();
    void proclabReapsItsGuardianBeforeItExits();
};

namespace {

bool isGuardian(qint64 pid)
{
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    return cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().split('\0').contains("guardian");
}

} // namespace

void tst_ProcessGuardian::initTestCase()
{
    // Orphans of the proclab started below come to this process, not to a PID 1 that may never
    // reap them: a guardian it left behind, running or a zombie, becomes visible here.
    QVERIFY(::prctl(PR_SET_CHILD_SUBREAPER, 1) == 0);
}

void tst_ProcessGuardian::destroyingDoesNotWaitForASlowGuardian()
{
    // A guardian with a group on its list that ignores SIGTERM needs its whole grace period, 4 s,
    // after the end-of-file before it may kill the group and exit.
    auto guardian = std::make_unique<ProcessGuardian>();
    QString error;
    QVERIFY2(guardian->start(TestSupport::workerProgram(), 4000, &error), qPrintable(error));
    const qint64 guardianPid = guardian->pid();

    QProcess stubborn;
    stubborn.setChildProcessModifier([] { ::setpgid(0, 0); });
    stubborn.start(TestSupport::workerProgram(), {"ignore-term"});
    QVERIFY(stubborn.waitForReadyRead(10000)); // it printed its PID: SIGTERM is ignored from here
    guardian->watch(stubborn.processId());

    guardian.reset();
    QVERIFY2(TestSupport::isAlive(guardianPid),
             "the destructor waited until the guardian had finished its grace period");

    // The guardian still does its work, then is reaped: gone from /proc, not a zombie.
    QSignalSpy finished(&stubborn, &QProcess::finished);
    QVERIFY2(finished.wait(15000), "the guardian did not kill the group it was watching");
    QCOMPARE(stubborn.exitStatus(), QProcess::CrashExit);
    QCOMPARE(stubborn.exitCode(), SIGKILL);
    QTRY_VERIFY2_WITH_TIMEOUT(TestSupport::processState(guardianPid) == 0,
                              "the guardian was not reaped",
                              15000);
    QCOMPARE(TestSupport::zombieChildCount(), 0);
}

void tst_ProcessGuardian::destroyingDoesNotWaitForAStoppedGuardian()
{
    auto guardian = std::make_unique<ProcessGuardian>();
    QString error;
    QVERIFY2(guardian->start(TestSupport::workerProgram(), 300, &error), qPrintable(error));
    const pid_t guardianPid = pid_t(guardian->pid());
    QVERIFY(::kill(guardianPid, SIGSTOP) == 0);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::processState(guardianPid), 'T', 5000);

    // Were the destructor to wait, a stopped guardian would hold it for ever: a watchdog wakes the
    // guardian after 5 s and says so, so that the test fails instead of hanging.
    std::atomic<bool> returned{false};
    std::atomic<bool> rescued{false};
    std::thread watchdog([&] {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (!returned && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        if (!returned) {
            rescued = true;
            ::kill(guardianPid, SIGCONT);
        }
    });
    guardian.reset();
    returned = true;
    watchdog.join();
    QVERIFY2(!rescued, "the destructor waited for a stopped guardian");

    QTRY_VERIFY2_WITH_TIMEOUT(TestSupport::processState(guardianPid) == 0,
                              "the stopped guardian was not reaped",
                              10000);
    QCOMPARE(TestSupport::zombieChildCount(), 0);
}

void tst_ProcessGuardian::proclabReapsItsGuardianBeforeItExits()
{
    QProcess proclab;
    proclab.setProcessChannelMode(QProcess::MergedChannels);
    proclab.start(TestSupport::proclabProgram(), {"--headless", "--lang", "en", "--spawn", "2"});
    QSignalSpy finished(&proclab, &QProcess::finished);
    QVERIFY(finished.wait(30000));
    QVERIFY2(proclab.exitStatus() == QProcess::NormalExit && proclab.exitCode() == 0,
             proclab.readAll().constData());
    // ProcLab is reaped; a guardian it had not reaped would now be ours, alive or a zombie.
    for (const qint64 child : TestSupport::liveChildren(::getpid()))
        QVERIFY2(!isGuardian(child), "proclab left its guardian running");
    QVERIFY2(TestSupport::zombieChildCount() == 0, "proclab left its guardian a zombie");
}

QTEST_GUILESS_MAIN(tst_ProcessGuardian)
#include "tst_processguardian.moc"
