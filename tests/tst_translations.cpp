// ProcLab in Korean and English: every text a user sees in the window (actions, their tooltips,
// menus, toolbars, table headers, status bar) is translated, plural forms read right in English,
// the language switches at run time without a restart, and --help follows the language.
#include "appsettings.h"
#include "commandlineparser.h"
#include "exitinfo.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "outputview.h"
#include "session.h"
#include "testsupport.h"
#include "windowparts.h"
#include "worker.h"
#include "workeractions.h"
#include "workerpool.h"
#include "workertablemodel.h"
#include "workertableview.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStatusBar>
#include <QTest>
#include <QToolBar>
#include <QXmlStreamReader>

using namespace ProcLab;

namespace {

// Words that stay as they are in Korean, as a Korean user expects to read them.
const QStringList UntranslatedTokens{"PID", "CPU", "stdout", "stderr", "ProcLab", "English", "Qt"};

bool hasHangul(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return (c.unicode() >= 0xac00 && c.unicode() <= 0xd7a3)
               || (c.unicode() >= 0x1100 && c.unicode() <= 0x11ff);
    });
}

struct VisibleText
{
    QString where;
    QString text;
};

// Everything of the window that has words: in a fixed order, so that two windows can be compared.
QList<VisibleText> visibleTexts(const MainWindow &window)
{
    QList<VisibleText> texts;
    const auto add = [&texts](const QString &where, const QString &text) {
        if (!text.isEmpty())
            texts.append({where, text});
    };
    add("window title", window.windowTitle());
    const QList<QAction *> actions = window.findChildren<QAction *>();
    for (int i = 0; i < actions.size(); ++i) {
        const QAction *action = actions.at(i);
        if (action->isSeparator() || action->menu())
            continue;
        const QString name = action->objectName().isEmpty() ? QString("action #%1").arg(i)
                                                            : action->objectName();
        add(name + " text", action->text());
        add(name + " icon text", action->iconText());
        add(name + " tooltip", action->toolTip());
    }
    const QList<QMenu *> menus = window.findChildren<QMenu *>();
    for (int i = 0; i < menus.size(); ++i)
        add(QString("menu #%1").arg(i), menus.at(i)->title());
    const QList<QToolBar *> toolBars = window.findChildren<QToolBar *>();
    for (const QToolBar *toolBar : toolBars)
        add(toolBar->objectName() + " title", toolBar->windowTitle());
    const QAbstractItemModel *model = WindowParts::table(window)->model();
    for (int column = 0; column < model->columnCount(); ++column) {
        add(QString("header %1").arg(column), model->headerData(column, Qt::Horizontal).toString());
        add(QString("header %1 tooltip").arg(column),
            model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString());
    }
    const QList<QLabel *> labels = window.statusBar()->findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        add(label->objectName() + " status", label->text());
        add(label->objectName() + " status tooltip", label->toolTip());
    }
    const QSpinBox *seconds = window.findChild<QSpinBox *>("countdownSeconds");
    add("seconds suffix", seconds->suffix());
    add("seconds tooltip", seconds->toolTip());
    return texts;
}

QString withoutTokens(QString text)
{
    for (const QString &token : UntranslatedTokens)
        text.remove(token);
    return text;
}

} // namespace

class tst_Translations final : public QObject
{
    Q_OBJECT

private slots:
    void bothLanguagesAreEmbedded();
    void koreanWindowIsTranslated();
    void englishPluralsReadRight();
    void switchingAtRunTimeRetranslates();
    void helpFollowsTheLanguage();
    void translationsKeepTheirPlaceholders_data();
    void translationsKeepTheirPlaceholders();
};

void tst_Translations::bothLanguagesAreEmbedded()
{
    for (const QString &code : LanguageManager::languageCodes()) {
        QTranslator translator;
        QVERIFY2(translator.load(":/i18n/proclab_" + code), qPrintable(code));
        QVERIFY(!translator.isEmpty());
    }
}

void tst_Translations::koreanWindowIsTranslated()
{
    AppSettings settings{QString()};
    LanguageManager languages;
    Session session(TestSupport::workerProgram());
    settings.setLanguage("en"); // the window takes its saved language, as at start-up
    const MainWindow english(session, LaunchOptions(), &settings, &languages);
    const QList<VisibleText> englishTexts = visibleTexts(english);

    settings.setLanguage("ko");
    const MainWindow korean(session, LaunchOptions(), &settings, &languages);
    QCOMPARE(languages.languageCode(), QString("ko"));
    const QList<VisibleText> koreanTexts = visibleTexts(korean);
    QCOMPARE(koreanTexts.size(), englishTexts.size());
    QVERIFY(koreanTexts.size() > 80);

    QStringList untranslated;
    for (int i = 0; i < koreanTexts.size(); ++i) {
        const VisibleText &text = koreanTexts.at(i);
        QCOMPARE(text.where, englishTexts.at(i).where);
        const bool onlyTokens = withoutTokens(text.text).trimmed().isEmpty()
                                || text.text == "한국어";
        if (onlyTokens)
            continue;
        if (!hasHangul(text.text) || text.text == englishTexts.at(i).text)
            untranslated.append(text.where + ": " + text.text);
    }
    QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join('\n')));

    // The tutorial's words, as a Korean class knows them.
    const QAbstractItemModel *model = WindowParts::table(korean)->model();
    QCOMPARE(model->headerData(WorkerTableModel::StateColumn, Qt::Horizontal).toString(),
             QString("상태"));
    QCOMPARE(stateText(WorkerState::Running, ExitInfo()), QString("실행 중"));
    ExitInfo terminated;
    terminated.reason = ExitInfo::Reason::TerminatedOnRequest;
    QCOMPARE(stateText(WorkerState::Finished, terminated), QString("종료됨"));
}

