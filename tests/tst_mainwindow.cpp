// The main window, offscreen, driven the way a teacher drives it: real toolbar buttons clicked,
// real workers, and the operating system checked, not only the window's own bookkeeping.
#include "descendanttracker.h"
#include "lessons.h"
#include "mainwindow.h"
#include "outputview.h"
#include "pythonpanel.h"
#include "runcommanddialog.h"
#include "session.h"
#include "testsupport.h"
#include "windowparts.h"
#include "worker.h"
#include "workeractions.h"
#include "workerpool.h"
#include "workertablemodel.h"
#include "workertableview.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QProcess>
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
    const QAbstractItemModel *model = WindowParts::table(window)->model();
    return model->index(row, column).data().toString();
}

QStringList outputLines(const MainWindow &window)
{
    QStringList lines;
    const OutputView *view = WindowParts::output(window);
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
    void runCommandFollowsItsChildrenUnlessUnticked();
    void launchOptionsStartWork();
    void failedStartIsShown();
    void zoomResizesTableAndOutput();
    void viewActionsDriveTheOutput();
    void quitStopsWorkersWithoutBlocking();
    void secondCloseKillsAtOnce();
    void statusCountsPausedApart();
    void aCommandLineRunSaysNoMainLine();
    void clearFinishedResetsThePythonPanel();
    void unreadableProcessTableIsShown();

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
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    MainWindow window(session, koreanOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QCOMPARE(window.windowTitle(), QStringLiteral("ProcLab"));
    const qint64 pid = QCoreApplication::applicationPid();
    auto *label = window.statusBar()->findChild<QLabel *>(QStringLiteral("mainProcessLabel"));
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("Main process %1").arg(pid));
    // The main program's line belongs to the lessons: opening the window prints nothing.
    QCOMPARE(pool.log().size(), 0);
    QCOMPARE(WindowParts::output(window)->visibleLineCount(), 0);
    QVERIFY2(WindowParts::table(window)->font().pointSize() >= 11,
             qPrintable(QString::number(WindowParts::table(window)->font().pointSize())));

    // Nothing to do yet: nothing to stop, nothing to clear, and no timer ticking.
    WorkerActions *actions = WindowParts::actions(window);
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
    Session session(TestSupport::workerProgram());
    MainWindow window(session, koreanOptions());
    WorkerActions *actions = WindowParts::actions(window);
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
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    PidRecorder recorder(pool);
    MainWindow window(session, koreanOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    clickToolButton(WindowParts::lessonToolBar(window),
                    WindowParts::action(window, WorkerActions::SpawnLesson));
    QCOMPARE(WindowParts::table(window)->model()->rowCount(), 4);
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
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    MainWindow window(session, koreanOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    WindowParts::action(window, WorkerActions::SpawnLesson)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(outputLines(window).size() >= 5, Timeout);
    const int allLines = WindowParts::output(window)->visibleLineCount();

    WindowParts::table(window)->selectRow(2);
    const Worker *selected = pool.at(2);
    QCOMPARE(WindowParts::output(window)->workerFilter(), QSet<int>{selected->id()});
    const QStringList lines = outputLines(window);
    QVERIFY2(WindowParts::output(window)->visibleLineCount() < allLines,
             qPrintable(lines.join(QLatin1Char('\n'))));
    QVERIFY(lines.contains(Lessons::saysLine(selected->pid(), QStringLiteral("서브 프로그램 2"))));
    QVERIFY(!lines.contains(
            Lessons::saysLine(pool.at(1)->pid(), QStringLiteral("서브 프로그램 1"))));
    // Ended workers cannot be stopped; they can be cleared.
    QVERIFY(!WindowParts::action(window, WorkerActions::Terminate)->isEnabled());
    QVERIFY(WindowParts::action(window, WorkerActions::ClearFinished)->isEnabled());

    WindowParts::table(window)->clearSelection();
    QVERIFY(WindowParts::output(window)->workerFilter().isEmpty());
    QCOMPARE(WindowParts::output(window)->visibleLineCount(), allLines);
    QVERIFY(stopAndWait(pool));
}

void tst_MainWindow::countdownLessonTerminates()
{
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    PidRecorder recorder(pool);
    MainWindow window(session, koreanOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QSpinBox *seconds = WindowParts::countdownSeconds(window);
    QVERIFY(seconds);
    QCOMPARE(seconds->value(), 5);
    seconds->setValue(2);
    QCOMPARE(WindowParts::action(window, WorkerActions::TerminateAfter)->text(),
             QStringLiteral("Terminate &in 2 s"));
    clickToolButton(WindowParts::lessonToolBar(window),
                    WindowParts::action(window, WorkerActions::CountdownLesson));
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

    // Terminated at the 2 s of the spin box, not at the default 5 s, and the count stopped there:
    // numbers come at 0.5 s and 1.5 s.
    const Worker *worker = pool.at(0);
    qint64 startedMs = -1;
    qint64 terminatedMs = -1;
    for (const WorkerEvent &event : worker->events()) {
        if (event.kind == WorkerEvent::Kind::Started)
            startedMs = event.timestampMs;
        else if (event.kind == WorkerEvent::Kind::TerminateSent)
            terminatedMs = event.timestampMs;
    }
    QVERIFY(startedMs > 0 && terminatedMs > 0);
    QVERIFY2(terminatedMs - startedMs >= 1900 && terminatedMs - startedMs < 2450,
             qPrintable(QStringLiteral("terminated after %1 ms").arg(terminatedMs - startedMs)));
    QTRY_VERIFY_WITH_TIMEOUT(outputLines(window).contains(QStringLiteral("\tNumber 2 of 100000.")),
                             Timeout);
    const QStringList lines = outputLines(window);
    QCOMPARE(lines.filter(QStringLiteral("\tNumber ")).size(), 2);
    // The lesson's whole story: the main program's line first.
    QCOMPARE(lines.first(),
             QStringLiteral("Process %1 says: 메인 프로그램")
                     .arg(QCoreApplication::applicationPid()));
    QVERIFY(stopAndWait(pool));
}

void tst_MainWindow::terminateEscalatesToKill()
{
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    LaunchOptions options = koreanOptions();
    options.grace = 300ms;
    MainWindow window(session, options);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(pool.gracePeriod(), 300ms);

    Worker *worker = pool.spawn(workerSpec({QStringLiteral("ignore-term")}));
    QVERIFY(worker);
    // It says so once SIGTERM is ignored: terminating earlier would test nothing.
    QTRY_COMPARE_WITH_TIMEOUT(worker->lineCount(OutputChannel::StdOut), 1, Timeout);
    const qint64 pid = worker->pid();

    QAction *terminate = WindowParts::action(window, WorkerActions::Terminate);
    QVERIFY(!terminate->isEnabled());
    WindowParts::table(window)->selectRow(0);
    QVERIFY(terminate->isEnabled());
    QVERIFY(WindowParts::action(window, WorkerActions::Kill)->isEnabled());
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
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    MainWindow window(session, koreanOptions());
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

    WindowParts::table(window)->selectRow(0);
    clickToolButton(WindowParts::workerToolBar(window),
                    WindowParts::action(window, WorkerActions::Kill));
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, 0, WorkerTableModel::ExitColumn),
                              QStringLiteral("-9 · SIGKILL"),
                              Timeout);
    QVERIFY(!toKill->exitInfo().escalated);

    WindowParts::countdownSeconds(window)->setValue(1);
    WindowParts::table(window)->selectRow(1);
    clickToolButton(WindowParts::workerToolBar(window),
                    WindowParts::action(window, WorkerActions::TerminateAfter));
    QCOMPARE(cell(window, 1, WorkerTableModel::StateColumn),
             QStringLiteral("running · terminating in 1 s"));
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, 1, WorkerTableModel::ExitColumn),
                              QStringLiteral("-15 · SIGTERM"),
                              Timeout);
    QVERIFY(stopAndWait(pool));
}

