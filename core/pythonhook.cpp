#include "pythonhook.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace ProcLab {

QString pythonHookDirectory()
{
    static const QString directory = [] {
        const QString fromEnvironment = qEnvironmentVariable("PROCLAB_PYTHON_HOOK");
        const QString candidate = !fromEnvironment.isEmpty()
                                          ? fromEnvironment
                                          : QCoreApplication::applicationDirPath()
                                                    + QStringLiteral("/../share/proclab/python");
        const QFileInfo hook(candidate + QStringLiteral("/sitecustomize.py"));
        return hook.isFile() ? hook.canonicalPath() : QString();
    }();
    return directory;
}

bool isPythonCommand(const QStringList &arguments, const QString &programPath)
{
    if (arguments.isEmpty())
        return false;
    const QString written = arguments.constFirst();
    if (written.endsWith(QLatin1String(".py")))
        return true;
    // python3.11 but not python3-config or python2.
    static const QRegularExpression interpreter(QStringLiteral("^python(3(\\.[0-9]+)?)?$"));
    return interpreter.match(QFileInfo(written).fileName()).hasMatch()
           || (!programPath.isEmpty()
               && interpreter.match(QFileInfo(programPath).fileName()).hasMatch());
}

void requestLineBufferedOutput(QProcessEnvironment &environment,
                               bool pythonWorker,
                               const QString &hookDirectory)
{
    const auto isUnset = [&environment](const QString &name) {
        return environment.value(name).isEmpty();
    };
    if (pythonWorker && !hookDirectory.isEmpty()) {
        const QString name = QStringLiteral("PYTHONPATH");
        const QString userPath = environment.value(name);
        environment.insert(name,
                           userPath.isEmpty() ? hookDirectory
                                              : hookDirectory + QLatin1Char(':') + userPath);
    } else if (isUnset(QStringLiteral("PYTHONUNBUFFERED"))) {
        environment.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    }
    if (isUnset(QStringLiteral("PYTHONIOENCODING")))
        environment.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
}

} // namespace ProcLab
