// The window's records of its sessions (RecordKeeper), with real sessions running real workers: the
// last 20 kept in the data folder, the oldest dropped first, under a size cap; a session that ran
// nothing leaves no file; a file another process is writing is never removed; the preference off
// writes nothing; a line is on disk within the writer's flush interval; a ProcLab window ended by
// SIGTERM closes its record.
#include "recordkeeper.h"
#include "recordreader.h"
#include "recordwriter.h"
#include "runrecorder.h"
#include "session.h"
#include "testsupport.h"
#include "worker.h"
#include "workerpool.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace ProcLab;
using namespace std::chrono_literals;

namespace {

QStringList recordFiles(const QString &folder)
{
    QStringList paths;
    const QDir directory(folder);
    const QStringList names = directory.entryList({QStringLiteral("*.proclab-record")},
                                                  QDir::Files,
                                                  QDir::Name);
    for (const QString &name : names)
        paths.append(directory.filePath(name));
    return paths;
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A process other than this one that holds path as its keeper does: an exclusive flock().
class LockHolder final
{
public:
    bool start(const QString &path)
    {
        m_process.setProgram(QStringLiteral("/usr/bin/python3"));
        m_process.setArguments({QStringLiteral("-c"),
                                QStringLiteral("import fcntl, sys\n"
                                               "f = open(sys.argv[1], 'rb')\n"
                                               "fcntl.flock(f, fcntl.LOCK_EX)\n"
                                               "print('locked', flush=True)\n"
                                               "sys.stdin.read()\n"),
                                path});
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return false;
        return m_process.waitForReadyRead(10000) && m_process.readAll().contains("locked");
    }
    qint64 pid() const { return m_process.processId(); }
    void stop()
    {
        m_process.closeWriteChannel();
        m_process.waitForFinished(10000);
    }
    ~LockHolder()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }

private:
    QProcess m_process;
};

} // namespace

class tst_RecordKeeper final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void keepsTheLastTwentySessions();
    void aSessionThatRanNothingLeavesNoFile();
    void theSizeCapDropsTheOldestFirst();
    void aFileWithALiveWriterIsNeverRemoved();
    void recordingOffWritesNothing();
    void aLineIsOnDiskWithinTheFlushInterval();
    void savesTheSessionSoFarAndKeepsItsRecord();
    void removesTheOldCacheFoldersLeftovers();
    void proclabEndedBySigtermClosesItsRecord();

private:
    // One window's session: a keeper, a real worker printing text, the keeper gone. Returns the
    // record's path.
    QString runSession(const QString &text);
};

void tst_RecordKeeper::initTestCase()
{
    // The data folder under ~/.qttest: nothing here touches the user's own records.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(RecordKeeper::folder().contains(QStringLiteral("qttest")),
             qPrintable(RecordKeeper::folder()));
}

void tst_RecordKeeper::init()
{
    QDir(RecordKeeper::folder()).removeRecursively();
}

QString tst_RecordKeeper::runSession(const QString &text)
{
    Session session(TestSupport::workerProgram());
    RecordKeeper keeper(session);
    if (!keeper.canSave()) {
        qWarning("not recorded: %s", qPrintable(keeper.problem()));
        return {};
    }
    Worker *worker = session.pool().spawn(TestSupport::workerSpec({QStringLiteral("say"), text}));
    if (!worker)
        return {};
    QSignalSpy finished(&session, &Session::finished);
    if (!finished.wait(10000))
        return {};
    return keeper.path();
}