void tst_Translations::englishPluralsReadRight()
{
    LanguageManager languages;
    languages.setLanguage("en");
    QCOMPARE(MainWindow::tr("Stopping %n worker(s)…", nullptr, 1), QString("Stopping 1 worker…"));
    QCOMPARE(MainWindow::tr("Stopping %n worker(s)…", nullptr, 3), QString("Stopping 3 workers…"));
    AppSettings settings{QString()};
    settings.setLanguage("en");
    Session session(TestSupport::workerProgram());
    const MainWindow window(session, LaunchOptions(), &settings, &languages);
    const QList<VisibleText> texts = visibleTexts(window);
    for (const VisibleText &text : texts) {
        QVERIFY2(!text.text.contains("(s)"), qPrintable(text.where + ": " + text.text));
        QVERIFY2(!hasHangul(text.text) || text.text == "한국어",
                 qPrintable(text.where + ": " + text.text));
    }
    QCOMPARE(window.statusBar()->findChild<QLabel *>("mainProcessLabel")->text(),
             QString("Main process %1").arg(QCoreApplication::applicationPid()));
}

void tst_Translations::switchingAtRunTimeRetranslates()
{
    AppSettings settings{QString()};
    LanguageManager languages;
    settings.setLanguage("en");
    Session session(TestSupport::workerProgram());
    MainWindow window(session, LaunchOptions(), &settings, &languages);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAction *spawn = WindowParts::action(window, WorkerActions::SpawnLesson);
    const QAbstractItemModel *model = WindowParts::table(window)->model();
    QCOMPARE(spawn->text(), QString("&Spawn 4 Workers"));
    QCOMPARE(session.demoLanguage(), DemoLanguage::English);

    WindowParts::action(window, WorkerActions::LanguageKorean)->trigger();
    QTRY_VERIFY2(hasHangul(spawn->text()), qPrintable(spawn->text()));
    QTRY_COMPARE(model->headerData(WorkerTableModel::NameColumn, Qt::Horizontal).toString(),
                 QString("이름"));
    QVERIFY(hasHangul(window.menuBar()->actions().constFirst()->text()));
    QVERIFY(hasHangul(WindowParts::output(window)->copyAction()->text()));
    QCOMPARE(session.demoLanguage(), DemoLanguage::Korean);
    QCOMPARE(settings.language(), QString("ko"));
    QVERIFY(WindowParts::action(window, WorkerActions::LanguageKorean)->isChecked());

    WindowParts::action(window, WorkerActions::LanguageEnglish)->trigger();
    QTRY_COMPARE(spawn->text(), QString("&Spawn 4 Workers"));
    QTRY_COMPARE(model->headerData(WorkerTableModel::NameColumn, Qt::Horizontal).toString(),
                 QString("Name"));
    QCOMPARE(session.demoLanguage(), DemoLanguage::English);
    QVERIFY(window.close());
}

void tst_Translations::helpFollowsTheLanguage()
{
    LanguageManager languages;
    languages.setLanguage("ko");
    const LaunchParse korean = parseLaunchOptions({"proclab", "--help"});
    QCOMPARE(korean.action, LaunchParse::Action::ShowHelp);
    QVERIFY2(korean.text.contains("창 없이"), qPrintable(korean.text));
    const LaunchParse error = parseLaunchOptions({"proclab", "--spawn", "x"});
    QVERIFY2(hasHangul(error.text), qPrintable(error.text));

    languages.setLanguage("en");
    const LaunchParse english = parseLaunchOptions({"proclab", "--help"});
    QVERIFY(english.text.contains("without a window"));
    QVERIFY(!hasHangul(english.text));
}

void tst_Translations::translationsKeepTheirPlaceholders_data()
{
    QTest::addColumn<QString>("tsFile");
    for (const QString &code : LanguageManager::languageCodes())
        QTest::newRow(qPrintable(code))
                << QStringLiteral(PROCLAB_SOURCE_DIR "/resources/translations/proclab_%1.ts")
                           .arg(code);
}

// A translation that drops or adds a %1 makes QString::arg() put the number in the wrong place, or
// nowhere: the English file once kept "(1-1000)" for a source that had become "(1-%1)".
void tst_Translations::translationsKeepTheirPlaceholders()
{
    QFETCH(QString, tsFile);
    QFile file(tsFile);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(tsFile));
    const QRegularExpression placeholder(QStringLiteral("%(\\d+|L?n)"));
    const auto placeholders = [&placeholder](const QString &text) {
        QStringList found;
        auto match = placeholder.globalMatch(text);
        while (match.hasNext())
            found.append(match.next().captured(0).remove(QLatin1Char('L')));
        found.sort();
        found.removeDuplicates();
        return found;
    };
    QXmlStreamReader xml(&file);
    QString source;
    QStringList mismatches;
    int checked = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")
                   || xml.name() == QLatin1String("numerusform")) {
            if (xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished"))
                continue;
            const QString translation = xml.readElementText(QXmlStreamReader::SkipChildElements);
            if (translation.trimmed().isEmpty())
                continue;
            ++checked;
            QStringList expected = placeholders(source);
            // A plural's singular form may spell the number out ("one worker"): %n is optional.
            const QStringList got = placeholders(translation);
            if (!got.contains(QLatin1String("%n")))
                expected.removeAll(QLatin1String("%n"));
            if (got != expected)
                mismatches.append(source + QLatin1String(" -> ") + translation);
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(checked > 100);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
