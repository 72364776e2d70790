#include "recordreader.h"
#include "recordwriter.h"
#include "runrecorder.h"
#include "session.h"
#include "testsupport.h"
#include "worker.h"
#include "workerpool.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace ProcLab;
using namespace std::chrono_literals;

class tst_RunRecorder final : public QObject
{
    Q_OBJECT

private slots:
    void recordsARealRun();
    void recordsAFailedStart();
    void unwritablePathIsRefusedAndTheRunGoesOn();
    void sizeLimitStopsAtAWholeRecord();

private:
    static QList<QJsonObject> ofKind(const QList<QJsonObject> &records,
                                     const QString &kind,
                                     qint64 pid)
    {
        QList<QJsonObject> found;
        for (const QJsonObject &record : records) {
            if (record["kind"].toString() == kind && record["pid"].toInteger() == pid)
                found.append(record);
        }
        return found;
    }
};

void tst_RunRecorder::recordsARealRun()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("run.proclab-record");
    WorkerPool pool;
    pool.setGracePeriod(300ms);
    RunRecorder recorder(pool);
    QVERIFY2(recorder.start(path), qPrintable(recorder.errorString()));

    WorkerSpec shell;
    shell.arguments = {"sh", "-c", "echo out; echo err >&2; exit 3"};
    Worker *exits = pool.spawn(shell);
    Worker *counts = pool.spawn(TestSupport::workerSpec({"count", "--interval-ms", "20"}));
    Worker *stubborn = pool.spawn(TestSupport::workerSpec({"ignore-term"}));
    QVERIFY(exits && counts && stubborn);
    QTRY_VERIFY(counts->lineCount(OutputChannel::StdOut) >= 2);
    QTRY_VERIFY(stubborn->lineCount(OutputChannel::StdOut) >= 1); // its handler is in place
    pool.terminate(counts);
    pool.terminate(stubborn); // ignores SIGTERM: killed after the grace
    QSignalSpy finished(&pool, &WorkerPool::allFinished);
    QVERIFY(finished.wait(10000));
    recorder.stop();

    const RecordReadResult result = readRecordFile(path);
    QVERIFY2(!result.hasProblem(), qPrintable(result.problem));
    QVERIFY(result.complete);
    const QList<QJsonObject> &records = result.records;

    // The shell: started by ProcLab, printed one line on each stream, exited 3 on its own.
    const QList<QJsonObject> shellProcess = ofKind(records, "process", exits->pid());
    QCOMPARE(shellProcess.size(), 2);
    QCOMPARE(shellProcess.at(0)["event"].toString(), "start");
    QCOMPARE(shellProcess.at(0)["ppid"].toInteger(), QCoreApplication::applicationPid());
    QCOMPARE(shellProcess.at(0)["argv"].toArray().at(2).toString(), shell.arguments.at(2));
    QCOMPARE(shellProcess.at(0)["worker"].toInt(), exits->id());
    QCOMPARE(shellProcess.at(1)["event"].toString(), "exit");
    QCOMPARE(shellProcess.at(1)["exitcode"].toInt(), 3);
    QCOMPARE(shellProcess.at(1)["reason"].toString(), "exited");
    const QList<QJsonObject> shellOutput = ofKind(records, "output", exits->pid());
    QCOMPARE(shellOutput.size(), 2);
    QSet<QString> streams;
    for (const QJsonObject &line : shellOutput)
        streams.insert(line["stream"].toString() + ':' + line["text"].toString());
    QCOMPARE(streams, (QSet<QString>{"stdout:out", "stderr:err"}));

    // The counter: every line it printed is in the record, then SIGTERM to its group and -15.
    const QList<QJsonObject> countOutput = ofKind(records, "output", counts->pid());
    QCOMPARE(countOutput.size(), int(counts->lineCount(OutputChannel::StdOut)));
    const QList<QJsonObject> countSignals = ofKind(records, "signal", counts->pid());
    QCOMPARE(countSignals.size(), 1);
    QCOMPARE(countSignals.at(0)["signal"].toInt(), SIGTERM);
    QCOMPARE(countSignals.at(0)["target"].toString(), "group");
    QCOMPARE(ofKind(records, "process", counts->pid()).last()["exitcode"].toInt(), -SIGTERM);
    QCOMPARE(ofKind(records, "process", counts->pid()).last()["reason"].toString(), "terminated");

    // The stubborn one: SIGTERM, then SIGKILL after the grace, and -9.
    const QList<QJsonObject> stubbornSignals = ofKind(records, "signal", stubborn->pid());
    QCOMPARE(stubbornSignals.size(), 2);
    QCOMPARE(stubbornSignals.at(1)["name"].toString(), "SIGKILL");
    QVERIFY(stubbornSignals.at(1)["t"].toDouble() - stubbornSignals.at(0)["t"].toDouble() >= 250);
    const QJsonObject stubbornExit = ofKind(records, "process", stubborn->pid()).last();
    QCOMPARE(stubbornExit["exitcode"].toInt(), -SIGKILL);
    QCOMPARE(stubbornExit["signal"].toString(), "SIGKILL");

    // Time runs forward through the file.
    double last = 0;
    for (const QJsonObject &record : records) {
        const double t = record["t"].toDouble();
        QVERIFY2(t + 1 >= last, qPrintable(QString::number(t))); // lines of one read share a stamp
        last = qMax(last, t);
    }
}