void tst_MainWindow::clearFinishedRemovesEndedRows()
{
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    MainWindow window(session, koreanOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(pool.spawn(workerSpec({QStringLiteral("exit"), QStringLiteral("0")})));
    Worker *running = pool.spawn(workerSpec({QStringLiteral("sleep"), QStringLiteral("600000")}));
    QVERIFY(running);
    QAction *clear = WindowParts::action(window, WorkerActions::ClearFinished);
    QTRY_VERIFY_WITH_TIMEOUT(clear->isEnabled(), Timeout);

    WindowParts::table(window)->selectRow(0);
    clickToolButton(WindowParts::workerToolBar(window), clear);
    QCOMPARE(WindowParts::table(window)->model()->rowCount(), 1);
    QCOMPARE(pool.at(0), running);
    QVERIFY(!clear->isEnabled());
    // The cleared worker was selected: the filter follows the selection, now empty.
    QVERIFY(WindowParts::output(window)->workerFilter().isEmpty());
    QVERIFY(stopAndWait(pool));
}

void tst_MainWindow::runCommandThroughTheWindow()
{
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    MainWindow window(session, koreanOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    WindowParts::action(window, WorkerActions::RunCommand)->trigger();
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
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);
    QCOMPARE(cell(window, 0, WorkerTableModel::ExitColumn), QStringLiteral("0"));
    QTRY_VERIFY_WITH_TIMEOUT(!window.findChild<RunCommandDialog *>(), Timeout);

    // The next dialog offers the last command first.
    WindowParts::action(window, WorkerActions::RunCommand)->trigger();
    dialog = window.findChild<RunCommandDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->history(), QStringList{command});
    QCOMPARE(dialog->commandLine(), command);
    dialog->reject();
    QVERIFY(stopAndWait(pool));
}

