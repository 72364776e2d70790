// The main window, offscreen, driven the way a teacher drives it: real toolbar buttons clicked,
// real workers, and the operating system checked, not only the window's own bookkeeping.
#include "lessons.h"
#include "mainwindow.h"
#include "outputview.h"
#include "runcommanddialog.h"
#include "testsupport.h"
#include "worker.h"
#include "workeractions.h"
#include "workerpool.h"
#include "workertablemodel.h"
#include "workertableview.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTest>
#include <QToolBar>

using namespace ProcLab;
using namespace std::chrono_literals;

namespace {

constexpr int Timeout = 15000;

LaunchOptions koreanOptions()
{
    LaunchOptions options;
    options.languageCode = QStringLiteral("ko");
    return options;
}

using TestSupport::workerSpec;

QString cell(const MainWindow &window, int row, int column)
{
    const QAbstractItemModel *model = window.workerTable()->model();
    return model->index(row, column).data().toString();
}

QStringList outputLines(const MainWindow &window)
{
    QStringList lines;
    const OutputView *view = window.outputView();
    for (int row = 0; row < view->visibleLineCount(); ++row)
        lines.append(view->lineTextAt(row));
    return lines;
}

// The PIDs of every worker the pool starts, taken when each starts, with whether /proc had it then.
class PidRecorder final : public QObject
{
public:
    explicit PidRecorder(WorkerPool &pool)
    {
        connect(&pool, &WorkerPool::workersInserted, this, [this, &pool](int first, int last) {
            for (int row = first; row <= last; ++row) {
                connect(pool.at(row), &Worker::started, this, [this](qint64 pid) {
                    pids.append(pid);
                    // A quick worker may already be a zombie, but it is in /proc until reaped.
                    if (TestSupport::processState(pid) != 0)
                        seenInProc.append(pid);
                });
            }
        });
    }

    QList<qint64> pids;
    QList<qint64> seenInProc;
};

void clickToolButton(QToolBar *toolBar, QAction *action)
{
    QWidget *button = toolBar->widgetForAction(action);
    QVERIFY2(button, qPrintable(action->objectName()));
    QVERIFY2(button->isEnabled(), qPrintable(action->objectName()));
    QTest::mouseClick(button, Qt::LeftButton);
}

} // namespace

class tst_MainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void showsTheMainProcess();
    void everyActionNamesItsShortcut();
    void spawnLessonFromToolbar();
    void selectingRowsFiltersTheOutput();
    void countdownLessonTerminates();
    void terminateEscalatesToKill();
    void killAndTerminateAfter();
    void clearFinishedRemovesEndedRows();
    void runCommandThroughTheWindow();
    void launchOptionsStartWork();
    void failedStartIsShown();
    void zoomResizesTableAndOutput();
    void viewActionsDriveTheOutput();
    void quitStopsWorkersWithoutBlocking();
    void secondCloseKillsAtOnce();

private:
    static bool stopAndWait(WorkerPool &pool);
};

void tst_MainWindow::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral("QProcess: Destroyed while process")));
}

bool tst_MainWindow::stopAndWait(WorkerPool &pool)
{
    pool.stopAll();
    return QTest::qWaitFor([&pool] { return !pool.hasActiveWorkers(); }, Timeout);
}