void tst_RunRecorder::recordsAFailedStart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("failed.proclab-record");
    WorkerPool pool;
    RunRecorder recorder(pool);
    QVERIFY(recorder.start(path));
    WorkerSpec missing;
    missing.arguments = {"proclab-no-such-program-here"};
    pool.spawn(missing);
    QTRY_VERIFY(!pool.hasActiveWorkers());
    recorder.stop();

    const RecordReadResult result = readRecordFile(path);
    QVERIFY2(!result.hasProblem(), qPrintable(result.problem));
    QCOMPARE(result.records.size(), 3); // header, the failed start, end
    const QJsonObject failure = result.records.at(1);
    QCOMPARE(failure["event"].toString(), "exit");
    QVERIFY(failure["exitcode"].isNull());
    QCOMPARE(failure["reason"].toString(), "failed-to-start");
    QVERIFY2(failure["error"].toString().contains("proclab-no-such-program-here"),
             qPrintable(failure["error"].toString()));
}

void tst_RunRecorder::unwritablePathIsRefusedAndTheRunGoesOn()
{
    WorkerPool pool;
    RunRecorder recorder(pool);
    QVERIFY(!recorder.start("/proc/no-such-dir/run.proclab-record"));
    QVERIFY(!recorder.errorString().isEmpty());
    Worker *worker = pool.spawn(TestSupport::workerSpec({"say", "hello"}));
    QVERIFY(worker);
    QTRY_COMPARE(worker->state(), WorkerState::Finished);
    QCOMPARE(worker->exitInfo().pythonExitCode(), std::optional<int>(0));
}

void tst_RunRecorder::sizeLimitStopsAtAWholeRecord()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("limited.proclab-record");
    RecordWriter writer;
    QSignalSpy failed(&writer, &RecordWriter::failed);
    QVERIFY(writer.open(path, 0));
    constexpr qint64 Limit = 64 * 1024;
    writer.setSizeLimit(Limit);
    const QString text(100, QLatin1Char('x'));
    for (int i = 0; i < 2000; ++i) // about 250 KB of records
        writer.writeOutput(i * 1000, 42, QLatin1String("stdout"), text);
    writer.flush();
    QCOMPARE(failed.count(), 1);
    QVERIFY(!writer.isOpen());
    QVERIFY2(failed.first().first().toString().contains("size limit"),
             qPrintable(failed.first().first().toString()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray kept = file.readAll();
    QVERIFY2(kept.size() <= Limit && kept.size() > Limit - 1024, QByteArray::number(kept.size()));
    QVERIFY(kept.endsWith('\n'));
    // Everything kept reads back: the cut is between two records.
    const RecordReadResult read = readRecordFile(path);
    QCOMPARE(read.records.size(), kept.count('\n'));
    QVERIFY(!read.complete);
}

QTEST_GUILESS_MAIN(tst_RunRecorder)
#include "tst_runrecorder.moc"
