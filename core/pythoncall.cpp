#include "pythoncall.h"

#include <QCoreApplication>

namespace ProcLab {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ProcLab::PythonCall", text);
}

QString pidList(const QList<qint64> &pids)
{
    QStringList texts;
    texts.reserve(pids.size());
    for (const qint64 pid : pids)
        texts.append(QString::number(pid));
    return texts.join(QLatin1String(", "));
}

} // namespace

QString PythonCall::text() const
{
    // Written as the program wrote it, so that the log reads like the tutorial's code.
    const QString object = name.isEmpty() ? QStringLiteral("p") : name;
    QString code;
    QString result;
    if (call == QLatin1String("Process")) {
        code = QStringLiteral("Process(target=%1, args=%2)")
                       .arg(function.isEmpty() ? QStringLiteral("…") : function,
                            arguments.isEmpty() ? QStringLiteral("()") : arguments);
        result = name;
    } else if (call == QLatin1String("start")) {
        code = object + QStringLiteral(".start()");
        result = QString::number(target);
    } else if (call == QLatin1String("terminate") || call == QLatin1String("kill")) {
        code = object + QLatin1Char('.') + call + QStringLiteral("()");
        result = tr("%1 to %2")
                         .arg(call == QLatin1String("kill") ? QStringLiteral("SIGKILL")
                                                            : QStringLiteral("SIGTERM"))
                         .arg(target);
    } else if (call == QLatin1String("join")) {
        code = object + QStringLiteral(".join()");
        result = tr("waits for %1").arg(target);
    } else if (call == QLatin1String("joined")) {
        code = object + QStringLiteral(".join()");
        result = hasExitCode ? tr("returned: %1 ended, exitcode %2").arg(target).arg(exitCode)
                             : tr("returned");
    } else if (call == QLatin1String("exitcode")) {
        code = object + QStringLiteral(".exitcode");
        result = hasExitCode ? QString::number(exitCode) : QStringLiteral("None");
    } else if (call == QLatin1String("Pool")) {
        code = QStringLiteral("Pool()");
        result = pidList(pids);
    } else if (call.startsWith(QLatin1String("Pool."))) {
        code = call + QLatin1Char('(') + function + QLatin1Char(')');
    } else {
        code = object + QLatin1Char('.') + call + QStringLiteral("()");
    }
    const QString said = result.isEmpty() ? code : code + QStringLiteral(" → ") + result;
    return QStringLiteral("%1: %2").arg(pid).arg(said);
}

} // namespace ProcLab
