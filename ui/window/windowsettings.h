#pragma once

#include "launchoptions.h"

#include <QObject>
#include <QStringList>

#include <memory>

class QMainWindow;
class QSplitter;

namespace ProcLab {

class AppSettings;
class LanguageManager;
class Session;
class TableColumns;
struct Preferences;

// What the window remembers between runs, and how the command line overrides it for one run:
// the window's geometry, its splitter and the table's columns, the text size, the language, the
// recent commands; and the preferences it hands to the Session (grace period, scrollback). A value
// the command line gave (--grace, --countdown, --lang) wins for this run and is not saved over the
// saved one.
//
// Without an AppSettings (tests) it keeps everything in memory; without a LanguageManager it makes
// its own, which speaks the system's language.
class WindowSettings final : public QObject
{
    Q_OBJECT

public:
    WindowSettings(Session &session,
                   const LaunchOptions &options,
                   AppSettings *settings,
                   LanguageManager *languages,
                   QObject *parent = nullptr);
    ~WindowSettings() override;

    AppSettings &settings() const { return *m_settings; }
    LanguageManager &languages() const { return *m_languages; }

    // The language of the window, and of the lessons unless --lang chose: before any widget is made,
    // so that each is made in it. The lessons follow the window's language when it changes.
    void restoreLanguage();
    // The grace period and the scrollback, into the Session.
    void restoreSession();
    // Lesson 2's seconds: the command line's for this run, else the saved ones.
    int countdownSeconds() const;
    // View → Language's choice: --lang's for this run, else the saved one ("" for the system's).
    QString languageChoice() const;
    // The saved text size, or 0 when none was saved.
    int fontPointSize() const;

    void restoreLayout(QMainWindow &window, QSplitter &splitter, TableColumns &columns) const;
    void saveLayout(const QMainWindow &window,
                    const QSplitter &splitter,
                    const TableColumns &columns,
                    int fontPointSize);

    Preferences preferences(int fontPointSize) const;
    // Saves them and hands the grace period and the scrollback to the Session; the window applies
    // the text size, the countdown and the language.
    void applyPreferences(const Preferences &preferences);
    // Saves the choice and switches the whole program's language.
    void chooseLanguage(const QString &code);

private:
    Session &m_session;
    const LaunchOptions m_options;
    std::unique_ptr<AppSettings> m_ownSettings;
    std::unique_ptr<LanguageManager> m_ownLanguages;
    AppSettings *m_settings;
    LanguageManager *m_languages;
};

} // namespace ProcLab
