#include "lessons.h"
#include "pythonmirror.h"
#include "session.h"
#include "testsupport.h"
#include "worker.h"
#include "workerpool.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ProcLab;
using namespace std::chrono;

// The Python mirror writes the tutorial's Python for what the workers did, and its script runs.
class tst_PythonMirror final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qunsetenv("PYTHONUNBUFFERED"); }
    void spawnLessonScriptRunsUnderPython();
    void countdownLessonReadsLikeTheTutorial();
    void commandsBecomePopen();
    void clearedWorkersLeaveTheScript();
    void keepsAtMostMaxLines();
};

void tst_PythonMirror::spawnLessonScriptRunsUnderPython()
{
    Session session(TestSupport::workerProgram());
    session.setDemoLanguage(DemoLanguage::Korean);
    const WorkerPool &pool = session.pool();
    const PythonMirror &mirror = session.pythonMirror();
    QVERIFY(session.startSpawnLesson(4));
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), 10000);

    const QStringList lines = mirror.lines();
    QCOMPARE(lines.first(),
             QStringLiteral("main_func(\"메인 프로그램\")  # pid %1")
                     .arg(QCoreApplication::applicationPid()));
    QVERIFY2(lines.contains(QStringLiteral(
                     "p1 = multiprocessing.Process(target=sub_func, args=(\"서브 프로그램 0\",))")),
             qPrintable(lines.join('\n')));
    QVERIFY(lines.contains(QStringLiteral("p1.start()  # pid %1").arg(pool.at(0)->pid())));
    QVERIFY(lines.contains("p4.exitcode  # 0"));

    QTemporaryDir directory;
    const QString path = directory.filePath("mirror.py");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(mirror.script().toUtf8());
    file.close();
    QProcess python;
    python.start("python3", {path});
    QVERIFY(python.waitForFinished(30000));
    QCOMPARE(python.exitCode(), 0);
    const QStringList out = QString::fromUtf8(python.readAllStandardOutput())
                                    .split('\n', Qt::SkipEmptyParts);
    QCOMPARE(out.size(), 5);
    QVERIFY(out.first().endsWith(" says: 메인 프로그램"));
    for (int i = 0; i < 4; ++i)
        QVERIFY2(out.filter(QStringLiteral(" says: 서브 프로그램 %1").arg(i)).size() == 1,
                 qPrintable(out.join('\n')));
}

void tst_PythonMirror::countdownLessonReadsLikeTheTutorial()
{
    Session session(TestSupport::workerProgram());
    session.setDemoLanguage(DemoLanguage::English);
    const WorkerPool &pool = session.pool();
    const PythonMirror &mirror = session.pythonMirror();
    Worker *worker = session.startCountdownLesson(milliseconds(700), milliseconds(100));
    QVERIFY(worker);
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), 10000);
    const QStringList lines = mirror.lines();
    QCOMPARE(lines.first(),
             QStringLiteral("main_func(\"main program\")  # pid %1")
                     .arg(QCoreApplication::applicationPid()));
    const QStringList expected{
            "p1 = multiprocessing.Process(target=count_func, args=(\"loop\",))",
            QStringLiteral("p1.start()  # pid %1").arg(worker->pid()),
            "time.sleep(0.7)",
            "p1.terminate()",
            "p1.join()",
            "p1.exitcode  # -15",
    };
    QCOMPARE(lines.mid(1), expected);
}

void tst_PythonMirror::commandsBecomePopen()
{
    WorkerPool pool;
    PythonMirror mirror(pool);
    WorkerSpec spec;
    spec.arguments = {"sh", "-c", "exit 3"};
    Worker *worker = pool.spawn(spec);
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), 5000);
    // A command is not a lesson: no main program's line before it.
    QCOMPARE(mirror.lines(),
             (QStringList{QStringLiteral("p1 = subprocess.Popen([\"sh\", \"-c\", \"exit 3\"], "
                                         "start_new_session=True)  # pid %1")
                                  .arg(worker->pid()),
                          "p1.wait()  # returncode 3"}));
}

void tst_PythonMirror::clearedWorkersLeaveTheScript()
{
    WorkerPool pool;
    PythonMirror mirror(pool);
    QSignalSpy reset(&mirror, &PythonMirror::linesReset);
    Worker *first = pool.spawn(TestSupport::workerSpec({"exit", "0"}));
    QTRY_VERIFY_WITH_TIMEOUT(!first->isActive(), 5000);
    Worker *running = pool.spawn(TestSupport::workerSpec({"sleep", "60000"}));
    QTRY_VERIFY_WITH_TIMEOUT(running->state() == WorkerState::Running, 5000);
    QCOMPARE(mirror.lines().size(), 3);

    mirror.forgetWorkers({first->id()});
    QCOMPARE(reset.size(), 1);
    const QStringList lines = mirror.lines();
    QCOMPARE(lines.size(), 1);
    // The running worker keeps its name: p2, not a p1 that would clash with the script's past.
    QVERIFY2(lines.first().startsWith("p2 = subprocess.Popen("), qPrintable(lines.first()));
    QVERIFY(mirror.script().contains(lines.first()));

    pool.terminate(running);
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), 5000);
    QVERIFY(mirror.lines().last().startsWith("p2.wait()"));
    mirror.forgetWorkers({running->id()});
    QVERIFY(mirror.lines().isEmpty());
}

void tst_PythonMirror::keepsAtMostMaxLines()
{
    WorkerPool pool;
    PythonMirror mirror(pool);
    QSignalSpy added(&mirror, &PythonMirror::lineAdded);
    QSignalSpy reset(&mirror, &PythonMirror::linesReset);
    for (int i = 0; i < PythonMirror::MaxLines + 5; ++i)
        mirror.addMainProgramLine(QStringLiteral("line %1").arg(i));
    QVERIFY(mirror.lines().size() <= PythonMirror::MaxLines);
    QVERIFY(mirror.droppedLines() > 0);
    QCOMPARE(mirror.lines().size() + mirror.droppedLines(), PythonMirror::MaxLines + 5);
    QVERIFY(mirror.lines().last().startsWith(
            QStringLiteral("main_func(\"line %1\")").arg(PythonMirror::MaxLines + 4)));
    QCOMPARE(reset.size(), 1);
    QVERIFY(mirror.script().contains(
            QStringLiteral("(%1 earlier lines are left out").arg(mirror.droppedLines())));
}

QTEST_GUILESS_MAIN(tst_PythonMirror)
#include "tst_pythonmirror.moc"
