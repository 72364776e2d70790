#include "programlocator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace ProcLab {

namespace {

// Looked up under ProcLab::ProgramLocator at run time; lupdate files the strings there too, which it would not do
// for a free function named tr().
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(ProcLab::ProgramLocator)
};

bool hasControlCharacter(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control;
    });
}

QString problemWith(const QFileInfo &file, const QString &program)
{
    if (!file.exists())
        return Texts::tr("“%1”: no such file").arg(program);
    if (file.isDir())
        return Texts::tr("“%1” is a folder, not a program").arg(program);
    if (!file.isExecutable())
        return Texts::tr("“%1” is not executable (no execute permission)").arg(program);
    return QString();
}

} // namespace

ProgramLocation locateProgram(const QString &program,
                              const QString &workingDirectory,
                              const QStringList &searchPath)
{
    ProgramLocation location;
    if (program.trimmed().isEmpty()) {
        location.error = Texts::tr("the command is empty");
        return location;
    }
    if (hasControlCharacter(program)) {
        location.error = Texts::tr("the program name contains a control character");
        return location;
    }

    if (program.contains(QLatin1Char('/'))) {
        const QDir base(workingDirectory.isEmpty() ? QDir::currentPath() : workingDirectory);
        const QFileInfo file(base.absoluteFilePath(program));
        location.error = problemWith(file, program);
        if (location.isValid())
            location.path = file.absoluteFilePath();
        return location;
    }

    QString firstProblem;
    for (const QString &directory : searchPath) {
        const QFileInfo file(QDir(directory.isEmpty() ? QStringLiteral(".") : directory), program);
        if (!file.exists())
            continue;
        const QString problem = problemWith(file, program);
        if (problem.isEmpty()) {
            location.path = file.absoluteFilePath();
            return location;
        }
        if (firstProblem.isEmpty())
            firstProblem = problem;
    }
    location.error = firstProblem.isEmpty()
                             ? Texts::tr("“%1”: no such program in PATH").arg(program)
                             : firstProblem;
    return location;
}

QStringList systemSearchPath()
{
    return qEnvironmentVariable("PATH").split(QLatin1Char(':'), Qt::KeepEmptyParts);
}

} // namespace ProcLab
