#include "processgroup.h"
#include "programlocator.h"
#include "testsupport.h"
#include "worker.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

using namespace ProcLab;
using namespace std::chrono;

// One worker, one real process: its PID in /proc, its output, how it ends, and that nothing of its
// group survives a stop.
class tst_Worker final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void reportsPidAndOutput();
    void terminateReadsMinus15();
    void escalatesToKillWhenTermIsIgnored();
    void stopsTheWholeGroup();
    void terminatesAPausedWorker();
    void stopsLeftoversWhenTheLeaderExits();
    void reportsACrash();
    void reportsANonZeroExit();
    void failsClearly_data();
    void failsClearly();
    void decodesHostileOutput();
    void progressUpdatesInPlace();
    void separatesStderr();
    void pythonStreamsLive();

private:
    std::unique_ptr<Worker> startWorker(const QStringList &arguments);
    static QStringList texts(const Worker &worker, OutputChannel channel = OutputChannel::StdOut);
    static bool waitForLine(const Worker &worker, const QString &fragment);

    int m_nextId = 1;
};

void tst_Worker::initTestCase()
{
    // As a user runs Python: without the variable this machine sets.
    qunsetenv("PYTHONUNBUFFERED");
}

void tst_Worker::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral("QProcess: Destroyed while process")));
}

std::unique_ptr<Worker> tst_Worker::startWorker(const QStringList &arguments)
{
    WorkerSpec spec;
    spec.arguments = arguments;
    auto worker = std::make_unique<Worker>(m_nextId++, spec);
    worker->start(systemSearchPath());
    return worker;
}

QStringList tst_Worker::texts(const Worker &worker, OutputChannel channel)
{
    QStringList result;
    const Scrollback &scrollback = worker.scrollback();
    for (qint64 line = scrollback.firstLine(); line < scrollback.endLine(); ++line) {
        if (scrollback.at(line).channel == channel)
            result.append(scrollback.at(line).text);
    }
    return result;
}

bool tst_Worker::waitForLine(const Worker &worker, const QString &fragment)
{
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        for (const QString &text : texts(worker)) {
            if (text.contains(fragment))
                return true;
        }
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return false;
}

void tst_Worker::reportsPidAndOutput()
{
    WorkerSpec spec;
    spec.arguments = {TestSupport::workerProgram(), "spin", "--seconds", "30"};
    Worker worker(1, spec);
    QSignalSpy started(&worker, &Worker::started);
    worker.start(systemSearchPath());
    QVERIFY(started.wait(5000) || started.size() == 1);
    const qint64 pid = worker.pid();
    QVERIFY(pid > 0);
    QCOMPARE(started.first().first().toLongLong(), pid);
    QCOMPARE(worker.state(), WorkerState::Running);
    QVERIFY2(TestSupport::isAlive(pid), "the PID must be a live process in /proc");
    // The program names its own PID once it runs; only then is it sure to have replaced the
    // forked copy of this test (QProcess may report the start between fork and exec).
    QVERIFY(waitForLine(worker, QStringLiteral("spinning %1").arg(pid)));
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    QVERIFY(cmdline.open(QIODevice::ReadOnly));
    QVERIFY2(cmdline.read(4096).contains("proclab-worker"), "the PID must be our worker");
    QCOMPARE(ProcessGroup::members(pid).size(), 1); // its own group, led by itself
    worker.kill();
    QTRY_VERIFY_WITH_TIMEOUT(!worker.isActive(), 5000);

    auto say = startWorker({TestSupport::workerProgram(), "say", QStringLiteral("서브 프로그램 0")});
    QTRY_COMPARE_WITH_TIMEOUT(say->state(), WorkerState::Finished, 5000);
    QCOMPARE(texts(*say),
             QStringList{QStringLiteral("Process %1 says: 서브 프로그램 0").arg(say->pid())});
    QCOMPARE(say->exitInfo().pythonExitCode().value(), 0);
    QCOMPARE(say->lineCount(OutputChannel::StdOut), 1);
    QVERIFY(say->exitInfo().isSuccess());
    QVERIFY(say->endTime() >= say->startTime());
}

void tst_Worker::terminateReadsMinus15()
{
    auto worker = startWorker(
            {TestSupport::workerProgram(), "count", "--interval-ms", "100", "--label", "loop"});
    QVERIFY(waitForLine(*worker, "Number 1 of"));
    QSignalSpy events(worker.get(), &Worker::eventOccurred);
    worker->terminate(seconds(5));
    QCOMPARE(worker->state(), WorkerState::Stopping);
    QTRY_COMPARE_WITH_TIMEOUT(worker->state(), WorkerState::Finished, 5000);
    const ExitInfo &exit = worker->exitInfo();
    QCOMPARE(int(exit.reason), int(ExitInfo::Reason::TerminatedOnRequest));
    QCOMPARE(exit.pythonExitCode().value(), -15);
    QCOMPARE(exit.shortText(), QStringLiteral("-15 · SIGTERM"));
    QCOMPARE(stateText(worker->state(), exit), QStringLiteral("terminated"));
    QVERIFY(!exit.escalated);
    QVERIFY(!TestSupport::isAlive(worker->pid()));
    QStringList eventTexts;
    for (const QList<QVariant> &event : std::as_const(events))
        eventTexts.append(event.first().value<WorkerEvent>().text);
    QVERIFY2(eventTexts.join('\n').contains(
                     QStringLiteral("terminating %1 (SIGTERM)").arg(worker->pid())),
             qPrintable(eventTexts.join('\n')));
    QVERIFY2(eventTexts.join('\n').contains("exit code -15 (SIGTERM)"),
             qPrintable(eventTexts.join('\n')));
}

