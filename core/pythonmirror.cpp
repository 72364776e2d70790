#include "pythonmirror.h"

#include "defaults.h"
#include "exitinfo.h"
#include "tutorialsource.h"
#include "worker.h"
#include "workerpool.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>
#include <csignal>

namespace ProcLab {

namespace {

// A pause of less than this before a start is the machine's (a batch starting in slices), not
// the user's: no time.sleep.
constexpr qint64 SmallestStartSleepMs = 200;
// Before a signal, any pause counts: it lets the program reach the same point (set its
// handlers, print its first line) before the signal comes, as it had in ProcLab.
constexpr qint64 SmallestSignalSleepMs = 1;

QString pythonString(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 2);
    escaped += QLatin1Char('"');
    for (const QChar character : text) {
        switch (character.unicode()) {
        case '\\':
            escaped += QLatin1String("\\\\");
            break;
        case '"':
            escaped += QLatin1String("\\\"");
            break;
        case '\n':
            escaped += QLatin1String("\\n");
            break;
        case '\r':
            escaped += QLatin1String("\\r");
            break;
        case '\t':
            escaped += QLatin1String("\\t");
            break;
        default:
            // Other control characters would end the panel's line or hide in it.
            if (character.unicode() < 0x20 || character.unicode() == 0x7f)
                escaped += QStringLiteral("\\x%1").arg(uint(character.unicode()),
                                                       2,
                                                       16,
                                                       QLatin1Char('0'));
            else
                escaped += character;
        }
    }
    escaped += QLatin1Char('"');
    return escaped;
}

QString pythonList(const QStringList &arguments)
{
    QStringList quoted;
    for (const QString &argument : arguments)
        quoted.append(pythonString(argument));
    return QLatin1Char('[') + quoted.join(QLatin1String(", ")) + QLatin1Char(']');
}

// Seconds to the hundredth (the thousandth below 0.1 s), rounded down so that a sleep is never
// longer than the real pause; "0.7" rather than "0.70".
QString secondsText(qint64 milliseconds)
{
    QString text = milliseconds < 100 ? QString::number(double(milliseconds) / 1000.0, 'f', 3)
                                      : QString::number(double(milliseconds / 10) / 100.0, 'f', 2);
    while (text.endsWith(QLatin1Char('0')) && !text.endsWith(QLatin1String(".0")))
        text.chop(1);
    return text;
}

QString sleepCode(qint64 milliseconds)
{
    return QStringLiteral("time.sleep(%1)").arg(secondsText(milliseconds));
}

QString pythonSignal(int signalNumber)
{
    const QString name = signalName(signalNumber);
    // signalName() says "signal 34" for those Python's signal module may not name.
    if (name.startsWith(QLatin1String("SIG")))
        return QLatin1String("signal.") + name;
    return QString::number(signalNumber);
}

// The name the tutorial gives the function its processes run, in both examples.
QString subFunction()
{
    return QStringLiteral("sub_func");
}

} // namespace

QString PythonMirror::Entry::text() const
{
    return comment.isEmpty() ? code : code + QLatin1String("  # ") + comment;
}

QString PythonMirror::Entry::scriptText() const
{
    if (!echo)
        return text();
    // What Python's prompt would show, a script prints.
    const QString printed = QStringLiteral("print(%1, %2)")
                                    .arg(pythonString(code + QLatin1String(" =")), code);
    return comment.isEmpty() ? printed : printed + QLatin1String("  # ") + comment;
}

PythonMirror::PythonMirror(const WorkerPool &pool, QObject *parent)
    : QObject(parent)
    , m_pool(pool)
    , m_lastActionMs(QDateTime::currentMSecsSinceEpoch())
{
    connect(&m_pool, &WorkerPool::eventOccurred, this, &PythonMirror::handleEvent);
}

QStringList PythonMirror::lines() const
{
    QStringList result;
    result.reserve(m_entries.size());
    for (const Entry &entry : m_entries)
        result.append(entry.text());
    return result;
}

