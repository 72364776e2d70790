#pragma once

#include <QString>

#include <optional>

namespace ProcLab {

// How a worker's process ended, and the three ways people read that: ours ("terminated"), Python's
// multiprocessing (Process.exitcode: -15 after SIGTERM) and the shell's ($? is 143 after SIGTERM).
struct ExitInfo
{
    enum class Reason {
        NotEnded,
        Exited,              // exit() on its own, or after we asked it to stop (stopRequested)
        TerminatedOnRequest, // died of our SIGTERM
        KilledOnRequest, // died of our SIGKILL: the user chose Kill, or the grace period ran out
        KilledBySignal,  // died of a signal we did not send: a crash
        FailedToStart,
    };

    Reason reason = Reason::NotEnded;
    int exitCode = 0;           // with Exited
    int signalNumber = 0;       // with TerminatedOnRequest, KilledOnRequest, KilledBySignal
    bool stopRequested = false; // the user asked it to stop (terminate, kill or a countdown)
    bool escalated = false;     // the grace period ran out and SIGKILL followed SIGTERM
    QString errorText;          // with FailedToStart: a sentence naming the program and the reason

    bool hasEnded() const { return reason != Reason::NotEnded; }
    bool diedOfSignal() const { return signalNumber != 0; }
    // Python's Process.exitcode: the exit status, or minus the signal number. None when not started.
    std::optional<int> pythonExitCode() const;
    // What a shell's $? would say: the exit status, or 128 + the signal number.
    std::optional<int> shellExitCode() const;
    // Ended the way a user would call fine: exit 0, or stopped because the user asked.
    bool isSuccess() const;

    // "0", "1", "-15 · SIGTERM", "failed to start": the table's exit cell.
    QString shortText() const;
    // "exit code -15 (SIGTERM)" for event lines.
    QString exitCodeText() const;
};

// "SIGTERM" for 15, "signal 42" for one without a name.
QString signalName(int signalNumber);
// A plain sentence on what the signal means for the process that got it.
QString signalDescription(int signalNumber);

} // namespace ProcLab
