#include "pythonmirror.h"

#include "exitinfo.h"
#include "tutorialsource.h"
#include "worker.h"
#include "workerpool.h"

#include <QCoreApplication>
#include <QDateTime>

#include <csignal>

namespace ProcLab {

namespace {

// A pause of less than this between two actions is the machine's, not the user's: no time.sleep.
constexpr qint64 SmallestSleepMs = 200;

QString pythonString(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('"'), QLatin1String("\\\""));
    escaped.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    escaped.replace(QLatin1Char('\t'), QLatin1String("\\t"));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString pythonList(const QStringList &arguments)
{
    QStringList quoted;
    for (const QString &argument : arguments)
        quoted.append(pythonString(argument));
    return QLatin1Char('[') + quoted.join(QLatin1String(", ")) + QLatin1Char(']');
}

QString sleepCode(qint64 milliseconds)
{
    return QStringLiteral("time.sleep(%1)").arg(QString::number(milliseconds / 1000.0, 'f', 1));
}

} // namespace

QString PythonMirror::Entry::text() const
{
    return comment.isEmpty() ? code : code + QLatin1String("  # ") + comment;
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

QString PythonMirror::script() const
{
    QString text = TutorialSource::mirrorScriptHeader();
    if (m_droppedLines > 0) {
        text += QStringLiteral("    # (%1 earlier lines are left out: this script starts in the "
                               "middle of the session)\n")
                        .arg(m_droppedLines);
    }
    for (const Entry &entry : m_entries)
        text += QLatin1String("    ") + entry.text() + QLatin1Char('\n');
    return text;
}

void PythonMirror::addMainProgramLine(const QString &text)
{
    sleepSinceLastAction(QDateTime::currentMSecsSinceEpoch());
    add(0,
        QStringLiteral("main_func(%1)").arg(pythonString(text)),
        QStringLiteral("pid %1").arg(QCoreApplication::applicationPid()));
}

void PythonMirror::forgetWorkers(const QSet<int> &workerIds)
{
    // Pauses between kept actions add up, so that the script still waits as long as the user did.
    QList<Entry> kept;
    qint64 pendingSleepMs = 0;
    int pendingMain = -1; // a main program's line, kept if a line of a lesson's worker follows it
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.sleepMs >= 0) {
            pendingSleepMs += entry.sleepMs;
            continue;
        }
        if (workerIds.contains(entry.workerId))
            continue;
        if (entry.workerId == 0 && pendingMain >= 0) {
            kept.remove(pendingMain); // introduced nothing that stays
            pendingMain = -1;
        }
        if (pendingSleepMs > 0) {
            Entry sleep;
            sleep.code = sleepCode(pendingSleepMs);
            sleep.sleepMs = pendingSleepMs;
            kept.append(sleep);
            pendingSleepMs = 0;
        }
        if (entry.workerId == 0)
            pendingMain = int(kept.size());
        else if (entry.lesson)
            pendingMain = -1;
        kept.append(entry);
    }
    if (pendingMain >= 0)
        kept.remove(pendingMain);
    if (kept.size() == m_entries.size())
        return;
    m_entries = kept;
    emit linesReset();
}

PythonMirror::Variable &PythonMirror::variableFor(int workerId)
{
    auto found = m_variables.find(workerId);
    if (found == m_variables.end())
        found = m_variables.insert(workerId, Variable{QStringLiteral("p%1").arg(++m_variableCount)});
    return *found;
}

void PythonMirror::add(Entry entry)
{
    // The oldest goes, as from a view with QPlainTextEdit::setMaximumBlockCount(MaxLines), which
    // then needs no reset (QList drops its first item without moving the rest).
    if (m_entries.size() >= MaxLines) {
        m_entries.removeFirst();
        ++m_droppedLines;
    }
    m_entries.append(std::move(entry));
    emit lineAdded(m_entries.constLast().text());
}

void PythonMirror::add(int workerId, const QString &code, const QString &comment)
{
    Entry entry;
    entry.code = code;
    entry.comment = comment;
    entry.workerId = workerId;
    entry.lesson = m_variables.value(workerId).isProcess;
    add(std::move(entry));
}

void PythonMirror::sleepSinceLastAction(qint64 timestampMs)
{
    const qint64 pause = timestampMs - m_lastActionMs;
    if (pause >= SmallestSleepMs) {
        Entry sleep;
        sleep.code = sleepCode(pause);
        sleep.sleepMs = pause;
        add(std::move(sleep));
    }
    m_lastActionMs = timestampMs;
}

