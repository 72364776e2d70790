#include "exitinfo.h"

#include <QTest>

#include <csignal>

using namespace ProcLab;

// The three readings of one death: ours, Python's multiprocessing and the shell's.
class tst_ExitInfo final : public QObject
{
    Q_OBJECT

private slots:
    void readings_data();
    void readings();
    void signalNames();
};

void tst_ExitInfo::readings_data()
{
    QTest::addColumn<int>("reason");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<bool>("stopRequested");
    QTest::addColumn<int>("python");
    QTest::addColumn<int>("shell");
    QTest::addColumn<QString>("shortText");
    QTest::addColumn<bool>("success");

    using R = ExitInfo::Reason;
    QTest::newRow("exit 0") << int(R::Exited) << 0 << 0 << false << 0 << 0 << "0" << true;
    QTest::newRow("exit 3") << int(R::Exited) << 3 << 0 << false << 3 << 3 << "3" << false;
    QTest::newRow("exit 3 after stop") << int(R::Exited) << 3 << 0 << true << 3 << 3 << "3" << true;
    QTest::newRow("terminated") << int(R::TerminatedOnRequest) << 0 << SIGTERM << true << -15 << 143
                                << "-15 · SIGTERM" << true;
    QTest::newRow("killed") << int(R::KilledOnRequest) << 0 << SIGKILL << true << -9 << 137
                            << "-9 · SIGKILL" << true;
    QTest::newRow("crashed") << int(R::KilledBySignal) << 0 << SIGSEGV << false << -11 << 139
                             << "-11 · SIGSEGV" << false;
}

void tst_ExitInfo::readings()
{
    QFETCH(int, reason);
    QFETCH(int, exitCode);
    QFETCH(int, signalNumber);
    QFETCH(bool, stopRequested);
    QFETCH(int, python);
    QFETCH(int, shell);
    QFETCH(QString, shortText);
    QFETCH(bool, success);

    ExitInfo info;
    info.reason = ExitInfo::Reason(reason);
    info.exitCode = exitCode;
    info.signalNumber = signalNumber;
    info.stopRequested = stopRequested;
    QCOMPARE(info.pythonExitCode().value(), python);
    QCOMPARE(info.shellExitCode().value(), shell);
    QCOMPARE(info.shortText(), shortText);
    QCOMPARE(info.isSuccess(), success);
}

void tst_ExitInfo::signalNames()
{
    QCOMPARE(signalName(SIGTERM), QStringLiteral("SIGTERM"));
    QCOMPARE(signalName(SIGKILL), QStringLiteral("SIGKILL"));
    QCOMPARE(signalName(63), QStringLiteral("signal 63"));
    QVERIFY(signalDescription(SIGTERM).contains("cleaned up"));
    ExitInfo failed;
    failed.reason = ExitInfo::Reason::FailedToStart;
    QVERIFY(!failed.pythonExitCode().has_value());
    QVERIFY(!failed.isSuccess());
}

QTEST_GUILESS_MAIN(tst_ExitInfo)
#include "tst_exitinfo.moc"
