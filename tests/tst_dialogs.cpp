// The desktop dialogs through a real window: About says which version this is, the Tutorial's button
// starts its lesson in a real pool, and Preferences apply to the pool at once.
#include "aboutdialog.h"
#include "appsettings.h"
#include "exitinfo.h"
#include "lessons.h"
#include "mainwindow.h"
#include "preferencesdialog.h"
#include "processtreemodel.h"
#include "processview.h"
#include "session.h"
#include "testsupport.h"
#include "tutorialdialog.h"
#include "worker.h"
#include "workerpool.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QToolBar>

using namespace ProcLab;
using namespace std::chrono_literals;

namespace {

constexpr int Timeout = 15000;

// Every test ends with its workers ended.
bool stopAndWait(WorkerPool &pool)
{
    if (!pool.hasActiveWorkers())
        return true;
    QSignalSpy finished(&pool, &WorkerPool::allFinished);
    pool.stopAll();
    return !pool.hasActiveWorkers() || finished.wait(Timeout);
}

// The window's command of this name ("About", "Tutorial", "Preferences"), as its menus hold it.
void trigger(const MainWindow &window, const char *actionName)
{
    auto *action = window.findChild<QAction *>(QLatin1String(actionName));
    QVERIFY2(action, actionName);
    action->trigger();
}

// The seconds of lesson 2, in the spin box beside its button.
QSpinBox *countdownSecondsBox(const MainWindow &window)
{
    const auto *toolBar = window.findChild<QToolBar *>(QStringLiteral("lessonToolBar"));
    return toolBar ? toolBar->findChild<QSpinBox *>(QStringLiteral("countdownSeconds")) : nullptr;
}

// The time of a worker's first event of a kind, in ms since the epoch; -1 when there is none.
qint64 eventTime(const Worker &worker, WorkerEvent::Kind kind)
{
    for (const WorkerEvent &event : worker.events()) {
        if (event.kind == kind)
            return event.timestampMs;
    }
    return -1;
}

// The window's process tree and worker table under QAbstractItemModelTester for as long as it lives:
// the workers a test starts change both.
struct ModelTesters
{
    static QAbstractItemModel *treeModel(const MainWindow &window)
    {
        const auto *view = window.findChild<ProcessView *>(QStringLiteral("processView"));
        return view ? view->processModel() : nullptr;
    }
    static QAbstractItemModel *tableModel(const MainWindow &window)
    {
        const auto *view = window.findChild<QAbstractItemView *>(QStringLiteral("workerTable"));
        return view ? view->model() : nullptr;
    }

    explicit ModelTesters(const MainWindow &window)
        : tree(treeModel(window), QAbstractItemModelTester::FailureReportingMode::Fatal)
        , table(tableModel(window), QAbstractItemModelTester::FailureReportingMode::Fatal)
    {}

    QAbstractItemModelTester tree;
    QAbstractItemModelTester table;
};

// The program shown in a dialog's code view that holds `marker`, or an empty string.
QString shownCode(const QDialog &dialog, const QString &marker)
{
    for (const QPlainTextEdit *view : dialog.findChildren<QPlainTextEdit *>()) {
        if (view->toPlainText().startsWith(QLatin1String("import multiprocessing"))
            && view->toPlainText().contains(marker)) {
            return view->toPlainText();
        }
    }
    return QString();
}

template<typename Dialog>
Dialog *openedDialog(const MainWindow &window)
{
    Dialog *dialog = nullptr;
    const bool open = QTest::qWaitFor(
            [&] {
                dialog = window.findChild<Dialog *>();
                return dialog && dialog->isVisible();
            },
            Timeout);
    return open ? dialog : nullptr;
}

} // namespace

class tst_Dialogs final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void aboutShowsTheVersion();
    void tutorialButtonStartsTheLesson();
    void tutorialCountdownButtonStartsLessonTwo();
    void preferencesApplyToThePool();
};

void tst_Dialogs::initTestCase()
{
    QCoreApplication::setApplicationVersion("9.8.7");
}

void tst_Dialogs::init()
{
    QTest::failOnWarning(QRegularExpression("QProcess: Destroyed while process"));
}

