// What ProcLab remembers: every setting saved by a real window when it closes and restored by the
// next one, a damaged settings file survived with defaults, and values out of range clamped.
#include "appsettings.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "outputview.h"
#include "preferencesdialog.h"
#include "tablecolumns.h"
#include "testsupport.h"
#include "workeractions.h"
#include "workerpool.h"
#include "workertablemodel.h"
#include "workertableview.h"

#include <QAction>
#include <QFile>
#include <QHeaderView>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace ProcLab;
using namespace std::chrono_literals;

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
        WorkerPool pool;
        MainWindow window(pool, LaunchOptions(), TestSupport::workerProgram(), &settings, &languages);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(900, 640);
        window.splitter()->setSizes({150, 350});
        splitterSizes = window.splitter()->sizes();

        Preferences preferences = window.preferences();
        preferences.gracePeriodMs = 750;
        preferences.countdownSeconds = 9;
        preferences.scrollbackLines = 4000;
        preferences.fontPointSize = 17;
        preferences.lineBufferedByDefault = false;
        window.applyPreferences(preferences);
        window.workerActions()->action(WorkerActions::LanguageKorean)->trigger();
        window.setCommandHistory(history);

        QHeaderView *header = window.workerTable()->horizontalHeader();
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
    WorkerPool pool;
    MainWindow window(pool, LaunchOptions(), TestSupport::workerProgram(), &settings, &languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QCOMPARE(window.size(), QSize(900, 640));
    // The table's share of the height: the toolbars above may wrap differently in Korean.
    const QList<int> sizes = window.splitter()->sizes();
    QCOMPARE(sizes.size(), 2);
    const double share = double(sizes.at(0)) / (sizes.at(0) + sizes.at(1));
    const double savedShare = double(splitterSizes.at(0))
                              / (splitterSizes.at(0) + splitterSizes.at(1));
    QVERIFY2(qAbs(share - savedShare) < 0.02, qPrintable(QString::number(share)));
    QCOMPARE(pool.gracePeriod(), 750ms);
    QCOMPARE(window.workerActions()->countdownSeconds(), 9);
    QCOMPARE(pool.log().maxLines(), qsizetype(4000));
    QCOMPARE(window.workerTable()->fontPointSize(), 17);
    QCOMPARE(window.outputView()->fontPointSize(), 17);
    QCOMPARE(languages.languageCode(), QStringLiteral("ko"));
    QVERIFY(window.workerActions()->action(WorkerActions::LanguageKorean)->isChecked());
    QCOMPARE(window.demoLanguage(), DemoLanguage::Korean);
    QCOMPARE(window.commandHistory(), history);
    QCOMPARE(settings.lineBufferedByDefault(), false);
    QCOMPARE(window.preferences().lineBufferedByDefault, false);

    const QHeaderView *header = window.workerTable()->horizontalHeader();
    QCOMPARE(header->logicalIndex(0), int(WorkerTableModel::StateColumn));
    QVERIFY(header->isSectionHidden(WorkerTableModel::StartedColumn));
    QVERIFY(!header->isSectionHidden(WorkerTableModel::PidColumn));
    QCOMPARE(window.tableColumns()->hidden(), QStringList{QStringLiteral("StartedColumn")});
    QVERIFY(window.close());
}

void tst_Settings::untouchedSettingsReadBackCleanly()
{
    // Empty lists (no history, no hidden column) are saved as no value: not a damaged file.
    QFile::remove(settingsFile());
    for (int run = 0; run < 2; ++run) {
        AppSettings settings(settingsFile());
        QVERIFY2(settings.problem().isEmpty(), qPrintable(settings.problem()));
        WorkerPool pool;
        LanguageManager languages;
        MainWindow window(pool, LaunchOptions(), TestSupport::workerProgram(), &settings, &languages);
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
    WorkerPool pool;
    MainWindow window(pool, options, TestSupport::workerProgram(), &settings, &languages);
    QCOMPARE(pool.gracePeriod(), 300ms);
    QCOMPARE(languages.languageCode(), QStringLiteral("en"));
    QCOMPARE(window.demoLanguage(), DemoLanguage::English);
    QCOMPARE(window.workerActions()->countdownSeconds(), 12);
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
    WorkerPool pool;
    LanguageManager languages;
    MainWindow window(pool, LaunchOptions(), TestSupport::workerProgram(), &settings, &languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.workerActions()->countdownSeconds(), AppSettings::DefaultCountdownSeconds);
    QCOMPARE(pool.gracePeriod(), std::chrono::milliseconds(AppSettings::DefaultGracePeriodMs));
    QCOMPARE(settings.language(), QString());
    QCOMPARE(settings.fontPointSize(), 0);
    QCOMPARE(window.workerTable()->horizontalHeader()->hiddenSectionCount(), 0);
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
    QCOMPARE(settings.countdownSeconds(), AppSettings::DefaultCountdownSeconds);
    WorkerPool pool;
    MainWindow window(pool, LaunchOptions(), TestSupport::workerProgram(), &settings, nullptr);
    QCOMPARE(window.workerActions()->countdownSeconds(), AppSettings::DefaultCountdownSeconds);
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
    QCOMPARE(memory.scrollbackLines(), AppSettings::MaxScrollbackLines);
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
        WorkerPool pool;
        MainWindow window(pool, LaunchOptions(), TestSupport::workerProgram());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.workerActions()->action(WorkerActions::ZoomIn)->trigger();
        QVERIFY(window.close());
    }
    QVERIFY(!QFile::exists(defaultFile));
}

QTEST_MAIN(tst_Settings)
#include "tst_settings.moc"
