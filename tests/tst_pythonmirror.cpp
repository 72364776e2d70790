#include "lessons.h"
#include "pythonmirror.h"
#include "session.h"
#include "testsupport.h"
#include "worker.h"
#include "workerpool.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <sys/types.h>
#include <unistd.h>

using namespace ProcLab;
using namespace std::chrono;

namespace {

constexpr int Timeout = 20000;

// What a script did under python3.
struct ScriptRun
{
    bool finished = false; // false: it hung, and was killed with everything it started
    int exitCode = -1;
    QStringList output; // stdout, line by line
    QString errors;
    qint64 elapsedMs = 0;
};

// Every process under pid, deepest first, so that a hung script's children die before it.
void killTree(qint64 pid)
{
    for (const qint64 child : TestSupport::liveChildren(pid))
        killTree(child);
    ::kill(pid_t(pid), SIGKILL);
}

// The pauses of the session, in the main program (not the tutorial's counting function's).
QList<double> sleepsOf(const QString &script)
{
    static const QRegularExpression sleep(QStringLiteral("^(    )?time\\.sleep\\(([0-9.]+)\\)"),
                                          QRegularExpression::MultilineOption);
    const QString main = QStringLiteral("if __name__ == '__main__':\n");
    const qsizetype body = script.indexOf(main);
    QList<double> seconds;
    for (auto it = sleep.globalMatch(script, body < 0 ? 0 : body + main.size()); it.hasNext();)
        seconds.append(it.next().captured(2).toDouble());
    return seconds;
}

double totalOf(const QList<double> &values)
{
    double total = 0;
    for (const double value : values)
        total += value;
    return total;
}

// From the first thing that happened to the workers to the last: the work the script replays.
struct Span
{
    qint64 totalMs = 0;
    qint64 longestGapMs = 0; // between two of those events, one after the other
};

Span spanOf(const WorkerPool &pool, qint64 sinceMs)
{
    QList<qint64> times{sinceMs};
    for (int i = 0; i < pool.count(); ++i) {
        for (const WorkerEvent &event : pool.at(i)->events())
            times.append(event.timestampMs);
    }
    std::sort(times.begin(), times.end());
    Span span;
    span.totalMs = times.last() - times.first();
    for (int i = 1; i < times.size(); ++i)
        span.longestGapMs = qMax(span.longestGapMs, times.at(i) - times.at(i - 1));
    return span;
}

} // namespace

// The Python mirror writes the tutorial's Python for what the workers did, and every kind of
// script it writes does the same under python3: the same exit codes, in the same order, in a time
// tied to the work (no idle minutes).
class tst_PythonMirror final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void spawnLessonScriptRunsUnderPython();
    void countdownLessonReadsLikeTheTutorial();
    void commandsBecomePopen();
    void pauseThenResumeRunsToTheEnd();
    void pauseThenTerminateEndsMinus15();
    void killEndsMinus9();
    void signalsToOneProcessAndToTheGroup();
    void ignoredTermEscalatesToKill();
    void idleTimeIsLeftOutAndLongPausesShortened();
    void bothLessonsInOneScript();
    void whatStillRunsIsStoppedAtTheEnd();
    void clearedWorkersLeaveTheScript();
    void keepsAtMostMaxLines();

private:
    ScriptRun run(const QString &script, qint64 budgetMs);
    // Runs the script with a hang guard tied to the work; checks its sleeps against the real
    // pauses and its running time against the work and python's own fixed costs.
    ScriptRun runFaithfully(const PythonMirror &mirror, const WorkerPool &pool, qint64 sinceMs);

    QTemporaryDir m_directory;
    int m_scripts = 0;
    qint64 m_pythonCostMs = 0;
};

void tst_PythonMirror::initTestCase()
{
    qunsetenv("PYTHONUNBUFFERED");
    QVERIFY(m_directory.isValid());
    // Python's fixed costs on this machine now: an interpreter, a Process and a Popen started and
    // waited for. The scripts' running times are measured against the work plus these.
    const QString baseline
            = QStringLiteral(
                      "import multiprocessing, os, signal, subprocess, time\n"
                      "def f():\n    pass\n"
                      "if __name__ == '__main__':\n"
                      "    p = multiprocessing.Process(target=f)\n    p.start()\n    p.join()\n"
                      "    q = subprocess.Popen([\"%1\", \"exit\", \"0\"], "
                      "stdout=subprocess.DEVNULL)\n"
                      "    q.wait()\n")
                      .arg(TestSupport::workerProgram());
    const ScriptRun first = run(baseline, 60000);
    QVERIFY2(first.finished && first.exitCode == 0, qPrintable(first.errors));
    const ScriptRun second = run(baseline, 60000);
    m_pythonCostMs = qMax(first.elapsedMs, second.elapsedMs);
}

