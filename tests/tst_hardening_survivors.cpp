#include "testsupport.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

// No survivors: whatever ends the monitor, its workers and everything they forked end with it.
// tst_headless covers SIGTERM and SIGKILL to a headless monitor and tst_worker a stop on request;
// these cover the rest: SIGINT and SIGHUP, an aborting monitor, a paused worker and a real Python
// multiprocessing program under a SIGKILLed monitor, and the one documented exception, a process
// that leaves its group with setsid().
class tst_HardeningSurvivors final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void signalStopsEveryWorker_data();
    void signalStopsEveryWorker();
    void abortingMonitorLeavesNoSurvivors();
    void pausedWorkersDieWithAKilledMonitor();
    void pythonMultiprocessingDiesWithAKilledMonitor();
    void escapedProcessSurvivesAsDocumented();
    void escapedProcessIsCaughtWhenFollowed();

private:
    // Starts proclab --headless with arguments; no core file if it aborts.
    static bool startMonitor(QProcess &monitor, const QStringList &arguments);
    // Every live process below pid, remembered so that cleanup() can kill leftovers of a failure.
    QList<qint64> descendants(qint64 pid);
    static qint64 numberAfter(const QByteArray &text, const QString &pattern);

    QList<qint64> m_seen;
};

namespace {

bool isGuardian(qint64 pid)
{
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    return cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().split('\0').contains("guardian");
}

bool waitForText(QProcess &process, QByteArray &buffer, const QByteArray &fragment)
{
    QDeadlineTimer deadline(15000);
    while (!deadline.hasExpired()) {
        buffer += process.readAllStandardOutput();
        if (buffer.contains(fragment))
            return true;
        process.waitForReadyRead(100);
    }
    return false;
}

} // namespace

void tst_HardeningSurvivors::initTestCase()
{
    qunsetenv("PYTHONUNBUFFERED");
    qunsetenv("PROCLAB_WORKER");
}

void tst_HardeningSurvivors::cleanup()
{
    // A failed test must not leave its processes to the next one.
    for (const qint64 pid : std::as_const(m_seen)) {
        if (TestSupport::isAlive(pid))
            ::kill(pid_t(pid), SIGKILL);
    }
    m_seen.clear();
}

bool tst_HardeningSurvivors::startMonitor(QProcess &monitor, const QStringList &arguments)
{
    monitor.setChildProcessModifier([] {
        const rlimit noCore = {0, 0};
        ::setrlimit(RLIMIT_CORE, &noCore);
    });
    monitor.start(TestSupport::proclabProgram(), QStringList{"--headless"} + arguments);
    return monitor.waitForStarted();
}

QList<qint64> tst_HardeningSurvivors::descendants(qint64 pid)
{
    QList<qint64> result;
    QList<qint64> frontier{pid};
    while (!frontier.isEmpty()) {
        const QList<qint64> children = TestSupport::liveChildren(frontier.takeFirst());
        result += children;
        frontier += children;
    }
    for (const qint64 descendant : std::as_const(result)) {
        if (!m_seen.contains(descendant))
            m_seen.append(descendant);
    }
    return result;
}

qint64 tst_HardeningSurvivors::numberAfter(const QByteArray &text, const QString &pattern)
{
    const QRegularExpressionMatch match = QRegularExpression(pattern).match(QString::fromUtf8(text));
    return match.hasMatch() ? match.captured(1).toLongLong() : 0;
}

void tst_HardeningSurvivors::signalStopsEveryWorker_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<QString>("signalName");
    QTest::newRow("SIGINT (Ctrl+C)") << int(SIGINT) << "SIGINT";
    QTest::newRow("SIGHUP (terminal closed)") << int(SIGHUP) << "SIGHUP";
}

void tst_HardeningSurvivors::signalStopsEveryWorker()
{
    QFETCH(int, signalNumber);
    QFETCH(QString, signalName);
    QProcess monitor;
    const QStringList arguments{"--grace",
                                "300",
                                "--run",
                                TestSupport::workerProgram() + " spawn-children 2 --ignore-term",
                                "--run",
                                TestSupport::workerProgram() + " count --interval-ms 100"};
    QVERIFY(startMonitor(monitor, arguments));
    QByteArray out;
    QVERIFY2(waitForText(monitor, out, "spawned 2 children"), out.constData());
    QVERIFY2(waitForText(monitor, out, "Number 1 of"), out.constData());
    QList<qint64> below;
    // The guardian, the spawner and its two children, the counter, and the two tracers that follow
    // the commands.
    QTRY_COMPARE_WITH_TIMEOUT((below = descendants(monitor.processId())).size(), 7, 10000);

    QCOMPARE(::kill(pid_t(monitor.processId()), signalNumber), 0);
    QVERIFY(monitor.waitForFinished(10000));
    QCOMPARE(monitor.exitStatus(), QProcess::NormalExit);
    QCOMPARE(monitor.exitCode(), 128 + signalNumber);
    const QString err = QString::fromUtf8(monitor.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("received %1: stopping 2 workers").arg(signalName)),
             qPrintable(err));
    // The children ignore SIGTERM: they end by the SIGKILL after the grace period.
    for (const qint64 pid : std::as_const(below)) {
        QTRY_VERIFY2_WITH_TIMEOUT(!TestSupport::isAlive(pid),
                                  qPrintable(QStringLiteral("%1 outlived its monitor").arg(pid)),
                                  5000);
    }
}

