#pragma once

#include "workerevent.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>

namespace ProcLab {

class WorkerPool;

// The Python mirror: for everything that happens to the workers, the line of Python from the
// tutorial's world that does the same, so a learner sees the code beside the live processes:
//     p1 = multiprocessing.Process(target=sub_func, args=("서브 프로그램 0",))
//     p1.start()  # pid 4250
//     p1.terminate()
//     p1.exitcode  # -15
// script() turns the lines into a runnable program that reproduces the session, pauses included.
// Lesson workers become multiprocessing.Process objects; other commands subprocess.Popen ones.
//
// Bounded: it keeps the lines of the workers still in the pool (forgetWorkers() drops those of
// cleared ones) and at most MaxLines in all, the oldest going first.
class PythonMirror final : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxLines = 10000;

    explicit PythonMirror(const WorkerPool &pool, QObject *parent = nullptr);

    // "code  # comment" lines as the panel shows them.
    QStringList lines() const;
    QString script() const;
    // Lines left out of lines() and script() because of MaxLines.
    qint64 droppedLines() const { return m_droppedLines; }

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
        int workerId = 0;    // 0: the main program's, or a pause
        qint64 sleepMs = -1; // a pause: time.sleep(sleepMs / 1000)
        bool lesson = false; // of a lesson's worker (a multiprocessing.Process)
        QString text() const;
    };
    struct Variable
    {
        QString name;           // p1, p2…
        bool isProcess = false; // multiprocessing.Process (true) or subprocess.Popen (false)
    };

    void handleEvent(const WorkerEvent &event);
    void add(Entry entry);
    void add(int workerId, const QString &code, const QString &comment = QString());
    void sleepSinceLastAction(qint64 timestampMs);
    Variable &variableFor(int workerId);

    const WorkerPool &m_pool;
    QList<Entry> m_entries;
    // Of the workers that have not ended yet: an ended worker says nothing more.
    QHash<int, Variable> m_variables;
    int m_variableCount = 0;
    qint64 m_lastActionMs = 0;
    qint64 m_droppedLines = 0;
};

} // namespace ProcLab