void tst_Dialogs::aboutShowsTheVersion()
{
    Session session(TestSupport::workerProgram());
    MainWindow window(session, LaunchOptions());
    window.show();
    trigger(window, "About");
    auto *about = openedDialog<AboutDialog>(window);
    QVERIFY(about);
    QVERIFY2(about->text().contains("ProcLab 9.8.7"), qPrintable(about->text()));
    QVERIFY(about->text().contains("MIT"));
    QVERIFY(about->text().contains(QLatin1String(qVersion())));
    const QLabel *icon = nullptr;
    for (const QLabel *label : about->findChildren<QLabel *>()) {
        if (!label->pixmap().isNull())
            icon = label;
    }
    QVERIFY2(icon, "the dialog shows the program's icon");
    QVERIFY(icon->pixmap().width() >= 64);
    about->reject();
    QVERIFY(window.close());
}

void tst_Dialogs::tutorialButtonStartsTheLesson()
{
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    MainWindow window(session, LaunchOptions());
    QVERIFY(ModelTesters::treeModel(window) && ModelTesters::tableModel(window));
    const ModelTesters testers(window);
    window.show();
    trigger(window, "Tutorial");
    auto *tutorial = openedDialog<TutorialDialog>(window);
    QVERIFY(tutorial);

    // The tutorial's own code is shown: the program on the first page runs, and prints what the
    // lesson prints (the main program's line, then the four sub programs', each with its PID).
    const QString code = shownCode(*tutorial, QStringLiteral("for i in range(4)"));
    QVERIFY2(!code.isEmpty(), "no code view shows the tutorial's first program");
    QProcess python;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("PYTHONUNBUFFERED"));
    python.setProcessEnvironment(environment);
    QSignalSpy pythonFinished(&python, &QProcess::finished);
    python.start(QStringLiteral("python3"), {QStringLiteral("-c"), code});
    QVERIFY2(pythonFinished.wait(Timeout), "python3 did not finish");
    QCOMPARE(python.exitCode(), 0);
    QStringList printed = QString::fromUtf8(python.readAllStandardOutput())
                                  .split(u'\n', Qt::SkipEmptyParts);
    const QRegularExpression says(QStringLiteral("^Process \\d+ says: (.*)$"));
    for (QString &line : printed) {
        const QRegularExpressionMatch match = says.match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        line = match.captured(1);
    }
    QCOMPARE(printed.size(), 5);
    QCOMPARE(printed.takeFirst(), Lessons::mainProgramText(DemoLanguage::Korean));
    printed.sort();
    for (int i = 0; i < 4; ++i)
        QCOMPARE(printed.at(i), Lessons::subProgramText(i, DemoLanguage::Korean));
    // The second page shows the counting program with its terminate().
    const QString countdownCode = shownCode(*tutorial, QStringLiteral("p.terminate()"));
    QVERIFY2(countdownCode.contains(QStringLiteral("time.sleep(5)"))
                     && countdownCode.contains(QStringLiteral("Number {} of {}")),
             qPrintable(countdownCode));

    auto *spawn = tutorial->findChild<QPushButton *>(QStringLiteral("runSpawnLesson"));
    QVERIFY(spawn);
    QTest::mouseClick(spawn, Qt::LeftButton);
    const auto *table = window.findChild<QAbstractItemView *>(QStringLiteral("workerTable"));
    QVERIFY(table);
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 4, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);
    for (const Worker *worker : pool.workers())
        QCOMPARE(worker->exitInfo().pythonExitCode(), std::optional<int>(0));
    QVERIFY(stopAndWait(pool));
    tutorial->reject();
    QVERIFY(window.close());
}

