#include "languagemanager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace ProcLab {

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{}

LanguageManager::~LanguageManager()
{
    removeTranslators();
}

QStringList LanguageManager::languageCodes()
{
    return {QStringLiteral("ko"), QStringLiteral("en")};
}

QString LanguageManager::systemLanguageCode()
{
    // uiLanguages() follows LANGUAGE and LC_MESSAGES as well as LANG, as gettext programs do.
    const QStringList languages = QLocale::system().uiLanguages();
    for (const QString &language : languages) {
        const QString code = QLocale(language).name().left(2);
        if (languageCodes().contains(code))
            return code;
    }
    return QStringLiteral("en");
}

void LanguageManager::setLanguage(const QString &code)
{
    const QString choice = languageCodes().contains(code) ? code : QString();
    const QString effective = choice.isEmpty() ? systemLanguageCode() : choice;
    m_choice = choice;
    if (m_installed && effective == m_code)
        return;
    install(effective);
    emit languageChanged(m_code);
}

void LanguageManager::install(const QString &code)
{
    removeTranslators();
    m_code = code;
    m_installed = true;
    // English has a translation too: it holds the plural forms ("1 worker", "2 workers").
    if (m_proclab.load(QStringLiteral(":/i18n/proclab_") + code))
        QCoreApplication::installTranslator(&m_proclab);
    if (code != QLatin1String("en")
        && m_qt.load(QStringLiteral("qtbase_") + code,
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(&m_qt);
    }
}

void LanguageManager::removeTranslators()
{
    if (!QCoreApplication::instance())
        return;
    QCoreApplication::removeTranslator(&m_proclab);
    QCoreApplication::removeTranslator(&m_qt);
}

} // namespace ProcLab
