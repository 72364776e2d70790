#include "launchoptions.h"
#include "mainwindow.h"
#include "programlocator.h"
#include "pythonpanel.h"
#include "pythonsourceview.h"
#include "session.h"
#include "testsupport.h"
#include "windowparts.h"
#include "worker.h"
#include "workerpool.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace ProcLab;

// The Python panel shows a Python worker's own source, each line that made a multiprocessing call
// annotated with what it did, and the mirror for any other worker. The workers are real python3
// processes running the tutorial's scripts; their calls are fed as the Python channel feeds them
// (Worker::addPythonCalls()), with the PIDs the children printed.
class tst_PythonPanel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void exampleOneShowsItsStartedPids();
    void exampleTwoShowsTerminateAndExitCode();
    void theHooksCallsAreAnnotated();
    void unreadableSourceIsSaid();
    void theWindowShowsTheSelectedWorkersPython();
    void mirrorTitleSaysWhatItUses();

private:
    static constexpr int Timeout = 20000;
    static QString writeScript(const QTemporaryDir &folder, const char *name, const char *text);
    static LaunchOptions englishOptions();
};

namespace {

// The tutorial's example 1, unchanged: Process(...) on line 13, p.start() on line 14.
const QByteArray ExampleOne = TestSupport::tutorialExample1();

// Example 2, its pauses shortened: start() on line 19, terminate() on 21, the exit code on 23.
const char ExampleTwo[] = "import multiprocessing\n"
                          "import os\n"
                          "import time\n"
                          "\n"
                          "def sub_func(thing):\n"
                          "    main_func(thing)\n"
                          "    while True:\n"
                          "        time.sleep(1)\n"
                          "\n"
                          "def main_func(thing):\n"
                          "    print(\"Process {} says: {}\".format(os.getpid(), thing), "
                          "flush=True)\n"
                          "\n"
                          "if __name__ == '__main__':\n"
                          "    main_func(\"메인 프로그램\")\n"
                          "    p = multiprocessing.Process(target=sub_func, args=(\"loop\",))\n"
                          "    # started\n"
                          "\n"
                          "\n"
                          "    p.start()\n"
                          "    time.sleep(0.3)\n"
                          "    p.terminate()\n"
                          "    p.join()\n"
                          "    print(p.exitcode)\n";

PythonCall call(const QString &kind, qint64 caller, qint64 target, const QString &file, int line)
{
    PythonCall call;
    call.call = kind;
    call.pid = caller;
    call.target = target;
    call.file = file;
    call.line = line;
    return call;
}

WorkerSpec pythonSpec(const QTemporaryDir &folder, const QString &script)
{
    WorkerSpec spec;
    spec.arguments = {QStringLiteral("/usr/bin/python3"), script};
    spec.workingDirectory = folder.path();
    return spec;
}

// The PIDs the processes printed ("Process 4251 says: 서브 프로그램 2"), by what they said.
QMap<QString, qint64> saidBy(const QStringList &lines)
{
    static const QRegularExpression said(QStringLiteral("^Process (\\d+) says: (.*)$"));
    QMap<QString, qint64> pids;
    for (const QString &line : lines) {
        const QRegularExpressionMatch match = said.match(line);
        if (match.hasMatch())
            pids.insert(match.captured(2), match.captured(1).toLongLong());
    }
    return pids;
}

struct Output
{
    QStringList lines;
    void follow(const Worker &worker)
    {
        QObject::connect(&worker,
                         &Worker::outputReceived,
                         &worker,
                         [this](const QList<OutputLine> &received) {
                             for (const OutputLine &line : received)
                                 lines.append(line.text);
                         });
    }
};

QString sourceLine(const PythonPanel &panel, int line)
{
    return panel.text().split(QLatin1Char('\n')).value(line - 1);
}

} // namespace

void tst_PythonPanel::initTestCase()
{
    qunsetenv("PYTHONUNBUFFERED");
}

void tst_PythonPanel::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral("QProcess: Destroyed while process")));
}