void tst_MainWindow::showsTheMainProcess()
{
    WorkerPool pool;
    MainWindow window(pool, koreanOptions(), TestSupport::workerProgram());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QCOMPARE(window.windowTitle(), QStringLiteral("ProcLab"));
    const qint64 pid = QCoreApplication::applicationPid();
    auto *label = window.statusBar()->findChild<QLabel *>(QStringLiteral("mainProcessLabel"));
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("Main process %1").arg(pid));
    QTRY_VERIFY_WITH_TIMEOUT(window.outputView()->visibleLineCount() >= 1, Timeout);
    QCOMPARE(window.outputView()->lineTextAt(0),
             QStringLiteral("Process %1 says: 메인 프로그램").arg(pid));
    QVERIFY2(window.workerTable()->font().pointSize() >= 11,
             qPrintable(QString::number(window.workerTable()->font().pointSize())));

    // Nothing to do yet: nothing to stop, nothing to clear, and no timer ticking.
    WorkerActions *actions = window.workerActions();
    QVERIFY(actions->action(WorkerActions::SpawnLesson)->isEnabled());
    QVERIFY(!actions->action(WorkerActions::Terminate)->isEnabled());
    QVERIFY(!actions->action(WorkerActions::Kill)->isEnabled());
    QVERIFY(!actions->action(WorkerActions::ClearFinished)->isEnabled());
    auto *repaint = window.findChild<QTimer *>(QStringLiteral("runningTimeRepaint"));
    QVERIFY(repaint);
    QVERIFY(!repaint->isActive());
}

void tst_MainWindow::everyActionNamesItsShortcut()
{
    WorkerPool pool;
    MainWindow window(pool, koreanOptions(), TestSupport::workerProgram());
    WorkerActions *actions = window.workerActions();
    for (int id = 0; id < WorkerActions::IdCount; ++id) {
        // About Qt, and the languages of View → Language, are found in their menus only.
        if (id == WorkerActions::AboutQt || id == WorkerActions::LanguageSystem
            || id == WorkerActions::LanguageKorean || id == WorkerActions::LanguageEnglish)
            continue;
        const QAction *action = actions->action(WorkerActions::Id(id));
        QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->objectName()));
        const QString shortcut = action->shortcut().toString(QKeySequence::NativeText);
        QVERIFY2(action->toolTip().contains(shortcut),
                 qPrintable(action->objectName() + QLatin1String(": ") + action->toolTip()));
    }
    QCOMPARE(actions->action(WorkerActions::ZoomIn)->shortcuts().size(), 2);
}

void tst_MainWindow::spawnLessonFromToolbar()
{
    WorkerPool pool;
    PidRecorder recorder(pool);
    MainWindow window(pool, koreanOptions(), TestSupport::workerProgram());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    clickToolButton(window.lessonToolBar(),
                    window.workerActions()->action(WorkerActions::SpawnLesson));
    QCOMPARE(window.workerTable()->model()->rowCount(), 4);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.pids.size(), 4, Timeout);
    QCOMPARE(recorder.seenInProc, recorder.pids);
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);

    const qint64 mainPid = QCoreApplication::applicationPid();
    QStringList expected{QStringLiteral("Process %1 says: 메인 프로그램").arg(mainPid)};
    QList<qint64> tablePids;
    for (int row = 0; row < 4; ++row) {
        const qint64 pid = cell(window, row, WorkerTableModel::PidColumn).toLongLong();
        tablePids.append(pid);
        QCOMPARE(cell(window, row, WorkerTableModel::ExitColumn), QStringLiteral("0"));
        expected.append(QStringLiteral("Process %1 says: 서브 프로그램 %2").arg(pid).arg(row));
    }
    QCOMPARE(tablePids, recorder.pids);
    QTRY_VERIFY_WITH_TIMEOUT(outputLines(window).size() >= 5, Timeout);
    const QStringList lines = outputLines(window);
    QCOMPARE(lines.first(), expected.first());
    for (const QString &line : std::as_const(expected))
        QVERIFY2(lines.contains(line),
                 qPrintable(line + QLatin1String("\nin:\n") + lines.join(QLatin1Char('\n'))));

    // Idle again: the running-time repaint has stopped.
    QTRY_VERIFY_WITH_TIMEOUT(!window.findChild<QTimer *>(QStringLiteral("runningTimeRepaint"))
                                      ->isActive(),
                             Timeout);
    QVERIFY(stopAndWait(pool));
}

