#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

// Hostile input to the real proclab binary, end to end (tst_commandline drives the parser in-process):
// every option with empty, huge, non-numeric, negative, unbalanced, non-UTF-8 and control-character
// values; a monitor short of file descriptors; and shell syntax that must arrive as literal text.
//
// "Nothing started" is checked three ways: the helper program proclab would start (the guardian,
// the lessons' workers) is a recorder that logs every start; each command line also asks to run
// `touch MARKER`; and no live process carries the environment tag given to the monitor.
class tst_HardeningInput final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void theChecksSeeWhatStarts();
    void badValuesAreRejected_data();
    void badValuesAreRejected();
    void fileLimitIsSaidClearly_data();
    void fileLimitIsSaidClearly();
    void shellSyntaxStaysLiteral_data();
    void shellSyntaxStaysLiteral();

private:
    struct Run
    {
        bool crashed = true;
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    // Runs `proclab --headless ARGUMENTS` through sh, so that any bytes reach it unchanged, after
    // the shell commands in prefix (a ulimit).
    Run run(const QList<QByteArray> &arguments, const QByteArray &prefix = QByteArray());
    QStringList recordedStarts() const;
    QList<qint64> taggedLiveProcesses() const;
    QString marker() const { return m_directory.filePath("marker"); }

    QTemporaryDir m_directory;
    QString m_tag;
    int m_nextArgumentFile = 0;
};

