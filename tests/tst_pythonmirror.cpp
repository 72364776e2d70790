#include "lessons.h"
#include "pythonmirror.h"
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
};

void tst_PythonMirror::spawnLessonScriptRunsUnderPython()
{
    WorkerPool pool;
    PythonMirror mirror(pool, DemoLanguage::Korean);
    Lessons::startSpawnLesson(pool, TestSupport::workerProgram(), 4, DemoLanguage::Korean);
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
    WorkerPool pool;
    PythonMirror mirror(pool, DemoLanguage::English);
    Worker *worker = Lessons::startCountdownLesson(pool,
                                                   TestSupport::workerProgram(),
                                                   milliseconds(700),
                                                   milliseconds(100));
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), 10000);
    const QStringList lines = mirror.lines();
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
    PythonMirror mirror(pool, DemoLanguage::English);
    WorkerSpec spec;
    spec.arguments = {"sh", "-c", "exit 3"};
    Worker *worker = pool.spawn(spec);
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), 5000);
    QCOMPARE(mirror.lines().mid(1),
             (QStringList{QStringLiteral("p1 = subprocess.Popen([\"sh\", \"-c\", \"exit 3\"], "
                                         "start_new_session=True)  # pid %1")
                                  .arg(worker->pid()),
                          "p1.wait()  # returncode 3"}));
}

QTEST_GUILESS_MAIN(tst_PythonMirror)
#include "tst_pythonmirror.moc"
