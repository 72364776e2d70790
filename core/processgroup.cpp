#include "processgroup.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <csignal>

namespace ProcLab::ProcessGroup {

namespace {

// /proc/PID/stat: "pid (comm) state ppid pgrp …"; comm may hold spaces and parentheses, so the fields
// are read after the last ')'.
bool readStat(const QString &pidText, Member &member, qint64 &processGroupId)
{
    QFile file(QLatin1String("/proc/") + pidText + QLatin1String("/stat"));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray stat = file.read(1024);
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return false;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    if (fields.size() < 3 || fields.at(0).isEmpty())
        return false;
    member.pid = pidText.toLongLong();
    member.state = fields.at(0).at(0);
    member.parentPid = fields.at(1).toLongLong();
    processGroupId = fields.at(2).toLongLong();
    return true;
}

} // namespace

QList<Member> members(qint64 processGroupId, bool includeZombies)
{
    QList<Member> result;
    if (processGroupId <= 1)
        return result;
    const QStringList entries = QDir(QStringLiteral("/proc"))
                                        .entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        if (!entry.at(0).isDigit())
            continue;
        Member member;
        qint64 group = 0;
        if (!readStat(entry, member, group) || group != processGroupId)
            continue;
        if (member.state == 'Z' && !includeZombies)
            continue;
        result.append(member);
    }
    return result;
}

bool hasLiveMembers(qint64 processGroupId)
{
    if (processGroupId <= 1)
        return false;
    // Cheap first: no process at all in the group.
    if (::kill(pid_t(-processGroupId), 0) != 0 && errno == ESRCH)
        return false;
    return !members(processGroupId).isEmpty();
}

bool signal(qint64 processGroupId, int signalNumber)
{
    if (processGroupId <= 1)
        return false;
    return ::kill(pid_t(-processGroupId), signalNumber) == 0;
}

} // namespace ProcLab::ProcessGroup
