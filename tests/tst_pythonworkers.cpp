#include "outputline.h"
#include "pythoncall.h"
#include "recordreader.h"
#include "scrollback.h"
#include "session.h"
#include "testsupport.h"
#include "worker.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ProcLab;

// Python seen as Python, as a user runs it: the tutorial's two scripts, unchanged, run as commands
// (`proclab --headless --run "python3 example1.py"`, and a Session as the window uses it). Every
// line is attributed to the process that wrote it, and the multiprocessing calls are reported
// against the processes they were about. Real python3, real PIDs: each child prints its own PID,
// which is what the attribution is checked against.
class tst_PythonWorkers final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void example1LinesByWriter();
    void example2TerminateIsRecordedAgainstTheChild();
    void everyStartMethod_data();
    void everyStartMethod();
    void sessionLinesCarryTheWriter();
    void nonPythonCommandsAreUnchanged();

private:
    struct Run
    {
        int exitCode = -1;
        QStringList out;
        QStringList err;
    };
    static Run run(const QStringList &arguments, int timeoutMs = 60000);
    QString writeScript(const QString &name, const QByteArray &source);
    static QList<QJsonObject> recordsOf(const QList<QJsonObject> &records, const QString &kind);

    QTemporaryDir m_dir;
    QString m_python;
};

namespace {

const QRegularExpression says(QStringLiteral("^\\[(\\d+)\\] Process (\\d+) says: (.*)$"));

} // namespace

void tst_PythonWorkers::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // As a user runs it: this machine sets PYTHONUNBUFFERED, a user's desktop does not.
    qunsetenv("PYTHONUNBUFFERED");
    // Debian's python3: a version manager's shim (pyenv here) adds processes of its own.
    m_python = QFile::exists("/usr/bin/python3") ? QStringLiteral("/usr/bin/python3")
                                                 : QStringLiteral("python3");
}

tst_PythonWorkers::Run tst_PythonWorkers::run(const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.start(TestSupport::proclabProgram(), arguments);
    Run result;
    if (!process.waitForStarted())
        return result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    const auto lines = [](const QByteArray &bytes) {
        QStringList list = QString::fromUtf8(bytes).split('\n');
        if (!list.isEmpty() && list.constLast().isEmpty())
            list.removeLast();
        return list;
    };
    result.out = lines(process.readAllStandardOutput());
    result.err = lines(process.readAllStandardError());
    return result;
}

QString tst_PythonWorkers::writeScript(const QString &name, const QByteArray &source)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(source) != source.size())
        return QString();
    return path;
}

QList<QJsonObject> tst_PythonWorkers::recordsOf(const QList<QJsonObject> &records,
                                                const QString &kind)
{
    QList<QJsonObject> found;
    for (const QJsonObject &record : records) {
        if (record["kind"].toString() == kind)
            found.append(record);
    }
    return found;
}

void tst_PythonWorkers::example1LinesByWriter()
{
    const QString script = writeScript("example1.py", TestSupport::tutorialExample1());
    const QString path = m_dir.filePath("example1.proclab-record");
    const Run result = run(
            {"--headless", "--prefix", "pid", "--record", path, "--run", m_python + ' ' + script});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.size() == 5, qPrintable(result.out.join('\n')));

    // Every line carries the PID of the process that wrote it: the one it prints.
    QSet<qint64> children;
    qint64 main = 0;
    for (const QString &line : result.out) {
        const QRegularExpressionMatch match = says.match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        QCOMPARE(match.captured(1), match.captured(2));
        if (match.captured(3) == QStringLiteral("메인 프로그램"))
            main = match.captured(1).toLongLong();
        else
            children.insert(match.captured(1).toLongLong());
    }
    QVERIFY(main > 0);
    QCOMPARE(children.size(), 4);
    QVERIFY(!children.contains(main));

    const RecordReadResult record = readRecordFile(path);
    QVERIFY2(!record.hasProblem(), qPrintable(record.problem));
    // The output records name the writer too.
    for (const QJsonObject &output : recordsOf(record.records, "output")) {
        const QString text = output["text"].toString();
        QVERIFY2(text.startsWith(QStringLiteral("Process %1 says").arg(output["pid"].toInteger())),
                 qPrintable(text));
    }
    // start() four times by the main program, each naming one of the four children, at the line
    // of the script that calls it; and each Process made with sub_func.
    QSet<qint64> started;
    int made = 0;
    for (const QJsonObject &call : recordsOf(record.records, "python")) {
        QCOMPARE(call["pid"].toInteger(), main);
        QCOMPARE(call["file"].toString(), script);
        if (call["call"].toString() == "start") {
            QCOMPARE(call["line"].toInt(), 14);
            started.insert(call["target"].toInteger());
        } else if (call["call"].toString() == "Process") {
            QCOMPARE(call["line"].toInt(), 13);
            QCOMPARE(call["function"].toString(), "sub_func");
            ++made;
        }
    }
    QCOMPARE(started, children);
    QCOMPARE(made, 4);
    // And the four exited 0, as the tracer saw.
    for (const QJsonObject &exit : recordsOf(record.records, "process")) {
        if (exit["event"].toString() == "exit" && children.contains(exit["pid"].toInteger()))
            QCOMPARE(exit["exitcode"].toInt(), 0);
    }
}

