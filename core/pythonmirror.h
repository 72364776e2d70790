#pragma once

#include "workerevent.h"
#include "workerspec.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <chrono>

namespace ProcLab {

class WorkerPool;

// The Python mirror: for everything that happens to the workers, the line of Python from the
// tutorial's world that does the same, so a learner sees the code beside the live processes:
//     p1 = multiprocessing.Process(target=sub_func, args=("loop",))
//     p1.start()  # pid 4250
//     time.sleep(5.0)
//     p1.terminate()
//     os.kill(p1.pid, signal.SIGCONT)  # ProcLab sends SIGCONT with SIGTERM: …
//     p1.join()
//     p1.exitcode  # -15
// Lesson workers become multiprocessing.Process objects running the tutorial's own functions;
// other commands subprocess.Popen ones, leading their own process group as ProcLab's workers do,
// so that os.killpg() reaches what ProcLab's group signals reach.
//
// script() turns the lines into a program that does under python3 what ProcLab did: every signal
// ProcLab sent, in order (SIGCONT after each SIGTERM, the SIGKILL of an escalation), and the
// pauses that shaped what happened (a countdown, a grace period). Time when nothing ran is left
// out, and a pause is at most longestSleep(): the script replays a session, not the minutes the
// user spent looking at it. Workers still running when script() is called are stopped at its end
// as ProcLab stops them when it quits, so the script neither hangs nor leaves processes behind.
//
// Bounded: it keeps the lines of the workers still in the pool (forgetWorkers() drops those of
// cleared ones) and at most MaxLines in all, the oldest going first, one for each line added.
class PythonMirror final : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxLines = 10000;
    // Twice the tutorial's time.sleep(5): a lesson's countdown fits, a user's idle minutes do not.
    static constexpr std::chrono::milliseconds DefaultLongestSleep{10000};

    explicit PythonMirror(const WorkerPool &pool, QObject *parent = nullptr);

    // "code  # comment" lines as the panel shows them.
    QStringList lines() const;
    QString script() const;
    // The modules whose processes lines() creates: "multiprocessing" (the lessons' Process
    // objects) and "subprocess" (the commands' Popen objects), in that order, each only while a
    // line creates one; for a title such as "(multiprocessing)". Changes with lineAdded() and
    // linesReset(); cheap.
    QStringList processModules() const;
    // Lines left out of lines() and script() because of MaxLines.
    qint64 droppedLines() const { return m_droppedLines; }

    // The longest time.sleep() written from now on; a longer pause is shortened, and its comment
    // says how long ProcLab really waited.
    std::chrono::milliseconds longestSleep() const { return m_longestSleep; }
    void setLongestSleep(std::chrono::milliseconds longest) { m_longestSleep = longest; }

    // The tutorial's main_func("메인 프로그램"), said by the main program when a lesson starts.
    void addMainProgramLine(const QString &text);
    // Drops the lines of these workers (cleared from the pool), and the main program's lines that
    // no longer introduce anything; pauses between the actions that stay are kept. linesReset()
    // follows when something was dropped.
    void forgetWorkers(const QSet<int> &workerIds);

signals:
    void lineAdded(const QString &line);
    // lines() changed other than by an addition: show them again from the start.
    void linesReset();

private:
    struct Entry
    {
        QString code;
        QString comment;
        int workerId = 0;     // 0: the main program's, or a pause
        qint64 sleepMs = -1;  // a pause: time.sleep(sleepMs / 1000)
        qint64 waitedMs = -1; // with a pause: how long ProcLab really waited
        WorkerSpec::LessonRole role = WorkerSpec::LessonRole::None; // of a lesson's worker
        bool defines = false; // assigns its worker's variable (p1 = …)
        // An expression whose value the comment gives, as Python's prompt would show it; the
        // script prints it.
        bool echo = false;
        QString text() const;
        QString scriptText() const;
    };
    struct Variable
    {
        QString name;           // p1, p2…
        bool isProcess = false; // multiprocessing.Process (true) or subprocess.Popen (false)
        bool ended = false;
        WorkerSpec::LessonRole role = WorkerSpec::LessonRole::None;
    };

    void handleEvent(const WorkerEvent &event);
    void countCreation(const Entry &entry, int change);
    void add(Entry entry);
    void add(int workerId,
             const QString &code,
             const QString &comment = QString(),
             bool echo = false);
    void addSignal(int workerId,
                   const Variable &variable,
                   int signalNumber,
                   const QString &comment = QString());
    void sleepSinceLastAction(qint64 timestampMs, qint64 smallestMs);
    Entry sleepEntry(qint64 waitedMs, qint64 sleepMs) const;
    QString functionFor(WorkerSpec::LessonRole role);
    void releaseUnusedFunctions();
    int runningCount() const;

    const WorkerPool &m_pool;
    QList<Entry> m_entries;
    // Of the workers in the pool: cleared ones go with forgetWorkers().
    QHash<int, Variable> m_variables;
    // The name each lesson's function has in this script: sub_func, as in the tutorial, for the
    // first kind of lesson seen.
    QHash<int, QString> m_functions;
    int m_variableCount = 0;
    qint64 m_lastActionMs = 0;
    qint64 m_droppedLines = 0;
    // Lines that create a Process, and a Popen: for processModules().
    int m_processCreations = 0;
    int m_popenCreations = 0;
    std::chrono::milliseconds m_longestSleep = DefaultLongestSleep;
};

} // namespace ProcLab