QString tst_PythonPanel::writeScript(const QTemporaryDir &folder, const char *name, const char *text)
{
    QFile file(folder.filePath(QLatin1String(name)));
    if (!file.open(QIODevice::WriteOnly) || file.write(text) < 0)
        qFatal("cannot write %s", name);
    return file.fileName();
}

LaunchOptions tst_PythonPanel::englishOptions()
{
    LaunchOptions options;
    options.languageCode = QStringLiteral("en");
    return options;
}

void tst_PythonPanel::exampleOneShowsItsStartedPids()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString script = writeScript(folder, "example1.py", ExampleOne.constData());
    Session session(TestSupport::workerProgram());
    PythonPanel panel(session.pythonMirror());
    panel.show();
    auto *view = panel.findChild<PythonSourceView *>(QStringLiteral("pythonSource"));
    QVERIFY(view);

    // Run as a command (relative to its folder), as a learner would.
    WorkerSpec spec = pythonSpec(folder, QStringLiteral("example1.py"));
    Worker worker(1, spec);
    Output output;
    output.follow(worker);
    worker.start(systemSearchPath());
    panel.setWorker(&worker);
    // No call yet and no hook: nothing says it is Python, so the mirror stays.
    QVERIFY(!panel.showsSource());
    QTRY_VERIFY_WITH_TIMEOUT(worker.state() == WorkerState::Finished, Timeout);
    const QMap<QString, qint64> pids = saidBy(output.lines);
    QCOMPARE(pids.size(), 5);

    // The calls arrive in bursts, one call at a time: the view is updated once per burst.
    QList<qint64> children;
    for (int i = 0; i < 4; ++i)
        children.append(pids.value(QStringLiteral("서브 프로그램 %1").arg(i)));
    const qint64 parent = pids.value(QStringLiteral("메인 프로그램"));
    QVERIFY(!children.contains(0) && parent > 0);
    for (int i = 0; i < 4; ++i) {
        PythonCall made = call(QStringLiteral("Process"), parent, 0, script, 13);
        made.name = QStringLiteral("Process-%1").arg(i + 1);
        worker.addPythonCalls({made});
    }
    QVERIFY(panel.showsSource());
    QCOMPARE(panel.sourceFile(), script);
    QSignalSpy changes(view->document(), &QTextDocument::contentsChange);
    for (int i = 0; i < 4; ++i)
        worker.addPythonCalls({call(QStringLiteral("start"), parent, children.at(i), script, 14)});
    QStringList expected;
    for (const qint64 pid : children)
        expected.append(QString::number(pid));
    QTRY_COMPARE_WITH_TIMEOUT(panel.annotation(14), expected.join(QLatin1String(", ")), Timeout);
    QCOMPARE(changes.count(), 1);
    QCOMPARE(panel.annotation(13), QStringLiteral("Process-1, Process-2, Process-3, Process-4"));
    QCOMPARE(sourceLine(panel, 14),
             QStringLiteral("        p.start()  # → ") + expected.join(QLatin1String(", ")));
    // The other lines are the program's own, unchanged.
    QCOMPARE(sourceLine(panel, 12), QStringLiteral("    for i in range(4):"));
    QCOMPARE(panel.text().count(QLatin1Char('\n')), 13);

    auto *title = panel.findChild<QLabel *>(QStringLiteral("pythonTitle"));
    QVERIFY2(title->text().contains(QStringLiteral("example1.py")), qPrintable(title->text()));
    QVERIFY(!title->text().contains(QStringLiteral("multiprocessing")));
    // Copy gives the annotated source; the session's script is not saved for it.
    QTest::mouseClick(panel.findChild<QPushButton *>(QStringLiteral("copyScriptButton")),
                      Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), panel.text());
    QVERIFY(!panel.findChild<QPushButton *>(QStringLiteral("saveScriptButton"))->isEnabled());
}