QStringList PythonMirror::processModules() const
{
    QStringList modules;
    if (m_processCreations > 0)
        modules.append(QStringLiteral("multiprocessing"));
    if (m_popenCreations > 0)
        modules.append(QStringLiteral("subprocess"));
    return modules;
}

void PythonMirror::countCreation(const Entry &entry, int change)
{
    if (!entry.defines)
        return;
    if (entry.role != WorkerSpec::LessonRole::None)
        m_processCreations += change;
    else
        m_popenCreations += change;
}

QString PythonMirror::script() const
{
    // The variables whose assignment is still here: a line about one that MaxLines dropped would
    // not run, so it stays as a comment.
    QSet<int> defined;
    QString subProgramFunction;
    QString countingFunction;
    bool mainFunction = false;
    for (const Entry &entry : m_entries) {
        if (entry.defines)
            defined.insert(entry.workerId);
        if (entry.role == WorkerSpec::LessonRole::SubProgram)
            subProgramFunction = m_functions.value(int(entry.role), subFunction());
        else if (entry.role == WorkerSpec::LessonRole::Counting)
            countingFunction = m_functions.value(int(entry.role), subFunction());
        else if (entry.workerId == 0 && entry.sleepMs < 0)
            mainFunction = true;
    }

    QString body;
    bool statements = false;
    if (m_droppedLines > 0) {
        body += QStringLiteral("    # (%1 earlier lines are left out: this script starts in the "
                               "middle of the session)\n")
                        .arg(m_droppedLines);
    }
    for (const Entry &entry : m_entries) {
        const bool comment = entry.code.startsWith(QLatin1Char('#'));
        if (entry.workerId != 0 && !comment && !defined.contains(entry.workerId)) {
            body += QLatin1String("    # ") + entry.text() + QLatin1Char('\n');
            continue;
        }
        statements = statements || !comment;
        body += QLatin1String("    ") + entry.scriptText() + QLatin1Char('\n');
    }

    // What still runs is stopped as ProcLab stops it when it quits: everything at once, then the
    // grace period, then SIGKILL for what is left.
    QList<Variable> running;
    for (auto it = m_variables.cbegin(); it != m_variables.cend(); ++it) {
        if (!it->ended && defined.contains(it.key()))
            running.append(*it);
    }
    std::sort(running.begin(), running.end(), [](const Variable &a, const Variable &b) {
        return a.name.mid(1).toInt() < b.name.mid(1).toInt();
    });
    if (!running.isEmpty()) {
        statements = true;
        const QString grace = secondsText(Defaults::GracePeriod.count());
        body += QStringLiteral("    # Still running when this script was written: stopped as "
                               "ProcLab stops what runs when\n    # it quits (SIGTERM and "
                               "SIGCONT, %1 s of grace, then SIGKILL).\n")
                        .arg(grace);
        for (const Variable &variable : std::as_const(running)) {
            if (variable.isProcess) {
                body += QStringLiteral("    %1.terminate()\n"
                                       "    with contextlib.suppress(ProcessLookupError): "
                                       "os.kill(%1.pid, signal.SIGCONT)\n")
                                .arg(variable.name);
            } else {
                body += QStringLiteral("    os.killpg(%1.pid, signal.SIGTERM)\n"
                                       "    os.killpg(%1.pid, signal.SIGCONT)\n")
                                .arg(variable.name);
            }
        }
        for (const Variable &variable : std::as_const(running)) {
            if (variable.isProcess) {
                body += QStringLiteral("    %1.join(%2)\n"
                                       "    if %1.exitcode is None:\n"
                                       "        %1.kill()\n"
                                       "        %1.join()\n"
                                       "    print(\"%1.exitcode =\", %1.exitcode)\n")
                                .arg(variable.name, grace);
            } else {
                body += QStringLiteral("    try:\n"
                                       "        %1.wait(timeout=%2)\n"
                                       "    except subprocess.TimeoutExpired:\n"
                                       "        os.killpg(%1.pid, signal.SIGKILL)\n"
                                       "    print(\"%1.wait() =\", %1.wait())\n")
                                .arg(variable.name, grace);
            }
        }
    }
    if (!statements)
        body += QLatin1String("    pass\n");

    const bool anyFunction = mainFunction || !subProgramFunction.isEmpty()
                             || !countingFunction.isEmpty();
    const QString functions = anyFunction ? TutorialSource::mirrorFunctions(subProgramFunction,
                                                                            countingFunction)
                                          : QString();
    // Python's output line by line, as ProcLab shows it: a pipe would otherwise keep the lines of
    // a terminate()d process unwritten, and a fork copy the main program's unwritten ones.
    const bool prints = anyFunction || body.contains(QLatin1String("print("));
    const QString lineBuffering = prints ? QStringLiteral(
                                          "# Line by line even through a pipe, as ProcLab shows "
                                          "Python's output (a terminal already is).\n"
                                          "sys.stdout.reconfigure(line_buffering=True)\n")
                                         : QString();
    // Only the modules the script uses, as a learner would write it.
    const QString code = lineBuffering + functions + body;
    QString imports;
    for (const char *module :
         {"contextlib", "multiprocessing", "os", "signal", "subprocess", "sys", "time"}) {
        const QString name = QLatin1String(module);
        if (code.contains(name + QLatin1Char('.')))
            imports += QLatin1String("import ") + name + QLatin1Char('\n');
    }

    QString text
            = QStringLiteral(
                      "# ProcLab's session in the Python of the tutorial: run it with python3.\n"
                      "# Pauses are as long as they were in ProcLab, up to %1 s each (a "
                      "longer one is\n# shortened, and says so); time when nothing ran is "
                      "left out.\n")
                      .arg(secondsText(m_longestSleep.count()));
    if (!imports.isEmpty())
        text += imports;
    text += QLatin1Char('\n');
    if (!lineBuffering.isEmpty())
        text += lineBuffering + QLatin1Char('\n');
    if (!functions.isEmpty())
        text += QLatin1Char('\n') + functions + QLatin1String("\n\n");
    return text + QLatin1String("if __name__ == '__main__':\n") + body;
}