ScriptRun tst_PythonMirror::run(const QString &script, qint64 budgetMs)
{
    const QString path = m_directory.filePath(QStringLiteral("mirror%1.py").arg(++m_scripts));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(script.toUtf8());
    file.close();

    ScriptRun result;
    QProcess python;
    QElapsedTimer clock;
    clock.start();
    python.start(QStringLiteral("/usr/bin/python3"), {path});
    if (!python.waitForStarted(Timeout))
        return result;
    result.finished = python.waitForFinished(int(budgetMs));
    result.elapsedMs = clock.elapsed();
    if (!result.finished) {
        killTree(python.processId());
        python.waitForFinished(Timeout);
    }
    result.exitCode = python.exitStatus() == QProcess::NormalExit ? python.exitCode() : -1;
    result.output = QString::fromUtf8(python.readAllStandardOutput())
                            .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    result.errors = QString::fromUtf8(python.readAllStandardError());
    return result;
}

ScriptRun tst_PythonMirror::runFaithfully(const PythonMirror &mirror,
                                          const WorkerPool &pool,
                                          qint64 sinceMs)
{
    const QString script = mirror.script();
    // SHOW_SCRIPTS=1 shows each script the test runs, to read them as a learner would.
    if (qEnvironmentVariableIsSet("SHOW_SCRIPTS"))
        qInfo().noquote() << script;
    const Span span = spanOf(pool, sinceMs);
    const QList<double> sleeps = sleepsOf(script);
    // No pause longer than the longest real one; no more pausing in all than the work took.
    for (const double seconds : sleeps) {
        if (seconds * 1000 > span.longestGapMs + 10) {
            qWarning("a sleep of %g s, the longest real pause %lld ms", seconds, span.longestGapMs);
            return {};
        }
    }
    if (totalOf(sleeps) * 1000 > span.totalMs + 10) {
        qWarning("%g s of sleeps for %lld ms of work", totalOf(sleeps), span.totalMs);
        return {};
    }
    // The guard against a hang: well beyond what the work and python's fixed costs explain.
    const qint64 expectedMs = span.totalMs + 2 * m_pythonCostMs;
    ScriptRun result = run(script, 5 * expectedMs);
    if (!result.finished)
        qWarning("the script hung (killed after %lld ms):\n%s",
                 result.elapsedMs,
                 qPrintable(script));
    else if (result.exitCode != 0)
        qWarning("the script failed:\n%s\n%s", qPrintable(script), qPrintable(result.errors));
    else if (result.elapsedMs > expectedMs)
        qWarning("the script took %lld ms for %lld ms of work (python's own costs: %lld ms)",
                 result.elapsedMs,
                 span.totalMs,
                 m_pythonCostMs);
    if (result.elapsedMs > expectedMs)
        result.finished = false;
    return result;
}

// The exit codes the script printed, by variable, in the order it printed them.
static QStringList exitLines(const ScriptRun &run)
{
    static const QRegularExpression code(
            QStringLiteral("^p[0-9]+\\.(exitcode|wait\\(\\)) = -?[0-9]+$"));
    QStringList lines;
    for (const QString &line : run.output) {
        if (code.match(line).hasMatch())
            lines.append(line);
    }
    return lines;
}

