#pragma once

#include "pythoncall.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ProcLab {

// A Python program's own source file, read once for the Python panel. Reading is bounded and never
// fails loudly: a file larger than MaxBytes, missing, unreadable or not a regular file (a FIFO
// would block the reader) gives no lines and a sentence in error; bytes that are not UTF-8 become
// U+FFFD, as Python's own traceback printer shows them.
struct PythonSourceFile
{
    static constexpr qint64 MaxBytes = 1024 * 1024;

    QString fileName;  // as asked for
    QStringList lines; // without their line ends; lines.at(0) is line 1
    QString error;     // why there are no lines; empty when the file was read

    static PythonSourceFile read(const QString &fileName);
};

// The script a Python command runs, absolute: "python3 -u example1.py" in /tmp/lesson gives
// /tmp/lesson/example1.py, as does "./example1.py". Empty when the command runs none (python3 -c,
// python3 -m, an interactive interpreter). workingDirectory empty: the monitor's current folder.
QString pythonScriptOf(const QStringList &arguments, const QString &workingDirectory);

// What each line of a Python program did, as its multiprocessing calls tell it: the text the
// Python panel writes after the line, "p.start()  # → 31470, 31471, 31472, 31473". Built
// incrementally from a worker's calls (add() returns the lines whose text changed, so a view
// repaints those alone).
//
// Compact and bounded whatever the program does: a site's repeats are grouped (the PIDs a loop's
// start() made are listed, equal exit codes counted: "exitcode 0 ×4"), at most MaxListed items
// are listed ("… and 196 more"), a site's text is cut at MaxTextLength, and at most MaxSites lines
// are followed. Memory holds counts and the first items listed, never the calls themselves.
//
// The texts are made when asked for (annotation()), so they follow a change of language.
class PythonSourceAnnotations
{
public:
    static constexpr int MaxListed = 8;
    static constexpr int MaxValues = 6; // distinct exit codes counted on one line
    static constexpr int MaxTextLength = 200;
    static constexpr int MaxSites = 10000;

    struct Line
    {
        QString file;
        int line = 0;
        bool operator==(const Line &other) const
        {
            return line == other.line && file == other.file;
        }
    };

    void clear();
    // Takes calls in the order they were made; returns the lines whose annotation changed, each
    // once. Calls without a file or a line count for nothing.
    QList<Line> add(const QList<PythonCall> &calls);

    // The text for this line, without the comment sign: "31470, 31471"; empty when none.
    QString annotation(const QString &file, int line) const;
    // The lines of file that have an annotation, in ascending order.
    QList<int> annotatedLines(const QString &file) const;
    // The file most calls came from: the program's main script (its helpers' modules call less).
    // Empty before the first call with a file. A tie keeps the file that led first.
    QString mainFile() const { return m_mainFile; }

private:
    // The first MaxListed items, and how many there were.
    struct Listed
    {
        QStringList first;
        qint64 count = 0;
        void add(const QString &item);
        void remove(const QString &item);
        QString text() const;
    };
    // Values in the order first seen, with how often: "0 ×3, -15".
    struct Counted
    {
        QList<QPair<QString, qint64>> values;
        qint64 others = 0; // beyond MaxValues distinct values
        void add(const QString &value);
        QString text() const;
    };
    // One kind of call on one line.
    struct Group
    {
        QString call;
        Listed listed;   // PIDs (start, terminate, kill, close, Pool's workers) or names
        Counted counted; // exit codes (joined, exitcode)
        Listed waiting;  // join() called, not returned yet
        qint64 calls = 0;
        qint64 pending = 0; // Pool.map called, not returned yet
    };
    struct Site
    {
        QList<Group> groups; // in the order each kind was first called there
        Group &group(const QString &call);
    };

    static QString groupText(const Group &group);

    QHash<QString, QHash<int, Site>> m_sites;
    int m_siteCount = 0;
    QHash<QString, qint64> m_callsPerFile;
    QString m_mainFile;
};

} // namespace ProcLab