void tst_MainWindow::runCommandFollowsItsChildrenUnlessUnticked()
{
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    MainWindow window(session, koreanOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const auto run = [&window](bool follow) -> RunCommandDialog * {
        WindowParts::action(window, WorkerActions::RunCommand)->trigger();
        auto *dialog = window.findChild<RunCommandDialog *>();
        if (!dialog)
            return nullptr;
        auto *box = dialog->findChild<QCheckBox *>(QStringLiteral("followChildren"));
        if (!box || !box->isChecked()) // on unless the user turns it off
            return nullptr;
        if (!follow)
            QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(4, box->height() / 2));
        dialog->setCommandLine(QStringLiteral("sh -c '(exit 3) & wait'"));
        dialog->accept();
        return dialog;
    };
    QVERIFY(run(true));
    QCOMPARE(pool.count(), 1);
    Worker *followed = pool.at(0);
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);
    QVERIFY(followed->descendants());
    const DescendantTracker &tree = *followed->descendants();
    QCOMPARE(tree.summary().started, 2); // the shell and its subshell
    const Descendant *subshell = tree.descendant(tree.ids().last());
    QVERIFY(subshell->parentPid == followed->pid());
    QCOMPARE(subshell->exitInfo.pythonExitCode().value_or(-1), 3);
    // The output pane tells its start and its end between the lines.
    QStringList told;
    for (qint64 line = pool.log().firstLine(); line < pool.log().endLine(); ++line) {
        if (pool.log().at(line).channel == OutputChannel::Monitor)
            told.append(pool.log().at(line).text);
    }
    const QString subshellPid = QString::number(subshell->pid);
    QVERIFY2(told.filter(QRegularExpression("started " + subshellPid + " .*"
                                            + QString::number(followed->pid())))
                             .size()
                     == 1,
             qPrintable(told.join('\n')));
    QVERIFY2(told.filter(QRegularExpression(subshellPid + " .*ended: .*3")).size() == 1,
             qPrintable(told.join('\n')));
    QTRY_VERIFY_WITH_TIMEOUT(!window.findChild<RunCommandDialog *>(), Timeout);

    QVERIFY(run(false));
    QCOMPARE(pool.count(), 2);
    QVERIFY(!pool.at(1)->descendants());
    QVERIFY(stopAndWait(pool));
}

