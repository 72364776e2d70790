// What ProcLab remembers: every setting saved by a real window when it closes and restored by the
// next one, a damaged settings file survived with defaults, and values out of range clamped.
#include "appsettings.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "outputview.h"
#include "preferencesdialog.h"
#include "recordkeeper.h"
#include "runcommanddialog.h"
#include "session.h"
#include "tablecolumns.h"
#include "testsupport.h"
#include "windowparts.h"
#include "worker.h"
#include "workeractions.h"
#include "workerpool.h"
#include "workertablemodel.h"
#include "workertableview.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace ProcLab;
using namespace std::chrono_literals;

namespace {

// Opens a dialog of the window through its action, as the menu does.
template<typename Dialog>
Dialog *openDialog(const MainWindow &window, WorkerActions::Id id)
{
    WindowParts::action(window, id)->trigger();
    Dialog *dialog = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        dialog = window.findChild<Dialog *>();
        return dialog && dialog->isVisible();
    });
    return shown ? dialog : nullptr;
}

QStringList recordFiles()
{
    return QDir(RecordKeeper::folder())
            .entryList({QStringLiteral("*.proclab-record")}, QDir::Files, QDir::Name);
}

// Runs a worker that prints text in the window's session, until it has ended.
bool runWorker(Session &session, const QString &text)
{
    QSignalSpy finished(&session, &Session::finished);
    return session.pool().spawn(TestSupport::workerSpec({QStringLiteral("say"), text}))
           && finished.wait(10000);
}

} // namespace

class tst_Settings final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void defaultFileIsProcLabs();
    void everySettingSurvivesCloseAndReopen();
    void untouchedSettingsReadBackCleanly();
    void commandLineWinsForOneRun();
    void damagedFileFallsBackToDefaults();
    void unparsableFileFallsBackToDefaults();
    void valuesAreClamped_data();
    void valuesAreClamped();
    void memoryOnlyWritesNothing();
    void recordingTurnedOffInPreferencesWritesNoRecord();

private:
    QString settingsFile() const { return m_dir.filePath(QStringLiteral("proclab.conf")); }

    QTemporaryDir m_dir;
};

