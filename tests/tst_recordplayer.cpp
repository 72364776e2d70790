#include "descendanttracker.h"
#include "processtarget.h"
#include "recordplayer.h"
#include "recordreader.h"
#include "recordwriter.h"
#include "session.h"
#include "testsupport.h"
#include "worker.h"
#include "workerpool.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <unistd.h>

using namespace ProcLab;
using namespace std::chrono_literals;

namespace {

// What a pool shows, in the terms a view reads it: rows, lines, descendants.
struct LineView
{
    int workerId = 0;
    qint32 pid = 0;
    OutputChannel channel = OutputChannel::StdOut;
    QString text;
    bool operator==(const LineView &other) const
    {
        return workerId == other.workerId && pid == other.pid && channel == other.channel
               && text == other.text;
    }
};

QString describe(const LineView &line)
{
    return QStringLiteral("[w%1 p%2 c%3] %4")
            .arg(line.workerId)
            .arg(line.pid)
            .arg(int(line.channel))
            .arg(line.text);
}

// The program's lines (not the monitor's own event lines, which are told anew in a replay).
QList<LineView> programLines(const Scrollback &scrollback)
{
    QList<LineView> lines;
    for (qint64 i = scrollback.firstLine(); i < scrollback.endLine(); ++i) {
        const OutputLine &line = scrollback.at(i);
        if (line.channel == OutputChannel::Monitor)
            continue;
        lines.append({line.workerId, line.pid, line.channel, line.text});
    }
    return lines;
}

QStringList monitorLines(const Scrollback &scrollback)
{
    QStringList lines;
    for (qint64 i = scrollback.firstLine(); i < scrollback.endLine(); ++i) {
        if (scrollback.at(i).channel == OutputChannel::Monitor)
            lines.append(scrollback.at(i).text);
    }
    return lines;
}

void writeLines(const QString &path, const QList<QByteArray> &lines)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    for (const QByteArray &line : lines)
        file.write(line + '\n');
}

QByteArray headerLine(int version = 1, qint64 monitorPid = 4242)
{
    return QByteArray("{\"kind\":\"header\",\"t\":0,\"format\":\"proclab-record\",\"version\":")
           + QByteArray::number(version)
           + ",\"proclab\":\"0.1.0\",\"started\":\"2026-12-03T12:04:05.123Z\",\"monitorPid\":"
           + QByteArray::number(monitorPid) + "}";
}

QByteArray workerStart(double t, qint64 pid, int worker, qint64 monitorPid = 4242)
{
    return "{\"kind\":\"process\",\"t\":" + QByteArray::number(t) + ",\"event\":\"start\",\"pid\":"
           + QByteArray::number(pid) + ",\"ppid\":" + QByteArray::number(monitorPid)
           + ",\"argv\":[\"sleep\",\"30\"],\"worker\":" + QByteArray::number(worker) + "}";
}

QByteArray outputLine(double t, qint64 pid, const QByteArray &text)
{
    return "{\"kind\":\"output\",\"t\":" + QByteArray::number(t, 'f', 3) + ",\"pid\":"
           + QByteArray::number(pid) + ",\"stream\":\"stdout\",\"text\":\"" + text + "\"}";
}

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

bool openAndWait(RecordPlayer &player, const QString &path)
{
    if (!player.open(path))
        return false;
    QSignalSpy indexed(&player, &RecordPlayer::indexed);
    return player.isIndexed() || indexed.wait(60000);
}

bool seekAndWait(RecordPlayer &player, qint64 positionUs)
{
    QSignalSpy caughtUp(&player, &RecordPlayer::caughtUp);
    player.seek(positionUs);
    return caughtUp.wait(60000);
}

} // namespace

class tst_RecordPlayer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void replaysARealRunAsItWas();
    void playsAtTheSpeedAsked();
    void opensTruncatedAndCorruptRecordsUpToTheBadLine();
    void refusesWhatIsNotARecord();
    void decodesWhatTheWriterEscapes();
    void saysANewerVersion();
    void replayRunsAndSignalsNothing();
    void readsTheSameUnderAKoreanLocale();
    void indexesABigRecordWithoutLoadingIt();
    void feedsAMillionLinesInSlices();

private:
    QString m_recordPath;
    QTemporaryDir m_dir;
};