void tst_MainWindow::launchOptionsStartWork()
{
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    LaunchOptions options = koreanOptions();
    options.spawnCount = 4;
    options.runCommands = {
            {TestSupport::workerProgram(), QStringLiteral("sleep"), QStringLiteral("600000")}};
    options.countdownSeconds = 1;
    MainWindow window(session, options);
    // Nothing starts before the window is up.
    QCOMPARE(pool.count(), 0);
    QCOMPARE(WindowParts::countdownSeconds(window)->value(), 1);
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
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    LaunchOptions options = koreanOptions();
    options.runCommands = {{QStringLiteral("/nonexistent/proclab-gone")}};
    MainWindow window(session, options);
    window.show();
    QTRY_COMPARE_WITH_TIMEOUT(pool.count(), 1, Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(cell(window, 0, WorkerTableModel::StateColumn),
                              QStringLiteral("failed to start"),
                              Timeout);
    const QString toolTip = WindowParts::table(window)
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
    Session session(TestSupport::workerProgram());
    MainWindow window(session, koreanOptions());
    const int before = WindowParts::table(window)->font().pointSize();
    QCOMPARE(WindowParts::output(window)->fontPointSize(), before);
    WindowParts::action(window, WorkerActions::ZoomIn)->trigger();
    WindowParts::action(window, WorkerActions::ZoomIn)->trigger();
    QCOMPARE(WindowParts::table(window)->font().pointSize(), before + 2);
    QCOMPARE(WindowParts::output(window)->fontPointSize(), before + 2);
    WindowParts::action(window, WorkerActions::ZoomOut)->trigger();
    QCOMPARE(WindowParts::table(window)->font().pointSize(), before + 1);
    QCOMPARE(WindowParts::output(window)->fontPointSize(), before + 1);
}

void tst_MainWindow::viewActionsDriveTheOutput()
{
    Session session(TestSupport::workerProgram());
    MainWindow window(session, koreanOptions());
    OutputView *view = WindowParts::output(window);
    QAction *timestamps = WindowParts::action(window, WorkerActions::ShowTimestamps);
    QAction *follow = WindowParts::action(window, WorkerActions::FollowOutput);
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
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    PidRecorder recorder(pool);
    LaunchOptions options = koreanOptions();
    options.grace = 300ms;
    MainWindow window(session, options);
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
    QVERIFY(session.isStopping());
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Stopping 4 workers…"));
    QVERIFY(!WindowParts::action(window, WorkerActions::SpawnLesson)->isEnabled());
    QVERIFY(!WindowParts::action(window, WorkerActions::RunCommand)->isEnabled());

    QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), Timeout);
    for (const qint64 pid : std::as_const(recorder.pids))
        QVERIFY2(!TestSupport::isAlive(pid), qPrintable(QString::number(pid)));
    QVERIFY(!pool.hasActiveWorkers());
    QVERIFY(stubborn->exitInfo().escalated);
}