namespace {

// A message a person can read at a glance: one line, no terminal control, not a wall of text.
constexpr qsizetype MaxMessageBytes = 300;

// For failure messages: printable ASCII as it is, every other byte as \xNN, long text cut short.
QString describeBytes(const QByteArray &bytes)
{
    constexpr qsizetype Shown = 200;
    QString text;
    for (const char c : bytes.left(Shown)) {
        if (uchar(c) >= 0x20 && uchar(c) < 0x7f)
            text += QLatin1Char(c);
        else
            text += QStringLiteral("\\x%1").arg(uchar(c), 2, 16, QLatin1Char('0'));
    }
    if (bytes.size() > Shown)
        text += QStringLiteral("… (%1 bytes)").arg(bytes.size());
    return text;
}

// One line, short, printable: returns what is wrong, or an empty string.
QString problemWithMessage(const QByteArray &line)
{
    if (!line.startsWith("proclab: "))
        return QStringLiteral("does not start with “proclab: ”");
    if (line.size() > MaxMessageBytes)
        return QStringLiteral("%1 bytes long").arg(line.size());
    for (const char c : line) {
        if ((uchar(c) < 0x20 && c != '\t') || uchar(c) == 0x7f) {
            return QStringLiteral("holds the control character 0x%1")
                    .arg(uchar(c), 2, 16, QLatin1Char('0'));
        }
    }
    return QString();
}

QList<QByteArray> linesOf(const QByteArray &text)
{
    QList<QByteArray> lines = text.split('\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

void tst_HardeningInput::initTestCase()
{
    QVERIFY(m_directory.isValid());
    m_tag = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // The helper proclab starts, wrapped: every start is logged, then the real helper runs.
    const QString recorder = m_directory.filePath("recorder.sh");
    QFile file(recorder);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\necho \"$*\" >> '" + m_directory.filePath("starts.log").toUtf8()
               + "'\nexec '" + TestSupport::workerProgram().toUtf8() + "' \"$@\"\n");
    file.close();
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    qputenv("PROCLAB_WORKER", recorder.toUtf8());
    qputenv("PROCLAB_HARDENING_TAG", m_tag.toUtf8());
}

void tst_HardeningInput::init()
{
    QFile::remove(m_directory.filePath("starts.log"));
    QFile::remove(marker());
}

tst_HardeningInput::Run tst_HardeningInput::run(const QList<QByteArray> &arguments,
                                                const QByteArray &prefix)
{
    // Each argument travels in a file of its own: "$(cat FILE)" hands sh's exec the exact bytes,
    // where QProcess would encode a QString, and an invalid byte would arrive as U+FFFD.
    QByteArray script = prefix + "exec \"$0\" --headless";
    for (const QByteArray &argument : arguments) {
        const QString path = m_directory.filePath(
                QStringLiteral("argument%1").arg(++m_nextArgumentFile));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(argument) != argument.size())
            return Run();
        script += " \"$(cat '" + path.toUtf8() + "')\"";
    }
    QProcess process;
    process.start(QStringLiteral("/bin/sh"),
                  {QStringLiteral("-c"), QString::fromUtf8(script), TestSupport::proclabProgram()});
    Run result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.crashed = process.exitStatus() != QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QStringList tst_HardeningInput::recordedStarts() const
{
    QFile log(m_directory.filePath("starts.log"));
    if (!log.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(log.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

QList<qint64> tst_HardeningInput::taggedLiveProcesses() const
{
    const QByteArray wanted = "PROCLAB_HARDENING_TAG=" + m_tag.toUtf8();
    QList<qint64> result;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid || pid == QCoreApplication::applicationPid())
            continue;
        QFile environment(QStringLiteral("/proc/%1/environ").arg(entry));
        if (environment.open(QIODevice::ReadOnly)
            && environment.readAll().split('\0').contains(wanted) && TestSupport::isAlive(pid)) {
            result.append(pid);
        }
    }
    return result;
}

void tst_HardeningInput::theChecksSeeWhatStarts()
{
    // The control experiment: a good command line is seen by all three checks.
    const Run result = run({"--spawn", "1", "--run", "touch " + marker().toUtf8()});
    QCOMPARE(result.exitCode, 0);
    const QStringList starts = recordedStarts();
    // The guardian, the tracer that follows the --run command, and the lesson's worker.
    QVERIFY2(starts.size() == 3 && starts.join('\n').contains("guardian")
                     && starts.join('\n').contains("trace") && starts.join('\n').contains("say"),
             qPrintable(starts.join('\n')));
    QVERIFY(QFile::exists(marker()));
    QProcess sleeper;
    sleeper.start("/bin/sh", {"-c", "exec sleep 30"});
    QVERIFY(sleeper.waitForStarted());
    QCOMPARE(taggedLiveProcesses(), QList<qint64>{sleeper.processId()});
    sleeper.kill();
    QVERIFY(sleeper.waitForFinished());
    QCOMPARE(taggedLiveProcesses(), QList<qint64>());
}

void tst_HardeningInput::badValuesAreRejected_data()
{
    QTest::addColumn<QList<QByteArray>>("arguments");
    // 2: a bad command line, refused before anything starts. 1: a good command line whose program
    // cannot start, said so in one line.
    QTest::addColumn<int>("exitCode");

    const QList<std::pair<const char *, QByteArray>> values = {
            {"empty", ""},
            {"huge", QByteArray(100 * 1024, '9')},
            {"non-numeric", "four"},
            {"negative", "-5"},
            {"unbalanced quote", "\"5"},
            {"non-UTF-8", QByteArray("\xff\xfe") + '5'},
            {"newline", "5\n6"},
            {"escape sequence", "\x1b[31m5\x1b[0m"},
            {"bell and backspace", "5\a\b\b"},
    };
    for (const char *option : {"--spawn", "--countdown", "--grace", "--lang"}) {
        for (const auto &[kind, value] : values) {
            QTest::addRow("%s %s", option, kind) << QList<QByteArray>{option, value} << 2;
        }
    }
    const auto addRun = [](const char *kind, const QByteArray &command, int exitCode) {
        QTest::addRow("--run %s", kind) << QList<QByteArray>{"--run", command} << exitCode;
    };
    addRun("empty", "", 2);
    addRun("blank", " \t ", 2);
    addRun("huge program name", QByteArray(100 * 1024, 'a'), 2);
    addRun("unbalanced quote", "echo \"a", 2);
    addRun("unbalanced quote over a newline", "echo 'a\nb", 2);
    addRun("lone backslash", "echo a\\", 2);
    addRun("non-UTF-8 program", "\xff\xfe", 2);
    addRun("non-UTF-8 argument", "echo \xff\xfe", 2);
    addRun("control character in the program", "ec\x01ho hi", 2);
    addRun("escape sequence as the program", "\x1b[31mecho hi", 2);
    addRun("negative", "-5", 1);
    addRun("non-numeric", "four", 1);
    QTest::newRow("--headless with a value") << QList<QByteArray>{"--headless=yes"} << 2;
    QTest::newRow("huge unknown option")
            << QList<QByteArray>{"--" + QByteArray(100 * 1024, 'x')} << 2;
    QTest::newRow("unknown option with a newline") << QList<QByteArray>{"--bo\ngus"} << 2;
}

void tst_HardeningInput::badValuesAreRejected()
{
    QFETCH(QList<QByteArray>, arguments);
    QFETCH(int, exitCode);
    // A good --run beside the bad value: it must not run either.
    const Run result = run(arguments + QList<QByteArray>{"--run", "touch " + marker().toUtf8()});
    QVERIFY2(!result.crashed, "proclab must not crash");
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.out.isEmpty(), result.out.left(200).constData());

    const QList<QByteArray> lines = linesOf(result.err);
    if (exitCode == 2) {
        QVERIFY2(lines.size() == 1,
                 qPrintable(QStringLiteral("%1 lines: %2")
                                    .arg(lines.size())
                                    .arg(describeBytes(result.err))));
        QVERIFY(!QFile::exists(marker()));
        QVERIFY2(recordedStarts().isEmpty(), qPrintable(recordedStarts().join('\n')));
    } else {
        // The good --run ran; the bad one failed to start, and said why.
        QVERIFY(QFile::exists(marker()));
        QVERIFY2(result.err.contains("failed to start"), qPrintable(describeBytes(result.err)));
    }
    for (const QByteArray &line : lines) {
        const QString problem = problemWithMessage(line);
        QVERIFY2(problem.isEmpty(),
                 qPrintable(QStringLiteral("message %1: %2").arg(problem, describeBytes(line))));
    }
    QCOMPARE(taggedLiveProcesses(), QList<qint64>());
}

void tst_HardeningInput::fileLimitIsSaidClearly_data()
{
    QTest::addColumn<int>("openFiles");
    QTest::addColumn<int>("spawnCount");
    // Room for some at once: the rest of the lesson waits, then starts as workers end.
    QTest::addColumn<bool>("allStart");
    QTest::newRow("256 open files, 300 workers") << 256 << 300 << true;
    QTest::newRow("256 open files, 1000 workers") << 256 << 1000 << true;
    // Below what a single worker needs next to Qt's own descriptors.
    QTest::newRow("12 open files, 300 workers") << 12 << 300 << false;
}

void tst_HardeningInput::fileLimitIsSaidClearly()
{
    QFETCH(int, openFiles);
    QFETCH(int, spawnCount);
    QFETCH(bool, allStart);
    // Hard and soft limit both: proclab cannot raise it.
    const Run result = run({"--spawn", QByteArray::number(spawnCount)},
                           "ulimit -n " + QByteArray::number(openFiles) + "; ");
    QVERIFY2(!result.crashed, "proclab must not crash");
    QCOMPARE(result.exitCode, allStart ? 0 : 1);
    const QList<QByteArray> lines = linesOf(result.err);
    QList<QByteArray> problems;
    bool saysOpenFiles = false;
    for (const QByteArray &line : lines) {
        if (!line.startsWith("proclab: ") || line.contains("started ") || line.contains("exited "))
            continue;
        saysOpenFiles = saysOpenFiles || line.contains("open files");
        // Every refusal, wait and failure must name the real cause.
        if ((line.contains("not starting") || line.contains("wait to start")
             || line.contains("failed to start"))
            && !line.contains("open files")) {
            problems.append(line);
        }
    }
    QVERIFY2(saysOpenFiles, qPrintable(describeBytes(result.err)));
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 unclear messages, the first: %2")
                                .arg(problems.size())
                                .arg(QString::fromUtf8(problems.value(0)))));
    const int started = int(result.out.count("says: "));
    if (allStart) {
        // The main program's line, then every worker's: none was dropped at the limit.
        QCOMPARE(started, spawnCount + 1);
        QVERIFY2(result.err.contains("wait to start"), qPrintable(describeBytes(result.err)));
    } else {
        QVERIFY2(started < spawnCount + 1, "the limit must have refused some workers");
    }
    QCOMPARE(taggedLiveProcesses(), QList<qint64>());
}