void tst_PythonPanel::exampleTwoShowsTerminateAndExitCode()
{
    QTemporaryDir folder;
    const QString script = writeScript(folder, "example2.py", ExampleTwo);
    Session session(TestSupport::workerProgram());
    PythonPanel panel(session.pythonMirror());
    Worker worker(1, pythonSpec(folder, script));
    Output output;
    output.follow(worker);
    worker.start(systemSearchPath());
    QTRY_VERIFY_WITH_TIMEOUT(worker.state() == WorkerState::Finished, Timeout);
    const qint64 parent = saidBy(output.lines).value(QStringLiteral("메인 프로그램"));
    const qint64 child = saidBy(output.lines).value(QStringLiteral("loop"));
    QVERIFY2(child > 0, qPrintable(output.lines.join(QLatin1Char('\n'))));
    QCOMPARE(output.lines.constLast(), QStringLiteral("-15"));

    panel.setWorker(&worker);
    PythonCall joined = call(QStringLiteral("joined"), parent, child, script, 22);
    joined.hasExitCode = true;
    joined.exitCode = -15;
    PythonCall exitCode = joined;
    exitCode.call = QStringLiteral("exitcode");
    exitCode.line = 23;
    worker.addPythonCalls({call(QStringLiteral("start"), parent, child, script, 19),
                           call(QStringLiteral("terminate"), parent, child, script, 21),
                           call(QStringLiteral("join"), parent, child, script, 22),
                           joined,
                           exitCode});
    QTRY_COMPARE_WITH_TIMEOUT(panel.annotation(21),
                              QStringLiteral("SIGTERM to %1").arg(child),
                              Timeout);
    QCOMPARE(panel.annotation(19), QString::number(child));
    QCOMPARE(panel.annotation(22), QStringLiteral("exitcode -15"));
    QCOMPARE(panel.annotation(23), QStringLiteral("-15"));
    // The program's own comment stays its own, not an annotation.
    QCOMPARE(sourceLine(panel, 16), QStringLiteral("    # started"));
    QCOMPARE(panel.annotation(16), QString());
}

void tst_PythonPanel::theHooksCallsAreAnnotated()
{
    // End to end: followed, the program runs with ProcLab's Python hook, whose calls reach the
    // panel through the worker's channel.
    QTemporaryDir folder;
    const QString script = writeScript(folder, "example1.py", ExampleOne.constData());
    Session session(TestSupport::workerProgram());
    PythonPanel panel(session.pythonMirror());
    WorkerSpec spec = pythonSpec(folder, QStringLiteral("example1.py"));
    spec.followChildren = true;
    Worker worker(1, spec);
    Output output;
    output.follow(worker);
    panel.setWorker(&worker);
    worker.start(systemSearchPath());
    QVERIFY2(worker.isSeenAsPython(), "the hook was not found");
    // Seen as Python from its start: the command's script is shown before any call.
    QTRY_VERIFY_WITH_TIMEOUT(panel.showsSource(), Timeout);
    QCOMPARE(panel.sourceFile(), script);
    QTRY_VERIFY_WITH_TIMEOUT(worker.state() == WorkerState::Finished, Timeout);
    const QMap<QString, qint64> pids = saidBy(output.lines);
    QStringList children;
    for (int i = 0; i < 4; ++i)
        children.append(QString::number(pids.value(QStringLiteral("서브 프로그램 %1").arg(i))));
    QTRY_COMPARE_WITH_TIMEOUT(panel.annotation(14), children.join(QLatin1String(", ")), Timeout);
}

void tst_PythonPanel::unreadableSourceIsSaid()
{
    QTemporaryDir folder;
    const QString script = writeScript(folder, "gone.py", "print('bye')\n");
    Session session(TestSupport::workerProgram());
    PythonPanel panel(session.pythonMirror());
    panel.show();
    Worker worker(1, pythonSpec(folder, script));
    worker.start(systemSearchPath());
    QTRY_VERIFY_WITH_TIMEOUT(worker.state() == WorkerState::Finished, Timeout);
    QVERIFY(QFile::remove(script));
    panel.setWorker(&worker);
    worker.addPythonCalls({call(QStringLiteral("start"), worker.pid(), 4242, script, 1)});
    QVERIFY(panel.showsSource());
    auto *message = panel.findChild<QLabel *>(QStringLiteral("pythonSourceMessage"));
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("cannot be found")),
             qPrintable(message->text()));
    QCOMPARE(panel.text(), QString());
    // More calls for a file that is not there change nothing, and break nothing.
    worker.addPythonCalls({call(QStringLiteral("start"), worker.pid(), 4243, script, 1)});
    QCOMPARE(panel.text(), QString());
}