void tst_RecordKeeper::keepsTheLastTwentySessions()
{
    QStringList paths;
    for (int i = 0; i < 22; ++i) {
        const QString path = runSession(QStringLiteral("session %1").arg(i));
        QVERIFY2(!path.isEmpty(), qPrintable(QString::number(i)));
        QVERIFY2(!paths.contains(path), qPrintable(path)); // unique, even within one second
        paths.append(path);
        QVERIFY(path.startsWith(RecordKeeper::folder()));
        // Named by the start: "2026-12-03_21-04-05.proclab-record", "…-2.proclab-record"…
        QVERIFY2(QFileInfo(path).fileName().contains(
                         QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd_"))),
                 qPrintable(path));
    }
    const QStringList kept = recordFiles(RecordKeeper::folder());
    QCOMPARE(kept.size(), RecordKeeper::KeptRecords);
    QVERIFY2(!QFile::exists(paths.at(0)), qPrintable(paths.at(0)));
    QVERIFY2(!QFile::exists(paths.at(1)), qPrintable(paths.at(1)));
    for (int i = 2; i < 22; ++i) {
        QVERIFY2(kept.contains(paths.at(i)), qPrintable(paths.at(i)));
        const RecordReadResult read = readRecordFile(paths.at(i));
        QVERIFY2(!read.hasProblem(), qPrintable(read.problem));
        QVERIFY(read.complete);
        QVERIFY2(contents(paths.at(i)).contains(QStringLiteral("session %1").arg(i).toUtf8()),
                 qPrintable(paths.at(i)));
    }
}

void tst_RecordKeeper::aSessionThatRanNothingLeavesNoFile()
{
    const QString earlier = runSession(QStringLiteral("earlier"));
    QVERIFY(!earlier.isEmpty());
    QString path;
    {
        Session session(TestSupport::workerProgram());
        RecordKeeper keeper(session);
        QVERIFY2(keeper.canSave(), qPrintable(keeper.problem()));
        path = keeper.path();
        QVERIFY(QFile::exists(path)); // written while the window is open
    }
    QVERIFY2(!QFile::exists(path), qPrintable(path));
    QCOMPARE(recordFiles(RecordKeeper::folder()), QStringList{earlier});
}

void tst_RecordKeeper::theSizeCapDropsTheOldestFirst()
{
    // Sessions of different sizes, so that the cap is about bytes, not about how many.
    QStringList paths;
    for (int i = 0; i < 4; ++i) {
        const QString path = runSession(QString(200 * (4 - i), QLatin1Char('a' + i)));
        QVERIFY(!path.isEmpty());
        paths.append(path);
    }
    const qint64 newestTwo = QFileInfo(paths.at(2)).size() + QFileInfo(paths.at(3)).size();
    QVERIFY(newestTwo < QFileInfo(paths.at(0)).size() + QFileInfo(paths.at(1)).size());
    const QStringList removed = RecordKeeper::prune(RecordKeeper::folder(),
                                                    RecordKeeper::KeptRecords,
                                                    newestTwo + 1);
    QCOMPARE(removed, paths.mid(0, 2));
    QCOMPARE(recordFiles(RecordKeeper::folder()), paths.mid(2));
}

void tst_RecordKeeper::aFileWithALiveWriterIsNeverRemoved()
{
    const QString oldest = runSession(QStringLiteral("held by another process"));
    QVERIFY(!oldest.isEmpty());
    QVERIFY(!RecordKeeper::isBeingWritten(oldest)); // its keeper is gone
    LockHolder holder;
    QVERIFY(holder.start(oldest));
    QVERIFY(TestSupport::isAlive(holder.pid()));
    QVERIFY(RecordKeeper::isBeingWritten(oldest));

    QStringList paths;
    for (int i = 0; i < RecordKeeper::KeptRecords + 1; ++i) {
        paths.append(runSession(QStringLiteral("session %1").arg(i)));
        QVERIFY(!paths.last().isEmpty());
    }
    QVERIFY(QFile::exists(oldest));
    // Nor by a size cap it alone passes.
    RecordKeeper::prune(RecordKeeper::folder(), 0, 0);
    QVERIFY(QFile::exists(oldest));
    QCOMPARE(recordFiles(RecordKeeper::folder()), QStringList{oldest});

    // Once its writer has gone, it is a record like any other.
    holder.stop();
    QVERIFY(!RecordKeeper::isBeingWritten(oldest));
    QCOMPARE(RecordKeeper::prune(RecordKeeper::folder(), 0, 0), QStringList{oldest});
}

void tst_RecordKeeper::recordingOffWritesNothing()
{
    Session session(TestSupport::workerProgram());
    {
        RecordKeeper keeper(session, RecordKeeper::Recording::Off);
        QVERIFY(keeper.isOff());
        QVERIFY(!keeper.canSave());
        QVERIFY(keeper.problem().isEmpty()); // the user's choice, not a problem
        QVERIFY2(keeper.nothingToSave().contains(QStringLiteral("off")),
                 qPrintable(keeper.nothingToSave()));
        QVERIFY(!session.isRecording());
        Worker *worker = session.pool().spawn(
                TestSupport::workerSpec({QStringLiteral("say"), QStringLiteral("unrecorded")}));
        QVERIFY(worker);
        QSignalSpy finished(&session, &Session::finished);
        QVERIFY(finished.wait(10000));
        QVERIFY(!session.isRecording());

        QTemporaryDir dir;
        QSignalSpy saved(&keeper, &RecordKeeper::saved);
        keeper.saveAs(dir.filePath(QStringLiteral("x.proclab-record")));
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().at(1).toString(), keeper.nothingToSave());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.proclab-record"))));
    }
    QVERIFY(recordFiles(RecordKeeper::folder()).isEmpty());
    QVERIFY(!QDir(RecordKeeper::folder()).exists());
}