void tst_Worker::escalatesToKillWhenTermIsIgnored()
{
    auto worker = startWorker({TestSupport::workerProgram(), "ignore-term"});
    QVERIFY(waitForLine(*worker, "ignoring SIGTERM"));
    worker->terminate(milliseconds(300));
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), 5000);
    const ExitInfo &exit = worker->exitInfo();
    QCOMPARE(int(exit.reason), int(ExitInfo::Reason::KilledOnRequest));
    QVERIFY(exit.escalated);
    QCOMPARE(exit.pythonExitCode().value(), -9);
    QCOMPARE(stateText(worker->state(), exit), QStringLiteral("killed"));
    QVERIFY(exit.isSuccess());
}

void tst_Worker::stopsTheWholeGroup()
{
    auto worker = startWorker(
            {TestSupport::workerProgram(), "spawn-children", "3", "--ignore-term"});
    QVERIFY(waitForLine(*worker, "spawned 3 children"));
    QList<qint64> children;
    static const QRegularExpression childLine(QStringLiteral("^child (\\d+) of (\\d+)$"));
    for (const QString &text : texts(*worker)) {
        const QRegularExpressionMatch match = childLine.match(text);
        if (match.hasMatch()) {
            children.append(match.captured(1).toLongLong());
            QCOMPARE(match.captured(2).toLongLong(), worker->pid());
        }
    }
    QCOMPARE(children.size(), 3);
    for (const qint64 child : std::as_const(children))
        QVERIFY2(TestSupport::isAlive(child), "children must be running before the stop");
    QCOMPARE(TestSupport::liveGroupMembers(worker->pid()).size(), 4);

    worker->terminate(milliseconds(300));
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), 5000);
    // The leader ignored nothing, but its children ignore SIGTERM: the escalation or the sweep
    // must still leave no one.
    QTRY_VERIFY_WITH_TIMEOUT(TestSupport::liveGroupMembers(worker->pid()).isEmpty(), 5000);
    for (const qint64 child : std::as_const(children))
        QVERIFY2(!TestSupport::isAlive(child),
                 qPrintable(QStringLiteral("child %1 survived").arg(child)));
}

void tst_Worker::terminatesAPausedWorker()
{
    auto worker = startWorker({TestSupport::workerProgram(), "count", "--interval-ms", "50"});
    QVERIFY(waitForLine(*worker, "Number 1 of"));
    QCOMPARE(::kill(pid_t(worker->pid()), SIGSTOP), 0);
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::processState(worker->pid()), 'T', 5000);
    worker->terminate(seconds(5));
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), 5000);
    QCOMPARE(worker->exitInfo().pythonExitCode().value(), -15);
    QVERIFY2(!worker->exitInfo().escalated, "SIGCONT must let the paused worker receive SIGTERM");
}

void tst_Worker::stopsLeftoversWhenTheLeaderExits()
{
    // The shell exits at once; the sleep it left in the background must not outlive the worker.
    auto worker = startWorker({"sh", "-c", "sleep 30 & echo $!"});
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), 5000);
    const QStringList lines = texts(*worker);
    QCOMPARE(lines.size(), 1);
    const qint64 sleeper = lines.first().toLongLong();
    QVERIFY(sleeper > 0);
    QCOMPARE(worker->exitInfo().pythonExitCode().value(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!TestSupport::isAlive(sleeper), 5000);
}

void tst_Worker::reportsACrash()
{
    auto worker = startWorker({TestSupport::workerProgram(), "crash"});
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), 5000);
    QCOMPARE(worker->state(), WorkerState::Crashed);
    QCOMPARE(int(worker->exitInfo().reason), int(ExitInfo::Reason::KilledBySignal));
    QCOMPARE(worker->exitInfo().pythonExitCode().value(), -SIGSEGV);
    QCOMPARE(worker->exitInfo().shellExitCode().value(), 128 + SIGSEGV);
    QVERIFY(!worker->exitInfo().isSuccess());
    QCOMPARE(texts(*worker), QStringList{"crashing"});
}

