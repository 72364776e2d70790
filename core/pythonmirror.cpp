#include "pythonmirror.h"

#include "exitinfo.h"
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

const char ScriptHeader[] = R"(import multiprocessing
import os
import signal
import subprocess
import time


def main_func(thing):
    print("Process {} says: {}".format(os.getpid(), thing))


def sub_func(thing):
    main_func(thing)


def count_func(thing):
    main_func(thing)
    start_num = 1
    stop = 100000
    for num in range(start_num, stop):
        print("\tNumber {} of {}.".format(num, stop))
        time.sleep(1)


if __name__ == '__main__':
)";

} // namespace

PythonMirror::PythonMirror(const WorkerPool &pool, DemoLanguage language, QObject *parent)
    : QObject(parent)
    , m_pool(pool)
{
    add(QStringLiteral("main_func(%1)").arg(pythonString(Lessons::mainProgramText(language))),
        QStringLiteral("pid %1").arg(QCoreApplication::applicationPid()));
    m_lastActionMs = QDateTime::currentMSecsSinceEpoch();
    connect(&m_pool, &WorkerPool::eventOccurred, this, &PythonMirror::handleEvent);
}

QStringList PythonMirror::lines() const
{
    QStringList result;
    for (const Entry &entry : m_entries)
        result.append(entry.comment.isEmpty() ? entry.code
                                              : entry.code + QLatin1String("  # ") + entry.comment);
    return result;
}

QString PythonMirror::script() const
{
    QString text = QString::fromUtf8(ScriptHeader);
    for (const Entry &entry : m_entries) {
        text += QLatin1String("    ") + entry.code;
        if (!entry.comment.isEmpty())
            text += QLatin1String("  # ") + entry.comment;
        text += QLatin1Char('\n');
    }
    return text;
}

QString PythonMirror::variableFor(int workerId)
{
    auto found = m_variables.constFind(workerId);
    if (found != m_variables.constEnd())
        return *found;
    const QString name = QStringLiteral("p%1").arg(m_variables.size() + 1);
    m_variables.insert(workerId, name);
    return name;
}

void PythonMirror::add(const QString &code, const QString &comment)
{
    m_entries.append(Entry{code, comment});
    emit lineAdded(m_entries.constLast().comment.isEmpty()
                           ? code
                           : code + QLatin1String("  # ") + comment);
}

void PythonMirror::sleepSinceLastAction(qint64 timestampMs)
{
    const qint64 pause = timestampMs - m_lastActionMs;
    if (pause >= SmallestSleepMs)
        add(QStringLiteral("time.sleep(%1)").arg(QString::number(pause / 1000.0, 'f', 1)));
    m_lastActionMs = timestampMs;
}

void PythonMirror::handleEvent(const WorkerEvent &event)
{
    const Worker *worker = m_pool.workerById(event.workerId);
    if (!worker)
        return;
    const WorkerSpec &spec = worker->spec();
    switch (event.kind) {
    case WorkerEvent::Kind::Started: {
        sleepSinceLastAction(event.timestampMs);
        const QString name = variableFor(event.workerId);
        const bool isProcess = spec.lessonRole != WorkerSpec::LessonRole::None;
        m_isProcess.insert(event.workerId, isProcess);
        if (isProcess) {
            const char *target = spec.lessonRole == WorkerSpec::LessonRole::Counting ? "count_func"
                                                                                     : "sub_func";
            add(QStringLiteral("%1 = multiprocessing.Process(target=%2, args=(%3,))")
                        .arg(name, QLatin1String(target), pythonString(spec.lessonText)));
            add(QStringLiteral("%1.start()").arg(name), QStringLiteral("pid %1").arg(event.pid));
        } else {
            // Its own session, like ProcLab's own process group, so os.killpg reaches its children.
            add(QStringLiteral("%1 = subprocess.Popen(%2, start_new_session=True)")
                        .arg(name, pythonList(spec.arguments)),
                QStringLiteral("pid %1").arg(event.pid));
        }
        break;
    }
    case WorkerEvent::Kind::FailedToStart:
        add(QStringLiteral("# subprocess.Popen(%1) fails: %2")
                    .arg(pythonList(spec.arguments), worker->exitInfo().errorText));
        break;
    case WorkerEvent::Kind::TerminateSent:
    case WorkerEvent::Kind::KillSent:
    case WorkerEvent::Kind::Paused:
    case WorkerEvent::Kind::Resumed: {
        sleepSinceLastAction(event.timestampMs);
        const QString name = variableFor(event.workerId);
        const bool isProcess = m_isProcess.value(event.workerId);
        if (event.kind == WorkerEvent::Kind::TerminateSent && isProcess) {
            add(QStringLiteral("%1.terminate()").arg(name));
        } else if (event.kind == WorkerEvent::Kind::KillSent && isProcess) {
            add(QStringLiteral("%1.kill()").arg(name));
        } else {
            const char *signalName = event.kind == WorkerEvent::Kind::TerminateSent ? "SIGTERM"
                                     : event.kind == WorkerEvent::Kind::KillSent    ? "SIGKILL"
                                     : event.kind == WorkerEvent::Kind::Paused      ? "SIGSTOP"
                                                                                    : "SIGCONT";
            add(QStringLiteral("os.killpg(%1.pid, signal.%2)").arg(name, QLatin1String(signalName)));
        }
        break;
    }
    case WorkerEvent::Kind::Ended: {
        const QString name = variableFor(event.workerId);
        const std::optional<int> code = worker->exitInfo().pythonExitCode();
        const QString codeText = code ? QString::number(*code) : QStringLiteral("None");
        if (m_isProcess.value(event.workerId)) {
            add(QStringLiteral("%1.join()").arg(name));
            add(QStringLiteral("%1.exitcode").arg(name), codeText);
        } else {
            add(QStringLiteral("%1.wait()").arg(name),
                QStringLiteral("returncode %1").arg(codeText));
        }
        break;
    }
    case WorkerEvent::Kind::SignalSent:
        sleepSinceLastAction(event.timestampMs);
        add(QStringLiteral("os.killpg(%1.pid, signal.%2)")
                    .arg(variableFor(event.workerId), signalName(event.signalNumber)));
        break;
    case WorkerEvent::Kind::LeftoversStopped:
        break;
    }
}

} // namespace ProcLab
