#pragma once

#include <QStringList>

namespace ProcLab {

// Splits a command line into a program and its arguments the way a POSIX shell splits words, and does
// nothing else: no shell runs, so ';', '|', '$(…)', '*' and '~' arrive as literal characters.
// Single quotes keep everything literally; double quotes keep everything but \" \\ \$ \` escapes; a
// backslash outside quotes escapes the next character.
//
// QProcess::splitCommand knows no single quotes and accepts an unbalanced quote silently, so a user's
// `sh -c 'echo hi'` would run the wrong thing; this one says what is wrong instead.
struct SplitCommand
{
    QStringList arguments;
    QString error; // empty when the line split cleanly

    bool isValid() const { return error.isEmpty() && !arguments.isEmpty(); }
};

SplitCommand splitCommandLine(QStringView commandLine);

// The inverse, for display and history: quotes an argument only when it needs it.
QString joinCommandLine(const QStringList &arguments);

} // namespace ProcLab
