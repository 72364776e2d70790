#include "programlocator.h"
#include "pythonhook.h"
#include "testsupport.h"
#include "worker.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ProcLab;

// ProcLab's Python start-up hook, with a real python3: the lines of multiprocessing children never
// merge, they arrive while the program runs, the user's own sitecustomize still runs, and a program
// writes the same bytes and exits with the same code with the hook as without it.
class tst_PythonHook final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void theBuildTreeHasTheHook();
    void detectsPythonWorkers_data();
    void detectsPythonWorkers();
    void environment_data();
    void environment();
    void aPythonWorkerIsLineBuffered_data();
    void aPythonWorkerIsLineBuffered();
    void childrenLinesNeverMerge_data();
    void childrenLinesNeverMerge();
    void linesArriveWhileTheProgramRuns_data();
    void linesArriveWhileTheProgramRuns();
    void theUsersSitecustomizeStillRuns_data();
    void theUsersSitecustomizeStillRuns();
    void sameBytesAndExitCodes_data();
    void sameBytesAndExitCodes();

private:
    struct Run
    {
        QByteArray standardOutput;
        QByteArray standardError;
        int exitCode = -1;
        QProcess::ExitStatus exitStatus = QProcess::NormalExit;
    };
    // python3 run directly, without a Worker: exactly the bytes it wrote.
    Run runPython(const QStringList &arguments,
                  const QProcessEnvironment &environment,
                  const QString &interpreter = QString()) const;
    QProcessEnvironment withoutHook() const;
    QProcessEnvironment withHook() const;
    QString writeScript(const QString &name, const QByteArray &source);
    std::unique_ptr<Worker> startWorker(const QStringList &arguments,
                                        const QStringList &environment = {});
    static QStringList texts(const Worker &worker, OutputChannel channel = OutputChannel::StdOut);

    QTemporaryDir m_directory;
    QString m_python;
    int m_nextId = 1;
};

void tst_PythonHook::initTestCase()
{
    // As a user runs Python: without the variable this machine sets.
    qunsetenv("PYTHONUNBUFFERED");
    m_python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (m_python.isEmpty())
        QSKIP("python3 is not installed");
    QVERIFY(m_directory.isValid());
}

void tst_PythonHook::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral("QProcess: Destroyed while process")));
}

tst_PythonHook::Run tst_PythonHook::runPython(const QStringList &arguments,
                                              const QProcessEnvironment &environment,
                                              const QString &interpreter) const
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(interpreter.isEmpty() ? m_python : interpreter, arguments);
    Run run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.standardOutput = process.readAllStandardOutput();
    run.standardError = process.readAllStandardError();
    run.exitCode = process.exitCode();
    run.exitStatus = process.exitStatus();
    return run;
}

// Only the hook differs between the two: PYTHONIOENCODING, which ProcLab also sets, is in both.
QProcessEnvironment tst_PythonHook::withoutHook() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("PYTHONUNBUFFERED"));
    environment.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
    return environment;
}

QProcessEnvironment tst_PythonHook::withHook() const
{
    QProcessEnvironment environment = withoutHook();
    requestLineBufferedOutput(environment, true, pythonHookDirectory());
    return environment;
}

QString tst_PythonHook::writeScript(const QString &name, const QByteArray &source)
{
    const QString path = m_directory.filePath(name);
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    file.write(source);
    return path;
}

std::unique_ptr<Worker> tst_PythonHook::startWorker(const QStringList &arguments,
                                                    const QStringList &environment)
{
    WorkerSpec spec;
    spec.arguments = arguments;
    spec.environment = environment;
    auto worker = std::make_unique<Worker>(m_nextId++, spec);
    worker->start(systemSearchPath());
    return worker;
}

QStringList tst_PythonHook::texts(const Worker &worker, OutputChannel channel)
{
    QStringList result;
    const Scrollback &scrollback = worker.scrollback();
    for (qint64 line = scrollback.firstLine(); line < scrollback.endLine(); ++line) {
        if (scrollback.at(line).channel == channel)
            result.append(scrollback.at(line).text);
    }
    return result;
}