void tst_MainWindow::selectingRowsFiltersTheOutput()
{
    WorkerPool pool;
    MainWindow window(pool, koreanOptions(), TestSupport::workerProgram());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.workerActions()->action(WorkerActions::SpawnLesson)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(outputLines(window).size() >= 5, Timeout);
    const int allLines = window.outputView()->visibleLineCount();

    window.workerTable()->selectRow(2);
    const Worker *selected = pool.at(2);
    QCOMPARE(window.outputView()->workerFilter(), QSet<int>{selected->id()});
    const QStringList lines = outputLines(window);
    QVERIFY2(window.outputView()->visibleLineCount() < allLines,
             qPrintable(lines.join(QLatin1Char('\n'))));
    QVERIFY(lines.contains(Lessons::saysLine(selected->pid(), QStringLiteral("서브 프로그램 2"))));
    QVERIFY(!lines.contains(
            Lessons::saysLine(pool.at(1)->pid(), QStringLiteral("서브 프로그램 1"))));
    // Ended workers cannot be stopped; they can be cleared.
    QVERIFY(!window.workerActions()->action(WorkerActions::Terminate)->isEnabled());
    QVERIFY(window.workerActions()->action(WorkerActions::ClearFinished)->isEnabled());

    window.workerTable()->clearSelection();
    QVERIFY(window.outputView()->workerFilter().isEmpty());
    QCOMPARE(window.outputView()->visibleLineCount(), allLines);
    QVERIFY(stopAndWait(pool));
}

void tst_MainWindow::countdownLessonTerminates()
{
    WorkerPool pool;
    PidRecorder recorder(pool);
    MainWindow window(pool, koreanOptions(), TestSupport::workerProgram());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QSpinBox *seconds = window.workerActions()->secondsSpinBox();
    QVERIFY(seconds);
    QCOMPARE(seconds->value(), 5);
    seconds->setValue(2);
    QCOMPARE(window.workerActions()->action(WorkerActions::TerminateAfter)->text(),
             QStringLiteral("Terminate &in 2 s"));
    clickToolButton(window.lessonToolBar(),
                    window.workerActions()->action(WorkerActions::CountdownLesson));
    QCOMPARE(pool.count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(cell(window, 0, WorkerTableModel::StateColumn)
                                     .startsWith(QStringLiteral("running · terminating in ")),
                             Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, 0, WorkerTableModel::ExitColumn),
                              QStringLiteral("-15 · SIGTERM"),
                              Timeout);
    QCOMPARE(cell(window, 0, WorkerTableModel::StateColumn), QStringLiteral("terminated"));
    QCOMPARE(recorder.pids.size(), 1);
    QVERIFY(!TestSupport::isAlive(recorder.pids.first()));

    QTRY_VERIFY_WITH_TIMEOUT(outputLines(window).contains(QStringLiteral("\tNumber 1 of 100000.")),
                             Timeout);
    QVERIFY(outputLines(window).contains(
            QStringLiteral("Process %1 says: loop").arg(recorder.pids.first())));
    QVERIFY(stopAndWait(pool));
}

void tst_MainWindow::terminateEscalatesToKill()
{
    WorkerPool pool;
    LaunchOptions options = koreanOptions();
    options.grace = 300ms;
    MainWindow window(pool, options, TestSupport::workerProgram());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(pool.gracePeriod(), 300ms);

    Worker *worker = pool.spawn(workerSpec({QStringLiteral("ignore-term")}));
    QVERIFY(worker);
    // It says so once SIGTERM is ignored: terminating earlier would test nothing.
    QTRY_COMPARE_WITH_TIMEOUT(worker->lineCount(OutputChannel::StdOut), 1, Timeout);
    const qint64 pid = worker->pid();

    QAction *terminate = window.workerActions()->action(WorkerActions::Terminate);
    QVERIFY(!terminate->isEnabled());
    window.workerTable()->selectRow(0);
    QVERIFY(terminate->isEnabled());
    QVERIFY(window.workerActions()->action(WorkerActions::Kill)->isEnabled());
    terminate->trigger();

    QTRY_COMPARE_WITH_TIMEOUT(cell(window, 0, WorkerTableModel::ExitColumn),
                              QStringLiteral("-9 · SIGKILL"),
                              Timeout);
    QCOMPARE(cell(window, 0, WorkerTableModel::StateColumn), QStringLiteral("killed"));
    QVERIFY(worker->exitInfo().escalated);
    QVERIFY(!TestSupport::isAlive(pid));
    QVERIFY(!terminate->isEnabled());
    QVERIFY(stopAndWait(pool));
}

