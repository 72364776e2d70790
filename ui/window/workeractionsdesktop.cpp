// WorkerActions: the actions of a desktop application around the lessons: preferences, the
// tutorial, and the language the window speaks.
#include "workeractions.h"

#include <QAction>
#include <QActionGroup>

namespace ProcLab {

void WorkerActions::createDesktopActions()
{
    QAction *action = create(Preferences);
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    action->setMenuRole(QAction::PreferencesRole);

    // F1 is About: the tutorial is the help a class asks for next.
    create(Tutorial)->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F1));

    auto *languages = new QActionGroup(this);
    for (const Id id : {LanguageSystem, LanguageKorean, LanguageEnglish}) {
        action = create(id);
        action->setCheckable(true);
        languages->addAction(action);
    }
    this->action(LanguageSystem)->setChecked(true);
}

void WorkerActions::retranslateDesktopActions()
{
    QAction *action = this->action(Preferences);
    action->setText(tr("&Preferences…"));
    setDescription(action, tr("Grace period, countdown, scrollback, text size and language"));

    action = this->action(Tutorial);
    action->setText(tr("The &Tutorial"));
    setDescription(action, tr("The two Python examples ProcLab's lessons come from, explained"));

    action = this->action(LanguageSystem);
    action->setText(tr("&System Language"));
    action->setToolTip(tr("Follow the language of the desktop"));
    // The languages are named in their own language, so that anyone can find theirs.
    this->action(LanguageKorean)->setText(QStringLiteral("한국어"));
    this->action(LanguageKorean)->setToolTip(tr("Korean"));
    this->action(LanguageEnglish)->setText(QStringLiteral("English"));
    this->action(LanguageEnglish)->setToolTip(tr("English"));
}

void WorkerActions::setLanguageChoice(const QString &code)
{
    for (const Id id : {LanguageSystem, LanguageKorean, LanguageEnglish}) {
        if (languageCode(id) == code)
            action(id)->setChecked(true);
    }
}

QString WorkerActions::languageCode(Id id)
{
    switch (id) {
    case LanguageKorean:
        return QStringLiteral("ko");
    case LanguageEnglish:
        return QStringLiteral("en");
    default:
        return QString();
    }
}

} // namespace ProcLab