void tst_PythonMirror::spawnLessonScriptRunsUnderPython()
{
    Session session(TestSupport::workerProgram());
    session.setDemoLanguage(DemoLanguage::Korean);
    const WorkerPool &pool = session.pool();
    const PythonMirror &mirror = session.pythonMirror();
    const qint64 since = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(session.startSpawnLesson(4));
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);

    const QStringList lines = mirror.lines();
    QCOMPARE(lines.first(),
             QStringLiteral("main_func(\"메인 프로그램\")  # pid %1")
                     .arg(QCoreApplication::applicationPid()));
    QVERIFY2(lines.contains(QStringLiteral(
                     "p1 = multiprocessing.Process(target=sub_func, args=(\"서브 프로그램 0\",))")),
             qPrintable(lines.join('\n')));
    QVERIFY(lines.contains(QStringLiteral("p1.start()  # pid %1").arg(pool.at(0)->pid())));
    QVERIFY(lines.contains("p4.exitcode  # 0"));
    // The tutorial's example 1, its function as it wrote it.
    const QString script = mirror.script();
    QVERIFY2(script.contains("def sub_func(thing):\n    main_func(thing)\n"), qPrintable(script));
    QVERIFY(!script.contains("count_func"));

    const ScriptRun python = runFaithfully(mirror, pool, since);
    QVERIFY2(python.finished && python.exitCode == 0, qPrintable(python.errors));
    const QStringList said = python.output.filter(" says: ");
    QCOMPARE(said.size(), 5);
    QVERIFY(said.first().endsWith(" says: 메인 프로그램"));
    for (int i = 0; i < 4; ++i)
        QVERIFY2(said.filter(QStringLiteral(" says: 서브 프로그램 %1").arg(i)).size() == 1,
                 qPrintable(python.output.join('\n')));
    QStringList codes = exitLines(python);
    codes.sort();
    QCOMPARE(codes,
             (QStringList{"p1.exitcode = 0",
                          "p2.exitcode = 0",
                          "p3.exitcode = 0",
                          "p4.exitcode = 0"}));
}

void tst_PythonMirror::countdownLessonReadsLikeTheTutorial()
{
    Session session(TestSupport::workerProgram());
    session.setDemoLanguage(DemoLanguage::English);
    const WorkerPool &pool = session.pool();
    const PythonMirror &mirror = session.pythonMirror();
    const qint64 since = QDateTime::currentMSecsSinceEpoch();
    Worker *worker = session.startCountdownLesson(milliseconds(700), milliseconds(100));
    QVERIFY(worker);
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);
    const QStringList lines = mirror.lines();
    QCOMPARE(lines.first(),
             QStringLiteral("main_func(\"main program\")  # pid %1")
                     .arg(QCoreApplication::applicationPid()));
    // The tutorial's own names, and every signal ProcLab sent: SIGCONT follows SIGTERM.
    const QStringList expected{
            "p1 = multiprocessing.Process(target=sub_func, args=(\"loop\",))",
            QStringLiteral("p1.start()  # pid %1").arg(worker->pid()),
            "time.sleep(0.7)",
            "p1.terminate()",
            "os.kill(p1.pid, signal.SIGCONT)  # ProcLab sends SIGCONT with SIGTERM: a paused "
            "process wakes to handle it",
            "p1.join()",
            "p1.exitcode  # -15",
    };
    QStringList actual = lines.mid(1);
    // The countdown's pause, to the hundredth and never longer than it was (counted from the
    // Started event, which comes a moment after the countdown starts).
    QVERIFY2(actual.size() == expected.size()
                     && QRegularExpression("^time\\.sleep\\(0\\.[67][0-9]?\\)$")
                                .match(actual.at(2))
                                .hasMatch(),
             qPrintable(lines.join('\n')));
    actual[2] = expected.at(2);
    QCOMPARE(actual, expected);
    const QString script = mirror.script();
    // The tutorial's example 2, its counting sub_func as it wrote it.
    QVERIFY2(script.contains("def sub_func(thing):\n    main_func(thing)\n    start_num = 1\n"
                             "    stop = 100000\n"),
             qPrintable(script));
    QVERIFY(!script.contains("count_func"));

    const ScriptRun python = runFaithfully(mirror, pool, since);
    QVERIFY2(python.finished && python.exitCode == 0, qPrintable(python.errors));
    // In ProcLab's order: the main program, the child, its counting, then its end at -15.
    QVERIFY2(python.output.size() >= 4, qPrintable(python.output.join('\n')));
    QVERIFY(python.output.at(0).endsWith(" says: main program"));
    QVERIFY(python.output.at(1).endsWith(" says: loop"));
    QCOMPARE(python.output.at(2), QStringLiteral("\tNumber 1 of 100000."));
    QCOMPARE(python.output.last(), QStringLiteral("p1.exitcode = -15"));
}

