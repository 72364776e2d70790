#include "testsupport.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

// proclab --headless as a user runs it in a terminal: the tutorial's two outputs line for line, exit
// statuses, bad command lines, signals to the monitor, and a SIGKILLed monitor leaving no survivors.
class tst_Headless final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void spawnLessonPrintsTheTutorial();
    void countdownLessonPrintsTheTutorial();
    void runsCommandsWithExitStatus_data();
    void runsCommandsWithExitStatus();
    void rejectsBadCommandLines_data();
    void rejectsBadCommandLines();
    void sigtermStopsEveryWorker();
    void sigkillLeavesNoSurvivors();
    void saysWhenThereIsNoDisplay();

private:
    struct Run
    {
        int exitCode = -1;
        QStringList out;
        QStringList err;
    };
    static Run run(const QStringList &arguments, int timeoutMs = 30000);
    static QStringList lines(const QByteArray &bytes);
};

void tst_Headless::initTestCase()
{
    qunsetenv("PYTHONUNBUFFERED");
    // proclab finds its worker beside itself; the test must not lean on the variable.
    qunsetenv("PROCLAB_WORKER");
}

QStringList tst_Headless::lines(const QByteArray &bytes)
{
    QStringList result = QString::fromUtf8(bytes).split('\n');
    if (!result.isEmpty() && result.constLast().isEmpty())
        result.removeLast();
    return result;
}

tst_Headless::Run tst_Headless::run(const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.start(TestSupport::proclabProgram(), arguments);
    Run result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = lines(process.readAllStandardOutput());
    result.err = lines(process.readAllStandardError());
    return result;
}

void tst_Headless::spawnLessonPrintsTheTutorial()
{
    QProcess process;
    process.start(TestSupport::proclabProgram(), {"--headless", "--lang", "ko", "--spawn", "4"});
    QVERIFY(process.waitForStarted());
    const qint64 monitorPid = process.processId();
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    const QStringList out = lines(process.readAllStandardOutput());
    QCOMPARE(out.size(), 5);
    QCOMPARE(out.first(), QStringLiteral("Process %1 says: 메인 프로그램").arg(monitorPid));
    QSet<QString> subPrograms;
    static const QRegularExpression subLine(
            QStringLiteral("^Process (\\d+) says: (서브 프로그램 [0-3])$"));
    QSet<qint64> pids;
    for (const QString &line : out.mid(1)) {
        const QRegularExpressionMatch match = subLine.match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        pids.insert(match.captured(1).toLongLong());
        subPrograms.insert(match.captured(2));
    }
    QCOMPARE(subPrograms.size(), 4);
    QCOMPARE(pids.size(), 4);
    QVERIFY(!pids.contains(monitorPid));

    const Run english = run({"--headless", "--lang", "en", "--spawn", "2"});
    QCOMPARE(english.exitCode, 0);
    QVERIFY(english.out.first().endsWith(" says: main program"));
    QVERIFY(english.out.join('\n').contains(" says: sub program 1"));
}

void tst_Headless::countdownLessonPrintsTheTutorial()
{
    const Run result = run({"--headless", "--lang", "ko", "--countdown", "5"});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.size(), 7);
    QVERIFY(QRegularExpression(QStringLiteral("^Process \\d+ says: 메인 프로그램$"))
                    .match(result.out.at(0))
                    .hasMatch());
    const QRegularExpressionMatch loop = QRegularExpression(
                                                 QStringLiteral("^Process (\\d+) says: loop$"))
                                                 .match(result.out.at(1));
    QVERIFY2(loop.hasMatch(), qPrintable(result.out.at(1)));
    for (int n = 1; n <= 5; ++n)
        QCOMPARE(result.out.at(1 + n), QStringLiteral("\tNumber %1 of 100000.").arg(n));
    const QString expected = QStringLiteral(
                                     "proclab: terminated %1 after 5 s: exit code -15 (SIGTERM)")
                                     .arg(loop.captured(1));
    QVERIFY2(result.err.contains(expected), qPrintable(result.err.join('\n')));
}

void tst_Headless::runsCommandsWithExitStatus_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stdoutLine");
    QTest::addColumn<QString>("stderrFragment");

    QTest::newRow("plain run, no lesson line") << QStringList{"--run", "echo hello"} << 0 << "hello"
                                               << "exit code 0";
    QTest::newRow("non-zero exit") << QStringList{"--run", "sh -c 'exit 3'"} << 1 << ""
                                   << "exit code 3";
    QTest::newRow("missing program") << QStringList{"--run", "no-such-program-proclab"} << 1 << ""
                                     << "no such program in PATH";
    QTest::newRow("crash") << QStringList{"--run", QString(PROCLAB_WORKER_PATH) + " crash"} << 1
                           << "crashing"
                           << "exit code -11 (SIGSEGV)";
    QTest::newRow("stderr to stderr")
            << QStringList{"--run", QString(PROCLAB_WORKER_PATH) + " echo-stderr oops"} << 0
            << "out"
            << "oops";
    QTest::newRow("countdown on a run")
            << QStringList{"--run", "sleep 30", "--countdown", "1"} << 0 << ""
            << "exit code -15 (SIGTERM)";
    // As in the window: C programs' stdio flushes per line under stdbuf.
    QTest::newRow("under stdbuf") << QStringList{"--run", "sh -c 'echo \"$_STDBUF_O\"'"} << 0 << "L"
                                  << "exit code 0";
    QTest::newRow("injection stays literal")
            << QStringList{"--run", "echo a ; rm -rf /nonexistent $(id)"} << 0
            << "a ; rm -rf /nonexistent $(id)"
            << "";
}

