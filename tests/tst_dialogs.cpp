// The desktop dialogs through a real window: About says which version this is, the Tutorial's button
// starts its lesson in a real pool, and Preferences apply to the pool at once.
#include "aboutdialog.h"
#include "appsettings.h"
#include "exitinfo.h"
#include "mainwindow.h"
#include "preferencesdialog.h"
#include "session.h"
#include "testsupport.h"
#include "tutorialdialog.h"
#include "windowparts.h"
#include "worker.h"
#include "workeractions.h"
#include "workerpool.h"
#include "workertableview.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

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
    WindowParts::action(window, WorkerActions::About)->trigger();
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
    window.show();
    WindowParts::action(window, WorkerActions::Tutorial)->trigger();
    auto *tutorial = openedDialog<TutorialDialog>(window);
    QVERIFY(tutorial);
    // The tutorial's own code is shown.
    QVERIFY(tutorial->findChildren<QWidget *>().size() > 5);

    QTest::mouseClick(tutorial->spawnButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(WindowParts::table(window)->model()->rowCount(), 4, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), Timeout);
    for (const Worker *worker : pool.workers())
        QCOMPARE(worker->exitInfo().pythonExitCode(), std::optional<int>(0));
    QVERIFY(stopAndWait(pool));
    tutorial->reject();
    QVERIFY(window.close());
}

void tst_Dialogs::tutorialCountdownButtonStartsLessonTwo()
{
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    MainWindow window(session, LaunchOptions());
    window.show();
    WindowParts::actions(window)->setCountdownSeconds(7);
    WindowParts::action(window, WorkerActions::Tutorial)->trigger();
    auto *tutorial = openedDialog<TutorialDialog>(window);
    QVERIFY(tutorial);
    QVERIFY2(tutorial->countdownButton()->text().contains('7'),
             qPrintable(tutorial->countdownButton()->text()));
    QTest::mouseClick(tutorial->countdownButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(pool.count(), 1, Timeout);
    QTRY_VERIFY_WITH_TIMEOUT(pool.at(0)->pid() > 0, Timeout);
    QVERIFY(TestSupport::isAlive(pool.at(0)->pid()));
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
    window.show();
    QCOMPARE(pool.gracePeriod(), 2000ms);
    WindowParts::action(window, WorkerActions::Preferences)->trigger();
    auto *preferences = openedDialog<PreferencesDialog>(window);
    QVERIFY(preferences);
    QCOMPARE(preferences->gracePeriodBox()->value(), 2000);
    preferences->gracePeriodBox()->setValue(350);
    preferences->findChild<QSpinBox *>("scrollbackLines")->setValue(2500);
    preferences->findChild<QSpinBox *>("countdownSeconds")->setValue(8);
    preferences->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(pool.gracePeriod(), 350ms);
    QCOMPARE(pool.log().maxLines(), qsizetype(2500));
    QCOMPARE(WindowParts::actions(window)->countdownSeconds(), 8);
    QCOMPARE(settings.gracePeriodMs(), 350);

    // A terminate now escalates after the new grace: a worker that ignores SIGTERM is killed soon.
    WorkerSpec spec;
    spec.arguments = QStringList{TestSupport::workerProgram(), "ignore-term"};
    Worker *stubborn = pool.spawn(spec);
    QVERIFY(stubborn);
    // It has set its SIGTERM handler once it has printed its PID.
    QTRY_VERIFY_WITH_TIMEOUT(stubborn->lineCount(OutputChannel::StdOut) > 0, Timeout);
    pool.terminate(stubborn);
    QTRY_VERIFY_WITH_TIMEOUT(!stubborn->isActive(), 5000);
    QCOMPARE(stubborn->exitInfo().reason, ExitInfo::Reason::KilledOnRequest);
    QVERIFY(stopAndWait(pool));
    QVERIFY(window.close());
}

QTEST_MAIN(tst_Dialogs)
#include "tst_dialogs.moc"