void tst_PythonHook::theBuildTreeHasTheHook()
{
    // Found the way an installed proclab finds it (../share/proclab/python), and current.
    const QString directory = pythonHookDirectory();
    QVERIFY2(!directory.isEmpty(), "the hook is not in ../share/proclab/python of the tests");
    QVERIFY(directory.endsWith(QLatin1String("/share/proclab/python")));
    QFile built(directory + QStringLiteral("/sitecustomize.py"));
    QFile source(TestSupport::sourceDirectory()
                 + QStringLiteral("/resources/python/sitecustomize.py"));
    QVERIFY(built.open(QIODevice::ReadOnly));
    QVERIFY(source.open(QIODevice::ReadOnly));
    QVERIFY2(built.readAll() == source.readAll(), "the build tree's copy of the hook is stale");
}

void tst_PythonHook::detectsPythonWorkers_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("programPath");
    QTest::addColumn<bool>("python");

    QTest::newRow("python3") << QStringList{"python3", "x.py"} << "/usr/bin/python3" << true;
    QTest::newRow("python") << QStringList{"python", "-c", "pass"} << "/usr/bin/python" << true;
    QTest::newRow("python3.11") << QStringList{"python3.11"} << "/usr/bin/python3.11" << true;
    QTest::newRow("a path") << QStringList{"/usr/bin/python3", "-m", "http.server"}
                            << "/usr/bin/python3" << true;
    QTest::newRow("a .py file") << QStringList{"./study.py"} << "/home/u/study.py" << true;
    QTest::newRow("found as python3") << QStringList{"py"} << "/opt/bin/python3" << true;
    QTest::newRow("python2") << QStringList{"python2", "x.py"} << "/usr/bin/python2" << false;
    QTest::newRow("python3-config")
            << QStringList{"python3-config"} << "/usr/bin/python3-config" << false;
    QTest::newRow("sh") << QStringList{"sh", "-c", "python3 x.py"} << "/bin/sh" << false;
    QTest::newRow("a .py argument") << QStringList{"cat", "x.py"} << "/bin/cat" << false;
    QTest::newRow("empty") << QStringList{} << QString() << false;
}

void tst_PythonHook::detectsPythonWorkers()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, programPath);
    QFETCH(bool, python);
    QCOMPARE(isPythonCommand(arguments, programPath), python);
}

void tst_PythonHook::environment_data()
{
    QTest::addColumn<bool>("python");
    QTest::addColumn<QString>("hook");
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");

    const QString hook = QStringLiteral("/usr/share/proclab/python");
    QTest::newRow("python: the hook, not PYTHONUNBUFFERED")
            << true << hook << QStringList{}
            << QStringList{"PYTHONIOENCODING=utf-8", "PYTHONPATH=" + hook};
    QTest::newRow("python: the user's PYTHONPATH after the hook")
            << true << hook << QStringList{"PYTHONPATH=/mine:/other"}
            << QStringList{"PYTHONIOENCODING=utf-8", "PYTHONPATH=" + hook + ":/mine:/other"};
    QTest::newRow("python: the user's PYTHONUNBUFFERED is kept")
            << true << hook << QStringList{"PYTHONUNBUFFERED=1"}
            << QStringList{"PYTHONIOENCODING=utf-8", "PYTHONPATH=" + hook, "PYTHONUNBUFFERED=1"};
    QTest::newRow("python: the user's encoding is kept")
            << true << hook << QStringList{"PYTHONIOENCODING=latin-1"}
            << QStringList{"PYTHONIOENCODING=latin-1", "PYTHONPATH=" + hook};
    QTest::newRow("python without the hook: unbuffered, as before")
            << true << QString() << QStringList{"PYTHONUNBUFFERED="}
            << QStringList{"PYTHONIOENCODING=utf-8", "PYTHONUNBUFFERED=1"};
    QTest::newRow("another program: unbuffered, for the Python it may start")
            << false << hook << QStringList{"PYTHONPATH=/mine"}
            << QStringList{"PYTHONIOENCODING=utf-8", "PYTHONPATH=/mine", "PYTHONUNBUFFERED=1"};
}

void tst_PythonHook::environment()
{
    QFETCH(bool, python);
    QFETCH(QString, hook);
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);

    QProcessEnvironment environment;
    for (const QString &assignment : before)
        environment.insert(assignment.section('=', 0, 0), assignment.section('=', 1));
    requestLineBufferedOutput(environment, python, hook);
    QStringList result = environment.toStringList();
    result.sort();
    QCOMPARE(result, after);
}

