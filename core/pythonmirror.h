#pragma once

#include "lessons.h"
#include "workerevent.h"

#include <QHash>
#include <QList>
#include <QObject>
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
class PythonMirror final : public QObject
{
    Q_OBJECT

public:
    PythonMirror(const WorkerPool &pool, DemoLanguage language, QObject *parent = nullptr);

    // "code  # comment" lines as the panel shows them.
    QStringList lines() const;
    QString script() const;

signals:
    void lineAdded(const QString &line);

private:
    struct Entry
    {
        QString code;
        QString comment;
    };

    void handleEvent(const WorkerEvent &event);
    void add(const QString &code, const QString &comment = QString());
    void sleepSinceLastAction(qint64 timestampMs);
    QString variableFor(int workerId);

    const WorkerPool &m_pool;
    QList<Entry> m_entries;
    QHash<int, QString> m_variables;
    QHash<int, bool> m_isProcess; // multiprocessing.Process (true) or subprocess.Popen (false)
    qint64 m_lastActionMs = 0;
};

} // namespace ProcLab
