#pragma once

#include <QString>
#include <QStringList>

namespace ProcLab {

// Finds the file a program name will run, before anything is started, so that a user reads
// "“pyhton3”: no such program in PATH" instead of QProcess's bare "execve: No such file or directory".
struct ProgramLocation
{
    QString path;  // absolute path to execute, when found
    QString error; // a sentence naming the program and the reason, when not

    bool isValid() const { return error.isEmpty(); }
};

// program: as the user wrote it. A name without '/' is looked up in searchPath (PATH's directories);
// a path is taken relative to workingDirectory (empty: the current one).
ProgramLocation locateProgram(const QString &program,
                              const QString &workingDirectory,
                              const QStringList &searchPath);

// The directories of the PATH variable of this process.
QStringList systemSearchPath();

} // namespace ProcLab
