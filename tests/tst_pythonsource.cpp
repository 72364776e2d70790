#include "pythonsource.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace ProcLab;

// What the Python panel writes after each line of a Python program: the tutorial's two examples,
// grouped and bounded whatever the program does, and the source read safely.
class tst_PythonSource final : public QObject
{
    Q_OBJECT

private slots:
    void exampleOneStartsAndJoins();
    void exampleTwoTerminatesAndReadsTheExitCode();
    void joinWaitsThenTellsTheExitCodes();
    void poolCalls();
    void addTellsTheLinesThatChanged();
    void longLoopsAreCut();
    void manyExitCodesAreCut();
    void sitesAreBounded();
    void mainFileIsTheOneMostCallsCameFrom();
    void callsWithoutALineAreLeftOut();
    void scriptOfCommand_data();
    void scriptOfCommand();
    void readsLinesAndLineEnds();
    void invalidUtf8BecomesReplacementCharacters();
    void missingFileIsSaid();
    void hugeFileIsRefused();
    void notARegularFileIsRefused();
    void unreadableFileIsSaid();
    void noScriptIsSaid();
};

namespace {

const QString Example = QStringLiteral("/tmp/lesson/example1.py");

PythonCall call(const QString &kind, int line, qint64 target = 0, const QString &file = Example)
{
    PythonCall call;
    call.call = kind;
    call.pid = 31469;
    call.target = target;
    call.file = file;
    call.line = line;
    return call;
}

PythonCall exitCall(const QString &kind, int line, qint64 target, int exitCode)
{
    PythonCall result = call(kind, line, target);
    result.hasExitCode = true;
    result.exitCode = exitCode;
    return result;
}

} // namespace

void tst_PythonSource::exampleOneStartsAndJoins()
{
    // example1.py: the loop's Process(...) on line 13 and p.start() on line 14, four times.
    QList<PythonCall> calls;
    for (int i = 0; i < 4; ++i) {
        PythonCall made = call(QStringLiteral("Process"), 13);
        made.name = QStringLiteral("Process-%1").arg(i + 1);
        calls.append(made);
        PythonCall started = call(QStringLiteral("start"), 14, 31470 + i);
        started.name = made.name;
        calls.append(started);
    }
    for (int i = 0; i < 4; ++i) {
        calls.append(call(QStringLiteral("join"), 16, 31470 + i));
        calls.append(exitCall(QStringLiteral("joined"), 16, 31470 + i, 0));
    }
    PythonSourceAnnotations annotations;
    annotations.add(calls);
    QCOMPARE(annotations.annotation(Example, 13),
             QStringLiteral("Process-1, Process-2, Process-3, Process-4"));
    QCOMPARE(annotations.annotation(Example, 14), QStringLiteral("31470, 31471, 31472, 31473"));
    QCOMPARE(annotations.annotation(Example, 16), QStringLiteral("exitcode 0 ×4"));
    QCOMPARE(annotations.annotation(Example, 15), QString());
    QCOMPARE(annotations.annotatedLines(Example), QList<int>({13, 14, 16}));
}

void tst_PythonSource::exampleTwoTerminatesAndReadsTheExitCode()
{
    PythonSourceAnnotations annotations;
    annotations.add({call(QStringLiteral("start"), 19, 31480),
                     call(QStringLiteral("terminate"), 21, 31480),
                     exitCall(QStringLiteral("exitcode"), 23, 31480, -15)});
    QCOMPARE(annotations.annotation(Example, 19), QStringLiteral("31480"));
    QCOMPARE(annotations.annotation(Example, 21), QStringLiteral("SIGTERM to 31480"));
    QCOMPARE(annotations.annotation(Example, 23), QStringLiteral("-15"));

    // Read before the process ended: Python says None.
    annotations.add({call(QStringLiteral("exitcode"), 23, 31480)});
    QCOMPARE(annotations.annotation(Example, 23), QStringLiteral("-15, None"));
    annotations.add({call(QStringLiteral("kill"), 22, 31480)});
    QCOMPARE(annotations.annotation(Example, 22), QStringLiteral("SIGKILL to 31480"));
}