void tst_RecordPlayer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (qEnvironmentVariableIsEmpty("PROCLAB_WORKER"))
        qputenv("PROCLAB_WORKER", QFile::encodeName(TestSupport::workerProgram()));
}

void tst_RecordPlayer::replaysARealRunAsItWas()
{
    // A real run, recorded: the two lessons, a command that forks, the tutorial's example 1.
    m_recordPath = m_dir.filePath("real.proclab-record");
    Session live(TestSupport::workerProgram());
    live.setGracePeriod(300ms);
    QVERIFY2(live.startRecording(m_recordPath), qPrintable(live.recordingError()));
    QSignalSpy finished(&live, &Session::finished);
    QVERIFY(live.startSpawnLesson(2));
    QVERIFY(live.startCountdownLesson(1s, 250ms));
    QVERIFY(live.runCommand(QStringList{"sh", "-c", "sleep 0.2 & sleep 0.1; echo forked; wait"}));
    const QString script = m_dir.filePath("example1.py");
    {
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(TestSupport::tutorialExample1());
    }
    const bool havePython = QFile::exists("/usr/bin/python3");
    if (havePython)
        QVERIFY(live.runCommand(QStringList{"/usr/bin/python3", script}));
    QVERIFY(finished.wait(60000));
    live.stopRecording();

    RecordPlayer player;
    // A view's copy of the rows, kept by the pool's row signals alone: exact ranges keep it right.
    QList<int> rows;
    const WorkerPool &replayPool = player.session().pool();
    connect(&replayPool, &WorkerPool::workersInserted, this, [&](int first, int last) {
        for (int row = first; row <= last; ++row)
            rows.insert(row, replayPool.at(row)->id());
    });
    connect(&replayPool, &WorkerPool::workersAboutToBeRemoved, this, [&](int first, int last) {
        QVERIFY(first >= 0 && last < rows.size());
        rows.remove(first, last - first + 1);
    });
    const auto rowIds = [](const WorkerPool &pool) {
        QList<int> ids;
        for (const Worker *worker : pool.workers())
            ids.append(worker->id());
        return ids;
    };
    QVERIFY2(openAndWait(player, m_recordPath), qPrintable(player.problem()));
    QVERIFY2(player.problem().isEmpty(), qPrintable(player.problem()));
    QVERIFY(player.isComplete());
    QVERIFY(player.durationUs() > 1000 * 1000); // the countdown alone lasts a second
    const RecordReadResult whole = readRecordFile(m_recordPath);
    QCOMPARE(player.recordCount(), qint64(whole.records.size()));
    QVERIFY(seekAndWait(player, player.durationUs()));

    const WorkerPool &pool = live.pool();
    const WorkerPool &replayed = player.session().pool();
    int descendants = 0;
    for (const Worker *worker : pool.workers())
        descendants += worker->descendants() ? int(worker->descendants()->count()) : 0;
    qInfo("recorded: %d workers, %d processes followed, %lld lines in the log, %lld records",
          pool.count(),
          descendants,
          qint64(pool.log().size()),
          player.recordCount());
    for (const Worker *worker : pool.workers())
        QVERIFY2(worker->state() != WorkerState::FailedToStart,
                 qPrintable(worker->exitInfo().errorText));
    QVERIFY(replayed.isReplay());
    QCOMPARE(replayed.count(), pool.count());
    QCOMPARE(rows, rowIds(pool));
    for (int row = 0; row < pool.count(); ++row) {
        const Worker *was = pool.at(row);
        const Worker *is = replayed.at(row);
        QCOMPARE(is->id(), was->id());
        QCOMPARE(is->pid(), was->pid());
        QCOMPARE(is->name(), was->name());
        QCOMPARE(is->commandLine(), was->commandLine());
        QCOMPARE(is->state(), was->state());
        QCOMPARE(is->exitInfo().pythonExitCode(), was->exitInfo().pythonExitCode());
        QCOMPARE(is->exitInfo().reason, was->exitInfo().reason);
        QCOMPARE(stateText(*is), stateText(*was));
        QCOMPARE(is->startTime().toMSecsSinceEpoch(), was->startTime().toMSecsSinceEpoch());
        QCOMPARE(is->isSeenAsPython(), was->isSeenAsPython());
        QCOMPARE(is->spec().lessonRole, was->spec().lessonRole);
        QCOMPARE(is->spec().lessonText, was->spec().lessonText);
        QCOMPARE(is->lineCount(OutputChannel::StdOut), was->lineCount(OutputChannel::StdOut));
        QCOMPARE(is->lineCount(OutputChannel::StdErr), was->lineCount(OutputChannel::StdErr));
        // Byte for byte, each worker's own history.
        const QList<LineView> wasLines = programLines(was->scrollback());
        const QList<LineView> isLines = programLines(is->scrollback());
        QCOMPARE(isLines.size(), wasLines.size());
        for (qsizetype i = 0; i < wasLines.size(); ++i)
            QVERIFY2(isLines.at(i) == wasLines.at(i),
                     qPrintable(describe(isLines.at(i)) + " != " + describe(wasLines.at(i))));
        // Its events, in the same words.
        QStringList wasEvents;
        QStringList isEvents;
        for (const WorkerEvent &event : was->events())
            wasEvents.append(event.text);
        for (const WorkerEvent &event : is->events())
            isEvents.append(event.text);
        QCOMPARE(isEvents, wasEvents);
        QCOMPARE(is->pythonCalls().size(), was->pythonCalls().size());
        // Its descendants: the same PIDs, the same ends.
        QCOMPARE(bool(is->descendants()), bool(was->descendants()));
        if (was->descendants()) {
            const DescendantTracker &wasTree = *was->descendants();
            const DescendantTracker &isTree = *is->descendants();
            QCOMPARE(isTree.count(), wasTree.count());
            const QList<quint64> wasIds = wasTree.ids();
            const QList<quint64> isIds = isTree.ids();
            for (qsizetype i = 0; i < wasIds.size(); ++i) {
                const Descendant *a = wasTree.descendant(wasIds.at(i));
                const Descendant *b = isTree.descendant(isIds.at(i));
                QCOMPARE(b->pid, a->pid);
                QCOMPARE(b->parentPid == a->parentPid, a != wasTree.root());
                QCOMPARE(b->exitInfo.pythonExitCode(), a->exitInfo.pythonExitCode());
                QCOMPARE(b->isAlive(), false);
            }
        }
    }
    // The merged log: the same lines in the same order, the main program's line included.
    const QList<LineView> wasLog = programLines(pool.log());
    const QList<LineView> isLog = programLines(replayed.log());
    QCOMPARE(isLog.size(), wasLog.size());
    for (qsizetype i = 0; i < wasLog.size(); ++i)
        QVERIFY2(isLog.at(i) == wasLog.at(i),
                 qPrintable(QString::number(i) + ": " + describe(isLog.at(i))
                            + " != " + describe(wasLog.at(i))));
    const QString mainLine = QStringLiteral("Process %1 says: ")
                                     .arg(QCoreApplication::applicationPid());
    QCOMPARE(std::count_if(isLog.cbegin(),
                           isLog.cend(),
                           [&](const LineView &line) { return line.text.startsWith(mainLine); }),
             qsizetype(2));
    // The monitor's lines about descendants are told again, every one of them.
    QStringList wasMonitor = monitorLines(pool.log());
    QStringList isMonitor = monitorLines(replayed.log());
    wasMonitor.sort();
    isMonitor.sort();
    QCOMPARE(isMonitor, wasMonitor);

    // The middle: what started later is absent, and no line is from after the position.
    const qint64 middle = player.durationUs() / 2;
    QVERIFY(seekAndWait(player, middle));
    const qint64 middleMs = QDateTime::fromString(player.header()["started"].toString(),
                                                  Qt::ISODateWithMs)
                                    .toMSecsSinceEpoch()
                            + middle / 1000;
    QCOMPARE(replayed.nowMs(), middleMs);
    QVERIFY(replayed.count() < pool.count() || replayed.log().size() < pool.log().size());
    for (const Worker *worker : replayed.workers())
        QVERIFY(worker->startTime().toMSecsSinceEpoch() <= middleMs);
    for (qint64 i = replayed.log().firstLine(); i < replayed.log().endLine(); ++i)
        QVERIFY2(replayed.log().at(i).timestampMs <= middleMs,
                 qPrintable(replayed.log().at(i).text));
    const QList<LineView> middleLines = programLines(replayed.log());

    // Back to the start, and on to the middle again: the same.
    QVERIFY(seekAndWait(player, 0));
    QVERIFY(replayed.count() <= 1);
    QVERIFY(seekAndWait(player, middle));
    QCOMPARE(programLines(replayed.log()), middleLines);
    QVERIFY(seekAndWait(player, player.durationUs()));
    QCOMPARE(programLines(replayed.log()), wasLog);
    QCOMPARE(replayed.count(), pool.count());
    QCOMPARE(rows, rowIds(pool));

    // Stepping goes from event to event, and not past the ends.
    QVERIFY(seekAndWait(player, 0));
    QSignalSpy caughtUp(&player, &RecordPlayer::caughtUp);
    player.stepForward();
    QVERIFY(caughtUp.wait(10000));
    const qint64 firstEvent = player.positionUs();
    QVERIFY(firstEvent > 0);
    player.stepForward();
    QVERIFY(caughtUp.wait(10000));
    QVERIFY(player.positionUs() > firstEvent);
    player.stepBackward();
    QVERIFY(caughtUp.wait(10000));
    QCOMPARE(player.positionUs(), firstEvent);
}

