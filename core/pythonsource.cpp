#include "pythonsource.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <algorithm>

namespace ProcLab {

namespace {

// " ×4" after a thing said more than once.
QString times(qint64 count)
{
    return count > 1 ? QStringLiteral(" ×%1").arg(count) : QString();
}

} // namespace

PythonSourceFile PythonSourceFile::read(const QString &fileName)
{
    PythonSourceFile source;
    source.fileName = fileName;
    const QFileInfo info(fileName);
    if (fileName.isEmpty()) {
        source.error
                = QCoreApplication::translate("ProcLab::PythonSource",
                                              "This Python program runs no file of its own "
                                              "(python3 -c or -m): there is no source to show.");
        return source;
    }
    if (!info.exists()) {
        source.error = QCoreApplication::translate("ProcLab::PythonSource",
                                                   "%1 cannot be found, so its source cannot be "
                                                   "shown.")
                               .arg(fileName);
        return source;
    }
    // Not a FIFO or a device: opening and reading one could block the window.
    if (!info.isFile()) {
        source.error = QCoreApplication::translate("ProcLab::PythonSource",
                                                   "%1 is not a regular file, so its source is "
                                                   "not shown.")
                               .arg(fileName);
        return source;
    }
    const QString tooLarge = QCoreApplication::translate("ProcLab::PythonSource",
                                                         "%1 is too large to show (more than %2 "
                                                         "MB).")
                                     .arg(fileName)
                                     .arg(MaxBytes / (1024 * 1024));
    if (info.size() > MaxBytes) {
        source.error = tooLarge;
        return source;
    }
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        source.error = QCoreApplication::translate("ProcLab::PythonSource", "%1 cannot be read: %2")
                               .arg(fileName, file.errorString());
        return source;
    }
    // Read at most one byte more than allowed: a file that grew since (or a /proc file that says
    // it is empty) stays bounded.
    const QByteArray bytes = file.read(MaxBytes + 1);
    if (bytes.size() > MaxBytes) {
        source.error = tooLarge;
        return source;
    }
    // A fresh decoder replaces what is not UTF-8 with U+FFFD and drops a leading BOM.
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(bytes);
    source.lines = text.split(QLatin1Char('\n'));
    if (text.endsWith(QLatin1Char('\n')) || text.isEmpty())
        source.lines.removeLast();
    for (QString &line : source.lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
    }
    return source;
}

QString pythonScriptOf(const QStringList &arguments, const QString &workingDirectory)
{
    if (arguments.isEmpty())
        return QString();
    QString script;
    if (arguments.constFirst().endsWith(QLatin1String(".py"))) {
        script = arguments.constFirst();
    } else {
        for (qsizetype i = 1; i < arguments.size(); ++i) {
            const QString &argument = arguments.at(i);
            // -c and -m run no file; "-" reads the program from stdin.
            if (argument == QLatin1String("-") || argument.startsWith(QLatin1String("-c"))
                || argument.startsWith(QLatin1String("-m"))) {
                return QString();
            }
            if (argument == QLatin1String("--")) {
                if (i + 1 < arguments.size())
                    script = arguments.at(i + 1);
                break;
            }
            // The options that take their value as the next argument.
            if (argument == QLatin1String("-W") || argument == QLatin1String("-X")
                || argument == QLatin1String("--check-hash-based-pycs")) {
                ++i;
                continue;
            }
            if (argument.startsWith(QLatin1Char('-')))
                continue;
            script = argument;
            break;
        }
    }
    if (script.isEmpty())
        return QString();
    const QDir folder(workingDirectory.isEmpty() ? QDir::currentPath() : workingDirectory);
    return QDir::cleanPath(folder.absoluteFilePath(script));
}

void PythonSourceAnnotations::Listed::add(const QString &item)
{
    if (first.size() < MaxListed)
        first.append(item);
    ++count;
}

void PythonSourceAnnotations::Listed::remove(const QString &item)
{
    if (first.removeOne(item))
        --count;
    else if (count > first.size())
        --count; // one of those not listed
}

QString PythonSourceAnnotations::Listed::text() const
{
    const QString listed = first.join(QLatin1String(", "));
    if (count <= first.size())
        return listed;
    // Worked out apart: lupdate 6.4 loops on a template argument list inside translate().
    const int more = int(std::min(count - first.size(), qint64(INT_MAX)));
    return QCoreApplication::translate("ProcLab::PythonSource", "%1 … and %n more", nullptr, more)
            .arg(listed);
}

void PythonSourceAnnotations::Counted::add(const QString &value)
{
    for (auto &counted : values) {
        if (counted.first == value) {
            ++counted.second;
            return;
        }
    }
    if (values.size() < MaxValues)
        values.append({value, 1});
    else
        ++others;
}

QString PythonSourceAnnotations::Counted::text() const
{
    QStringList texts;
    for (const auto &counted : values)
        texts.append(counted.first + times(counted.second));
    if (others > 0) {
        const int other = int(std::min(others, qint64(INT_MAX)));
        texts.append(
                QCoreApplication::translate("ProcLab::PythonSource", "%n other", nullptr, other));
    }
    return texts.join(QLatin1String(", "));
}

PythonSourceAnnotations::Group &PythonSourceAnnotations::Site::group(const QString &call)
{
    for (Group &group : groups) {
        if (group.call == call)
            return group;
    }
    Group group;
    group.call = call;
    groups.append(group);
    return groups.last();
}

void PythonSourceAnnotations::clear()
{
    m_sites.clear();
    m_siteCount = 0;
    m_callsPerFile.clear();
    m_mainFile.clear();
}

