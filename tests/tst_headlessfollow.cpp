#include "recordreader.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

// proclab --headless following the processes a command creates, as a user runs it: the children's
// start and end lines on stderr, --no-follow, --prefix and --record, with real programs.
class tst_HeadlessFollow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void childrenStartAndEndOnStderr();
    void noFollowShowsNoChildren();
    void prefixNamesTheWorker();
    void recordHoldsEveryProcessAndLine();
    void tutorialScriptRecordsFourChildren();
    void unwritableRecordRunsNothing();
    void badPrefixIsRefused();

private:
    struct Run
    {
        int exitCode = -1;
        qint64 monitorPid = 0;
        QStringList out;
        QStringList err;
    };
    static Run run(const QStringList &arguments, int timeoutMs = 30000);
    static QList<QJsonObject> processRecords(const QList<QJsonObject> &records, const char *event);

    QTemporaryDir m_dir;
};

void tst_HeadlessFollow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qunsetenv("PYTHONUNBUFFERED");
    qunsetenv("PROCLAB_WORKER");
}

tst_HeadlessFollow::Run tst_HeadlessFollow::run(const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.start(TestSupport::proclabProgram(), arguments);
    Run result;
    if (!process.waitForStarted())
        return result;
    result.monitorPid = process.processId();
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

QList<QJsonObject> tst_HeadlessFollow::processRecords(const QList<QJsonObject> &records,
                                                      const char *event)
{
    QList<QJsonObject> found;
    for (const QJsonObject &record : records) {
        if (record["kind"].toString() == "process" && record["event"].toString() == event)
            found.append(record);
    }
    return found;
}

void tst_HeadlessFollow::childrenStartAndEndOnStderr()
{
    // Two subshells that exec nothing and exit 3 and 4: each gets its start and its end.
    const Run result = run({"--headless", "--run", "sh -c '(exit 3) & (exit 4) & wait'"});
    QCOMPARE(result.exitCode, 0);
    // The children run the shell the worker runs (its full path, as stdbuf started it).
    const QRegularExpression started("^proclab: started (\\d+) \\(child of (\\d+)\\): \\S*sh -c");
    const QRegularExpression ended(
            "^proclab: (\\d+) \\(child of (\\d+)\\) ended: exit code (\\d+)$");
    QSet<qint64> children;
    QList<int> codes;
    qint64 parent = 0;
    for (const QString &line : result.err) {
        if (const QRegularExpressionMatch match = started.match(line); match.hasMatch()) {
            children.insert(match.captured(1).toLongLong());
            parent = match.captured(2).toLongLong();
        }
        if (const QRegularExpressionMatch match = ended.match(line); match.hasMatch()) {
            QVERIFY2(children.contains(match.captured(1).toLongLong()),
                     "an end is told after its start");
            codes.append(match.captured(3).toInt());
        }
    }
    QVERIFY2(children.size() == 2, qPrintable(result.err.join('\n')));
    std::sort(codes.begin(), codes.end());
    QCOMPARE(codes, (QList<int>{3, 4}));
    // The parent is the worker, whose own start line names the same PID.
    QVERIFY2(result.err.filter(QStringLiteral("started %1: sh -c").arg(parent)).size() == 1,
             qPrintable(result.err.join('\n')));
}

void tst_HeadlessFollow::noFollowShowsNoChildren()
{
    const Run result = run(
            {"--headless", "--no-follow", "--run", "sh -c '(exit 3) & (exit 4) & wait'"});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.filter("child of").isEmpty(), qPrintable(result.err.join('\n')));
    QCOMPARE(result.err.filter(QRegularExpression("^proclab: started \\d+: sh -c")).size(), 1);
}

void tst_HeadlessFollow::prefixNamesTheWorker()
{
    const Run byPid = run({"--headless", "--prefix", "pid", "--run", "sh -c 'echo one; echo two'"});
    QCOMPARE(byPid.exitCode, 0);
    QCOMPARE(byPid.out.size(), 2);
    const QRegularExpressionMatch match = QRegularExpression("^\\[(\\d+)\\] one$")
                                                  .match(byPid.out.at(0));
    QVERIFY2(match.hasMatch(), qPrintable(byPid.out.at(0)));
    const QString pid = match.captured(1);
    QCOMPARE(byPid.out.at(1), QStringLiteral("[%1] two").arg(pid));
    QVERIFY(!byPid.err.filter(QStringLiteral("started %1: sh").arg(pid)).isEmpty());

    const Run byName = run({"--headless", "--prefix", "name", "--run", "sh -c 'echo hi >&2'"});
    QCOMPARE(byName.err.filter("[sh] hi").size(), 1);

    const Run none = run({"--headless", "--prefix", "none", "--run", "echo plain"});
    QCOMPARE(none.out, QStringList{"plain"});
}