void tst_RecordPlayer::playsAtTheSpeedAsked()
{
    // A record of five seconds: a line every 100 ms.
    const QString path = m_dir.filePath("five.proclab-record");
    QList<QByteArray> lines{headerLine(), workerStart(0, 999999, 1)};
    for (int i = 1; i <= 50; ++i)
        lines.append(outputLine(i * 100.0, 999999, "line " + QByteArray::number(i)));
    lines.append(
            "{\"kind\":\"process\",\"t\":5000,\"event\":\"exit\",\"pid\":999999,\"exitcode\":0,"
            "\"reason\":\"exited\"}");
    lines.append("{\"kind\":\"end\",\"t\":5000}");
    writeLines(path, lines);

    RecordPlayer player;
    QVERIFY(openAndWait(player, path));
    QCOMPARE(player.durationUs(), qint64(5000 * 1000));
    // Halfway, the worker runs, for as long as the record says by then (not the wall clock).
    QVERIFY(seekAndWait(player, 2500 * 1000));
    QCOMPARE(player.session().pool().at(0)->state(), WorkerState::Running);
    QCOMPARE(player.session().pool().at(0)->runningTimeMs(), qint64(2500));
    QCOMPARE(player.session().pool().at(0)->lineCount(OutputChannel::StdOut), qint64(25));
    QVERIFY(seekAndWait(player, 0));
    player.setSpeed(100); // clamped
    QCOMPARE(player.speed(), RecordPlayer::MaximumSpeed);
    QSignalSpy playing(&player, &RecordPlayer::playingChanged);
    QSignalSpy moved(&player, &RecordPlayer::positionChanged);
    QElapsedTimer clock;
    clock.start();
    player.play();
    QVERIFY(player.isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(!player.isPlaying(), 10000);
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(playing.size(), 2);
    QCOMPARE(playing.last().at(0).toBool(), false);
    QCOMPARE(player.positionUs(), player.durationUs());
    // 5 s at 8× is 625 ms: never faster than the speed allows, and well under the real pace.
    QVERIFY2(elapsed >= 5000 / 8 - 60, qPrintable(QString::number(elapsed)));
    QVERIFY2(elapsed < 5000 / 2, qPrintable(QString::number(elapsed)));
    // The position moved in steps, not more often than every 50 ms.
    QVERIFY(moved.size() >= 3);
    QVERIFY(moved.size() <= elapsed / 45 + 2);
    QTRY_COMPARE_WITH_TIMEOUT(player.session().pool().at(0)->lineCount(OutputChannel::StdOut),
                              qint64(50),
                              5000);
    QCOMPARE(player.session().pool().at(0)->state(), WorkerState::Finished);
    QCOMPARE(player.session().pool().at(0)->runningTimeMs(), qint64(5000));
}

void tst_RecordPlayer::opensTruncatedAndCorruptRecordsUpToTheBadLine()
{
    QList<QByteArray> lines{headerLine(), workerStart(0, 999999, 1)};
    for (int i = 1; i <= 10; ++i)
        lines.append(outputLine(i * 10.0, 999999, "line " + QByteArray::number(i)));

    // Cut in the middle of its last line.
    {
        const QString path = m_dir.filePath("cut.proclab-record");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (const QByteArray &line : lines)
            file.write(line + '\n');
        file.write(outputLine(110, 999999, "line 11").left(30));
        file.close();
        RecordPlayer player;
        QVERIFY(openAndWait(player, path));
        QCOMPARE(player.problemLine(), 13);
        QVERIFY2(player.problem().contains("cut short"), qPrintable(player.problem()));
        QVERIFY(player.problem().contains("13"));
        QVERIFY(!player.isComplete());
        QCOMPARE(player.durationUs(), qint64(100 * 1000));
        player.seekToEnd();
        QSignalSpy caughtUp(&player, &RecordPlayer::caughtUp);
        QVERIFY(caughtUp.wait(10000));
        QCOMPARE(player.session().pool().at(0)->lineCount(OutputChannel::StdOut), qint64(10));
    }
    // A line of garbage in the middle: read up to it.
    {
        const QString path = m_dir.filePath("corrupt.proclab-record");
        QList<QByteArray> corrupt = lines;
        corrupt.insert(7, "this is { not json");
        corrupt.append("{\"kind\":\"end\",\"t\":200}");
        writeLines(path, corrupt);
        RecordPlayer player;
        QVERIFY(openAndWait(player, path));
        QCOMPARE(player.problemLine(), 8);
        QVERIFY2(player.problem().startsWith("line 8 is not a record"),
                 qPrintable(player.problem()));
        QVERIFY(!player.isComplete());
        QCOMPARE(player.recordCount(), qint64(7));
        QCOMPARE(player.durationUs(), qint64(50 * 1000));
        QVERIFY(seekAndWait(player, player.durationUs()));
        const Worker *worker = player.session().pool().at(0);
        QCOMPARE(worker->lineCount(OutputChannel::StdOut), qint64(5));
        QCOMPARE(worker->lastLine(), QString("line 5"));
        // The same sentence as the whole-file reader's.
        const RecordReadResult read = readRecordFile(path);
        QCOMPARE(player.problem(), read.problem);
        QCOMPARE(player.problemLine(), read.problemLine);
    }
    // A record without "t" on a line: the reader's sentence too.
    {
        const QString path = m_dir.filePath("no-t.proclab-record");
        QList<QByteArray> noTime = lines;
        noTime.insert(4, "{\"kind\":\"output\",\"pid\":1}");
        writeLines(path, noTime);
        RecordPlayer player;
        QVERIFY(openAndWait(player, path));
        const RecordReadResult read = readRecordFile(path);
        QCOMPARE(player.problemLine(), 5);
        QCOMPARE(player.problem(), read.problem);
    }
}

void tst_RecordPlayer::refusesWhatIsNotARecord()
{
    const QString text = m_dir.filePath("notes.txt");
    writeLines(text, {"hello", "world"});
    RecordPlayer player;
    QVERIFY(!player.open(text));
    QVERIFY2(player.problem().contains("not a ProcLab record"), qPrintable(player.problem()));
    const QString json = m_dir.filePath("other.json");
    writeLines(json, {"{\"kind\":\"header\",\"format\":\"something-else\",\"t\":0}"});
    QVERIFY(!player.open(json));
    QVERIFY(player.problem().contains("not a ProcLab record"));
    const QString empty = m_dir.filePath("empty.proclab-record");
    writeLines(empty, {});
    QVERIFY(!player.open(empty));
    QCOMPARE(player.problem(), readRecordFile(empty).problem);
    QVERIFY(!player.open(m_dir.filePath("missing.proclab-record")));
    QVERIFY(player.problem().contains("cannot open"));
}

void tst_RecordPlayer::decodesWhatTheWriterEscapes()
{
    // Every line read back as the writer wrote it, by the short way or the long one.
    const QStringList texts{QStringLiteral("quote \" and back\\slash"),
                            QStringLiteral("tab\there, a lone\rreturn"),
                            QStringLiteral("\x1b[31mred\x1b[0m and \x7f"),
                            QString::fromUtf8("서브 프로그램 0, and 😀"),
                            QStringLiteral("ends with a backslash \\"),
                            QStringLiteral("\"}"),
                            QStringLiteral("a \u0001 control, \u00e9t\u00e9")};
    const QString path = m_dir.filePath("escapes.proclab-record");
    {
        RecordWriter writer;
        const qint64 startUs = QDateTime::currentMSecsSinceEpoch() * 1000;
        QVERIFY(writer.open(path, startUs));
        writer.writeProcessStart(startUs, 999999, QCoreApplication::applicationPid(), {"x"}, 1);
        for (qsizetype i = 0; i < texts.size(); ++i)
            writer.writeOutput(startUs + 1000 * (i + 1),
                               999999,
                               i % 2 ? QLatin1String("stderr") : QLatin1String("stdout"),
                               texts.at(i));
        writer.close(startUs + 100 * 1000);
    }
    // Asked for the end before the index knows where it is: taken once it does.
    RecordPlayer player;
    QVERIFY(player.open(path));
    player.seekToEnd();
    QTRY_VERIFY_WITH_TIMEOUT(player.isIndexed() && player.durationUs() == 100 * 1000
                                     && player.positionUs() == player.durationUs()
                                     && player.session().pool().count() == 1
                                     && player.session().pool().at(0)->scrollback().size()
                                                == texts.size(),
                             10000);
    const Scrollback &lines = player.session().pool().at(0)->scrollback();
    QCOMPARE(lines.size(), texts.size());
    for (qsizetype i = 0; i < texts.size(); ++i) {
        QCOMPARE(lines.at(lines.firstLine() + i).text, texts.at(i));
        QCOMPARE(lines.at(lines.firstLine() + i).channel,
                 i % 2 ? OutputChannel::StdErr : OutputChannel::StdOut);
        QCOMPARE(lines.at(lines.firstLine() + i).pid, 0);
    }
}

void tst_RecordPlayer::saysANewerVersion()
{
    const QString path = m_dir.filePath("newer.proclab-record");
    writeLines(path,
               {headerLine(7),
                workerStart(0, 999999, 1),
                "{\"kind\":\"hologram\",\"t\":5,\"what\":\"unknown\"}",
                outputLine(10, 999999, "still read"),
                "{\"kind\":\"end\",\"t\":20}"});
    RecordPlayer player;
    QVERIFY(openAndWait(player, path));
    QVERIFY(player.isNewerVersion());
    QVERIFY2(player.problem().contains("newer ProcLab"), qPrintable(player.problem()));
    QCOMPARE(player.problem(), readRecordFile(path).problem);
    QCOMPARE(player.problemLine(), 0);
    QVERIFY(player.isComplete());
    QVERIFY(seekAndWait(player, player.durationUs()));
    QCOMPARE(player.session().pool().at(0)->lastLine(), QString("still read"));
}

void tst_RecordPlayer::replayRunsAndSignalsNothing()
{
    // A live process of ours, unrelated to any record, leading a group of its own: a recorded
    // PID may be exactly that today.
    QProcess victim;
    victim.setChildProcessModifier([] { ::setpgid(0, 0); });
    victim.start("sleep", {"30"});
    QVERIFY(victim.waitForStarted());
    const qint64 pid = victim.processId();
    const QString path = m_dir.filePath("victim.proclab-record");
    writeLines(path,
               {headerLine(1, 4242),
                "{\"kind\":\"process\",\"t\":1,\"event\":\"start\",\"pid\":"
                        + QByteArray::number(pid)
                        + ",\"ppid\":4242,\"argv\":[\"sleep\",\"30\"],\"worker\":1,\"followed\":"
                          "true}",
                outputLine(3, pid, "running")});

    {
        RecordPlayer player;
        QVERIFY(openAndWait(player, path));
        QVERIFY(seekAndWait(player, player.durationUs()));
        Session &session = player.session();
        session.setGracePeriod(0ms);
        QCOMPARE(session.pool().count(), 1);
        Worker *worker = session.pool().at(0);
        QCOMPARE(worker->pid(), pid);
        QCOMPARE(worker->state(), WorkerState::Running);
        QVERIFY(worker->isReplay());
        // Nothing of it is live: quitting waits for nothing, and nothing is sampled.
        QVERIFY(!session.hasLiveProcesses());
        QVERIFY(!session.pool().hasActiveWorkers());
        session.sampler().sampleNow();
        QVERIFY(!session.sampler().isSampling());
        QVERIFY(session.sampler().tree(worker->id()).leader.pid == 0);

        QSignalSpy refused(&session, &Session::refused);
        const QList<Worker *> workers{worker};
        session.pause(workers);
        session.resume(workers);
        session.sendSignal(workers, SIGINT);
        session.terminateAfter(workers, 0ms);
        session.terminate(workers);
        session.kill(workers);
        QVERIFY(!session.signalProcess(ProcessTarget{worker->id(), pid}, SIGTERM));
        QVERIFY(!refused.isEmpty());
        QVERIFY2(refused.last().at(0).toString().contains("replayed"),
                 qPrintable(refused.last().at(0).toString()));
        QString whyNot;
        QVERIFY(!worker->signalProcess(pid, SIGKILL, &whyNot));
        QVERIFY(!whyNot.isEmpty());
        session.requestStop();
        session.requestStop();
        worker->start({});
        // The operating system first: a countdown or a grace period would fire at once, so let
        // the event loop run a while, then look in /proc.
        QProcess witness;
        witness.start("sleep", {"0.5"});
        QVERIFY(witness.waitForFinished(5000));
        QCoreApplication::processEvents();
        const char state = TestSupport::processState(pid);
        QVERIFY2(state == 'S' || state == 'R', qPrintable(QString("state %1").arg(QChar(state))));
        // The session takes no work.
        QVERIFY(!session.acceptsWork());
        QVERIFY(!session.canRunLessons());
        QVERIFY(!session.runCommand(QStringList{"true"}));
        QVERIFY(!session.startSpawnLesson(1));
        QVERIFY(refused.last().at(0).toString().contains("replayed"));
        QCOMPARE(worker->state(), WorkerState::Running);
        QCOMPARE(session.pool().count(), 1);
    }
    // The player and its workers are gone: a destroyed live worker kills its group.
    QProcess witness;
    witness.start("sleep", {"0.2"});
    QVERIFY(witness.waitForFinished(5000));
    const char state = TestSupport::processState(pid);
    QVERIFY2(state == 'S' || state == 'R', qPrintable(QString("state %1").arg(QChar(state))));
    QCOMPARE(victim.state(), QProcess::Running);
    victim.kill();
    QVERIFY(victim.waitForFinished(5000));
}

void tst_RecordPlayer::readsTheSameUnderAKoreanLocale()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::Korean, QLocale::SouthKorea));
    const QByteArray lang = qgetenv("LANG");
    qputenv("LANG", "ko_KR.UTF-8");
    const QString path = m_dir.filePath("korean.proclab-record");
    {
        Session live(TestSupport::workerProgram());
        live.setDemoLanguage(DemoLanguage::Korean);
        QVERIFY(live.startRecording(path));
        QSignalSpy finished(&live, &Session::finished);
        QVERIFY(live.startSpawnLesson(1));
        QVERIFY(finished.wait(20000));
        live.stopRecording();
    }
    const RecordReadResult read = readRecordFile(path);
    QVERIFY2(!read.hasProblem(), qPrintable(read.problem));
    const double lastT = read.records.last()["t"].toDouble();

    // Opened under the Korean locale and under the C one: the same times, English words.
    for (const bool korean : {true, false}) {
        if (!korean) {
            QLocale::setDefault(before);
            qputenv("LANG", lang);
        }
        RecordPlayer player;
        QVERIFY(openAndWait(player, path));
        QVERIFY2(player.problem().isEmpty(), qPrintable(player.problem()));
        QCOMPARE(player.durationUs(), qint64(std::llround(lastT * 1000)));
        QVERIFY(seekAndWait(player, player.durationUs()));
        const Worker *worker = player.session().pool().at(0);
        QVERIFY(worker->lastLine().contains(QString::fromUtf8("서브 프로그램")));
        QVERIFY2(worker->events().first().text.startsWith("started "),
                 qPrintable(worker->events().first().text));
        QVERIFY(worker->events().last().text.contains("exited after"));
        QCOMPARE(worker->exitInfo().pythonExitCode(), std::optional<int>(0));
    }
}

