#include "workerprogram.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace ProcLab {

QString workerProgramPath()
{
    const QString fromEnvironment = qEnvironmentVariable("PROCLAB_WORKER");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString directory = QCoreApplication::applicationDirPath();
    const QStringList candidates = {directory + QStringLiteral("/proclab-worker"),
                                    directory
                                            + QStringLiteral("/../libexec/proclab/proclab-worker")};
    for (const QString &candidate : candidates) {
        const QFileInfo file(candidate);
        if (file.isFile() && file.isExecutable())
            return file.canonicalFilePath();
    }
    return QString();
}

} // namespace ProcLab