void tst_Dialogs::tutorialCountdownButtonStartsLessonTwo()
{
    // Three seconds, not the default five: the lesson must run with the window's seconds.
    constexpr int Seconds = 3;
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    MainWindow window(session, LaunchOptions());
    QVERIFY(ModelTesters::treeModel(window) && ModelTesters::tableModel(window));
    const ModelTesters testers(window);
    window.show();
    QSpinBox *seconds = countdownSecondsBox(window);
    QVERIFY(seconds);
    seconds->setValue(Seconds);
    trigger(window, "Tutorial");
    auto *tutorial = openedDialog<TutorialDialog>(window);
    QVERIFY(tutorial);
    auto *countdown = tutorial->findChild<QPushButton *>(QStringLiteral("runCountdownLesson"));
    QVERIFY(countdown);
    QVERIFY2(countdown->text().contains(QStringLiteral("%1 s").arg(Seconds)),
             qPrintable(countdown->text()));
    QTest::mouseClick(countdown, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(pool.count(), 1, Timeout);
    Worker *worker = pool.at(0);
    QTRY_VERIFY_WITH_TIMEOUT(worker->pid() > 0, Timeout);
    QVERIFY(TestSupport::isAlive(worker->pid()));

    // The counting lesson, not some other worker: its program, its arguments, its name.
    QCOMPARE(worker->spec().arguments,
             Lessons::countingWorker(TestSupport::workerProgram()).arguments);
    QCOMPARE(worker->name(), Lessons::countingLabel());

    // Terminated when the countdown ends: SIGTERM after the window's seconds, and as many numbers
    // as seconds (they come half a second off the second), then nothing.
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), Timeout);
    QCOMPARE(worker->exitInfo().reason, ExitInfo::Reason::TerminatedOnRequest);
    const qint64 started = worker->startTime().toMSecsSinceEpoch();
    const qint64 terminated = eventTime(*worker, WorkerEvent::Kind::TerminateSent);
    QVERIFY2(terminated - started >= Seconds * 1000 - 100
                     && terminated - started < (Seconds + 1) * 1000,
             qPrintable(
                     QStringLiteral("terminated %1 ms after the start").arg(terminated - started)));
    QCOMPARE(worker->lineCount(OutputChannel::StdOut), qint64(1 + Seconds));
    QCOMPARE(worker->lastLine(),
             QStringLiteral("\tNumber %1 of %2.").arg(Seconds).arg(Lessons::CountTo));
    QVERIFY(stopAndWait(pool));
    tutorial->reject();
    QVERIFY(window.close());
}

void tst_Dialogs::preferencesApplyToThePool()
{
    AppSettings settings{QString()};
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    MainWindow window(session, LaunchOptions(), &settings, nullptr);
    QVERIFY(ModelTesters::treeModel(window) && ModelTesters::tableModel(window));
    const ModelTesters testers(window);
    window.show();
    QCOMPARE(pool.gracePeriod(), 2000ms);
    trigger(window, "Preferences");
    auto *preferences = openedDialog<PreferencesDialog>(window);
    QVERIFY(preferences);
    auto *grace = preferences->findChild<QSpinBox *>("gracePeriod");
    QVERIFY(grace);
    QCOMPARE(grace->value(), 2000);
    grace->setValue(350);
    preferences->findChild<QSpinBox *>("scrollbackLines")->setValue(2500);
    preferences->findChild<QSpinBox *>("countdownSeconds")->setValue(8);
    preferences->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(pool.gracePeriod(), 350ms);
    QCOMPARE(pool.log().maxLines(), qsizetype(2500));
    QCOMPARE(countdownSecondsBox(window)->value(), 8);
    QCOMPARE(settings.gracePeriodMs(), 350);

    // A terminate escalates after the grace just chosen: a worker that ignores SIGTERM is killed
    // 350 ms after the SIGTERM, well before the default 2000 ms.
    WorkerSpec spec;
    spec.arguments = QStringList{TestSupport::workerProgram(), "ignore-term"};
    Worker *stubborn = pool.spawn(spec);
    QVERIFY(stubborn);
    // It has set its SIGTERM handler once it has printed its PID.
    QTRY_VERIFY_WITH_TIMEOUT(stubborn->lineCount(OutputChannel::StdOut) > 0, Timeout);
    pool.terminate(stubborn);
    QTRY_VERIFY_WITH_TIMEOUT(!stubborn->isActive(), Timeout);
    QCOMPARE(stubborn->exitInfo().reason, ExitInfo::Reason::KilledOnRequest);
    QVERIFY(stubborn->exitInfo().escalated);
    const qint64 terminated = eventTime(*stubborn, WorkerEvent::Kind::TerminateSent);
    const qint64 killed = eventTime(*stubborn, WorkerEvent::Kind::KillSent);
    QVERIFY2(terminated > 0 && killed > 0, "SIGTERM and SIGKILL are both recorded");
    // A coarse timer may fire up to 5 % early; a busy machine makes it late, but the old grace
    // (2000 ms, at worst 1900 with a coarse timer) stays out of reach.
    QVERIFY2(killed - terminated >= 330 && killed - terminated < 1800,
             qPrintable(QStringLiteral("killed %1 ms after the SIGTERM").arg(killed - terminated)));
    QVERIFY(stopAndWait(pool));
    QVERIFY(window.close());
}

QTEST_MAIN(tst_Dialogs)
#include "tst_dialogs.moc"
