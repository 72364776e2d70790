#include "exitinfo.h"

#include <QCoreApplication>

#include <csignal>

namespace ProcLab {

std::optional<int> ExitInfo::pythonExitCode() const
{
    switch (reason) {
    case Reason::Exited:
        return exitCode;
    case Reason::TerminatedOnRequest:
    case Reason::KilledOnRequest:
    case Reason::KilledBySignal:
        return -signalNumber;
    case Reason::NotEnded:
    case Reason::FailedToStart:
        break;
    }
    return std::nullopt;
}

std::optional<int> ExitInfo::shellExitCode() const
{
    const std::optional<int> python = pythonExitCode();
    if (!python)
        return std::nullopt;
    return *python < 0 ? 128 - *python : *python;
}

bool ExitInfo::isSuccess() const
{
    switch (reason) {
    case Reason::Exited:
        return exitCode == 0 || stopRequested;
    case Reason::TerminatedOnRequest:
    case Reason::KilledOnRequest:
        return true;
    case Reason::NotEnded:
    case Reason::KilledBySignal:
    case Reason::FailedToStart:
        break;
    }
    return false;
}

QString ExitInfo::shortText() const
{
    if (reason == Reason::FailedToStart)
        return QCoreApplication::translate("ProcLab::ExitInfo", "failed to start");
    const std::optional<int> python = pythonExitCode();
    if (!python)
        return QString();
    if (diedOfSignal())
        return QString::number(*python) + QStringLiteral(" · ") + signalName(signalNumber);
    return QString::number(*python);
}

QString ExitInfo::exitCodeText() const
{
    if (reason == Reason::FailedToStart)
        return errorText;
    const std::optional<int> python = pythonExitCode();
    if (!python)
        return QString();
    if (diedOfSignal()) {
        return QCoreApplication::translate("ProcLab::ExitInfo", "exit code %1 (%2)")
                .arg(*python)
                .arg(signalName(signalNumber));
    }
    return QCoreApplication::translate("ProcLab::ExitInfo", "exit code %1").arg(*python);
}

QString signalName(int signalNumber)
{
    switch (signalNumber) {
    case SIGHUP:
        return QStringLiteral("SIGHUP");
    case SIGINT:
        return QStringLiteral("SIGINT");
    case SIGQUIT:
        return QStringLiteral("SIGQUIT");
    case SIGILL:
        return QStringLiteral("SIGILL");
    case SIGTRAP:
        return QStringLiteral("SIGTRAP");
    case SIGABRT:
        return QStringLiteral("SIGABRT");
    case SIGBUS:
        return QStringLiteral("SIGBUS");
    case SIGFPE:
        return QStringLiteral("SIGFPE");
    case SIGKILL:
        return QStringLiteral("SIGKILL");
    case SIGUSR1:
        return QStringLiteral("SIGUSR1");
    case SIGSEGV:
        return QStringLiteral("SIGSEGV");
    case SIGUSR2:
        return QStringLiteral("SIGUSR2");
    case SIGPIPE:
        return QStringLiteral("SIGPIPE");
    case SIGALRM:
        return QStringLiteral("SIGALRM");
    case SIGTERM:
        return QStringLiteral("SIGTERM");
    case SIGCHLD:
        return QStringLiteral("SIGCHLD");
    case SIGCONT:
        return QStringLiteral("SIGCONT");
    case SIGSTOP:
        return QStringLiteral("SIGSTOP");
    case SIGTSTP:
        return QStringLiteral("SIGTSTP");
    case SIGTTIN:
        return QStringLiteral("SIGTTIN");
    case SIGTTOU:
        return QStringLiteral("SIGTTOU");
    case SIGXCPU:
        return QStringLiteral("SIGXCPU");
    case SIGXFSZ:
        return QStringLiteral("SIGXFSZ");
    case SIGSYS:
        return QStringLiteral("SIGSYS");
    default:
        break;
    }
    return QCoreApplication::translate("ProcLab::ExitInfo", "signal %1").arg(signalNumber);
}

QString signalDescription(int signalNumber)
{
    switch (signalNumber) {
    case SIGTERM:
        return QCoreApplication::translate("ProcLab::ExitInfo",
                                           "asked to stop; the program could have cleaned up");
    case SIGKILL:
        return QCoreApplication::translate("ProcLab::ExitInfo",
                                           "killed at once by the system; no chance to clean up");
    case SIGINT:
        return QCoreApplication::translate("ProcLab::ExitInfo", "interrupted, as by Ctrl+C");
    case SIGHUP:
        return QCoreApplication::translate("ProcLab::ExitInfo",
                                           "hang-up: its terminal or parent went away");
    case SIGSEGV:
        return QCoreApplication::translate("ProcLab::ExitInfo", "crashed: invalid memory access");
    case SIGABRT:
        return QCoreApplication::translate("ProcLab::ExitInfo",
                                           "aborted itself, often after a failed check");
    case SIGBUS:
        return QCoreApplication::translate("ProcLab::ExitInfo",
                                           "crashed: bad memory access (bus error)");
    case SIGFPE:
        return QCoreApplication::translate("ProcLab::ExitInfo", "crashed: arithmetic error");
    case SIGILL:
        return QCoreApplication::translate("ProcLab::ExitInfo", "crashed: illegal instruction");
    case SIGPIPE:
        return QCoreApplication::translate("ProcLab::ExitInfo",
                                           "wrote to a pipe nobody reads any more");
    case SIGQUIT:
        return QCoreApplication::translate("ProcLab::ExitInfo", "asked to quit and dump core");
    case SIGSTOP:
        return QCoreApplication::translate("ProcLab::ExitInfo", "paused; it cannot ignore this");
    case SIGCONT:
        return QCoreApplication::translate("ProcLab::ExitInfo", "resumed after a pause");
    case SIGUSR1:
    case SIGUSR2:
        return QCoreApplication::translate("ProcLab::ExitInfo",
                                           "a signal whose meaning the program defines");
    default:
        break;
    }
    return QCoreApplication::translate("ProcLab::ExitInfo", "ended by a signal");
}

} // namespace ProcLab