void tst_MainWindow::secondCloseKillsAtOnce()
{
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    PidRecorder recorder(pool);
    LaunchOptions options = koreanOptions();
    options.grace = 60s; // far longer than the test may take: only the second close can end it
    MainWindow window(session, options);
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

void tst_MainWindow::statusCountsPausedApart()
{
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    MainWindow window(session, koreanOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QLabel *counts = WindowParts::label(window, "workerCounts");
    QCOMPARE(counts->text(), QStringLiteral("0 running · 0 paused · 0 workers"));
    Worker *first = pool.spawn(workerSpec({QStringLiteral("sleep"), QStringLiteral("600000")}));
    Worker *second = pool.spawn(workerSpec({QStringLiteral("sleep"), QStringLiteral("600000")}));
    QVERIFY(first && second);
    QTRY_VERIFY_WITH_TIMEOUT(first->state() == WorkerState::Running
                                     && second->state() == WorkerState::Running,
                             Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(counts->text(),
                              QStringLiteral("2 running · 0 paused · 2 workers"),
                              Timeout);

    WindowParts::table(window)->selectRow(0);
    clickToolButton(WindowParts::workerToolBar(window),
                    WindowParts::action(window, WorkerActions::Pause));
    QTRY_COMPARE_WITH_TIMEOUT(TestSupport::processState(first->pid()), 'T', Timeout);
    QTRY_COMPARE_WITH_TIMEOUT(counts->text(),
                              QStringLiteral("1 running · 1 paused · 2 workers"),
                              Timeout);
    QVERIFY(stopAndWait(pool));
    QTRY_COMPARE_WITH_TIMEOUT(counts->text(),
                              QStringLiteral("0 running · 0 paused · 2 workers"),
                              Timeout);
}

void tst_MainWindow::aCommandLineRunSaysNoMainLine()
{
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    LaunchOptions options = koreanOptions();
    options.runCommands = {
            {TestSupport::workerProgram(), QStringLiteral("say"), QStringLiteral("hello")}};
    MainWindow window(session, options);
    window.show();
    QTRY_COMPARE_WITH_TIMEOUT(pool.count(), 1, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);
    const Worker *worker = pool.at(0);
    // As headless: line-buffered, under stdbuf.
    QVERIFY(worker->spec().useStdbuf);
    QVERIFY(worker->spec().lineBuffered);
    const QString said = Lessons::saysLine(worker->pid(), QStringLiteral("hello"));
    QTRY_VERIFY_WITH_TIMEOUT(outputLines(window).contains(said), Timeout);
    const QStringList lines = outputLines(window);
    QVERIFY2(lines.filter(QStringLiteral("메인 프로그램")).isEmpty(),
             qPrintable(lines.join(QLatin1Char('\n'))));
    QVERIFY(stopAndWait(pool));
}

void tst_MainWindow::clearFinishedResetsThePythonPanel()
{
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    MainWindow window(session, koreanOptions());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const PythonPanel *panel = WindowParts::pythonPanel(window);
    QCOMPARE(panel->text(), QString());

    WindowParts::action(window, WorkerActions::SpawnLesson)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(panel->text().contains(QStringLiteral("p4.exitcode  # 0")), Timeout);
    QVERIFY(panel->text().startsWith(QStringLiteral("main_func(\"메인 프로그램\")")));

    clickToolButton(WindowParts::workerToolBar(window),
                    WindowParts::action(window, WorkerActions::ClearFinished));
    QCOMPARE(pool.count(), 0);
    QCOMPARE(panel->text(), QString());
    // The next lesson's script starts afresh, its own main line first.
    WindowParts::action(window, WorkerActions::SpawnLesson)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(panel->text().contains(QStringLiteral("p8.exitcode  # 0")), Timeout);
    QVERIFY(panel->text().startsWith(QStringLiteral("main_func(")));
    QVERIFY(!panel->text().contains(QStringLiteral("p1 ")));
}

void tst_MainWindow::unreadableProcessTableIsShown()
{
    if (TestSupport::UnderAddressSanitizer)
        QSKIP("LeakSanitizer needs /proc at exit, and this run hides it");
    // Run again in a mount namespace of its own where /proc is an empty tmpfs: the process table
    // cannot be read there, as in some containers.
    if (qEnvironmentVariableIsSet("PROCLAB_TEST_WITHOUT_PROC")) {
        Session session(TestSupport::workerProgram());
        MainWindow window(session, koreanOptions());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QLabel *status = WindowParts::label(window, "samplerStatus");
        QVERIFY(!status->isVisible());
        session.sampler().sampleNow();
        QVERIFY(!session.sampler().isAvailable());
        QVERIFY(status->isVisible());
        QCOMPARE(status->text(), QStringLiteral("CPU and memory unavailable"));
        return;
    }
    QLabel *status = nullptr;
    {
        Session session(TestSupport::workerProgram());
        MainWindow window(session, koreanOptions());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session.sampler().sampleNow();
        QVERIFY(session.sampler().isAvailable());
        status = WindowParts::label(window, "samplerStatus");
        QVERIFY(!status->isVisible());
    }
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PROCLAB_TEST_WITHOUT_PROC"), QStringLiteral("1"));
    child.setProcessEnvironment(environment);
    child.start(QStringLiteral("unshare"),
                {QStringLiteral("--mount"),
                 QStringLiteral("--propagation"),
                 QStringLiteral("private"),
                 QStringLiteral("sh"),
                 QStringLiteral("-c"),
                 QStringLiteral("mount -t tmpfs none /proc || exit 77; exec \"$0\" \"$1\""),
                 QCoreApplication::applicationFilePath(),
                 QStringLiteral("unreadableProcessTableIsShown")});
    QVERIFY(child.waitForFinished(60000));
    const QByteArray output = child.readAllStandardOutput() + child.readAllStandardError();
    if (child.exitCode() == 77 || child.exitStatus() != QProcess::NormalExit
        || output.contains("unshare failed"))
        QSKIP(qPrintable(QStringLiteral("no mount namespace here: ")
                         + QString::fromLocal8Bit(output)));
    QVERIFY2(child.exitCode() == 0, output.constData());
    QVERIFY2(output.contains("PASS   : tst_MainWindow::unreadableProcessTableIsShown()"),
             output.constData());
}

QTEST_MAIN(tst_MainWindow)

#include "tst_mainwindow.moc"
