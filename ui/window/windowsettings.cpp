#include "windowsettings.h"

#include "appsettings.h"
#include "languagemanager.h"
#include "preferencesdialog.h"
#include "session.h"
#include "tablecolumns.h"

#include <QMainWindow>
#include <QSplitter>

namespace ProcLab {

using namespace std::chrono;

WindowSettings::WindowSettings(Session &session,
                               const LaunchOptions &options,
                               AppSettings *settings,
                               LanguageManager *languages,
                               QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_options(options)
    , m_ownSettings(settings ? nullptr : std::make_unique<AppSettings>(QString()))
    , m_ownLanguages(languages ? nullptr : std::make_unique<LanguageManager>())
    , m_settings(settings ? settings : m_ownSettings.get())
    , m_languages(languages ? languages : m_ownLanguages.get())
{
    setObjectName(QStringLiteral("windowSettings"));
}

WindowSettings::~WindowSettings() = default;

void WindowSettings::restoreLanguage()
{
    // Settings kept in memory hold nothing saved: the system's language, as when nothing was saved.
    if (m_ownLanguages)
        m_ownLanguages->setLanguage(QString());
    else if (!m_ownSettings && m_options.languageCode.isEmpty())
        m_languages->setLanguage(m_settings->language());
    const QString lessonLanguage = m_options.languageCode.isEmpty() ? m_languages->languageCode()
                                                                    : m_options.languageCode;
    m_session.setDemoLanguage(demoLanguageFromCode(lessonLanguage));
    // Lessons started from now on speak the window's new language (over --lang, which was for the
    // start).
    connect(m_languages, &LanguageManager::languageChanged, this, [this](const QString &code) {
        m_session.setDemoLanguage(demoLanguageFromCode(code));
    });
}

void WindowSettings::restoreSession()
{
    const bool saved = !m_ownSettings;
    m_session.setGracePeriod(saved && !m_options.graceGiven
                                     ? milliseconds(m_settings->gracePeriodMs())
                                     : m_options.grace);
    m_session.setScrollbackLines(m_settings->scrollbackLines());
}

int WindowSettings::countdownSeconds() const
{
    return m_options.countdownSeconds > 0 ? m_options.countdownSeconds
                                          : m_settings->countdownSeconds();
}

QString WindowSettings::languageChoice() const
{
    return m_options.languageCode.isEmpty() ? m_languages->language() : m_options.languageCode;
}

int WindowSettings::fontPointSize() const
{
    return m_settings->fontPointSize();
}

void WindowSettings::restoreLayout(QMainWindow &window,
                                   QSplitter &splitter,
                                   TableColumns &columns) const
{
    columns.restore(m_settings->columnOrder(), m_settings->hiddenColumns());
    window.restoreGeometry(m_settings->windowGeometry());
    window.restoreState(m_settings->windowState());
    const QList<int> sizes = m_settings->splitterSizes();
    if (sizes.size() == splitter.count() && !sizes.contains(0))
        splitter.setSizes(sizes);
}

void WindowSettings::saveLayout(const QMainWindow &window,
                                const QSplitter &splitter,
                                const TableColumns &columns,
                                int fontPointSize)
{
    m_settings->setWindowGeometry(window.saveGeometry());
    m_settings->setWindowState(window.saveState());
    m_settings->setSplitterSizes(splitter.sizes());
    m_settings->setColumnOrder(columns.order());
    m_settings->setHiddenColumns(columns.hidden());
    m_settings->setFontPointSize(fontPointSize);
    m_settings->sync();
}

Preferences WindowSettings::preferences(int fontPointSize) const
{
    Preferences preferences;
    preferences.gracePeriodMs = int(m_session.gracePeriod().count());
    preferences.countdownSeconds = m_settings->countdownSeconds();
    preferences.scrollbackLines = m_settings->scrollbackLines();
    preferences.fontPointSize = fontPointSize;
    preferences.language = m_languages->language();
    preferences.lineBufferedByDefault = m_settings->lineBufferedByDefault();
    preferences.keepRecords = m_settings->keepsRecords();
    return preferences;
}

void WindowSettings::applyPreferences(const Preferences &preferences)
{
    m_settings->setGracePeriodMs(preferences.gracePeriodMs);
    m_session.setGracePeriod(milliseconds(m_settings->gracePeriodMs()));
    m_settings->setCountdownSeconds(preferences.countdownSeconds);
    m_settings->setScrollbackLines(preferences.scrollbackLines);
    m_session.setScrollbackLines(m_settings->scrollbackLines());
    m_settings->setFontPointSize(preferences.fontPointSize);
    m_settings->setLineBufferedByDefault(preferences.lineBufferedByDefault);
    m_settings->setKeepsRecords(preferences.keepRecords);
    m_settings->sync();
}

void WindowSettings::chooseLanguage(const QString &code)
{
    m_settings->setLanguage(code);
    // Sends every widget a LanguageChange, on which each retranslates itself.
    m_languages->setLanguage(code);
}

} // namespace ProcLab