void tst_HeadlessFollow::recordHoldsEveryProcessAndLine()
{
    const QString path = m_dir.filePath("shell.proclab-record");
    const Run result = run(
            {"--headless",
             "--record",
             path,
             "--run",
             "sh -c 'echo parent; (echo child; sleep 0.3; exec sh -c \"exit 3\") & wait; exit 5'"});
    QCOMPARE(result.exitCode, 1); // the worker exited 5 on its own
    const ProcLab::RecordReadResult record = ProcLab::readRecordFile(path);
    QVERIFY2(!record.hasProblem(), qPrintable(record.problem));
    QVERIFY(record.complete);
    QCOMPARE(record.records.first()["monitorPid"].toInteger(), result.monitorPid);

    const QList<QJsonObject> starts = processRecords(record.records, "start");
    QCOMPARE(starts.size(), 3); // the worker, its subshell, and the subshell's sleep
    const qint64 worker = starts.at(0)["pid"].toInteger();
    QCOMPARE(starts.at(0)["ppid"].toInteger(), result.monitorPid);
    const qint64 child = starts.at(1)["pid"].toInteger();
    QCOMPARE(starts.at(1)["ppid"].toInteger(), worker);
    QCOMPARE(starts.at(2)["ppid"].toInteger(), child);
    QCOMPARE(starts.at(0)["worker"].toInt(), starts.at(1)["worker"].toInt());

    // The subshell's exec of a new shell, well after its start, is recorded with its new argv.
    // (The sleep's own exec may be recorded too: it is told apart when its start came first.)
    QList<QJsonObject> execs;
    for (const QJsonObject &exec : processRecords(record.records, "exec")) {
        if (exec["pid"].toInteger() == child)
            execs.append(exec);
    }
    QCOMPARE(execs.size(), 1);
    QCOMPARE(execs.last()["pid"].toInteger(), child);
    QCOMPARE(execs.last()["argv"].toArray().last().toString(), "exit 3");
    QVERIFY(execs.last()["t"].toDouble() - starts.at(1)["t"].toDouble() >= 250);

    QHash<qint64, int> exitCodes;
    for (const QJsonObject &exit : processRecords(record.records, "exit"))
        exitCodes.insert(exit["pid"].toInteger(), exit["exitcode"].toInt());
    QCOMPARE(exitCodes.value(child, -1), 3);
    QCOMPARE(exitCodes.value(worker, -1), 5);

    QStringList texts;
    for (const QJsonObject &line : record.records) {
        if (line["kind"].toString() == "output")
            texts.append(line["text"].toString());
    }
    texts.sort();
    QCOMPARE(texts, (QStringList{"child", "parent"}));
}

void tst_HeadlessFollow::tutorialScriptRecordsFourChildren()
{
    // The tutorial's first script, unchanged (/work/shared/seed), run as a user would.
    const QString script = m_dir.filePath("example1.py");
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(TestSupport::tutorialExample1());
    file.close();
    const QString path = m_dir.filePath("example1.proclab-record");
    // Debian's python3, as a user runs it: a version manager's shim (pyenv on this machine) would
    // add processes of its own to the tree.
    const QString python = QFile::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    const Run result = run({"--headless", "--record", path, "--run", python + ' ' + script});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out.size(), 5);

    const ProcLab::RecordReadResult record = ProcLab::readRecordFile(path);
    QVERIFY2(!record.hasProblem(), qPrintable(record.problem));
    const QList<QJsonObject> starts = processRecords(record.records, "start");
    QVERIFY(!starts.isEmpty());
    const qint64 main = starts.at(0)["pid"].toInteger();
    QList<qint64> children;
    for (const QJsonObject &start : starts) {
        if (start["ppid"].toInteger() == main)
            children.append(start["pid"].toInteger());
    }
    QVERIFY2(children.size() == 4, qPrintable(result.err.join('\n')));
    // Each of the four printed its own PID, and each ended with exit code 0.
    for (const qint64 child : children) {
        QCOMPARE(result.out.filter(QStringLiteral("Process %1 says: 서브 프로그램").arg(child))
                         .size(),
                 1);
        bool exited = false;
        for (const QJsonObject &exit : processRecords(record.records, "exit")) {
            if (exit["pid"].toInteger() == child) {
                QCOMPARE(exit["exitcode"].toInt(), 0);
                exited = true;
            }
        }
        QVERIFY2(exited, qPrintable(QStringLiteral("no exit record for %1").arg(child)));
    }
}

void tst_HeadlessFollow::unwritableRecordRunsNothing()
{
    const QString marker = m_dir.filePath("ran");
    const Run result = run({"--headless",
                            "--record",
                            "/proc/no-such-folder/run.proclab-record",
                            "--run",
                            "touch " + marker});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.filter("cannot write the record").size() == 1,
             qPrintable(result.err.join('\n')));
    QVERIFY(!QFile::exists(marker));
}

void tst_HeadlessFollow::badPrefixIsRefused()
{
    const Run result = run({"--headless", "--prefix", "colour", "--run", "true"});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.join('\n').contains("--prefix"), qPrintable(result.err.join('\n')));
}

QTEST_GUILESS_MAIN(tst_HeadlessFollow)
#include "tst_headlessfollow.moc"