void tst_PythonWorkers::example2TerminateIsRecordedAgainstTheChild()
{
    const QString script = writeScript("example2.py", TestSupport::tutorialExample2());
    const QString path = m_dir.filePath("example2.proclab-record");
    const Run result = run(
            {"--headless", "--prefix", "pid", "--record", path, "--run", m_python + ' ' + script});
    QCOMPARE(result.exitCode, 0);

    qint64 main = 0;
    qint64 child = 0;
    for (const QString &line : result.out) {
        const QRegularExpressionMatch match = says.match(line);
        if (!match.hasMatch())
            continue;
        QCOMPARE(match.captured(1), match.captured(2));
        (match.captured(3) == QStringLiteral("loop") ? child : main) = match.captured(1).toLongLong();
    }
    QVERIFY2(main > 0 && child > 0, qPrintable(result.out.join('\n')));
    // The counting lines are the child's, not the main program's.
    const QStringList counts = result.out.filter("Number");
    QVERIFY2(counts.size() >= 3, qPrintable(result.out.join('\n')));
    for (const QString &line : counts)
        QVERIFY2(line.startsWith(QStringLiteral("[%1] \tNumber").arg(child)), qPrintable(line));

    const RecordReadResult record = readRecordFile(path);
    QVERIFY2(!record.hasProblem(), qPrintable(record.problem));
    QList<QJsonObject> terminates;
    for (const QJsonObject &call : recordsOf(record.records, "python")) {
        if (call["call"].toString() == "terminate")
            terminates.append(call);
    }
    QCOMPARE(terminates.size(), 1);
    QCOMPARE(terminates.first()["pid"].toInteger(), main);
    QCOMPARE(terminates.first()["target"].toInteger(), child);
    QCOMPARE(terminates.first()["line"].toInt(), 21);
    // ... and the child it named ended with -15, after the call.
    bool ended = false;
    for (const QJsonObject &exit : recordsOf(record.records, "process")) {
        if (exit["event"].toString() == "exit" && exit["pid"].toInteger() == child) {
            QCOMPARE(exit["exitcode"].toInt(), -15);
            QVERIFY(exit["t"].toDouble() >= terminates.first()["t"].toDouble());
            ended = true;
        }
    }
    QVERIFY(ended);
}

void tst_PythonWorkers::everyStartMethod_data()
{
    QTest::addColumn<QString>("method");
    QTest::newRow("fork") << "fork";
    QTest::newRow("spawn") << "spawn";
    QTest::newRow("forkserver") << "forkserver";
}