void tst_HardeningSurvivors::abortingMonitorLeavesNoSurvivors()
{
    // SIGABRT is what abort(), a failed assertion or qFatal() raise: no handler of ours runs, as
    // with SIGKILL, but by another path (a core dump, were it allowed).
    QProcess monitor;
    const QStringList arguments{"--run",
                                TestSupport::workerProgram() + " spawn-children 3 --ignore-term",
                                "--run",
                                "sh -c 'sleep 60 & sleep 60 & wait'"};
    QVERIFY(startMonitor(monitor, arguments));
    QByteArray out;
    QVERIFY2(waitForText(monitor, out, "spawned 3 children"), out.constData());
    QList<qint64> below;
    // The guardian, a worker and its 3 children, a shell and its 2 sleeps, and the two tracers that
    // follow the commands.
    QTRY_COMPARE_WITH_TIMEOUT((below = descendants(monitor.processId())).size(), 10, 10000);

    QCOMPARE(::kill(pid_t(monitor.processId()), SIGABRT), 0);
    QVERIFY(monitor.waitForFinished(5000));
    QCOMPARE(monitor.exitStatus(), QProcess::CrashExit);
    QCOMPARE(monitor.exitCode(), int(SIGABRT));
    for (const qint64 pid : std::as_const(below)) {
        QTRY_VERIFY2_WITH_TIMEOUT(!TestSupport::isAlive(pid),
                                  qPrintable(QStringLiteral("%1 survived the abort").arg(pid)),
                                  5000);
    }
}

void tst_HardeningSurvivors::pausedWorkersDieWithAKilledMonitor()
{
    QProcess monitor;
    const QStringList arguments{"--run",
                                TestSupport::workerProgram() + " spawn-children 2 --ignore-term",
                                "--run",
                                TestSupport::workerProgram() + " count --interval-ms 100"};
    QVERIFY(startMonitor(monitor, arguments));
    QByteArray out;
    QVERIFY2(waitForText(monitor, out, "spawned 2 children"), out.constData());
    QVERIFY2(waitForText(monitor, out, "Number 1 of"), out.constData());
    const qint64 spawner = numberAfter(out, QStringLiteral("parent (\\d+) spawned"));
    QList<qint64> below;
    // The guardian, the two tracers, the spawner and its two children, the counter.
    QTRY_COMPARE_WITH_TIMEOUT((below = descendants(monitor.processId())).size(), 7, 10000);

    // Pause both worker groups, as Ctrl+Z in a terminal pauses a whole group.
    // Each command runs under its tracer, outside the command's group: the leaders are the
    // tracers' children.
    QList<qint64> tracers;
    for (const qint64 pid : TestSupport::liveChildren(monitor.processId())) {
        if (!isGuardian(pid))
            tracers.append(pid);
    }
    QCOMPARE(tracers.size(), 2);
    QList<qint64> leaders;
    for (const qint64 tracer : std::as_const(tracers))
        leaders += TestSupport::liveChildren(tracer);
    QCOMPARE(leaders.size(), 2);
    QVERIFY(leaders.contains(spawner));
    for (const qint64 leader : std::as_const(leaders))
        QCOMPARE(::kill(-pid_t(leader), SIGSTOP), 0);
    for (const qint64 pid : std::as_const(below)) {
        if (isGuardian(pid) || tracers.contains(pid))
            continue;
        // 'T', or 't' where the tracer holds the group-stop (PTRACE_LISTEN).
        QTRY_VERIFY_WITH_TIMEOUT(QChar(TestSupport::processState(pid)).toUpper() == u'T', 5000);
    }

    ::kill(pid_t(monitor.processId()), SIGKILL);
    QVERIFY(monitor.waitForFinished(5000));
    for (const qint64 pid : std::as_const(below)) {
        QTRY_VERIFY2_WITH_TIMEOUT(!TestSupport::isAlive(pid),
                                  qPrintable(QStringLiteral("paused %1 survived").arg(pid)),
                                  5000);
    }
}