void tst_MainWindow::killAndTerminateAfter()
{
    WorkerPool pool;
    MainWindow window(pool, koreanOptions(), TestSupport::workerProgram());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Worker *toKill = pool.spawn(workerSpec({QStringLiteral("sleep"), QStringLiteral("600000")}));
    Worker *toTerminate = pool.spawn(
            workerSpec({QStringLiteral("sleep"), QStringLiteral("600000")}));
    QVERIFY(toKill && toTerminate);
    QTRY_VERIFY_WITH_TIMEOUT(toKill->state() == WorkerState::Running
                                     && toTerminate->state() == WorkerState::Running,
                             Timeout);

    // While something runs, the running-time cells tick.
    QVERIFY(window.findChild<QTimer *>(QStringLiteral("runningTimeRepaint"))->isActive());

    window.workerTable()->selectRow(0);
    clickToolButton(window.workerToolBar(), window.workerActions()->action(WorkerActions::Kill));
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, 0, WorkerTableModel::ExitColumn),
                              QStringLiteral("-9 · SIGKILL"),
                              Timeout);
    QVERIFY(!toKill->exitInfo().escalated);

    window.workerActions()->secondsSpinBox()->setValue(1);
    window.workerTable()->selectRow(1);
    clickToolButton(window.workerToolBar(),
                    window.workerActions()->action(WorkerActions::TerminateAfter));
    QCOMPARE(cell(window, 1, WorkerTableModel::StateColumn),
             QStringLiteral("running · terminating in 1 s"));
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, 1, WorkerTableModel::ExitColumn),
                              QStringLiteral("-15 · SIGTERM"),
                              Timeout);
    QVERIFY(stopAndWait(pool));
}

void tst_MainWindow::clearFinishedRemovesEndedRows()
{
    WorkerPool pool;
    MainWindow window(pool, koreanOptions(), TestSupport::workerProgram());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(pool.spawn(workerSpec({QStringLiteral("exit"), QStringLiteral("0")})));
    Worker *running = pool.spawn(workerSpec({QStringLiteral("sleep"), QStringLiteral("600000")}));
    QVERIFY(running);
    QAction *clear = window.workerActions()->action(WorkerActions::ClearFinished);
    QTRY_VERIFY_WITH_TIMEOUT(clear->isEnabled(), Timeout);

    window.workerTable()->selectRow(0);
    clickToolButton(window.workerToolBar(), clear);
    QCOMPARE(window.workerTable()->model()->rowCount(), 1);
    QCOMPARE(pool.at(0), running);
    QVERIFY(!clear->isEnabled());
    // The cleared worker was selected: the filter follows the selection, now empty.
    QVERIFY(window.outputView()->workerFilter().isEmpty());
    QVERIFY(stopAndWait(pool));
}