void tst_RecordPlayer::indexesABigRecordWithoutLoadingIt()
{
    // ~300 MB of output lines, written directly.
    const QString path = m_dir.filePath("big.proclab-record");
    const QByteArray text(180, 'x');
    qint64 lineCount = 0;
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(headerLine() + '\n' + workerStart(0, 999999, 1) + '\n');
        QByteArray block;
        block.reserve(4 * 1024 * 1024);
        while (file.size() + block.size() < 300LL * 1024 * 1024) {
            ++lineCount;
            block += "{\"kind\":\"output\",\"t\":";
            block += QByteArray::number(lineCount / 1000);
            block += '.';
            block += QByteArray::number(lineCount % 1000).rightJustified(3, '0');
            block += ",\"pid\":999999,\"stream\":\"stdout\",\"text\":\"";
            block += text;
            block += "\"}\n";
            if (block.size() > 4 * 1024 * 1024 - 512) {
                QVERIFY(file.write(block) == block.size());
                block.clear();
            }
        }
        file.write(block);
        file.write("{\"kind\":\"end\",\"t\":" + QByteArray::number(lineCount + 1) + "}\n");
    }
    const qint64 size = QFileInfo(path).size();
    QVERIFY(size > 300LL * 1024 * 1024);

    const qint64 residentBefore = residentKiB();
    qint64 residentMost = residentBefore;
    QTimer sampler;
    connect(&sampler, &QTimer::timeout, this, [&] {
        residentMost = qMax(residentMost, residentKiB());
    });
    sampler.start(10);
    RecordPlayer player;
    QSignalSpy indexed(&player, &RecordPlayer::indexed);
    QSignalSpy progress(&player, &RecordPlayer::indexingProgress);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(player.open(path));
    const qint64 openMs = clock.elapsed();
    QVERIFY(!player.isIndexed());
    QVERIFY(indexed.wait(120000));
    const qint64 indexMs = clock.elapsed();
    sampler.stop();
    qInfo("300 MB record: open() %lld ms, indexed in %lld ms, RSS +%lld KiB",
          openMs,
          indexMs,
          residentMost - residentBefore);
    QVERIFY2(openMs * 10 < indexMs, qPrintable(QString("%1 / %2").arg(openMs).arg(indexMs)));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(player.recordCount(), lineCount + 3);
    QVERIFY(player.isComplete());
    QCOMPARE(player.durationUs(), (lineCount + 1) * 1000);
    QVERIFY(player.problem().isEmpty());
    // Not loaded: the process grew by far less than the file.
    if (!TestSupport::UnderAddressSanitizer)
        QVERIFY2((residentMost - residentBefore) * 1024 < size / 10,
                 qPrintable(QString::number(residentMost - residentBefore)));
    QVERIFY(QFile::remove(path));
}