void tst_PythonMirror::commandsBecomePopen()
{
    WorkerPool pool;
    PythonMirror mirror(pool);
    const qint64 since = QDateTime::currentMSecsSinceEpoch();
    WorkerSpec spec;
    spec.arguments = {"sh", "-c", "echo \"$GREETING\" from \"$PWD\"; exit 3"};
    spec.environment = {"GREETING=hello"};
    spec.workingDirectory = m_directory.path();
    Worker *worker = pool.spawn(spec);
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), Timeout);
    // A command is not a lesson: no main program's line before it.
    QCOMPARE(mirror.lines(),
             (QStringList{QStringLiteral("p1 = subprocess.Popen([\"sh\", \"-c\", \"echo "
                                         "\\\"$GREETING\\\" from \\\"$PWD\\\"; exit 3\"], "
                                         "cwd=\"%1\", env={**os.environ, \"GREETING\": "
                                         "\"hello\"}, stdin=subprocess.DEVNULL, "
                                         "start_new_session=True)  # pid %2")
                                  .arg(m_directory.path())
                                  .arg(worker->pid()),
                          "p1.wait()  # returncode 3"}));
    const QString said = QStringLiteral("hello from %1").arg(m_directory.path());
    QCOMPARE(worker->lastLine(), said);
    const ScriptRun python = runFaithfully(mirror, pool, since);
    QVERIFY2(python.finished && python.exitCode == 0, qPrintable(python.errors));
    QCOMPARE(python.output, (QStringList{said, "p1.wait() = 3"}));
}

void tst_PythonMirror::pauseThenResumeRunsToTheEnd()
{
    Session session(TestSupport::workerProgram());
    const qint64 since = QDateTime::currentMSecsSinceEpoch();
    Worker *worker = session.runCommand(
            TestSupport::workerSpec({"count", "--to", "4", "--interval-ms", "100"}));
    QVERIFY(worker);
    QTRY_VERIFY_WITH_TIMEOUT(worker->lineCount(OutputChannel::StdOut) >= 1, Timeout);
    session.pause({worker});
    QCOMPARE(worker->state(), WorkerState::Paused);
    session.resume({worker});
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), Timeout);
    QCOMPARE(worker->exitInfo().pythonExitCode(), 0);

    const QStringList lines = session.pythonMirror().lines();
    const qsizetype stop = lines.indexOf("os.killpg(p1.pid, signal.SIGSTOP)");
    const qsizetype cont = lines.indexOf("os.killpg(p1.pid, signal.SIGCONT)");
    QVERIFY2(stop > 0 && cont > stop, qPrintable(lines.join('\n')));
    const ScriptRun python = runFaithfully(session.pythonMirror(), session.pool(), since);
    QVERIFY2(python.finished && python.exitCode == 0, qPrintable(python.errors));
    QCOMPARE(python.output,
             (QStringList{"\tNumber 1 of 4.",
                          "\tNumber 2 of 4.",
                          "\tNumber 3 of 4.",
                          "p1.wait() = 0"}));
}

void tst_PythonMirror::pauseThenTerminateEndsMinus15()
{
    // A program that cleans up on SIGTERM: stopped, its handler cannot run until SIGCONT (one
    // without a handler would die of SIGTERM even stopped, as the kernel kills it at once).
    const QString program = QStringLiteral("import os, signal, time\n"
                                           "def stop(number, frame):\n"
                                           "    print('cleaning up', flush=True)\n"
                                           "    signal.signal(signal.SIGTERM, signal.SIG_DFL)\n"
                                           "    os.kill(os.getpid(), signal.SIGTERM)\n"
                                           "signal.signal(signal.SIGTERM, stop)\n"
                                           "print('ready', flush=True)\n"
                                           "while True:\n"
                                           "    time.sleep(0.1)\n"
                                           "    print('tick', flush=True)\n");
    Session session(TestSupport::workerProgram());
    const qint64 since = QDateTime::currentMSecsSinceEpoch();
    Worker *worker = session.runCommand(QStringList{"/usr/bin/python3", "-c", program});
    QVERIFY(worker);
    // Some ticks after its handler is set: the replay, which waits as long, has it set too.
    QTRY_VERIFY_WITH_TIMEOUT(worker->lineCount(OutputChannel::StdOut) >= 4, Timeout);
    session.pause({worker});
    session.terminate({worker});
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), Timeout);
    QCOMPARE(worker->exitInfo().pythonExitCode(), -15);
    QVERIFY(!worker->exitInfo().escalated);
    QCOMPARE(worker->lastLine(), QStringLiteral("cleaning up"));

    const QStringList lines = session.pythonMirror().lines();
    const qsizetype stop = lines.indexOf("os.killpg(p1.pid, signal.SIGSTOP)");
    const qsizetype term = lines.indexOf("os.killpg(p1.pid, signal.SIGTERM)");
    QVERIFY2(stop > 0 && term > stop, qPrintable(lines.join('\n')));
    // Without that SIGCONT the stopped process would never die, and the script would hang.
    const ScriptRun python = runFaithfully(session.pythonMirror(), session.pool(), since);
    QVERIFY2(python.finished && python.exitCode == 0, qPrintable(python.errors));
    QVERIFY2(python.output.size() >= 3 && python.output.first() == "ready"
                     && python.output.mid(python.output.size() - 2)
                                == QStringList({"cleaning up", "p1.wait() = -15"}),
             qPrintable(python.output.join('\n')));
}