void tst_MainWindow::runCommandThroughTheWindow()
{
    WorkerPool pool;
    MainWindow window(pool, koreanOptions(), TestSupport::workerProgram());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    window.workerActions()->action(WorkerActions::RunCommand)->trigger();
    auto *dialog = window.findChild<RunCommandDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), Timeout);
    dialog->setCommandLine(QStringLiteral("proclab-no-such-program"));
    QVERIFY(!dialog->isValid());
    auto *message = dialog->findChild<QLabel *>(QStringLiteral("validationMessage"));
    QVERIFY(message);
    QCOMPARE(message->text(), QStringLiteral("“proclab-no-such-program”: no such program in PATH."));
    QVERIFY(!dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog->accept(); // what Enter in the field does
    QVERIFY(dialog->isVisible());
    QCOMPARE(pool.count(), 0);

    const QString command = TestSupport::workerProgram() + QStringLiteral(" say hello");
    dialog->setCommandLine(command);
    QVERIFY2(dialog->isValid(), qPrintable(dialog->validationError()));
    dialog->accept();
    QCOMPARE(pool.count(), 1);
    QCOMPARE(window.commandHistory(), QStringList{command});
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);
    QCOMPARE(cell(window, 0, WorkerTableModel::ExitColumn), QStringLiteral("0"));
    QTRY_VERIFY_WITH_TIMEOUT(!window.findChild<RunCommandDialog *>(), Timeout);

    // The next dialog offers the last command first.
    window.workerActions()->action(WorkerActions::RunCommand)->trigger();
    dialog = window.findChild<RunCommandDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->commandLine(), command);
    dialog->reject();
    QVERIFY(stopAndWait(pool));
}

void tst_MainWindow::launchOptionsStartWork()
{
    WorkerPool pool;
    LaunchOptions options = koreanOptions();
    options.spawnCount = 4;
    options.runCommands = {
            {TestSupport::workerProgram(), QStringLiteral("sleep"), QStringLiteral("600000")}};
    options.countdownSeconds = 1;
    MainWindow window(pool, options, TestSupport::workerProgram());
    // Nothing starts before the window is up.
    QCOMPARE(pool.count(), 0);
    QCOMPARE(window.workerActions()->secondsSpinBox()->value(), 1);
    window.show();

    // The command (row 0, terminated by the countdown) and the four of lesson 1; a countdown with
    // commands applies to them and does not start the counting lesson.
    QTRY_COMPARE_WITH_TIMEOUT(pool.count(), 5, Timeout);
    QCOMPARE(cell(window, 1, WorkerTableModel::NameColumn), QStringLiteral("서브 프로그램 0"));
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, 0, WorkerTableModel::ExitColumn),
                              QStringLiteral("-15 · SIGTERM"),
                              Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);
    QVERIFY(stopAndWait(pool));
}

void tst_MainWindow::failedStartIsShown()
{
    WorkerPool pool;
    LaunchOptions options = koreanOptions();
    options.runCommands = {{QStringLiteral("/nonexistent/proclab-gone")}};
    MainWindow window(pool, options, TestSupport::workerProgram());
    window.show();
    QTRY_COMPARE_WITH_TIMEOUT(pool.count(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, 0, WorkerTableModel::StateColumn),
                              QStringLiteral("failed to start"),
                              Timeout);
    const QString toolTip = window.workerTable()
                                    ->model()
                                    ->index(0, WorkerTableModel::StateColumn)
                                    .data(Qt::ToolTipRole)
                                    .toString();
    QVERIFY2(toolTip.contains(QStringLiteral("proclab-gone")), qPrintable(toolTip));
    const QString message = window.statusBar()->currentMessage();
    QVERIFY2(message.contains(QStringLiteral("failed to start")), qPrintable(message));
    QVERIFY(stopAndWait(pool));
}

void tst_MainWindow::zoomResizesTableAndOutput()
{
    WorkerPool pool;
    MainWindow window(pool, koreanOptions(), TestSupport::workerProgram());
    const int before = window.workerTable()->font().pointSize();
    QCOMPARE(window.outputView()->fontPointSize(), before);
    window.workerActions()->action(WorkerActions::ZoomIn)->trigger();
    window.workerActions()->action(WorkerActions::ZoomIn)->trigger();
    QCOMPARE(window.workerTable()->font().pointSize(), before + 2);
    QCOMPARE(window.outputView()->fontPointSize(), before + 2);
    window.workerActions()->action(WorkerActions::ZoomOut)->trigger();
    QCOMPARE(window.workerTable()->font().pointSize(), before + 1);
    QCOMPARE(window.outputView()->fontPointSize(), before + 1);
}