void tst_RecordKeeper::aLineIsOnDiskWithinTheFlushInterval()
{
    Session session(TestSupport::workerProgram());
    RecordKeeper keeper(session);
    QVERIFY2(keeper.canSave(), qPrintable(keeper.problem()));
    // A line, then nothing for a long time: only the flush timer puts it on disk.
    Worker *worker = session.pool().spawn(TestSupport::workerSpec(
            {QStringLiteral("count"), QStringLiteral("--interval-ms"), QStringLiteral("60000")}));
    QVERIFY(worker);
    QTRY_VERIFY(worker->lineCount(OutputChannel::StdOut) >= 1);
    const QByteArray line = "\"pid\":" + QByteArray::number(worker->pid())
                            + ",\"stream\":\"stdout\"";
    QTRY_VERIFY_WITH_TIMEOUT(contents(keeper.path()).contains(line),
                             RecordWriter::FlushIntervalMs + 500);
    session.pool().stopAll();
    QSignalSpy finished(&session, &Session::finished);
    QVERIFY(finished.wait(10000));
}

void tst_RecordKeeper::savesTheSessionSoFarAndKeepsItsRecord()
{
    Session session(TestSupport::workerProgram());
    QString recordPath;
    qint64 pid = 0;
    {
        RecordKeeper keeper(session);
        QVERIFY2(keeper.canSave(), qPrintable(keeper.problem()));
        recordPath = keeper.path();
        QVERIFY(recordPath.startsWith(RecordKeeper::folder()));
        QVERIFY(QFile::exists(recordPath));
        QVERIFY(RecordKeeper::isBeingWritten(recordPath));

        Worker *worker = session.runCommand(QStringList{"sh", "-c", "echo 서브 프로그램; exit 3"});
        QVERIFY(worker);
        QSignalSpy finished(&session, &Session::finished);
        QVERIFY(finished.wait(10000));
        pid = worker->pid();
        QVERIFY(pid > 0);

        // Saved while the session goes on: the copy is closed by an end record of its own.
        QTemporaryDir dir;
        const QString saved = dir.filePath("saved.proclab-record");
        QSignalSpy savedSpy(&keeper, &RecordKeeper::saved);
        keeper.saveAs(saved);
        QVERIFY(savedSpy.wait(10000));
        QCOMPARE(savedSpy.first().at(0).toString(), saved);
        QCOMPARE(savedSpy.first().at(1).toString(), QString());
        const RecordReadResult read = readRecordFile(saved);
        QVERIFY2(!read.hasProblem(), qPrintable(read.problem));
        QVERIFY(read.complete);
        int lines = 0;
        for (const QJsonObject &record : read.records) {
            if (record["kind"].toString() == "output" && record["pid"].toInteger() == pid) {
                QCOMPARE(record["text"].toString(), QString("서브 프로그램"));
                ++lines;
            }
        }
        QCOMPARE(lines, 1);
        // The session's own file is still being written.
        QVERIFY(session.isRecording());

        keeper.saveAs(dir.filePath("no/such/folder/x.proclab-record"));
        QVERIFY(savedSpy.wait(10000));
        QVERIFY(!savedSpy.last().at(1).toString().isEmpty());
    }
    // Kept, closed, and no longer held.
    QVERIFY(!session.isRecording());
    QVERIFY2(QFile::exists(recordPath), "the session's record went with its window");
    QVERIFY(!RecordKeeper::isBeingWritten(recordPath));
    const RecordReadResult read = readRecordFile(recordPath);
    QVERIFY2(!read.hasProblem(), qPrintable(read.problem));
    QVERIFY(read.complete);
    QVERIFY(contents(recordPath).contains("서브 프로그램"));
}

