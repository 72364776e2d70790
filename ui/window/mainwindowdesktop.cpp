// MainWindow as a desktop application: what it remembers between runs, the language it speaks, and
// the Preferences, About and Tutorial dialogs.
#include "aboutdialog.h"
#include "appsettings.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "outputview.h"
#include "preferencesdialog.h"
#include "tablecolumns.h"
#include "tutorialdialog.h"
#include "workeractions.h"
#include "workerpool.h"
#include "workertablemodel.h"
#include "workertableview.h"

#include <QAction>
#include <QCoreApplication>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>

namespace ProcLab {

using namespace std::chrono;

void MainWindow::restoreLanguage()
{
    // Before any widget is made, so that each is made in it. Without settings of its own the
    // window speaks the system's language, as ProcLab does when nothing was saved.
    if (m_ownLanguages)
        m_ownLanguages->setLanguage(QString());
    else if (!m_ownSettings && m_options.languageCode.isEmpty())
        m_languages->setLanguage(m_settings->language());
    if (m_options.languageCode.isEmpty())
        m_language = demoLanguageFromCode(m_languages->languageCode());
}

void MainWindow::restoreSettings()
{
    // What was saved applies unless the command line said otherwise for this run. Settings kept
    // in memory (no file given) hold nothing saved: the launch options stay as they are.
    const bool saved = !m_ownSettings;
    if (saved && !m_options.graceGiven)
        m_pool.setGracePeriod(milliseconds(m_settings->gracePeriodMs()));
    m_tableColumns = new TableColumns(m_table->horizontalHeader());
    m_tableColumns->restore(m_settings->columnOrder(), m_settings->hiddenColumns());
    if (const int points = m_settings->fontPointSize(); points > 0)
        setFontPointSize(points);
    const int lines = m_settings->scrollbackLines();
    m_pool.setLogLimits(lines, AppSettings::scrollbackCharacters(lines));
    // A countdown given on the command line is for this run; the preference stays as it was.
    if (m_options.countdownSeconds <= 0)
        m_actions->setCountdownSeconds(m_settings->countdownSeconds());
    connect(m_actions, &WorkerActions::countdownSecondsChanged, this, [this](int seconds) {
        m_settings->setCountdownSeconds(seconds);
    });
    if (m_commandHistory.isEmpty())
        m_commandHistory = m_settings->recentCommands();
    m_actions->setLanguageChoice(m_options.languageCode.isEmpty() ? m_languages->language()
                                                                  : m_options.languageCode);
    connect(m_languages, &LanguageManager::languageChanged, this, &MainWindow::followLanguage);

    restoreGeometry(m_settings->windowGeometry());
    restoreState(m_settings->windowState());
    const QList<int> sizes = m_settings->splitterSizes();
    if (sizes.size() == m_splitter->count() && !sizes.contains(0))
        m_splitter->setSizes(sizes);
}

void MainWindow::saveSettings()
{
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->setSplitterSizes(m_splitter->sizes());
    m_settings->setColumnOrder(m_tableColumns->order());
    m_settings->setHiddenColumns(m_tableColumns->hidden());
    m_settings->setFontPointSize(m_table->fontPointSize());
    m_settings->setRecentCommands(m_commandHistory);
    m_settings->sync();
}

void MainWindow::setFontPointSize(int points)
{
    // One size for both, so the table and the output stay in step whichever was zoomed before.
    m_table->setFontPointSize(points);
    m_outputView->setFontPointSize(points);
    setProcessFontPointSize(points);
}

Preferences MainWindow::preferences() const
{
    Preferences preferences;
    preferences.gracePeriodMs = int(m_pool.gracePeriod().count());
    preferences.countdownSeconds = m_settings->countdownSeconds();
    preferences.scrollbackLines = m_settings->scrollbackLines();
    preferences.fontPointSize = m_table->fontPointSize();
    preferences.language = m_languages->language();
    preferences.lineBufferedByDefault = m_settings->lineBufferedByDefault();
    return preferences;
}

void MainWindow::applyPreferences(const Preferences &preferences)
{
    m_settings->setGracePeriodMs(preferences.gracePeriodMs);
    m_pool.setGracePeriod(milliseconds(m_settings->gracePeriodMs()));
    m_settings->setCountdownSeconds(preferences.countdownSeconds);
    m_actions->setCountdownSeconds(m_settings->countdownSeconds());
    m_settings->setScrollbackLines(preferences.scrollbackLines);
    const int lines = m_settings->scrollbackLines();
    m_pool.setLogLimits(lines, AppSettings::scrollbackCharacters(lines));
    m_settings->setFontPointSize(preferences.fontPointSize);
    setFontPointSize(m_settings->fontPointSize());
    m_settings->setLineBufferedByDefault(preferences.lineBufferedByDefault);
    if (preferences.language != m_languages->language())
        chooseLanguage(preferences.language);
    m_settings->sync();
}

void MainWindow::openPreferences()
{
    // One at a time: a second Ctrl+, brings the open one forward.
    if (auto *open = findChild<PreferencesDialog *>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new PreferencesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setPreferences(preferences());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        applyPreferences(dialog->preferences());
    });
    dialog->open();
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showTutorial()
{
    if (auto *open = findChild<TutorialDialog *>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    // Not modal: the class sees the code and the workers it starts side by side.
    auto *dialog = new TutorialDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setCountdownSeconds(m_actions->countdownSeconds());
    connect(m_actions,
            &WorkerActions::countdownSecondsChanged,
            dialog,
            &TutorialDialog::setCountdownSeconds);
    connect(dialog,
            &TutorialDialog::spawnLessonRequested,
            m_actions->action(WorkerActions::SpawnLesson),
            &QAction::trigger);
    connect(dialog,
            &TutorialDialog::countdownLessonRequested,
            m_actions->action(WorkerActions::CountdownLesson),
            &QAction::trigger);
    dialog->show();
}

void MainWindow::followLanguage(const QString &code)
{
    // Lessons started from now on speak the window's new language (over --lang, which was for
    // the start).
    m_language = demoLanguageFromCode(code);
}

void MainWindow::chooseLanguage(const QString &code)
{
    m_settings->setLanguage(code);
    m_actions->setLanguageChoice(code);
    // Sends every widget a LanguageChange: changeEvent() below retranslates this window.
    m_languages->setLanguage(code);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("ProcLab"));
    m_actions->retranslate();
    m_mainProcessLabel->setText(tr("Main process %1").arg(QCoreApplication::applicationPid()));
    m_mainProcessLabel->setToolTip(
            tr("The PID of ProcLab itself: the main program of the lessons"));
    m_countsLabel->setToolTip(tr("Workers running now · workers in the table"));
    m_table->workerModel()->retranslate();
    retranslateProcessWidgets();
    // The columns fit their headers' new words; the empty table's hint is painted again.
    m_table->setFontPointSize(m_table->fontPointSize());
    m_table->viewport()->update();
    updateStatus();
}

} // namespace ProcLab