// The variable the mirror gave a worker: the line that started it names its PID
// ("p2 = subprocess.Popen(…)  # pid 4250", or "p2.start()  # pid 4250").
static QString variableOf(const QStringList &lines, qint64 pid)
{
    for (const QString &line : lines) {
        if (line.endsWith(QStringLiteral("# pid %1").arg(pid)))
            return line.section(QLatin1Char(' '), 0, 0).section(QLatin1Char('.'), 0, 0);
    }
    return QString();
}

void tst_PythonMirror::killEndsMinus9()
{
    Session session(TestSupport::workerProgram());
    const qint64 since = QDateTime::currentMSecsSinceEpoch();
    Worker *command = session.runCommand(TestSupport::workerSpec({"sleep", "60000"}));
    Worker *counting = session.startCountdownLesson(seconds(60), milliseconds(100));
    QVERIFY(command && counting);
    QTRY_VERIFY_WITH_TIMEOUT(counting->lineCount(OutputChannel::StdOut) >= 1, Timeout);
    session.kill({command, counting});
    QTRY_VERIFY_WITH_TIMEOUT(!session.pool().hasActiveWorkers(), Timeout);

    QCOMPARE(session.pythonMirror().processModules(),
             (QStringList{"multiprocessing", "subprocess"}));
    const QStringList lines = session.pythonMirror().lines();
    // Named in the order they started, which is either.
    const QString p1 = variableOf(lines, command->pid());
    const QString p2 = variableOf(lines, counting->pid());
    QVERIFY2(lines.contains(QStringLiteral("os.killpg(%1.pid, signal.SIGKILL)").arg(p1))
                     && lines.contains(p2 + ".kill()"),
             qPrintable(lines.join('\n')));
    const ScriptRun python = runFaithfully(session.pythonMirror(), session.pool(), since);
    QVERIFY2(python.finished && python.exitCode == 0, qPrintable(python.errors));
    QStringList codes = exitLines(python);
    codes.sort();
    QStringList expected{p1 + ".wait() = -9", p2 + ".exitcode = -9"};
    expected.sort();
    QCOMPARE(codes, expected);
}