void tst_Worker::reportsANonZeroExit()
{
    auto worker = startWorker({TestSupport::workerProgram(), "exit", "3"});
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), 5000);
    QCOMPARE(worker->state(), WorkerState::Finished);
    QCOMPARE(worker->exitInfo().exitCode, 3);
    QVERIFY(!worker->exitInfo().isSuccess());
}

void tst_Worker::failsClearly_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("reason");

    QTest::newRow("not in PATH") << "no-such-program-proclab"
                                 << "no such program in PATH";
    QTest::newRow("missing path") << "/nonexistent/tool"
                                  << "no such file";
    QTest::newRow("a folder") << "/tmp"
                              << "is a folder";
    QTest::newRow("not executable") << "@notexec"
                                    << "not executable";
    QTest::newRow("empty") << ""
                           << "empty";
}

void tst_Worker::failsClearly()
{
    QFETCH(QString, program);
    QFETCH(QString, reason);
    QTemporaryDir directory;
    if (program == "@notexec") {
        program = directory.filePath("script.sh");
        QFile file(program);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\necho hi\n");
    }
    WorkerSpec spec;
    spec.arguments = {program};
    Worker worker(1, spec);
    QSignalSpy finished(&worker, &Worker::finished);
    worker.start(systemSearchPath());
    QCOMPARE(worker.state(), WorkerState::FailedToStart);
    QCOMPARE(finished.size(), 1);
    QVERIFY2(worker.exitInfo().errorText.contains(reason), qPrintable(worker.exitInfo().errorText));
    if (!program.isEmpty()) {
        QVERIFY2(worker.exitInfo().errorText.contains(program), "the message must name the program");
    }
    QCOMPARE(worker.pid(), 0);
    QVERIFY(!worker.exitInfo().isSuccess());
}

void tst_Worker::decodesHostileOutput()
{
    auto worker = startWorker({TestSupport::workerProgram(), "bad-utf8"});
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), 5000);
    const QStringList lines = texts(*worker);
    QVERIFY2(lines.contains(QStringLiteral("valid: 한국어")), qPrintable(lines.join('|')));
    QVERIFY2(lines.contains(QStringLiteral("invalid: \uFFFD\uFFFD\uFFFD")),
             qPrintable(lines.join('|')));
    QVERIFY(lines.contains(QStringLiteral("a\u2400b")));
    QVERIFY2(lines.contains(QStringLiteral("한")), "a character split across writes must survive");
    QCOMPARE(lines.constLast(), QStringLiteral("end"));

    auto longLine = startWorker({TestSupport::workerProgram(), "no-newline", "--bytes", "10485760"});
    QTRY_VERIFY_WITH_TIMEOUT(!longLine->isActive(), 10000);
    qint64 characters = 0;
    for (const QString &text : texts(*longLine)) {
        QVERIFY(text.size() <= LineSplitter::DefaultMaxLineLength);
        characters += text.size();
    }
    QVERIFY2(longLine->scrollback().characterCount()
                     <= longLine->scrollback().maxCharacters() + LineSplitter::DefaultMaxLineLength,
             "the scrollback must stay bounded");
    QVERIFY(characters > 0);
}

void tst_Worker::progressUpdatesInPlace()
{
    auto worker = startWorker(
            {TestSupport::workerProgram(), "progress", "--steps", "50", "--interval-ms", "2"});
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), 5000);
    QCOMPARE(texts(*worker), QStringList{"done"});
    QCOMPARE(worker->lineCount(OutputChannel::StdOut), 1);
}

void tst_Worker::separatesStderr()
{
    auto worker = startWorker({TestSupport::workerProgram(), "echo-stderr", "problem"});
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), 5000);
    QCOMPARE(texts(*worker, OutputChannel::StdErr), QStringList{"problem"});
    QCOMPARE(texts(*worker, OutputChannel::StdOut), QStringList{"out"});
    QCOMPARE(worker->lineCount(OutputChannel::StdErr), 1);
}

void tst_Worker::pythonStreamsLive()
{
    // The tutorial's example 2, run as a user would: its lines must arrive one a second, not all
    // at the end when Python flushes its buffer.
    QTemporaryDir directory;
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
               "    time.sleep(3)\n    p.terminate()\n");
    file.close();

    auto worker = startWorker({"python3", script});
    QVERIFY(waitForLine(*worker, "Number 1 of 100000."));
    QVERIFY2(worker->isActive(), "the first number must arrive while Python still runs");
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), 15000);
    const QStringList lines = texts(*worker);
    QVERIFY2(lines.first() == QStringLiteral("Process %1 says: 메인 프로그램").arg(worker->pid()),
             qPrintable(lines.join('|')));
    QVERIFY2(lines.at(1).startsWith("Process ") && lines.at(1).endsWith(" says: loop"),
             qPrintable(lines.join('|')));
    QVERIFY(lines.contains("\tNumber 1 of 100000."));
    QVERIFY(lines.contains("\tNumber 2 of 100000."));
}

QTEST_GUILESS_MAIN(tst_Worker)
#include "tst_worker.moc"