void tst_PythonPanel::theWindowShowsTheSelectedWorkersPython()
{
    QTemporaryDir folder;
    const QString script = writeScript(folder, "example1.py", ExampleOne.constData());
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    MainWindow window(session, englishOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    PythonPanel *panel = WindowParts::pythonPanel(window);

    Worker *python = pool.spawn(pythonSpec(folder, script));
    WorkerSpec sleeper;
    sleeper.arguments = {QStringLiteral("sleep"), QStringLiteral("600000")};
    Worker *other = pool.spawn(sleeper);
    QVERIFY(python && other);
    QTRY_VERIFY_WITH_TIMEOUT(other->state() == WorkerState::Running, Timeout);

    WindowParts::table(window)->selectRow(0);
    QCOMPARE(panel->worker(), python);
    python->addPythonCalls({call(QStringLiteral("start"), python->pid(), 4242, script, 14)});
    QVERIFY(panel->showsSource());
    QVERIFY(panel->findChild<QPlainTextEdit *>(QStringLiteral("pythonSource"))->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(panel->annotation(14), QStringLiteral("4242"), Timeout);

    // Another worker selected: the mirror again, with what it says.
    WindowParts::table(window)->selectRow(1);
    QCOMPARE(panel->worker(), other);
    QVERIFY(!panel->showsSource());
    QVERIFY(panel->findChild<QPlainTextEdit *>(QStringLiteral("pythonText"))->isVisible());
    QVERIFY(!panel->findChild<QPlainTextEdit *>(QStringLiteral("pythonSource"))->isVisible());
    QVERIFY2(panel->text().contains(QStringLiteral("subprocess.Popen")), qPrintable(panel->text()));
    QVERIFY(panel->findChild<QPushButton *>(QStringLiteral("saveScriptButton"))->isEnabled());
    // And back: the source, its annotations made again from the worker's calls.
    WindowParts::table(window)->selectRow(0);
    QVERIFY(panel->showsSource());
    QCOMPARE(panel->annotation(14), QStringLiteral("4242"));
    // Both selected: no one program to show.
    WindowParts::table(window)->selectAll();
    QVERIFY(!panel->showsSource());

    pool.stopAll();
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);
}

void tst_PythonPanel::mirrorTitleSaysWhatItUses()
{
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    PythonPanel panel(session.pythonMirror());
    auto *title = panel.findChild<QLabel *>(QStringLiteral("pythonTitle"));
    QCOMPARE(title->text(), QStringLiteral("<b>The same in Python</b>"));

    // A command is a subprocess.Popen, and the title says so, not "multiprocessing".
    WorkerSpec command;
    command.arguments = {QStringLiteral("true")};
    Worker *worker = pool.spawn(command);
    QVERIFY(worker);
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);
    QVERIFY(panel.text().contains(QStringLiteral("subprocess.Popen")));
    QCOMPARE(title->text(), QStringLiteral("<b>The same in Python</b> (subprocess)"));

    QVERIFY(session.startSpawnLesson(1));
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);
    QCOMPARE(title->text(),
             QStringLiteral("<b>The same in Python</b> (multiprocessing, subprocess)"));
    // Code is never wrapped in the middle of a name: long lines scroll sideways.
    QCOMPARE(panel.findChild<QPlainTextEdit *>(QStringLiteral("pythonText"))->lineWrapMode(),
             QPlainTextEdit::NoWrap);
    QCOMPARE(panel.findChild<QPlainTextEdit *>(QStringLiteral("pythonSource"))->lineWrapMode(),
             QPlainTextEdit::NoWrap);
}

QTEST_MAIN(tst_PythonPanel)
#include "tst_pythonpanel.moc"