void tst_PythonSource::joinWaitsThenTellsTheExitCodes()
{
    PythonSourceAnnotations annotations;
    annotations.add({call(QStringLiteral("join"), 30, 501)});
    QCOMPARE(annotations.annotation(Example, 30), QStringLiteral("waiting for 501"));
    annotations.add({exitCall(QStringLiteral("joined"), 30, 501, -15),
                     call(QStringLiteral("join"), 30, 502)});
    QCOMPARE(annotations.annotation(Example, 30), QStringLiteral("exitcode -15, waiting for 502"));
    // join(timeout) that returned while the process still runs.
    annotations.add({call(QStringLiteral("joined"), 30, 502)});
    QCOMPARE(annotations.annotation(Example, 30),
             QStringLiteral("exitcode -15, timed out, still running"));
    // Two kinds of call on one line, in the order they were first made.
    annotations.add({call(QStringLiteral("close"), 30, 501)});
    QCOMPARE(annotations.annotation(Example, 30),
             QStringLiteral("exitcode -15, timed out, still running; 501"));
}

void tst_PythonSource::poolCalls()
{
    PythonSourceAnnotations annotations;
    PythonCall pool = call(QStringLiteral("Pool"), 5);
    pool.pids = {601, 602, 603};
    annotations.add({pool, call(QStringLiteral("Pool.map"), 6)});
    QCOMPARE(annotations.annotation(Example, 5), QStringLiteral("workers 601, 602, 603"));
    QCOMPARE(annotations.annotation(Example, 6), QStringLiteral("running"));
    annotations.add({call(QStringLiteral("Pool.mapped"), 6), call(QStringLiteral("Pool.map"), 6)});
    QCOMPARE(annotations.annotation(Example, 6), QStringLiteral("returned, running"));
    annotations.add({call(QStringLiteral("Pool.mapped"), 6),
                     call(QStringLiteral("Pool.close"), 7),
                     call(QStringLiteral("Pool.terminate"), 8),
                     call(QStringLiteral("a later call"), 9)});
    QCOMPARE(annotations.annotation(Example, 6), QStringLiteral("returned ×2"));
    QCOMPARE(annotations.annotation(Example, 7), QStringLiteral("called"));
    QCOMPARE(annotations.annotation(Example, 8), QStringLiteral("SIGTERM to its workers"));
    QCOMPARE(annotations.annotation(Example, 9), QStringLiteral("called"));
}

void tst_PythonSource::addTellsTheLinesThatChanged()
{
    PythonSourceAnnotations annotations;
    const QString other = QStringLiteral("/tmp/lesson/helper.py");
    const QList<PythonSourceAnnotations::Line> changed = annotations.add(
            {call(QStringLiteral("start"), 14, 1),
             call(QStringLiteral("start"), 14, 2),
             call(QStringLiteral("join"), 16, 1),
             call(QStringLiteral("start"), 14, 3, other)});
    QCOMPARE(changed.size(), 3);
    QCOMPARE(changed.at(0), (PythonSourceAnnotations::Line{Example, 14}));
    QCOMPARE(changed.at(1), (PythonSourceAnnotations::Line{Example, 16}));
    QCOMPARE(changed.at(2), (PythonSourceAnnotations::Line{other, 14}));
    QCOMPARE(annotations.annotation(other, 14), QStringLiteral("3"));
    QVERIFY(annotations.add({}).isEmpty());
}

void tst_PythonSource::longLoopsAreCut()
{
    PythonSourceAnnotations annotations;
    QList<PythonCall> calls;
    for (int i = 0; i < 204; ++i)
        calls.append(call(QStringLiteral("start"), 14, 31470 + i));
    annotations.add(calls);
    QCOMPARE(annotations.annotation(Example, 14),
             QStringLiteral("31470, 31471, 31472, 31473, 31474, 31475, 31476, 31477 … and 196 "
                            "more"));
    // Added one at a time, the same.
    PythonSourceAnnotations oneByOne;
    for (const PythonCall &started : std::as_const(calls))
        oneByOne.add({started});
    QCOMPARE(oneByOne.annotation(Example, 14), annotations.annotation(Example, 14));

    // However many kinds of call one line makes, its text stays short.
    QList<PythonCall> kinds;
    for (int i = 0; i < 100; ++i) {
        for (int pid = 0; pid < 10; ++pid)
            kinds.append(call(QStringLiteral("kind%1").arg(i), 40, 1000000 + pid));
    }
    annotations.add(kinds);
    const QString text = annotations.annotation(Example, 40);
    QCOMPARE(text.size(), PythonSourceAnnotations::MaxTextLength);
    QVERIFY(text.endsWith(QStringLiteral("…")));
}