void PythonMirror::handleEvent(const WorkerEvent &event)
{
    const Worker *worker = m_pool.workerById(event.workerId);
    if (!worker)
        return;
    const WorkerSpec &spec = worker->spec();
    const int id = event.workerId;
    switch (event.kind) {
    case WorkerEvent::Kind::Started: {
        sleepSinceLastAction(event.timestampMs);
        Variable &variable = variableFor(id);
        variable.isProcess = spec.lessonRole != WorkerSpec::LessonRole::None;
        const QString name = variable.name;
        if (variable.isProcess) {
            const char *target = spec.lessonRole == WorkerSpec::LessonRole::Counting ? "count_func"
                                                                                     : "sub_func";
            add(id,
                QStringLiteral("%1 = multiprocessing.Process(target=%2, args=(%3,))")
                        .arg(name, QLatin1String(target), pythonString(spec.lessonText)));
            add(id, QStringLiteral("%1.start()").arg(name), QStringLiteral("pid %1").arg(event.pid));
        } else {
            // Its own session, like ProcLab's own process group, so os.killpg reaches its children.
            add(id,
                QStringLiteral("%1 = subprocess.Popen(%2, start_new_session=True)")
                        .arg(name, pythonList(spec.arguments)),
                QStringLiteral("pid %1").arg(event.pid));
        }
        break;
    }
    case WorkerEvent::Kind::FailedToStart:
        add(id,
            QStringLiteral("# subprocess.Popen(%1) fails: %2")
                    .arg(pythonList(spec.arguments), worker->exitInfo().errorText));
        m_variables.remove(id);
        break;
    case WorkerEvent::Kind::TerminateSent:
    case WorkerEvent::Kind::KillSent:
    case WorkerEvent::Kind::Paused:
    case WorkerEvent::Kind::Resumed: {
        sleepSinceLastAction(event.timestampMs);
        const Variable variable = variableFor(id);
        if (event.kind == WorkerEvent::Kind::TerminateSent && variable.isProcess) {
            add(id, QStringLiteral("%1.terminate()").arg(variable.name));
        } else if (event.kind == WorkerEvent::Kind::KillSent && variable.isProcess) {
            add(id, QStringLiteral("%1.kill()").arg(variable.name));
        } else {
            const char *signalName = event.kind == WorkerEvent::Kind::TerminateSent ? "SIGTERM"
                                     : event.kind == WorkerEvent::Kind::KillSent    ? "SIGKILL"
                                     : event.kind == WorkerEvent::Kind::Paused      ? "SIGSTOP"
                                                                                    : "SIGCONT";
            add(id,
                QStringLiteral("os.killpg(%1.pid, signal.%2)")
                        .arg(variable.name, QLatin1String(signalName)));
        }
        break;
    }
    case WorkerEvent::Kind::Ended: {
        const Variable variable = variableFor(id);
        const std::optional<int> code = worker->exitInfo().pythonExitCode();
        const QString codeText = code ? QString::number(*code) : QStringLiteral("None");
        if (variable.isProcess) {
            add(id, QStringLiteral("%1.join()").arg(variable.name));
            add(id, QStringLiteral("%1.exitcode").arg(variable.name), codeText);
        } else {
            add(id,
                QStringLiteral("%1.wait()").arg(variable.name),
                QStringLiteral("returncode %1").arg(codeText));
        }
        m_variables.remove(id);
        break;
    }
    case WorkerEvent::Kind::SignalSent:
        sleepSinceLastAction(event.timestampMs);
        add(id,
            QStringLiteral("os.killpg(%1.pid, signal.%2)")
                    .arg(variableFor(id).name, signalName(event.signalNumber)));
        break;
    case WorkerEvent::Kind::ProcessSignalSent: {
        // One process alone: Process.terminate() and kill() are exactly this for the program.
        sleepSinceLastAction(event.timestampMs);
        const Variable variable = variableFor(id);
        const bool program = event.pid == worker->pid();
        if (program && variable.isProcess && event.signalNumber == SIGTERM)
            add(id, QStringLiteral("%1.terminate()").arg(variable.name));
        else if (program && variable.isProcess && event.signalNumber == SIGKILL)
            add(id, QStringLiteral("%1.kill()").arg(variable.name));
        else if (program)
            add(id,
                QStringLiteral("os.kill(%1.pid, signal.%2)")
                        .arg(variable.name, signalName(event.signalNumber)));
        else
            add(id,
                QStringLiteral("os.kill(%1, signal.%2)")
                        .arg(event.pid)
                        .arg(signalName(event.signalNumber)));
        break;
    }
    case WorkerEvent::Kind::LeftoversStopped:
    case WorkerEvent::Kind::OrphansKept:
    case WorkerEvent::Kind::PythonCall:
        break;
    }
}

} // namespace ProcLab