void tst_HardeningSurvivors::pythonMultiprocessingDiesWithAKilledMonitor()
{
    // The tutorial's example 2, with its five seconds made an hour so that it is still running
    // when the monitor dies: a Python parent asleep and a multiprocessing child counting.
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString script = directory.filePath("study.py");
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("import multiprocessing\nimport os\nimport time\n\n"
               "def sub_func(thing):\n    main_func(thing)\n    start_num = 1\n    stop = 100000\n"
               "    for num in range(start_num, stop):\n"
               "        print(\"\\tNumber {} of {}.\".format(num, stop))\n        time.sleep(1)\n\n"
               "def main_func(thing):\n    print(\"Process {} says: {}\".format(os.getpid(), "
               "thing))\n\n"
               "if __name__ == '__main__':\n    main_func(\"메인 프로그램\")\n"
               "    p = multiprocessing.Process(target=sub_func, args=(\"loop\",))\n    p.start()\n"
               "    time.sleep(3600)\n    p.terminate()\n");
    file.close();

    QProcess monitor;
    QVERIFY(startMonitor(monitor, {"--run", "python3 " + script}));
    QByteArray out;
    QVERIFY2(waitForText(monitor, out, "Number 1 of 100000."), out.constData());
    const qint64 parent = numberAfter(out, QStringLiteral("Process (\\d+) says: 메인 프로그램"));
    const qint64 child = numberAfter(out, QStringLiteral("Process (\\d+) says: loop"));
    QVERIFY(parent > 0 && child > 0);
    const QList<qint64> below = descendants(monitor.processId());
    QVERIFY2(below.contains(parent) && below.contains(child), "both Pythons run below the monitor");
    QVERIFY(TestSupport::isAlive(parent) && TestSupport::isAlive(child));

    ::kill(pid_t(monitor.processId()), SIGKILL);
    QVERIFY(monitor.waitForFinished(5000));
    QTRY_VERIFY2_WITH_TIMEOUT(!TestSupport::isAlive(parent), "the Python parent survived", 5000);
    QTRY_VERIFY2_WITH_TIMEOUT(!TestSupport::isAlive(child),
                              "the multiprocessing child survived",
                              5000);
    for (const qint64 pid : std::as_const(below))
        QTRY_VERIFY_WITH_TIMEOUT(!TestSupport::isAlive(pid), 5000);
}

void tst_HardeningSurvivors::escapedProcessSurvivesAsDocumented()
{
    // The README's exception, unfollowed: setsid() leaves the worker's group, and nothing follows
    // it there.
    QProcess monitor;
    QVERIFY(startMonitor(monitor,
                         {"--no-follow", "--run", TestSupport::workerProgram() + " escape"}));
    QByteArray out;
    QVERIFY2(waitForText(monitor, out, "escape its group"), out.constData());
    const qint64 escaped = numberAfter(out, QStringLiteral("escaped (\\d+)"));
    const qint64 worker = numberAfter(out, QStringLiteral("parent (\\d+) let child"));
    QVERIFY(escaped > 0 && worker > 0);
    m_seen.append(escaped);
    const auto killEscaped = qScopeGuard([escaped] { ::kill(pid_t(escaped), SIGKILL); });
    QList<qint64> below;
    // The guardian, the worker and the escaped child.
    QTRY_COMPARE_WITH_TIMEOUT((below = descendants(monitor.processId())).size(), 3, 10000);

    ::kill(pid_t(monitor.processId()), SIGKILL);
    QVERIFY(monitor.waitForFinished(5000));
    // Everything in the group ends, the guardian included once it has done its work...
    for (const qint64 pid : std::as_const(below)) {
        if (pid != escaped)
            QTRY_VERIFY_WITH_TIMEOUT(!TestSupport::isAlive(pid), 5000);
    }
    // ...and the escaped process is still there, as documented. We end it ourselves.
    QVERIFY2(TestSupport::isAlive(escaped), "setsid() took it out of reach: it must still run");
    QCOMPARE(::kill(pid_t(escaped), SIGKILL), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!TestSupport::isAlive(escaped), 5000);
}

void tst_HardeningSurvivors::escapedProcessIsCaughtWhenFollowed()
{
    // Followed, the same escape is still traced: the tracer dies with the monitor and the kernel
    // kills everything it traced (PTRACE_O_EXITKILL), setsid() or not.
    QProcess monitor;
    QVERIFY(startMonitor(monitor, {"--run", TestSupport::workerProgram() + " escape"}));
    QByteArray out;
    QVERIFY2(waitForText(monitor, out, "escape its group"), out.constData());
    const qint64 escaped = numberAfter(out, QStringLiteral("escaped (\\d+)"));
    QVERIFY(escaped > 0);
    m_seen.append(escaped);
    const auto killEscaped = qScopeGuard([escaped] { ::kill(pid_t(escaped), SIGKILL); });
    QList<qint64> below;
    // The guardian, the tracer, the worker and the escaped child.
    QTRY_COMPARE_WITH_TIMEOUT((below = descendants(monitor.processId())).size(), 4, 10000);
    QVERIFY(below.contains(escaped));

    ::kill(pid_t(monitor.processId()), SIGKILL);
    QVERIFY(monitor.waitForFinished(5000));
    for (const qint64 pid : std::as_const(below)) {
        QTRY_VERIFY2_WITH_TIMEOUT(!TestSupport::isAlive(pid),
                                  qPrintable(QStringLiteral("%1 outlived its monitor").arg(pid)),
                                  5000);
    }
}

QTEST_GUILESS_MAIN(tst_HardeningSurvivors)
#include "tst_hardening_survivors.moc"