void tst_Headless::runsCommandsWithExitStatus()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, stdoutLine);
    QFETCH(QString, stderrFragment);
    const Run result = run(QStringList{"--headless"} + arguments);
    QCOMPARE(result.exitCode, exitCode);
    if (stdoutLine.isEmpty())
        QVERIFY2(result.out.isEmpty(), qPrintable(result.out.join('\n')));
    else
        QCOMPARE(result.out, QStringList{stdoutLine});
    QVERIFY2(result.err.join('\n').contains(stderrFragment), qPrintable(result.err.join('\n')));
    for (const QString &line : result.err)
        QVERIFY2(line.startsWith("proclab: ") || line == "oops", qPrintable(line));
}

void tst_Headless::rejectsBadCommandLines_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("bad number") << QStringList{"--spawn", "x"};
    QTest::newRow("empty run") << QStringList{"--run", ""};
    QTest::newRow("unbalanced run") << QStringList{"--run", "echo \"a"};
    QTest::newRow("unknown flag") << QStringList{"--bogus"};
    QTest::newRow("nothing to do") << QStringList{};
}

void tst_Headless::rejectsBadCommandLines()
{
    QFETCH(QStringList, arguments);
    const Run result = run(QStringList{"--headless"} + arguments);
    QCOMPARE(result.exitCode, 2);
    QCOMPARE(result.err.size(), 1);
    QVERIFY(result.err.first().startsWith("proclab: "));
    QVERIFY(result.out.isEmpty());
}

void tst_Headless::sigtermStopsEveryWorker()
{
    QProcess process;
    process.start(TestSupport::proclabProgram(),
                  {"--headless",
                   "--grace",
                   "300",
                   "--run",
                   QString(PROCLAB_WORKER_PATH) + " ignore-term",
                   "--run",
                   QString(PROCLAB_WORKER_PATH) + " count --interval-ms 100"});
    QVERIFY(process.waitForStarted());
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += process.readAllStandardOutput()).contains("Number 1"), 10000);
    QVERIFY(out.contains("ignoring SIGTERM, pid "));
    const qint64 stubborn = QString::fromUtf8(out)
                                    .section("ignoring SIGTERM, pid ", 1)
                                    .section('\n', 0, 0)
                                    .toLongLong();
    QVERIFY(TestSupport::isAlive(stubborn));
    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 128 + SIGTERM);
    QVERIFY(!TestSupport::isAlive(stubborn));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(err.contains("received SIGTERM: stopping 2 workers"), qPrintable(err));
    QVERIFY2(err.contains("after 300 ms grace: killing (SIGKILL)"), qPrintable(err));
}

void tst_Headless::sigkillLeavesNoSurvivors()
{
    QProcess process;
    process.start(TestSupport::proclabProgram(),
                  {"--headless",
                   "--run",
                   QString(PROCLAB_WORKER_PATH) + " spawn-children 3 --ignore-term",
                   "--run",
                   "sh -c 'sleep 60 & sleep 60 & wait'"});
    QVERIFY(process.waitForStarted());
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += process.readAllStandardOutput()).contains("spawned 3 children"),
                             10000);
    // Everything below the monitor: workers, their children, the sleeps.
    QList<qint64> descendants;
    // The guardian, a worker and its 3 children, a shell and its 2 sleeps, and the two tracers that
    // follow the commands.
    const auto collectDescendants = [&] {
        descendants.clear();
        QList<qint64> frontier{process.processId()};
        while (!frontier.isEmpty()) {
            const QList<qint64> children = TestSupport::liveChildren(frontier.takeFirst());
            descendants += children;
            frontier += children;
        }
        return descendants.size();
    };
    QTRY_COMPARE_WITH_TIMEOUT(collectDescendants(), 10, 10000);

    ::kill(pid_t(process.processId()), SIGKILL);
    QVERIFY(process.waitForFinished(5000));
    for (const qint64 pid : std::as_const(descendants)) {
        QTRY_VERIFY2_WITH_TIMEOUT(!TestSupport::isAlive(pid),
                                  qPrintable(QStringLiteral("%1 survived its monitor").arg(pid)),
                                  5000);
    }
}

void tst_Headless::saysWhenThereIsNoDisplay()
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove("DISPLAY");
    environment.remove("WAYLAND_DISPLAY");
    environment.remove("QT_QPA_PLATFORM");
    process.setProcessEnvironment(environment);
    process.start(TestSupport::proclabProgram(), {"--spawn", "1"});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 1);
    const QStringList err = lines(process.readAllStandardError());
    QCOMPARE(err.size(), 1);
    QVERIFY2(err.first().contains("--headless"), qPrintable(err.first()));
}

QTEST_GUILESS_MAIN(tst_Headless)
#include "tst_headless.moc"