void tst_PythonHook::aPythonWorkerIsLineBuffered_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("python3 script") << "python3";
    QTest::newRow("a .py file run directly") << "direct";
    QTest::newRow("with the user's PYTHONPATH") << "user path";
}

void tst_PythonHook::aPythonWorkerIsLineBuffered()
{
    QFETCH(QString, how);
    const QString script = writeScript("buffering.py",
                                       "#!/usr/bin/env python3\n"
                                       "import os, sys\n"
                                       "print(sys.stdout.line_buffering, sys.stdout.write_through, "
                                       "sys.stderr.line_buffering)\n"
                                       "print(os.environ.get('PYTHONPATH'))\n"
                                       "print(os.environ.get('PYTHONUNBUFFERED'))\n");
    QVERIFY(QFile::setPermissions(script, QFile::permissions(script) | QFile::ExeUser));

    QStringList arguments{"python3", script};
    QStringList environment;
    QString expectedPath = pythonHookDirectory();
    if (how == "direct") {
        arguments = QStringList{script};
    } else if (how == "user path") {
        environment = QStringList{"PYTHONPATH=/nonexistent/mine"};
        expectedPath += ":/nonexistent/mine";
    }
    auto worker = startWorker(arguments, environment);
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), 30000);
    QVERIFY2(worker->exitInfo().isSuccess(),
             qPrintable(texts(*worker, OutputChannel::StdErr).join('\n')));
    QCOMPARE(texts(*worker), (QStringList{"True False True", expectedPath, "None"}));
}

// Eight children print 200 lines each as fast as they can, all at once. Every line must arrive
// whole, once. With PYTHONUNBUFFERED instead of the hook, print() writes the text and the newline
// apart, and lines merge ("child 3 line 017 xxxchild 5 line 002 xxx").
void tst_PythonHook::childrenLinesNeverMerge_data()
{
    QTest::addColumn<QString>("startMethod");
    QTest::addColumn<int>("runs");
    QTest::newRow("fork") << "fork" << 20;
    QTest::newRow("spawn") << "spawn" << 4;
    QTest::newRow("forkserver") << "forkserver" << 4;
}

void tst_PythonHook::childrenLinesNeverMerge()
{
    QFETCH(QString, startMethod);
    QFETCH(int, runs);
    constexpr int Children = 8;
    constexpr int Lines = 200;
    const QString script = writeScript(
            "flood.py",
            "import multiprocessing, sys\n"
            "\n"
            "def child(index, go):\n"
            "    go.wait()\n"
            "    for number in range(200):\n"
            "        print('child %d line %03d %s' % (index, number, 'x' * (30 + index)))\n"
            "\n"
            "if __name__ == '__main__':\n"
            "    multiprocessing.set_start_method(sys.argv[1])\n"
            "    go = multiprocessing.Event()\n"
            "    children = [multiprocessing.Process(target=child, args=(index, go))\n"
            "                for index in range(8)]\n"
            "    for process in children:\n"
            "        process.start()\n"
            "    go.set()\n"
            "    for process in children:\n"
            "        process.join()\n"
            "    sys.exit(max(abs(process.exitcode) for process in children))\n");

    static const QRegularExpression whole(QStringLiteral("^child (\\d) line (\\d{3}) (x+)$"));
    int runsWithBrokenLines = 0;
    QString firstProblem;
    for (int run = 0; run < runs; ++run) {
        auto worker = startWorker({"python3", script, startMethod});
        QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), 60000);
        QVERIFY2(worker->exitInfo().isSuccess(),
                 qPrintable(texts(*worker, OutputChannel::StdErr).join('\n')));
        QSet<QString> seen;
        QStringList broken;
        for (const QString &line : texts(*worker)) {
            const QRegularExpressionMatch match = whole.match(line);
            if (!match.hasMatch() || match.capturedLength(3) != 30 + match.captured(1).toInt()
                || seen.contains(line)) {
                broken.append(line);
                continue;
            }
            seen.insert(line);
        }
        if (!broken.isEmpty() || seen.size() != Children * Lines) {
            ++runsWithBrokenLines;
            if (firstProblem.isEmpty()) {
                firstProblem = QStringLiteral(
                                       "run %1: %2 whole lines of %3; %4 broken, first: “%5”")
                                       .arg(run)
                                       .arg(seen.size())
                                       .arg(Children * Lines)
                                       .arg(broken.size())
                                       .arg(broken.value(0));
            }
        }
    }
    QVERIFY2(runsWithBrokenLines == 0,
             qPrintable(QStringLiteral("lines merged in %1 of %2 runs; %3")
                                .arg(runsWithBrokenLines)
                                .arg(runs)
                                .arg(firstProblem)));
}