void tst_PythonSource::manyExitCodesAreCut()
{
    PythonSourceAnnotations annotations;
    QList<PythonCall> calls;
    for (int code = 0; code < 10; ++code) {
        calls.append(exitCall(QStringLiteral("exitcode"), 3, 1, code));
        calls.append(exitCall(QStringLiteral("exitcode"), 3, 1, code));
    }
    annotations.add(calls);
    QCOMPARE(annotations.annotation(Example, 3),
             QStringLiteral("0 ×2, 1 ×2, 2 ×2, 3 ×2, 4 ×2, 5 ×2, 8 other"));
}

void tst_PythonSource::sitesAreBounded()
{
    PythonSourceAnnotations annotations;
    QList<PythonCall> calls;
    for (int line = 1; line <= PythonSourceAnnotations::MaxSites + 50; ++line)
        calls.append(call(QStringLiteral("start"), line, line));
    const auto changed = annotations.add(calls);
    QCOMPARE(changed.size(), PythonSourceAnnotations::MaxSites);
    QCOMPARE(annotations.annotatedLines(Example).size(), PythonSourceAnnotations::MaxSites);
    QCOMPARE(annotations.annotation(Example, PythonSourceAnnotations::MaxSites + 1), QString());
    // A line already followed keeps being told.
    annotations.add({call(QStringLiteral("start"), 1, 77)});
    QCOMPARE(annotations.annotation(Example, 1), QStringLiteral("1, 77"));
}

void tst_PythonSource::mainFileIsTheOneMostCallsCameFrom()
{
    PythonSourceAnnotations annotations;
    QCOMPARE(annotations.mainFile(), QString());
    const QString helper = QStringLiteral("/usr/lib/helper.py");
    annotations.add({call(QStringLiteral("start"), 3, 1, helper)});
    QCOMPARE(annotations.mainFile(), helper);
    annotations.add({call(QStringLiteral("start"), 14, 2)});
    QCOMPARE(annotations.mainFile(), helper); // a tie keeps the first
    annotations.add({call(QStringLiteral("start"), 14, 3)});
    QCOMPARE(annotations.mainFile(), Example);
    annotations.clear();
    QCOMPARE(annotations.mainFile(), QString());
    QCOMPARE(annotations.annotation(Example, 14), QString());
}

void tst_PythonSource::callsWithoutALineAreLeftOut()
{
    PythonSourceAnnotations annotations;
    QVERIFY(annotations
                    .add({call(QStringLiteral("start"), 0, 1),
                          call(QStringLiteral("start"), 4, 1, QString())})
                    .isEmpty());
    QCOMPARE(annotations.mainFile(), QString());
}

void tst_PythonSource::scriptOfCommand_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("workingDirectory");
    QTest::addColumn<QString>("script");
    const QString lesson = QStringLiteral("/tmp/lesson");
    QTest::newRow("relative") << QStringList{"python3", "example1.py"} << lesson
                              << "/tmp/lesson/example1.py";
    QTest::newRow("absolute") << QStringList{"/usr/bin/python3", "/srv/a.py", "x.py"} << lesson
                              << "/srv/a.py";
    QTest::newRow("options") << QStringList{"python3", "-u", "-X", "dev", "-W", "error", "./b.py"}
                             << lesson << "/tmp/lesson/b.py";
    QTest::newRow("run directly") << QStringList{"./example2.py", "arg"} << lesson
                                  << "/tmp/lesson/example2.py";
    QTest::newRow("dashes") << QStringList{"python3", "--", "-odd.py"} << lesson
                            << "/tmp/lesson/-odd.py";
    QTest::newRow("-c") << QStringList{"python3", "-c", "print(1)"} << lesson << QString();
    QTest::newRow("-m") << QStringList{"python3", "-m", "http.server"} << lesson << QString();
    QTest::newRow("stdin") << QStringList{"python3", "-"} << lesson << QString();
    QTest::newRow("interactive") << QStringList{"python3"} << lesson << QString();
    QTest::newRow("none") << QStringList() << lesson << QString();
    QTest::newRow("current folder") << QStringList{"python3", "c.py"} << QString()
                                    << QDir::current().absoluteFilePath("c.py");
}