void tst_RecordKeeper::removesTheOldCacheFoldersLeftovers()
{
    const QString cache = QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
                                  .filePath(QStringLiteral("records"));
    QDir(cache).removeRecursively();
    QVERIFY(QDir().mkpath(cache));
    // A PID that is not running: a ProcLab that crashed left this one.
    const QString crashed = QDir(cache).filePath("session-999999999.proclab-record");
    const QString users = QDir(cache).filePath("lesson.proclab-record");
    for (const QString &path : {crashed, users}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    Session session(TestSupport::workerProgram());
    {
        RecordKeeper keeper(session);
        QVERIFY(!QFile::exists(crashed));
        QVERIFY(QFile::exists(users)); // not a keeper's name: not ours to remove
        QVERIFY(!keeper.path().startsWith(cache));
    }
    QFile::remove(users);
    // Empty now, and so gone with its last file.
    RecordKeeper keeper(session);
    QVERIFY(!QDir(cache).exists());
}

void tst_RecordKeeper::proclabEndedBySigtermClosesItsRecord()
{
    // The real program, in a window (offscreen), with a data folder of its own.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcess proclab;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    proclab.setProcessEnvironment(environment);
    proclab.setProgram(TestSupport::proclabProgram());
    proclab.setArguments(
            {QStringLiteral("--run"), QStringLiteral("sh -c 'echo before the signal; sleep 1'")});
    proclab.start();
    QVERIFY(proclab.waitForStarted(10000));
    const QString folder = home.filePath(QStringLiteral("data/ProcLab/proclab/records"));
    // Its line is on disk within the flush interval, while the window still runs.
    QTRY_VERIFY_WITH_TIMEOUT(recordFiles(folder).size() == 1
                                     && contents(recordFiles(folder).first())
                                                .contains("before the signal"),
                             10000);
    const QString path = recordFiles(folder).first();
    QVERIFY(RecordKeeper::isBeingWritten(path));
    QVERIFY(RecordKeeper::prune(folder, 0, 0).isEmpty()); // another ProcLab's: never removed
    QVERIFY(QFile::exists(path));
    // The worker has ended: SIGTERM closes the window at once, which closes the record.
    QTRY_VERIFY_WITH_TIMEOUT(contents(path).contains("\"event\":\"exit\""), 10000);
    ::kill(pid_t(proclab.processId()), SIGTERM);
    QVERIFY(proclab.waitForFinished(10000));
    QCOMPARE(proclab.exitStatus(), QProcess::NormalExit);
    const RecordReadResult read = readRecordFile(path);
    QVERIFY2(!read.hasProblem(), qPrintable(read.problem));
    QVERIFY2(read.complete, contents(path).right(300).constData());
    QVERIFY(!RecordKeeper::isBeingWritten(path));
}

QTEST_GUILESS_MAIN(tst_RecordKeeper)
#include "tst_recordkeeper.moc"