QList<PythonSourceAnnotations::Line> PythonSourceAnnotations::add(const QList<PythonCall> &calls)
{
    QList<Line> changed;
    for (const PythonCall &call : calls) {
        if (call.file.isEmpty() || call.line <= 0)
            continue;
        const qint64 fileCalls = ++m_callsPerFile[call.file];
        if (m_mainFile.isEmpty() || fileCalls > m_callsPerFile.value(m_mainFile))
            m_mainFile = call.file;

        QHash<int, Site> &sites = m_sites[call.file];
        auto site = sites.find(call.line);
        if (site == sites.end()) {
            if (m_siteCount >= MaxSites)
                continue;
            ++m_siteCount;
            site = sites.insert(call.line, Site());
        }
        const QString target = QString::number(call.target);
        const QString &kind = call.call;
        // join() and its return, Pool.map() and its return, are told on the line that called.
        const QString groupName = kind == QLatin1String("joined")
                                          ? QStringLiteral("join")
                                          : (kind == QLatin1String("Pool.mapped")
                                                     ? QStringLiteral("Pool.map")
                                                     : kind);
        Group &group = site->group(groupName);
        if (kind != QLatin1String("joined") && kind != QLatin1String("Pool.mapped"))
            ++group.calls;
        if (kind == QLatin1String("Process")) {
            if (!call.name.isEmpty())
                group.listed.add(call.name);
        } else if (kind == QLatin1String("join")) {
            group.waiting.add(target);
        } else if (kind == QLatin1String("joined")) {
            group.waiting.remove(target);
            // join(timeout) may return while the process still runs: no exit code yet.
            group.counted.add(call.hasExitCode ? QString::number(call.exitCode) : QString());
        } else if (kind == QLatin1String("exitcode")) {
            group.counted.add(call.hasExitCode ? QString::number(call.exitCode)
                                               : QStringLiteral("None"));
        } else if (kind == QLatin1String("Pool")) {
            for (const qint64 pid : call.pids)
                group.listed.add(QString::number(pid));
        } else if (kind == QLatin1String("Pool.map")) {
            ++group.pending;
        } else if (kind == QLatin1String("Pool.mapped")) {
            group.pending = std::max<qint64>(0, group.pending - 1);
        } else if (call.target > 0) {
            group.listed.add(target);
        }
        const Line line{call.file, call.line};
        if (!changed.contains(line))
            changed.append(line);
    }
    return changed;
}

QString PythonSourceAnnotations::groupText(const Group &group)
{
    const QString &call = group.call;
    if (call == QLatin1String("Process") || call == QLatin1String("start"))
        return group.listed.count > 0 ? group.listed.text() : times(group.calls).trimmed();
    if (call == QLatin1String("terminate") || call == QLatin1String("kill")) {
        return QCoreApplication::translate("ProcLab::PythonSource", "%1 to %2")
                .arg(call == QLatin1String("kill") ? QStringLiteral("SIGKILL")
                                                   : QStringLiteral("SIGTERM"),
                     group.listed.text());
    }
    if (call == QLatin1String("join")) {
        QStringList parts;
        Counted exitCodes;
        qint64 timedOut = 0;
        for (const auto &counted : group.counted.values) {
            if (counted.first.isEmpty())
                timedOut += counted.second;
            else
                exitCodes.values.append(counted);
        }
        exitCodes.others = group.counted.others;
        if (!exitCodes.values.isEmpty()) {
            parts.append(QCoreApplication::translate("ProcLab::PythonSource", "exitcode %1")
                                 .arg(exitCodes.text()));
        }
        if (timedOut > 0) {
            parts.append(
                    QCoreApplication::translate("ProcLab::PythonSource", "timed out, still running")
                    + times(timedOut));
        }
        if (group.waiting.count > 0) {
            parts.append(QCoreApplication::translate("ProcLab::PythonSource", "waiting for %1")
                                 .arg(group.waiting.text()));
        }
        return parts.join(QLatin1String(", "));
    }
    if (call == QLatin1String("exitcode"))
        return group.counted.text();
    if (call == QLatin1String("Pool")) {
        return QCoreApplication::translate("ProcLab::PythonSource", "workers %1")
                .arg(group.listed.text());
    }
    if (call == QLatin1String("Pool.map")) {
        QStringList parts;
        const qint64 done = group.calls - group.pending;
        if (done > 0)
            parts.append(QCoreApplication::translate("ProcLab::PythonSource", "returned")
                         + times(done));
        if (group.pending > 0)
            parts.append(QCoreApplication::translate("ProcLab::PythonSource", "running"));
        return parts.join(QLatin1String(", "));
    }
    if (call == QLatin1String("Pool.terminate")) {
        return QCoreApplication::translate("ProcLab::PythonSource", "SIGTERM to its workers")
               + times(group.calls);
    }
    // close(), Pool.close(), Pool.join() and calls a later hook may report: that they were made,
    // and on which process.
    if (group.listed.count > 0)
        return group.listed.text();
    return QCoreApplication::translate("ProcLab::PythonSource", "called") + times(group.calls);
}

QString PythonSourceAnnotations::annotation(const QString &file, int line) const
{
    const auto sites = m_sites.constFind(file);
    if (sites == m_sites.constEnd())
        return QString();
    const auto site = sites->constFind(line);
    if (site == sites->constEnd())
        return QString();
    QStringList texts;
    for (const Group &group : site->groups) {
        const QString text = groupText(group);
        if (!text.isEmpty())
            texts.append(text);
    }
    QString text = texts.join(QLatin1String("; "));
    if (text.size() > MaxTextLength)
        text = text.left(MaxTextLength - 1) + QStringLiteral("…");
    return text;
}

QList<int> PythonSourceAnnotations::annotatedLines(const QString &file) const
{
    QList<int> lines = m_sites.value(file).keys();
    std::sort(lines.begin(), lines.end());
    return lines;
}

} // namespace ProcLab