void PythonMirror::addMainProgramLine(const QString &text)
{
    sleepSinceLastAction(QDateTime::currentMSecsSinceEpoch(), SmallestStartSleepMs);
    add(0,
        QStringLiteral("main_func(%1)").arg(pythonString(text)),
        QStringLiteral("pid %1").arg(QCoreApplication::applicationPid()));
}

void PythonMirror::forgetWorkers(const QSet<int> &workerIds)
{
    // Pauses between kept actions add up, so that the script still waits as long as the user did
    // (up to the longest sleep).
    QList<Entry> kept;
    qint64 pendingSleepMs = 0;
    qint64 pendingWaitedMs = 0;
    int pendingMain = -1; // a main program's line, kept if a line of a lesson's worker follows it
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.sleepMs >= 0) {
            pendingSleepMs += entry.sleepMs;
            pendingWaitedMs += entry.waitedMs;
            continue;
        }
        if (workerIds.contains(entry.workerId))
            continue;
        if (entry.workerId == 0 && pendingMain >= 0) {
            kept.remove(pendingMain); // introduced nothing that stays
            pendingMain = -1;
        }
        if (pendingSleepMs > 0) {
            kept.append(sleepEntry(pendingWaitedMs, qMin(pendingSleepMs, m_longestSleep.count())));
            pendingSleepMs = 0;
            pendingWaitedMs = 0;
        }
        if (entry.workerId == 0)
            pendingMain = int(kept.size());
        else if (entry.role != WorkerSpec::LessonRole::None)
            pendingMain = -1;
        kept.append(entry);
    }
    if (pendingMain >= 0)
        kept.remove(pendingMain);
    for (const int id : workerIds)
        m_variables.remove(id);
    if (kept.size() == m_entries.size())
        return;
    m_entries = kept;
    m_processCreations = 0;
    m_popenCreations = 0;
    for (const Entry &entry : std::as_const(m_entries))
        countCreation(entry, 1);
    releaseUnusedFunctions();
    emit linesReset();
}