void tst_PythonSource::scriptOfCommand()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, workingDirectory);
    QFETCH(QString, script);
    QCOMPARE(pythonScriptOf(arguments, workingDirectory), script);
}

void tst_PythonSource::readsLinesAndLineEnds()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const auto write = [&folder](const char *name, const QByteArray &bytes) {
        QFile file(folder.filePath(QLatin1String(name)));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", name);
        return file.fileName();
    };
    PythonSourceFile source = PythonSourceFile::read(
            write("unix.py", "import os\n\nprint('서브')\n"));
    QCOMPARE(source.error, QString());
    QCOMPARE(source.lines, QStringList({"import os", "", "print('서브')"}));
    source = PythonSourceFile::read(write("dos.py",
                                          "\xef\xbb\xbf"
                                          "a = 1\r\nb = 2"));
    QCOMPARE(source.lines, QStringList({"a = 1", "b = 2"}));
    source = PythonSourceFile::read(write("empty.py", ""));
    QCOMPARE(source.error, QString());
    QCOMPARE(source.lines, QStringList());
}

void tst_PythonSource::invalidUtf8BecomesReplacementCharacters()
{
    QTemporaryDir folder;
    QFile file(folder.filePath(QStringLiteral("latin1.py")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# caf\xe9\nprint('\xff\xfe')\n");
    file.close();
    const PythonSourceFile source = PythonSourceFile::read(file.fileName());
    QCOMPARE(source.error, QString());
    QCOMPARE(source.lines.size(), 2);
    QCOMPARE(source.lines.at(0), QStringLiteral("# caf\uFFFD"));
    QVERIFY2(source.lines.at(1).startsWith(QStringLiteral("print('\uFFFD")),
             qPrintable(source.lines.at(1)));
}

void tst_PythonSource::missingFileIsSaid()
{
    const PythonSourceFile source = PythonSourceFile::read(QStringLiteral("/nonexistent/x.py"));
    QVERIFY(source.lines.isEmpty());
    QCOMPARE(source.error,
             QStringLiteral("/nonexistent/x.py cannot be found, so its source cannot be shown."));
}

void tst_PythonSource::hugeFileIsRefused()
{
    QTemporaryDir folder;
    QFile file(folder.filePath(QStringLiteral("huge.py")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(PythonSourceFile::MaxBytes + 1));
    file.close();
    PythonSourceFile source = PythonSourceFile::read(file.fileName());
    QVERIFY(source.lines.isEmpty());
    QVERIFY2(source.error.contains(QStringLiteral("too large")), qPrintable(source.error));
    // The largest allowed is shown.
    QVERIFY(file.resize(PythonSourceFile::MaxBytes));
    source = PythonSourceFile::read(file.fileName());
    QCOMPARE(source.error, QString());
    QCOMPARE(source.lines.size(), 1);
}

void tst_PythonSource::notARegularFileIsRefused()
{
    // A FIFO nobody writes to: opening it would block.
    QTemporaryDir folder;
    const QString fifo = folder.filePath(QStringLiteral("fifo.py"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    PythonSourceFile source = PythonSourceFile::read(fifo);
    QVERIFY(source.lines.isEmpty());
    QVERIFY2(source.error.contains(QStringLiteral("not a regular file")), qPrintable(source.error));
    source = PythonSourceFile::read(folder.path());
    QVERIFY2(source.error.contains(QStringLiteral("not a regular file")), qPrintable(source.error));
}

void tst_PythonSource::unreadableFileIsSaid()
{
    if (::geteuid() == 0)
        QSKIP("root reads any file: run as another user (setpriv --reuid=65534)");
    QTemporaryDir folder;
    QFile file(folder.filePath(QStringLiteral("secret.py")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("print(1)\n");
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::Permissions()));
    const PythonSourceFile source = PythonSourceFile::read(file.fileName());
    QVERIFY(source.lines.isEmpty());
    QVERIFY2(source.error.contains(QStringLiteral("cannot be read")), qPrintable(source.error));
}

void tst_PythonSource::noScriptIsSaid()
{
    const PythonSourceFile source = PythonSourceFile::read(QString());
    QVERIFY(source.lines.isEmpty());
    QVERIFY(!source.error.isEmpty());
}

QTEST_GUILESS_MAIN(tst_PythonSource)
#include "tst_pythonsource.moc"