// The program prints a line, then waits for the test to answer: block-buffered, the line would
// stay in Python's buffer and the test would wait in vain.
void tst_PythonHook::linesArriveWhileTheProgramRuns_data()
{
    QTest::addColumn<QString>("where");
    QTest::newRow("the program itself") << "parent";
    QTest::newRow("a child started by fork") << "fork";
    QTest::newRow("a child started by spawn") << "spawn";
}

void tst_PythonHook::linesArriveWhileTheProgramRuns()
{
    QFETCH(QString, where);
    const QString script
            = writeScript("live.py",
                          "import multiprocessing, os, sys, time\n"
                          "\n"
                          "def ready_then_wait(who, answer):\n"
                          "    print(who + ' ready')\n"
                          "    deadline = time.monotonic() + 60\n"
                          "    while not os.path.exists(answer) and time.monotonic() < deadline:\n"
                          "        time.sleep(0.01)\n"
                          "\n"
                          "if __name__ == '__main__':\n"
                          "    where, answer = sys.argv[1], sys.argv[2]\n"
                          "    if where == 'parent':\n"
                          "        ready_then_wait('parent', answer)\n"
                          "    else:\n"
                          "        multiprocessing.set_start_method(where)\n"
                          "        child = multiprocessing.Process(target=ready_then_wait, "
                          "args=('child', answer))\n"
                          "        child.start()\n"
                          "        child.join()\n"
                          "    print('done')\n");
    const QString answer = m_directory.filePath("answer-" + where);
    QFile::remove(answer);

    auto worker = startWorker({"python3", script, where, answer});
    const QString ready = where == "parent" ? "parent ready" : "child ready";
    QTRY_VERIFY_WITH_TIMEOUT(texts(*worker).contains(ready) || !worker->isActive(), 30000);
    QVERIFY2(texts(*worker).contains(ready), "the line must arrive while the program waits");
    QVERIFY(worker->isActive());

    QFile file(answer);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), 30000);
    QVERIFY(worker->exitInfo().isSuccess());
    QCOMPARE(texts(*worker), (QStringList{ready, "done"}));
}

// The hook takes the name sitecustomize, so it must run the one Python would have found without it:
// on the user's PYTHONPATH, in their site-packages, or the distribution's (Debian's python3 has
// one), with the same result when it fails.
void tst_PythonHook::theUsersSitecustomizeStillRuns_data()
{
    QTest::addColumn<QString>("where");
    QTest::newRow("on the user's PYTHONPATH") << "path";
    QTest::newRow("in the user's site-packages") << "user site";
    QTest::newRow("one that fails") << "failing";
    QTest::newRow("the system's, if any") << "system";
}

