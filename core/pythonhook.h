#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace ProcLab {

// ProcLab's Python start-up hook, a sitecustomize.py (resources/python/) installed in
// share/proclab/python. Put first on PYTHONPATH, it makes a Python program's stdout and stderr
// line-buffered, as on a terminal, then runs any sitecustomize of the user's or the system's.
//
// Why not PYTHONUNBUFFERED: unbuffered, print() writes its text and its newline in two writes, so
// lines printed at once by multiprocessing children merge in the pipe they share. Line-buffered,
// each line is one write, and still arrives as soon as it is printed.

// The folder that holds the hook: $PROCLAB_PYTHON_HOOK if set, else ../share/proclab/python beside
// the running program (the build tree and an install alike). Empty when it cannot be found.
// Looked up once.
QString pythonHookDirectory();

// A Python worker: the program is python, python3 or python3.N (as written or where it was found),
// or a .py file run directly.
bool isPythonCommand(const QStringList &arguments, const QString &programPath);

// Asks the program to write each line as it prints it, where the user has not chosen otherwise
// (a variable set to an empty value counts as not set, as Python reads it):
// - a Python worker gets the hook first on PYTHONPATH (before the user's own entries);
// - any other worker, or a Python one when the hook is missing, gets PYTHONUNBUFFERED=1, so that
//   Python started by a script still streams live;
// - both get PYTHONIOENCODING=utf-8.
// A PYTHONUNBUFFERED the user set is kept, and the hook then leaves the streams unbuffered.
void requestLineBufferedOutput(QProcessEnvironment &environment,
                               bool pythonWorker,
                               const QString &hookDirectory);

} // namespace ProcLab