void tst_PythonWorkers::everyStartMethod()
{
    QFETCH(QString, method);
    const QString script = writeScript(method + ".py", QByteArray(R"(import multiprocessing as mp
import os, sys

def work(n):
    print("Process {} says: child {}".format(os.getpid(), n))
    print("Process {} says: to stderr".format(os.getpid()), file=sys.stderr)

if __name__ == '__main__':
    mp.set_start_method(")") + method.toUtf8() + R"(")
    print("Process {} says: main".format(os.getpid()))
    ps = [mp.Process(target=work, args=(n,)) for n in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print("Process {} says: exitcodes {}".format(os.getpid(), [p.exitcode for p in ps]))
)");
    const QString path = m_dir.filePath(method + ".proclab-record");
    const Run result = run(
            {"--headless", "--prefix", "pid", "--record", path, "--run", m_python + ' ' + script});
    QCOMPARE(result.exitCode, 0);
    QStringList lines = result.out + result.err;
    QSet<qint64> children;
    int stderrLines = 0;
    for (const QString &line : std::as_const(lines)) {
        const QRegularExpressionMatch match = says.match(line);
        if (!match.hasMatch())
            continue;
        QCOMPARE(match.captured(1), match.captured(2));
        if (match.captured(3).startsWith("child"))
            children.insert(match.captured(1).toLongLong());
        if (match.captured(3) == "to stderr")
            ++stderrLines;
    }
    QCOMPARE(children.size(), 3);
    QCOMPARE(stderrLines, 3);
    QVERIFY2(result.out.filter("exitcodes [0, 0, 0]").size() == 1,
             qPrintable(result.out.join('\n')));

    const RecordReadResult record = readRecordFile(path);
    QVERIFY2(!record.hasProblem(), qPrintable(record.problem));
    QSet<qint64> started;
    int joined = 0;
    for (const QJsonObject &call : recordsOf(record.records, "python")) {
        if (call["call"].toString() == "start")
            started.insert(call["target"].toInteger());
        if (call["call"].toString() == "joined") {
            QCOMPARE(call["exitcode"].toInt(), 0);
            ++joined;
        }
    }
    QCOMPARE(started, children);
    QCOMPARE(joined, 3);
}

void tst_PythonWorkers::sessionLinesCarryTheWriter()
{
    // As the window runs a command: the lines a Worker hands on carry the writer's PID.
    const QString script = writeScript("session-example1.py", TestSupport::tutorialExample1());
    Session session(TestSupport::workerProgram());
    QList<OutputLine> lines;
    connect(&session.pool(),
            &WorkerPool::outputReceived,
            this,
            [&lines](Worker *, const QList<OutputLine> &received) { lines.append(received); });
    QSignalSpy finished(&session, &Session::finished);
    WorkerSpec spec;
    spec.arguments = QStringList{m_python, script};
    spec.followChildren = true;
    Worker *worker = session.runCommand(spec);
    QVERIFY(worker);
    QVERIFY(finished.wait(30000));
    QVERIFY(worker->isSeenAsPython());
    QCOMPARE(lines.size(), 5);
    QSet<qint64> writers;
    for (const OutputLine &line : std::as_const(lines)) {
        const QRegularExpressionMatch match = QRegularExpression("^Process (\\d+) says")
                                                      .match(line.text);
        QVERIFY2(match.hasMatch(), qPrintable(line.text));
        // The program's own line reads as its pipe's (0: the worker's PID and colour).
        const qint64 writer = line.pid != 0 ? line.pid : worker->pid();
        QCOMPARE(writer, match.captured(1).toLongLong());
        writers.insert(writer);
    }
    QCOMPARE(writers.size(), 5);
    QVERIFY(writers.contains(worker->pid()));
    // Each child has its Python name, and its start() call is kept.
    int starts = 0;
    for (const PythonCall &call : worker->pythonCalls()) {
        if (call.call == "start") {
            QVERIFY(writers.contains(call.target));
            QVERIFY(worker->pythonNameOf(call.target).startsWith("Process-"));
            ++starts;
        }
    }
    QCOMPARE(starts, 4);

    // The merged log tells each child's start, then its line, then its end: its line came through
    // a pipe of its own, and is handed on before the end the tracer reported. (The end is told a
    // moment after the tracer's report.)
    QTRY_VERIFY_WITH_TIMEOUT(
            [&session] {
                int ends = 0;
                const Scrollback &log = session.pool().log();
                for (qint64 line = log.firstLine(); line < log.endLine(); ++line)
                    ends += log.at(line).text.contains(QLatin1String(") ended: exit code 0"));
                return ends == 4;
            }(),
            5000);
    for (const qint64 child : std::as_const(writers)) {
        if (child == worker->pid())
            continue;
        qint64 startedAt = -1, printedAt = -1, endedAt = -1;
        const Scrollback &log = session.pool().log();
        for (qint64 line = log.firstLine(); line < log.endLine(); ++line) {
            const OutputLine &entry = log.at(line);
            if (entry.text.startsWith(QStringLiteral("started %1 (child of").arg(child)))
                startedAt = line;
            else if (entry.pid == child)
                printedAt = line;
            else if (entry.text.startsWith(QStringLiteral("%1 (child of").arg(child))
                     && entry.text.contains(QLatin1String("ended")))
                endedAt = line;
        }
        QVERIFY2(startedAt >= 0 && startedAt < printedAt && printedAt < endedAt,
                 qPrintable(QStringLiteral("%1: start %2, line %3, end %4")
                                    .arg(child)
                                    .arg(startedAt)
                                    .arg(printedAt)
                                    .arg(endedAt)));
    }
}

void tst_PythonWorkers::nonPythonCommandsAreUnchanged()
{
    // A shell's lines are its worker's, as before: no channel, no writer PID.
    Session session(TestSupport::workerProgram());
    QList<OutputLine> lines;
    connect(&session.pool(),
            &WorkerPool::outputReceived,
            this,
            [&lines](Worker *, const QList<OutputLine> &received) { lines.append(received); });
    QSignalSpy finished(&session, &Session::finished);
    Worker *worker = session.runCommand(QStringList{"sh", "-c", "echo one; (echo two)"});
    QVERIFY(worker);
    QVERIFY(finished.wait(30000));
    QVERIFY(!worker->isSeenAsPython());
    QCOMPARE(lines.size(), 2);
    for (const OutputLine &line : std::as_const(lines))
        QCOMPARE(line.pid, 0);
}

QTEST_GUILESS_MAIN(tst_PythonWorkers)
#include "tst_pythonworkers.moc"