void tst_Settings::initTestCase()
{
    // Nothing here may touch the user's own settings.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void tst_Settings::defaultFileIsProcLabs()
{
    QVERIFY2(AppSettings::defaultFileName().endsWith(QStringLiteral("/ProcLab/proclab.conf")),
             qPrintable(AppSettings::defaultFileName()));
    QVERIFY(AppSettings::defaultFileName().contains(QStringLiteral("qttest")));
}

void tst_Settings::everySettingSurvivesCloseAndReopen()
{
    QFile::remove(settingsFile());
    const QStringList history{QStringLiteral("sleep 1"),
                              QStringLiteral("sh -c 'echo a,b; echo \"c\"'"),
                              QStringLiteral("ls -l /tmp")};
    QByteArray geometry;
    QList<int> splitterSizes;
    {
        AppSettings settings(settingsFile());
        LanguageManager languages;
        Session session(TestSupport::workerProgram());
        WorkerPool &pool = session.pool();
        MainWindow window(session, LaunchOptions(), &settings, &languages);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(900, 640);
        WindowParts::mainSplitter(window)->setSizes({150, 350});
        splitterSizes = WindowParts::mainSplitter(window)->sizes();

        auto *dialog = openDialog<PreferencesDialog>(window, WorkerActions::Preferences);
        QVERIFY(dialog);
        Preferences preferences = dialog->preferences();
        preferences.gracePeriodMs = 750;
        preferences.countdownSeconds = 9;
        preferences.scrollbackLines = 4000;
        preferences.fontPointSize = 17;
        preferences.lineBufferedByDefault = false;
        dialog->setPreferences(preferences);
        dialog->accept();
        WindowParts::action(window, WorkerActions::LanguageKorean)->trigger();
        // The history as the Run command dialog leaves it when its first entry is run.
        auto *run = openDialog<RunCommandDialog>(window, WorkerActions::RunCommand);
        QVERIFY(run);
        run->setHistory(history.mid(1));
        run->setCommandLine(history.first());
        run->accept();
        QCOMPARE(pool.count(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), 10000);

        QHeaderView *header = WindowParts::table(window)->horizontalHeader();
        header->moveSection(header->visualIndex(WorkerTableModel::StateColumn), 0);
        header->setSectionHidden(WorkerTableModel::StartedColumn, true);

        QVERIFY(window.close());
        geometry = window.saveGeometry();
    }
    QVERIFY(QFile::exists(settingsFile()));

    AppSettings settings(settingsFile());
    QVERIFY2(settings.problem().isEmpty(), qPrintable(settings.problem()));
    QCOMPARE(settings.language(), QStringLiteral("ko"));
    LanguageManager languages;
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    MainWindow window(session, LaunchOptions(), &settings, &languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QCOMPARE(window.size(), QSize(900, 640));
    // The table's share of the height: the toolbars above may wrap differently in Korean.
    const QList<int> sizes = WindowParts::mainSplitter(window)->sizes();
    QCOMPARE(sizes.size(), 2);
    const double share = double(sizes.at(0)) / (sizes.at(0) + sizes.at(1));
    const double savedShare = double(splitterSizes.at(0))
                              / (splitterSizes.at(0) + splitterSizes.at(1));
    QVERIFY2(qAbs(share - savedShare) < 0.02, qPrintable(QString::number(share)));
    QCOMPARE(pool.gracePeriod(), 750ms);
    QCOMPARE(WindowParts::actions(window)->countdownSeconds(), 9);
    QCOMPARE(pool.log().maxLines(), qsizetype(4000));
    QCOMPARE(WindowParts::table(window)->fontPointSize(), 17);
    QCOMPARE(WindowParts::output(window)->fontPointSize(), 17);
    QCOMPARE(languages.languageCode(), QStringLiteral("ko"));
    QVERIFY(WindowParts::action(window, WorkerActions::LanguageKorean)->isChecked());
    QCOMPARE(session.demoLanguage(), DemoLanguage::Korean);
    auto *run = openDialog<RunCommandDialog>(window, WorkerActions::RunCommand);
    QVERIFY(run);
    QCOMPARE(run->history(), history);
    QCOMPARE(run->isLineBuffered(), false);
    run->reject();
    QCOMPARE(settings.lineBufferedByDefault(), false);
    auto *dialog = openDialog<PreferencesDialog>(window, WorkerActions::Preferences);
    QVERIFY(dialog);
    QCOMPARE(dialog->preferences().lineBufferedByDefault, false);
    QCOMPARE(dialog->preferences().scrollbackLines, 4000);
    dialog->reject();
    // The scrollback applies to each worker's own history too.
    Worker *worker = pool.spawn(
            TestSupport::workerSpec({QStringLiteral("exit"), QStringLiteral("0")}));
    QVERIFY(worker);
    QCOMPARE(worker->scrollback().maxLines(), qsizetype(4000));
    QTRY_VERIFY_WITH_TIMEOUT(!pool.hasActiveWorkers(), 10000);

    const QHeaderView *header = WindowParts::table(window)->horizontalHeader();
    QCOMPARE(header->logicalIndex(0), int(WorkerTableModel::StateColumn));
    QVERIFY(header->isSectionHidden(WorkerTableModel::StartedColumn));
    QVERIFY(!header->isSectionHidden(WorkerTableModel::PidColumn));
    QCOMPARE(WindowParts::tableColumns(window)->hidden(),
             QStringList{QStringLiteral("StartedColumn")});
    QVERIFY(window.close());
}

void tst_Settings::untouchedSettingsReadBackCleanly()
{
    // Empty lists (no history, no hidden column) are saved as no value: not a damaged file.
    QFile::remove(settingsFile());
    for (int run = 0; run < 2; ++run) {
        AppSettings settings(settingsFile());
        QVERIFY2(settings.problem().isEmpty(), qPrintable(settings.problem()));
        Session session(TestSupport::workerProgram());
        LanguageManager languages;
        MainWindow window(session, LaunchOptions(), &settings, &languages);
        QVERIFY(window.close());
    }
    AppSettings settings(settingsFile());
    QVERIFY2(settings.problem().isEmpty(), qPrintable(settings.problem()));
    QCOMPARE(settings.recentCommands(), QStringList());
    QCOMPARE(settings.hiddenColumns(), QStringList());
}

void tst_Settings::commandLineWinsForOneRun()
{
    QFile::remove(settingsFile());
    {
        AppSettings settings(settingsFile());
        settings.setGracePeriodMs(900);
        settings.setCountdownSeconds(12);
        settings.setLanguage(QStringLiteral("ko"));
    }
    AppSettings settings(settingsFile());
    LanguageManager languages;
    languages.setLanguage(QStringLiteral("en")); // what main() does with --lang en
    LaunchOptions options;
    options.grace = 300ms;
    options.graceGiven = true;
    options.languageCode = QStringLiteral("en");
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    MainWindow window(session, options, &settings, &languages);
    QCOMPARE(pool.gracePeriod(), 300ms);
    QCOMPARE(languages.languageCode(), QStringLiteral("en"));
    QCOMPARE(session.demoLanguage(), DemoLanguage::English);
    QCOMPARE(WindowParts::actions(window)->countdownSeconds(), 12);
    QVERIFY(window.close());
    // This run's values were not written over the saved ones.
    QCOMPARE(settings.gracePeriodMs(), 900);
    QCOMPARE(settings.language(), QStringLiteral("ko"));
}

void tst_Settings::damagedFileFallsBackToDefaults()
{
    QFile file(settingsFile());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(
            "[lessons]\ncountdownSeconds=banana\n[workers]\ngracePeriodMs=\x01\x02\n"
            "[window]\ngeometry=not a geometry\nsplitterSizes=a, b\n[view]\nlanguage=klingon\n"
            "fontPointSize=[[[\n\xff\xfe\x00 garbage ==== \n[table]\ncolumnOrder=Nope, PidColumn, "
            "PidColumn\n",
            160);
    file.close();

    AppSettings settings(settingsFile());
    QVERIFY(!settings.problem().isEmpty());
    Session session(TestSupport::workerProgram());
    WorkerPool &pool = session.pool();
    LanguageManager languages;
    MainWindow window(session, LaunchOptions(), &settings, &languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(WindowParts::actions(window)->countdownSeconds(), Defaults::CountdownSeconds);
    QCOMPARE(pool.gracePeriod(), Defaults::GracePeriod);
    QCOMPARE(settings.language(), QString());
    QCOMPARE(settings.fontPointSize(), 0);
    QCOMPARE(WindowParts::table(window)->horizontalHeader()->hiddenSectionCount(), 0);
    // Said once, where the user looks, without a dialog in the way.
    QCOMPARE(window.statusBar()->currentMessage(), settings.problem());
    QVERIFY(window.close());
}

void tst_Settings::unparsableFileFallsBackToDefaults()
{
    QFile file(settingsFile());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("[lessons\ncountdownSeconds=7\n");
    file.close();
    AppSettings settings(settingsFile());
    QVERIFY(!settings.problem().isEmpty());
    QCOMPARE(settings.countdownSeconds(), Defaults::CountdownSeconds);
    Session session(TestSupport::workerProgram());
    MainWindow window(session, LaunchOptions(), &settings, nullptr);
    QCOMPARE(WindowParts::actions(window)->countdownSeconds(), Defaults::CountdownSeconds);
    QVERIFY(window.close());
}

void tst_Settings::valuesAreClamped_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("stored");
    QTest::addColumn<int>("expected");
    QTest::newRow("countdown too long") << "lessons/countdownSeconds"
                                        << "99999" << 3600;
    QTest::newRow("countdown zero") << "lessons/countdownSeconds"
                                    << "0" << 1;
    QTest::newRow("negative grace") << "workers/gracePeriodMs"
                                    << "-5" << 0;
    QTest::newRow("grace of a year") << "workers/gracePeriodMs"
                                     << "31536000000" << 600000;
    QTest::newRow("tiny scrollback") << "output/scrollbackLines"
                                     << "5" << 1000;
    QTest::newRow("huge font") << "view/fontPointSize"
                               << "500" << 48;
}

void tst_Settings::valuesAreClamped()
{
    QFETCH(QString, key);
    QFETCH(QString, stored);
    QFETCH(int, expected);
    QFile::remove(settingsFile());
    {
        QSettings raw(settingsFile(), QSettings::IniFormat);
        raw.setValue(key, stored);
    }
    const AppSettings settings(settingsFile());
    QVERIFY2(settings.problem().isEmpty(), qPrintable(settings.problem()));
    int actual = 0;
    if (key.startsWith(QLatin1String("lessons")))
        actual = settings.countdownSeconds();
    else if (key.startsWith(QLatin1String("workers")))
        actual = settings.gracePeriodMs();
    else if (key.startsWith(QLatin1String("output")))
        actual = settings.scrollbackLines();
    else
        actual = settings.fontPointSize();
    QCOMPARE(actual, expected);

    // The setters clamp too.
    AppSettings memory{QString()};
    memory.setCountdownSeconds(-3);
    QCOMPARE(memory.countdownSeconds(), 1);
    memory.setScrollbackLines(50000000);
    QCOMPARE(memory.scrollbackLines(), Defaults::MaxScrollbackLines);
    memory.setLanguage(QStringLiteral("fr"));
    QCOMPARE(memory.language(), QString());
    QStringList many;
    for (int i = 0; i < 50; ++i)
        many.append(QStringLiteral("echo %1").arg(i));
    memory.setRecentCommands(many);
    QCOMPARE(memory.recentCommands().size(), AppSettings::MaxRecentCommands);
}

void tst_Settings::memoryOnlyWritesNothing()
{
    const QString defaultFile = AppSettings::defaultFileName();
    QFile::remove(defaultFile);
    {
        Session session(TestSupport::workerProgram());
        MainWindow window(session, LaunchOptions());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        WindowParts::action(window, WorkerActions::ZoomIn)->trigger();
        QVERIFY(window.close());
    }
    QVERIFY(!QFile::exists(defaultFile));
}

void tst_Settings::recordingTurnedOffInPreferencesWritesNoRecord()
{
    QFile::remove(settingsFile());
    QDir(RecordKeeper::folder()).removeRecursively();
    AppSettings settings(settingsFile());
    QVERIFY(settings.keepsRecords()); // on by default
    {
        Session session(TestSupport::workerProgram());
        LanguageManager languages;
        MainWindow window(session, LaunchOptions(), &settings, &languages);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QPointer<PreferencesDialog> dialog
                = openDialog<PreferencesDialog>(window, WorkerActions::Preferences);
        QVERIFY(dialog);
        auto *keep = dialog->findChild<QCheckBox *>(QStringLiteral("keepRecords"));
        QVERIFY(keep);
        QVERIFY(keep->isChecked());
        QVERIFY(keep->isVisible());
        // The line under it says where, as a link to the folder.
        auto *where = dialog->findChild<QLabel *>(QStringLiteral("recordsFolder"));
        QVERIFY(where && where->isVisible());
        QVERIFY2(where->text().contains(QStringLiteral("href=\"file://"))
                         && where->text().contains(RecordKeeper::folder().toHtmlEscaped()),
                 qPrintable(where->text()));
        QTest::mouseClick(keep, Qt::LeftButton, Qt::NoModifier, QPoint(8, keep->height() / 2));
        QVERIFY(!keep->isChecked());
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QVERIFY(buttons);
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        QVERIFY(!settings.keepsRecords());

        // This window started with recording on and keeps its record: the control, which shows
        // that the check below sees a window's record.
        QVERIFY(runWorker(session, QStringLiteral("recorded")));
        QVERIFY(window.close());
    }
    QCOMPARE(recordFiles().size(), 1);
    {
        // Read back from the file, as the next ProcLab would.
        AppSettings saved(settingsFile());
        QVERIFY(!saved.keepsRecords());
        Session session(TestSupport::workerProgram());
        LanguageManager languages;
        MainWindow window(session, LaunchOptions(), &saved, &languages);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!session.isRecording());
        QVERIFY(runWorker(session, QStringLiteral("not recorded")));
        // Save record… says why there is nothing to save, without a file dialog.
        WindowParts::action(window, WorkerActions::SaveRecord)->trigger();
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("Recording is off")),
                 qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(!window.findChild<QDialog *>());
        QVERIFY(window.close());
    }
    QCOMPARE(recordFiles().size(), 1);
}

QTEST_MAIN(tst_Settings)
#include "tst_settings.moc"