void tst_PythonMirror::signalsToOneProcessAndToTheGroup()
{
    Session session(TestSupport::workerProgram());
    const qint64 since = QDateTime::currentMSecsSinceEpoch();
    Worker *alone = session.runCommand(TestSupport::workerSpec({"sleep", "60000"}));
    Worker *group = session.runCommand(TestSupport::workerSpec({"sleep", "60000"}));
    Worker *counting = session.startCountdownLesson(seconds(60), milliseconds(100));
    QVERIFY(alone && group && counting);
    QTRY_VERIFY_WITH_TIMEOUT(counting->lineCount(OutputChannel::StdOut) >= 1, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(group->state() == WorkerState::Running, Timeout);
    QVERIFY(session.signalProcess({alone->id(), alone->pid(), true}, SIGUSR1));
    session.sendSignal({group}, SIGHUP);
    // Process.terminate(): SIGTERM to that process alone, and no SIGCONT.
    QVERIFY(session.signalProcess({counting->id(), counting->pid(), true}, SIGTERM));
    QTRY_VERIFY_WITH_TIMEOUT(!session.pool().hasActiveWorkers(), Timeout);

    const QStringList lines = session.pythonMirror().lines();
    // The workers start in any order, and are named p1, p2, p3 in the order they started.
    const QString p1 = variableOf(lines, alone->pid());
    const QString p2 = variableOf(lines, group->pid());
    const QString p3 = variableOf(lines, counting->pid());
    QVERIFY2(!p1.isEmpty() && !p2.isEmpty() && !p3.isEmpty(), qPrintable(lines.join('\n')));
    QVERIFY2(lines.contains(QStringLiteral("os.kill(%1.pid, signal.SIGUSR1)").arg(p1))
                     && lines.contains(QStringLiteral("os.killpg(%1.pid, signal.SIGHUP)").arg(p2))
                     && lines.contains(QStringLiteral("%1.terminate()").arg(p3))
                     && !lines.join('\n').contains(QStringLiteral("%1.pid, signal.SIGCONT").arg(p3)),
             qPrintable(lines.join('\n')));
    const ScriptRun python = runFaithfully(session.pythonMirror(), session.pool(), since);
    QVERIFY2(python.finished && python.exitCode == 0, qPrintable(python.errors));
    QStringList codes = exitLines(python);
    codes.sort();
    QStringList expected{p1 + ".wait() = -10", p2 + ".wait() = -1", p3 + ".exitcode = -15"};
    expected.sort();
    QCOMPARE(codes, expected);
}

void tst_PythonMirror::ignoredTermEscalatesToKill()
{
    Session session(TestSupport::workerProgram());
    session.setGracePeriod(milliseconds(300));
    const qint64 since = QDateTime::currentMSecsSinceEpoch();
    Worker *worker = session.runCommand(TestSupport::workerSpec({"ignore-term"}));
    QVERIFY(worker);
    QTRY_VERIFY_WITH_TIMEOUT(worker->lineCount(OutputChannel::StdOut) >= 1, Timeout);
    // The user reads the line before clicking: the replay waits as long, and its program, which
    // may start slower than ProcLab's did, ignores SIGTERM by then too.
    WorkerPool elsewhere;
    Worker *reading = elsewhere.spawn(TestSupport::workerSpec({"sleep", "300"}));
    QTRY_VERIFY_WITH_TIMEOUT(!reading->isActive(), Timeout);
    session.terminate({worker});
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), Timeout);
    QVERIFY(worker->exitInfo().escalated);
    QCOMPARE(worker->exitInfo().pythonExitCode(), -9);

    const QStringList lines = session.pythonMirror().lines();
    const qsizetype term = lines.indexOf("os.killpg(p1.pid, signal.SIGTERM)");
    const qsizetype kill = lines.indexOf("os.killpg(p1.pid, signal.SIGKILL)");
    QVERIFY2(term > 0 && kill == term + 3, qPrintable(lines.join('\n')));
    // The grace period, as long as it was: a pause ProcLab made, that shapes what happened.
    qint64 termAt = 0;
    qint64 killAt = 0;
    for (const WorkerEvent &event : worker->events()) {
        if (event.kind == WorkerEvent::Kind::TerminateSent)
            termAt = event.timestampMs;
        else if (event.kind == WorkerEvent::Kind::KillSent)
            killAt = event.timestampMs;
    }
    const QList<double> grace = sleepsOf(lines.at(term + 2));
    QVERIFY2(grace.size() == 1 && grace.first() * 1000 > killAt - termAt - 11
                     && grace.first() * 1000 <= killAt - termAt,
             qPrintable(lines.join('\n')));
    const ScriptRun python = runFaithfully(session.pythonMirror(), session.pool(), since);
    QVERIFY2(python.finished && python.exitCode == 0, qPrintable(python.errors));
    QCOMPARE(exitLines(python), QStringList{"p1.wait() = -9"});
}