void tst_RecordPlayer::feedsAMillionLinesInSlices()
{
    // A million lines of two workers, a second of them: fed to the end without ever holding
    // the event loop for long.
    const QString path = m_dir.filePath("million.proclab-record");
    constexpr int Lines = 1000 * 1000;
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(headerLine() + '\n' + workerStart(0, 999998, 1) + '\n'
                   + workerStart(0, 999999, 2) + '\n');
        QByteArray block;
        for (int i = 1; i <= Lines; ++i) {
            block += outputLine(i / 1000.0,
                                i % 2 ? 999999 : 999998,
                                "line " + QByteArray::number(i));
            block += '\n';
            if (block.size() > 1024 * 1024) {
                file.write(block);
                block.clear();
            }
        }
        file.write(block);
        file.write("{\"kind\":\"end\",\"t\":1000}\n");
    }
    RecordPlayer player;
    QElapsedTimer clock;
    clock.start();
    QVERIFY(openAndWait(player, path));
    const qint64 indexMs = clock.elapsed();
    QCOMPARE(player.recordCount(), qint64(Lines + 4));

    qint64 longestTurnMs = 0;
    QElapsedTimer sinceTurn;
    sinceTurn.start();
    QTimer turns;
    connect(&turns, &QTimer::timeout, this, [&] {
        longestTurnMs = qMax(longestTurnMs, sinceTurn.restart());
    });
    turns.start(5);
    clock.restart();
    QVERIFY(seekAndWait(player, player.durationUs()));
    const qint64 toEndMs = clock.elapsed();
    clock.restart();
    QVERIFY(seekAndWait(player, player.durationUs() / 2));
    const qint64 backToMiddleMs = clock.elapsed();
    turns.stop();
    qInfo("1 M lines: indexed in %lld ms, to the end in %lld ms, back to the middle in %lld ms, "
          "longest event-loop turn %lld ms",
          indexMs,
          toEndMs,
          backToMiddleMs,
          longestTurnMs);
    QCOMPARE(player.session().pool().at(1)->lastLine(), QString("line 499999"));
    QVERIFY2(longestTurnMs < 500, qPrintable(QString::number(longestTurnMs)));
    QVERIFY(QFile::remove(path));
}

QTEST_GUILESS_MAIN(tst_RecordPlayer)
#include "tst_recordplayer.moc"