void tst_MainWindow::viewActionsDriveTheOutput()
{
    WorkerPool pool;
    MainWindow window(pool, koreanOptions(), TestSupport::workerProgram());
    OutputView *view = window.outputView();
    QAction *timestamps = window.workerActions()->action(WorkerActions::ShowTimestamps);
    QAction *follow = window.workerActions()->action(WorkerActions::FollowOutput);
    QVERIFY(!view->showsTimestamps());
    timestamps->trigger();
    QVERIFY(view->showsTimestamps());
    // And back, from the view's own context-menu action: the window's menu follows.
    view->timestampsAction()->trigger();
    QVERIFY(!view->showsTimestamps());
    QVERIFY(!timestamps->isChecked());

    QVERIFY(follow->isChecked());
    QVERIFY(view->isFollowing());
    follow->trigger();
    QVERIFY(!view->isFollowing());
    view->setFollow(true);
    QVERIFY(follow->isChecked());
}

void tst_MainWindow::quitStopsWorkersWithoutBlocking()
{
    WorkerPool pool;
    PidRecorder recorder(pool);
    LaunchOptions options = koreanOptions();
    options.grace = 300ms;
    MainWindow window(pool, options, TestSupport::workerProgram());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (int i = 0; i < 3; ++i)
        QVERIFY(pool.spawn(workerSpec({QStringLiteral("sleep"), QStringLiteral("600000")})));
    Worker *stubborn = pool.spawn(workerSpec({QStringLiteral("ignore-term")}));
    QVERIFY(stubborn);
    QTRY_COMPARE_WITH_TIMEOUT(stubborn->lineCount(OutputChannel::StdOut), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.pids.size(), 4, Timeout);
    for (const qint64 pid : std::as_const(recorder.pids))
        QVERIFY2(TestSupport::isAlive(pid), qPrintable(QString::number(pid)));

    QElapsedTimer clock;
    clock.start();
    QVERIFY2(!window.close(), "the first close must be refused while workers run");
    QVERIFY2(clock.elapsed() < 250,
             qPrintable(QStringLiteral("close() took %1 ms").arg(clock.elapsed())));
    QVERIFY(window.isVisible());
    QVERIFY(window.isStopping());
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Stopping 4 workers…"));
    QVERIFY(!window.workerActions()->action(WorkerActions::SpawnLesson)->isEnabled());
    QVERIFY(!window.workerActions()->action(WorkerActions::RunCommand)->isEnabled());

    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), Timeout);
    for (const qint64 pid : std::as_const(recorder.pids))
        QVERIFY2(!TestSupport::isAlive(pid), qPrintable(QString::number(pid)));
    QVERIFY(!pool.hasActiveWorkers());
    QVERIFY(stubborn->exitInfo().escalated);
}

void tst_MainWindow::secondCloseKillsAtOnce()
{
    WorkerPool pool;
    PidRecorder recorder(pool);
    LaunchOptions options = koreanOptions();
    options.grace = 60s; // far longer than the test may take: only the second close can end it
    MainWindow window(pool, options, TestSupport::workerProgram());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Worker *stubborn = pool.spawn(workerSpec({QStringLiteral("ignore-term")}));
    QVERIFY(stubborn);
    QTRY_COMPARE_WITH_TIMEOUT(stubborn->lineCount(OutputChannel::StdOut), 1, Timeout);

    QVERIFY(!window.close());
    QVERIFY(!window.close());
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Killing 1 worker…"));
    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), Timeout);
    QCOMPARE(stubborn->exitInfo().shortText(), QStringLiteral("-9 · SIGKILL"));
    QCOMPARE(recorder.pids.size(), 1);
    QVERIFY(!TestSupport::isAlive(recorder.pids.first()));
}

QTEST_MAIN(tst_MainWindow)

#include "tst_mainwindow.moc"