void tst_PythonHook::theUsersSitecustomizeStillRuns()
{
    QFETCH(QString, where);
    const QByteArray userSitecustomize = "import sys\n"
                                         "sys.stderr.write('user sitecustomize ran\\n')\n"
                                         "sys.path.append('/added/by/the/user')\n";
    QProcessEnvironment without = withoutHook();
    QString interpreter;
    if (where == "system") {
        // Debian's own python3 imports /usr/lib/python3.N/sitecustomize.py; another may have none.
        if (QFileInfo::exists("/usr/bin/python3"))
            interpreter = "/usr/bin/python3";
    } else if (where == "path") {
        const QString file = writeScript("userpath/sitecustomize.py", userSitecustomize);
        without.insert("PYTHONPATH", QFileInfo(file).path());
    } else if (where == "failing") {
        const QString file = writeScript("failing/sitecustomize.py",
                                         "raise RuntimeError('the user\\'s own mistake')\n");
        without.insert("PYTHONPATH", QFileInfo(file).path());
    } else if (where == "user site") {
        const QString base = m_directory.filePath("userbase");
        without.insert("PYTHONUSERBASE", base);
        const Run site = runPython({"-c", "import site; print(site.getusersitepackages())"},
                                   without);
        const QString packages = QString::fromUtf8(site.standardOutput.trimmed());
        QVERIFY2(packages.startsWith(base), site.standardOutput.constData());
        QVERIFY(QDir().mkpath(packages));
        QFile file(packages + "/sitecustomize.py");
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(userSitecustomize);
    }
    QProcessEnvironment with = without;
    requestLineBufferedOutput(with, true, pythonHookDirectory());

    const QStringList program{"-c",
                              "import sys\n"
                              "module = sys.modules.get('sitecustomize')\n"
                              "print(getattr(module, '__file__', None))\n"
                              "print('/added/by/the/user' in sys.path)\n"};
    const Run plain = runPython(program, without, interpreter);
    const Run hooked = runPython(program, with, interpreter);
    QCOMPARE(hooked.exitCode, plain.exitCode);
    QCOMPARE(hooked.standardError, plain.standardError);
    QCOMPARE(hooked.standardOutput, plain.standardOutput);
    // Debian's python3 imports its own sitecustomize before the user's site-packages are searched,
    // with or without the hook: then only the comparison above is to be had.
    const bool userSiteHidden = where == "user site"
                                && !plain.standardOutput.startsWith(
                                        QFile::encodeName(m_directory.filePath("userbase")));
    if (where == "path" || (where == "user site" && !userSiteHidden)) {
        QVERIFY2(plain.standardError == "user sitecustomize ran\n", plain.standardError.constData());
        QVERIFY(plain.standardOutput.endsWith("/sitecustomize.py\nTrue\n"));
    } else if (where == "failing") {
        QVERIFY2(plain.standardError.contains("Error in sitecustomize"),
                 plain.standardError.constData());
        QVERIFY(plain.standardError.contains("the user's own mistake"));
    }
}

void tst_PythonHook::sameBytesAndExitCodes_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::newRow("lines, Korean, no final newline")
            << QByteArray("print('hello')\nprint('서브 프로그램', 0)\nprint('end', end='')\n");
    QTest::newRow("both streams") << QByteArray(
            "import sys\nfor n in range(50):\n    print(n)\n"
            "    print('e', n, file=sys.stderr)\nsys.stderr.write('partial')\n");
    QTest::newRow("exit code 3") << QByteArray("import sys\nprint('a')\nsys.exit(3)\n");
    QTest::newRow("an exception") << QByteArray("print('before')\nraise ValueError('boom')\n");
    QTest::newRow("carriage returns")
            << QByteArray("for n in range(5):\n    print('\\r%d %%' % n, end='')\nprint()\n");
    QTest::newRow("a long line") << QByteArray("print('y' * 200000)\nprint('z')\n");
    QTest::newRow("bytes") << QByteArray(
            "import sys\nsys.stdout.buffer.write(b'\\xff\\xfe raw\\n')\n");
    QTest::newRow("killed by a signal") << QByteArray(
            "import os, signal\nprint('x', flush=True)\nos.kill(os.getpid(), signal.SIGTERM)\n");
    QTest::newRow("children one after another") << QByteArray(
            "import multiprocessing\n"
            "if __name__ == '__main__':\n"
            "    for n in range(3):\n"
            "        child = multiprocessing.Process(target=print, args=('child', n))\n"
            "        child.start()\n"
            "        child.join()\n"
            "        print('joined', n, child.exitcode)\n");
    QTest::newRow("a flood") << QByteArray("for n in range(100000):\n    print(n)\n");
}

// Per stream, byte for byte. (What a program writes to stdout with print() and to
// sys.stdout.buffer in turn comes out in the order it wrote it with the hook, as on a terminal;
// block-buffered through a pipe, the print()s come last. And print() before os._exit() is lost
// block-buffered. Neither case is here.)
void tst_PythonHook::sameBytesAndExitCodes()
{
    QFETCH(QByteArray, source);
    const QString script = writeScript("same.py", source);
    const Run plain = runPython({script}, withoutHook());
    const Run hooked = runPython({script}, withHook());
    QCOMPARE(hooked.exitStatus, plain.exitStatus);
    QCOMPARE(hooked.exitCode, plain.exitCode);
    QCOMPARE(hooked.standardOutput, plain.standardOutput);
    QCOMPARE(hooked.standardError, plain.standardError);
    QVERIFY(!plain.standardOutput.isEmpty());
}

QTEST_GUILESS_MAIN(tst_PythonHook)
#include "tst_pythonhook.moc"