void tst_PythonMirror::idleTimeIsLeftOutAndLongPausesShortened()
{
    WorkerPool pool;
    PythonMirror mirror(pool);
    mirror.setLongestSleep(milliseconds(300));
    Lessons::startSpawnLesson(pool, TestSupport::workerProgram(), 2, DemoLanguage::English);
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);

    // The user looks away while nothing of the session runs: a program ProcLab does not mirror
    // runs meanwhile, longer than python's own costs, so that the script's time tells.
    const qint64 idleMs = qMax<qint64>(1000, 2 * m_pythonCostMs);
    WorkerPool elsewhere;
    Worker *looking = elsewhere.spawn(TestSupport::workerSpec({"sleep", QString::number(idleMs)}));
    QTRY_VERIFY_WITH_TIMEOUT(!looking->isActive(), idleMs + Timeout);

    // Then a countdown longer than the longest sleep.
    Worker *counting = Lessons::startCountdownLesson(pool,
                                                     TestSupport::workerProgram(),
                                                     milliseconds(800),
                                                     milliseconds(100));
    QVERIFY(counting);
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);

    const QString script = mirror.script();
    QCOMPARE(sleepsOf(script), QList<double>{0.3});
    QVERIFY2(QRegularExpression("time\\.sleep\\(0\\.3\\)  # ProcLab waited 0\\.[6-9][0-9]? s "
                                "here: shortened")
                     .match(script)
                     .hasMatch(),
             qPrintable(mirror.lines().join('\n')));
    QVERIFY2(script.contains("up to 0.3 s each"), qPrintable(script));

    const ScriptRun python = run(script, 5 * (idleMs + 2 * m_pythonCostMs));
    QVERIFY2(python.finished && python.exitCode == 0, qPrintable(python.errors));
    QVERIFY2(python.elapsedMs < idleMs,
             qPrintable(QStringLiteral("%1 ms for a session with %2 ms of idle time")
                                .arg(python.elapsedMs)
                                .arg(idleMs)));
    QCOMPARE(python.output.last(), QStringLiteral("p3.exitcode = -15"));
}

void tst_PythonMirror::bothLessonsInOneScript()
{
    Session session(TestSupport::workerProgram());
    session.setDemoLanguage(DemoLanguage::English);
    const qint64 since = QDateTime::currentMSecsSinceEpoch();
    Worker *counting = session.startCountdownLesson(milliseconds(600), milliseconds(100));
    QVERIFY(counting);
    QTRY_VERIFY_WITH_TIMEOUT(counting->lineCount(OutputChannel::StdOut) >= 1, Timeout);
    QVERIFY(session.startSpawnLesson(1));
    QTRY_VERIFY_WITH_TIMEOUT(!session.pool().hasActiveWorkers(), Timeout);

    // The first kind seen has the tutorial's name; the other one needs its own, and says why.
    const QStringList lines = session.pythonMirror().lines();
    QVERIFY2(lines.contains("p1 = multiprocessing.Process(target=sub_func, args=(\"loop\",))")
                     && lines.contains("p2 = multiprocessing.Process(target=sub_func_1, "
                                       "args=(\"sub program 0\",))"),
             qPrintable(lines.join('\n')));
    QCOMPARE(session.pythonMirror().processModules(), QStringList{"multiprocessing"});
    const QString script = session.pythonMirror().script();
    QVERIFY2(script.contains("# The tutorial's example 1 names this sub_func too"),
             qPrintable(script));

    const ScriptRun python = runFaithfully(session.pythonMirror(), session.pool(), since);
    QVERIFY2(python.finished && python.exitCode == 0, qPrintable(python.errors));
    QVERIFY2(python.output.filter(" says: sub program 0").size() == 1,
             qPrintable(python.output.join('\n')));
    QStringList codes = exitLines(python);
    codes.sort();
    QCOMPARE(codes, (QStringList{"p1.exitcode = -15", "p2.exitcode = 0"}));
}

void tst_PythonMirror::whatStillRunsIsStoppedAtTheEnd()
{
    Session session(TestSupport::workerProgram());
    Worker *command = session.runCommand(TestSupport::workerSpec({"sleep", "60000"}));
    Worker *counting = session.startCountdownLesson(seconds(60), milliseconds(100));
    QVERIFY(command && counting);
    QTRY_VERIFY_WITH_TIMEOUT(counting->lineCount(OutputChannel::StdOut) >= 1, Timeout);
    session.pause({command});

    // Written mid-session: the script stops them as ProcLab does when it quits, and ends.
    const QString script = session.pythonMirror().script();
    const ScriptRun python = run(script, 5 * (Defaults::GracePeriod.count() + 2 * m_pythonCostMs));
    QVERIFY2(python.finished && python.exitCode == 0, qPrintable(script + '\n' + python.errors));
    // Named in the order they started, which is either.
    const QStringList lines = session.pythonMirror().lines();
    QStringList expected{variableOf(lines, command->pid()) + ".wait() = -15",
                         variableOf(lines, counting->pid()) + ".exitcode = -15"};
    QStringList codes = exitLines(python);
    codes.sort();
    expected.sort();
    QCOMPARE(codes, expected);
    QVERIFY2(python.elapsedMs < Defaults::GracePeriod.count() + 2 * m_pythonCostMs,
             qPrintable(QString::number(python.elapsedMs)));

    session.requestStop();
    QTRY_VERIFY_WITH_TIMEOUT(!session.hasLiveProcesses(), Timeout);
}

