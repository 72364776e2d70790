#pragma once

#include <QObject>
#include <QTranslator>

namespace ProcLab {

// The language of the whole program: ProcLab's own texts (from :/i18n/proclab_<code>.qm) and Qt's
// (qtbase_<code>.qm, for the standard buttons and dialogs, when the system has them installed).
//
// Translators are process-wide in Qt, so there is one of these per program: main() makes it before
// the command line is parsed, so that --help and its errors are already in the user's language, and
// hands it to the window, whose View → Language menu switches at run time. Installing a translator
// sends every widget a QEvent::LanguageChange, on which each retranslates itself.
class LanguageManager final : public QObject
{
    Q_OBJECT

public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    // The languages ProcLab speaks, as codes; "ko" and "en".
    static QStringList languageCodes();
    // "ko" when the system's locale is Korean, else "en".
    static QString systemLanguageCode();

    // code: "ko", "en", or empty to follow the system. Does nothing when the choice is unchanged.
    void setLanguage(const QString &code);
    // The choice: "ko", "en" or empty (the system's).
    QString language() const { return m_choice; }
    // The language in use: "ko" or "en".
    QString languageCode() const { return m_code; }

signals:
    void languageChanged(const QString &code);

private:
    void install(const QString &code);
    void removeTranslators();

    QTranslator m_proclab;
    QTranslator m_qt;
    QString m_choice;
    QString m_code;
    bool m_installed = false;
};

} // namespace ProcLab