void tst_HardeningInput::shellSyntaxStaysLiteral_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<QString>("says");

    // No shell runs: the words reach proclab-worker as they are, and `say` prints them joined.
    const QString victim = QDir(m_directory.path()).filePath("victim");
    const QString pwned = QDir(m_directory.path()).filePath("pwned");
    QTest::newRow("; rm and $(…)") << "; rm -rf " + victim + " $(id)"
                                   << "; rm -rf " + victim + " $(id)";
    QTest::newRow("backticks") << "`touch " + pwned + "` `id`"
                               << "`touch " + pwned + "` `id`";
    QTest::newRow("&&, pipe and redirection")
            << "x && touch " + pwned + " | tee " + pwned + " > " + pwned
            << "x && touch " + pwned + " | tee " + pwned + " > " + pwned;
    QTest::newRow("variables and globs") << "$HOME ${PATH} ~ * ?"
                                         << "$HOME ${PATH} ~ * ?";
    QTest::newRow("substitution in double quotes") << "\"$(touch " + pwned + ")\" \"`id`\""
                                                   << "$(touch " + pwned + ") `id`";
}

void tst_HardeningInput::shellSyntaxStaysLiteral()
{
    QFETCH(QString, arguments);
    QFETCH(QString, says);
    const QString victim = QDir(m_directory.path()).filePath("victim");
    QVERIFY(QDir().mkpath(victim));
    const QString command = TestSupport::workerProgram() + " say " + arguments;
    const Run result = run({"--run", command.toUtf8()});
    QCOMPARE(result.exitCode, 0);
    const QRegularExpressionMatch started = QRegularExpression(
                                                    QStringLiteral("proclab: started (\\d+): "))
                                                    .match(QString::fromUtf8(result.err));
    QVERIFY2(started.hasMatch(), result.err.constData());
    QCOMPARE(QString::fromUtf8(result.out),
             QStringLiteral("Process %1 says: %2\n").arg(started.captured(1), says));
    QVERIFY2(QDir(victim).exists(), "rm must not have run");
    QVERIFY2(!QFile::exists(QDir(m_directory.path()).filePath("pwned")), "touch must not have run");
    QCOMPARE(taggedLiveProcesses(), QList<qint64>());
}

QTEST_GUILESS_MAIN(tst_HardeningInput)
#include "tst_hardening_input.moc"