QString PythonMirror::functionFor(WorkerSpec::LessonRole role)
{
    auto found = m_functions.constFind(int(role));
    if (found != m_functions.constEnd())
        return *found;
    // The tutorial's name, unless the other example's function has it already: then the
    // example's number tells them apart.
    QString name = subFunction();
    if (!m_functions.isEmpty())
        name += QLatin1String(role == WorkerSpec::LessonRole::Counting ? "_2" : "_1");
    m_functions.insert(int(role), name);
    return name;
}

void PythonMirror::releaseUnusedFunctions()
{
    QSet<int> used;
    for (const Entry &entry : std::as_const(m_entries))
        used.insert(int(entry.role));
    for (const auto &variable : std::as_const(m_variables))
        used.insert(int(variable.role));
    for (auto it = m_functions.begin(); it != m_functions.end();) {
        if (used.contains(it.key()))
            ++it;
        else
            it = m_functions.erase(it);
    }
}

int PythonMirror::runningCount() const
{
    int running = 0;
    for (const Variable &variable : m_variables)
        running += variable.ended ? 0 : 1;
    return running;
}

void PythonMirror::add(Entry entry)
{
    // The oldest goes, as from a view with QPlainTextEdit::setMaximumBlockCount(MaxLines), which
    // then needs no reset (QList drops its first item without moving the rest).
    if (m_entries.size() >= MaxLines) {
        countCreation(m_entries.constFirst(), -1);
        m_entries.removeFirst();
        ++m_droppedLines;
    }
    countCreation(entry, 1);
    m_entries.append(std::move(entry));
    emit lineAdded(m_entries.constLast().text());
}

void PythonMirror::add(int workerId, const QString &code, const QString &comment, bool echo)
{
    Entry entry;
    entry.code = code;
    entry.comment = comment;
    entry.workerId = workerId;
    entry.role = m_variables.value(workerId).role;
    entry.echo = echo;
    add(std::move(entry));
}

PythonMirror::Entry PythonMirror::sleepEntry(qint64 waitedMs, qint64 sleepMs) const
{
    Entry sleep;
    sleep.code = sleepCode(sleepMs);
    sleep.sleepMs = sleepMs;
    sleep.waitedMs = waitedMs;
    if (waitedMs - sleepMs >= 10) {
        sleep.comment = QStringLiteral("ProcLab waited %1 s here: shortened")
                                .arg(secondsText(waitedMs));
    }
    return sleep;
}

void PythonMirror::sleepSinceLastAction(qint64 timestampMs, qint64 smallestMs)
{
    const qint64 pause = timestampMs - m_lastActionMs;
    m_lastActionMs = qMax(m_lastActionMs, timestampMs);
    // While nothing runs, waiting changes nothing the script could show: the user's idle time.
    if (pause >= smallestMs && runningCount() > 0)
        add(sleepEntry(pause, qMin(pause, m_longestSleep.count())));
}

void PythonMirror::addSignal(int workerId,
                             const Variable &variable,
                             int signalNumber,
                             const QString &comment)
{
    const QString signal = pythonSignal(signalNumber);
    if (variable.ended) {
        // To the orphans of an ended program, in its group: the replay's may have ended already.
        add(workerId,
            QStringLiteral("with contextlib.suppress(ProcessLookupError): os.killpg(%1.pid, %2)")
                    .arg(variable.name, signal),
            comment.isEmpty() ? QStringLiteral("its orphans") : comment);
        return;
    }
    // A lesson's Process is alone in ProcLab's group, and not a group leader here: its own PID.
    add(workerId,
        QStringLiteral("os.%1(%2.pid, %3)")
                .arg(QLatin1String(variable.isProcess ? "kill" : "killpg"), variable.name, signal),
        comment);
}