void tst_PythonMirror::clearedWorkersLeaveTheScript()
{
    WorkerPool pool;
    PythonMirror mirror(pool);
    QSignalSpy reset(&mirror, &PythonMirror::linesReset);
    Worker *first = pool.spawn(TestSupport::workerSpec({"exit", "0"}));
    QTRY_VERIFY_WITH_TIMEOUT(!first->isActive(), Timeout);
    Worker *running = pool.spawn(TestSupport::workerSpec({"sleep", "60000"}));
    QTRY_VERIFY_WITH_TIMEOUT(running->state() == WorkerState::Running, Timeout);
    QCOMPARE(mirror.lines().size(), 3);
    QCOMPARE(mirror.processModules(), QStringList{"subprocess"});

    mirror.forgetWorkers({first->id()});
    QCOMPARE(reset.size(), 1);
    const QStringList lines = mirror.lines();
    QCOMPARE(lines.size(), 1);
    // The running worker keeps its name: p2, not a p1 that would clash with the script's past.
    QVERIFY2(lines.first().startsWith("p2 = subprocess.Popen("), qPrintable(lines.first()));
    QVERIFY(mirror.script().contains(lines.first()));

    pool.terminate(running);
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);
    QVERIFY(mirror.lines().last().startsWith("p2.wait()"));
    mirror.forgetWorkers({running->id()});
    QVERIFY(mirror.lines().isEmpty());
    QCOMPARE(mirror.processModules(), QStringList());
    // Nothing left is still a program.
    const ScriptRun python = run(mirror.script(), 5 * m_pythonCostMs);
    QVERIFY2(python.finished && python.exitCode == 0, qPrintable(python.errors));
}

void tst_PythonMirror::keepsAtMostMaxLines()
{
    WorkerPool pool;
    PythonMirror mirror(pool);
    QSignalSpy added(&mirror, &PythonMirror::lineAdded);
    QSignalSpy reset(&mirror, &PythonMirror::linesReset);
    for (int i = 0; i < PythonMirror::MaxLines + 5; ++i)
        mirror.addMainProgramLine(QStringLiteral("line %1").arg(i));
    QCOMPARE(mirror.lines().size(), PythonMirror::MaxLines);
    QCOMPARE(mirror.droppedLines(), 5);
    // Line by line, as a view with that many blocks drops them: no reset.
    QCOMPARE(added.size(), PythonMirror::MaxLines + 5);
    QVERIFY(mirror.lines().last().startsWith(
            QStringLiteral("main_func(\"line %1\")").arg(PythonMirror::MaxLines + 4)));
    QCOMPARE(reset.size(), 0);
    QVERIFY(mirror.script().contains(
            QStringLiteral("(%1 earlier lines are left out").arg(mirror.droppedLines())));

    // A worker whose start was dropped: its later lines stay as comments, and the script runs.
    Worker *worker = pool.spawn(TestSupport::workerSpec({"exit", "0"}));
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), Timeout);
    for (int i = 0; i < PythonMirror::MaxLines - 1; ++i)
        mirror.addMainProgramLine(QStringLiteral("more %1").arg(i));
    QVERIFY(!mirror.lines().first().startsWith("p1 = "));
    QCOMPARE(mirror.processModules(), QStringList());
    QVERIFY(mirror.lines().first().startsWith("p1.wait()"));
    const QString script = mirror.script();
    QVERIFY2(script.contains("    # p1.wait()  # returncode 0\n"), qPrintable(script.left(2000)));
    const ScriptRun python = run(script, Timeout);
    QVERIFY2(python.finished && python.exitCode == 0, qPrintable(python.errors));
    QCOMPARE(python.output.size(), PythonMirror::MaxLines - 1);
}

QTEST_GUILESS_MAIN(tst_PythonMirror)
#include "tst_pythonmirror.moc"
