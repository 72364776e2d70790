// WorkerActions: what a class needs to see processes as the system sees them: pause and resume,
// any signal by name, and the Python panel.
#include "exitinfo.h"
#include "workeractions.h"

#include <QAction>
#include <QIcon>

#include <csignal>

namespace ProcLab {

namespace {

// The signals a lesson on processes meets, in the order a teacher would explain them.
constexpr int MenuSignals[] = {SIGTERM, SIGINT, SIGHUP, SIGKILL, SIGSTOP, SIGCONT, SIGUSR1, SIGUSR2};

// As the other actions: the desktop theme's player icons when it has them, else ours.
QIcon playerIcon(const char *themeName, const char *file)
{
    return QIcon::fromTheme(QLatin1String(themeName),
                            QIcon(QStringLiteral(":/icons/actions/") + QLatin1String(file)
                                  + QStringLiteral(".svg")));
}

} // namespace

void WorkerActions::createProcessActions()
{
    QAction *action = create(Pause);
    action->setIcon(playerIcon("media-playback-pause", "pause"));
    action->setShortcut(Qt::CTRL | Qt::Key_P);

    action = create(Resume);
    action->setIcon(playerIcon("media-playback-start", "resume"));
    action->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_P);

    action = create(ShowPythonPanel);
    action->setCheckable(true);
    action->setShortcut(Qt::Key_F9); // as side panels toggle in Dolphin and Kate

    for (const int signalNumber : MenuSignals) {
        auto *signal = new QAction(parent());
        signal->setObjectName(QStringLiteral("Send") + signalName(signalNumber));
        signal->setData(signalNumber);
        m_signalActions.append(signal);
    }
}

void WorkerActions::retranslateProcessActions()
{
    QAction *action = this->action(Pause);
    action->setText(tr("&Pause"));
    action->setIconText(tr("Pause"));
    setDescription(action,
                   tr("Freeze the selected workers and everything they started (SIGSTOP): they "
                      "stay in memory but get no processor time"));

    action = this->action(Resume);
    action->setText(tr("Res&ume"));
    action->setIconText(tr("Resume"));
    setDescription(action, tr("Let the paused workers run on from where they stopped (SIGCONT)"));

    action = this->action(ShowPythonPanel);
    action->setText(tr("&Python Panel"));
    setDescription(action,
                   tr("Show the same session as the tutorial's Python: each start, signal and exit "
                      "code as a line of multiprocessing code"));

    for (QAction *signal : std::as_const(m_signalActions)) {
        const int signalNumber = signal->data().toInt();
        // Its name, its number and what it means, so the menu itself teaches: "SIGINT (2):
        // interrupted, as by Ctrl+C".
        signal->setText(tr("%1 (%2): %3")
                                .arg(signalName(signalNumber))
                                .arg(signalNumber)
                                .arg(signalDescription(signalNumber)));
        // What the process that gets it will read into it, in one line.
        const QString description = tr("Send %1 to the selected workers: %2")
                                            .arg(signalName(signalNumber),
                                                 signalDescription(signalNumber));
        signal->setToolTip(description);
        signal->setStatusTip(description);
    }
}

QAction *WorkerActions::signalAction(int signalNumber) const
{
    for (QAction *signal : m_signalActions) {
        if (signal->data().toInt() == signalNumber)
            return signal;
    }
    return nullptr;
}

} // namespace ProcLab