void PythonMirror::handleEvent(const WorkerEvent &event)
{
    const Worker *worker = m_pool.workerById(event.workerId);
    if (!worker)
        return;
    const WorkerSpec &spec = worker->spec();
    const int id = event.workerId;
    // A stopped process dies of SIGTERM at once only if it does not handle it: one that cleans up
    // first must be woken to do so.
    const QString wakeComment = QStringLiteral(
            "ProcLab sends SIGCONT with SIGTERM: a paused process wakes to handle it");
    switch (event.kind) {
    case WorkerEvent::Kind::Started: {
        sleepSinceLastAction(event.timestampMs, SmallestStartSleepMs);
        if (!m_variables.contains(id)) {
            Variable variable;
            variable.name = QStringLiteral("p%1").arg(++m_variableCount);
            variable.isProcess = spec.lessonRole != WorkerSpec::LessonRole::None;
            variable.role = spec.lessonRole;
            m_variables.insert(id, variable);
        }
        const Variable variable = m_variables.value(id);
        Entry creation;
        creation.workerId = id;
        creation.role = variable.role;
        creation.defines = true;
        if (variable.isProcess) {
            creation.code = QStringLiteral("%1 = multiprocessing.Process(target=%2, args=(%3,))")
                                    .arg(variable.name,
                                         functionFor(variable.role),
                                         pythonString(spec.lessonText));
            add(std::move(creation));
            add(id,
                QStringLiteral("%1.start()").arg(variable.name),
                QStringLiteral("pid %1").arg(event.pid));
        } else {
            // Its own session, so that it leads its process group as ProcLab's workers do and
            // os.killpg reaches its children; stdin from /dev/null, as ProcLab gives it.
            QString options;
            if (!spec.workingDirectory.isEmpty())
                options += QLatin1String(", cwd=") + pythonString(spec.workingDirectory);
            if (!spec.environment.isEmpty()) {
                QStringList pairs;
                for (const QString &pair : spec.environment) {
                    const qsizetype equals = pair.indexOf(QLatin1Char('='));
                    pairs.append(pythonString(pair.left(equals)) + QLatin1String(": ")
                                 + pythonString(equals < 0 ? QString() : pair.mid(equals + 1)));
                }
                options += QLatin1String(", env={**os.environ, ") + pairs.join(QLatin1String(", "))
                           + QLatin1Char('}');
            }
            creation.code = QStringLiteral("%1 = subprocess.Popen(%2%3, stdin=subprocess.DEVNULL, "
                                           "start_new_session=True)")
                                    .arg(variable.name, pythonList(spec.arguments), options);
            creation.comment = QStringLiteral("pid %1").arg(event.pid);
            add(std::move(creation));
        }
        break;
    }
    case WorkerEvent::Kind::FailedToStart:
        add(id,
            QStringLiteral("# subprocess.Popen(%1) fails: %2")
                    .arg(pythonList(spec.arguments),
                         worker->exitInfo().errorText.simplified())); // one line, all comment
        break;
    case WorkerEvent::Kind::TerminateSent: {
        // Worker::terminate(): SIGTERM then SIGCONT to the group.
        sleepSinceLastAction(event.timestampMs, SmallestSignalSleepMs);
        const auto found = m_variables.constFind(id);
        if (found == m_variables.constEnd())
            break;
        if (found->isProcess && !found->ended) {
            add(id, QStringLiteral("%1.terminate()").arg(found->name));
            addSignal(id, *found, SIGCONT, wakeComment);
        } else {
            addSignal(id, *found, SIGTERM);
            addSignal(id, *found, SIGCONT, wakeComment);
        }
        break;
    }
    case WorkerEvent::Kind::KillSent: {
        // The user's Kill, or the end of a terminate's grace period.
        sleepSinceLastAction(event.timestampMs, SmallestSignalSleepMs);
        const auto found = m_variables.constFind(id);
        if (found == m_variables.constEnd())
            break;
        if (found->isProcess && !found->ended)
            add(id, QStringLiteral("%1.kill()").arg(found->name));
        else
            addSignal(id, *found, SIGKILL);
        break;
    }
    case WorkerEvent::Kind::Paused:
    case WorkerEvent::Kind::Resumed:
    case WorkerEvent::Kind::SignalSent: {
        sleepSinceLastAction(event.timestampMs, SmallestSignalSleepMs);
        const auto found = m_variables.constFind(id);
        if (found == m_variables.constEnd())
            break;
        const int signalNumber = event.kind == WorkerEvent::Kind::Paused    ? SIGSTOP
                                 : event.kind == WorkerEvent::Kind::Resumed ? SIGCONT
                                                                            : event.signalNumber;
        // Python makes SIGINT a KeyboardInterrupt in its processes: the replay differs there.
        addSignal(id,
                  *found,
                  signalNumber,
                  found->isProcess && signalNumber == SIGINT
                          ? QStringLiteral("Python raises KeyboardInterrupt here: exitcode 1, "
                                           "where ProcLab's worker ended -2")
                          : QString());
        break;
    }
    case WorkerEvent::Kind::Ended: {
        // wait() and join() return when the replay's process ends: the next pause counts from here.
        m_lastActionMs = qMax(m_lastActionMs, event.timestampMs);
        const auto found = m_variables.find(id);
        if (found == m_variables.end())
            break;
        found->ended = true;
        const Variable variable = *found;
        const std::optional<int> code = worker->exitInfo().pythonExitCode();
        const QString codeText = code ? QString::number(*code) : QStringLiteral("None");
        if (variable.isProcess) {
            add(id, QStringLiteral("%1.join()").arg(variable.name));
            add(id, QStringLiteral("%1.exitcode").arg(variable.name), codeText, true);
        } else {
            add(id,
                QStringLiteral("%1.wait()").arg(variable.name),
                QStringLiteral("returncode %1").arg(codeText),
                true);
        }
        break;
    }
    case WorkerEvent::Kind::LeftoversStopped: {
        // Worker::stopLeftovers(): what the program left in its group gets SIGTERM and SIGCONT,
        // then SIGKILL a moment later.
        const auto found = m_variables.constFind(id);
        if (found == m_variables.constEnd() || !found->ended)
            break;
        addSignal(id, *found, SIGTERM, QStringLiteral("what it left in its group"));
        addSignal(id, *found, SIGCONT, wakeComment);
        add(sleepEntry(200, 200));
        addSignal(id, *found, SIGKILL, QStringLiteral("what is left of it"));
        break;
    }
    case WorkerEvent::Kind::ProcessSignalSent: {
        // One process alone: Process.terminate() and kill() are exactly this for the program.
        sleepSinceLastAction(event.timestampMs, SmallestSignalSleepMs);
        const auto found = m_variables.constFind(id);
        if (found == m_variables.constEnd())
            break;
        const bool program = event.pid == worker->pid();
        if (!program) {
            // The replay's child has another PID, and this one may now be anyone's: not sent.
            add(id,
                QStringLiteral("# os.kill(%1, %2)")
                        .arg(event.pid)
                        .arg(pythonSignal(event.signalNumber)),
                QStringLiteral("to a child of %1, whose PID differs in this run").arg(found->name));
        } else if (found->isProcess && event.signalNumber == SIGTERM) {
            add(id, QStringLiteral("%1.terminate()").arg(found->name));
        } else if (found->isProcess && event.signalNumber == SIGKILL) {
            add(id, QStringLiteral("%1.kill()").arg(found->name));
        } else {
            add(id,
                QStringLiteral("os.kill(%1.pid, %2)")
                        .arg(found->name, pythonSignal(event.signalNumber)));
        }
        break;
    }
    case WorkerEvent::Kind::OrphansKept:
    case WorkerEvent::Kind::PythonCall:
        break;
    }
}

} // namespace ProcLab
