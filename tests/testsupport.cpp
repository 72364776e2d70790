#include "testsupport.h"

#include "processgroup.h"

#include <QDir>
#include <QFile>

#include <csignal>
#include <unistd.h>

namespace TestSupport {

namespace {

struct Stat
{
    char state = 0;
    qint64 parentPid = 0;
    qint64 processGroupId = 0;
};

bool readStat(qint64 pid, Stat &stat)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = file.read(1024);
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0)
        return false;
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    if (fields.size() < 3)
        return false;
    stat.state = fields.at(0).at(0);
    stat.parentPid = fields.at(1).toLongLong();
    stat.processGroupId = fields.at(2).toLongLong();
    return true;
}

QList<qint64> allPids()
{
    QList<qint64> pids;
    const QStringList entries = QDir(QStringLiteral("/proc"))
                                        .entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (ok)
            pids.append(pid);
    }
    return pids;
}

} // namespace

char processState(qint64 pid)
{
    Stat stat;
    return readStat(pid, stat) ? stat.state : 0;
}

bool isAlive(qint64 pid)
{
    const char state = processState(pid);
    return state != 0 && state != 'Z' && state != 'X';
}

qint64 parentPid(qint64 pid)
{
    Stat stat;
    return readStat(pid, stat) ? stat.parentPid : 0;
}

QList<qint64> liveGroupMembers(qint64 processGroupId)
{
    QList<qint64> result;
    for (const ProcLab::ProcessGroup::Member &member :
         ProcLab::ProcessGroup::members(processGroupId))
        result.append(member.pid);
    return result;
}

QList<qint64> liveChildren(qint64 pid)
{
    QList<qint64> result;
    for (const qint64 candidate : allPids()) {
        Stat stat;
        if (readStat(candidate, stat) && stat.parentPid == pid && stat.state != 'Z')
            result.append(candidate);
    }
    return result;
}

int openFileDescriptorCount()
{
    return int(QDir(QStringLiteral("/proc/self/fd"))
                       .entryList(QDir::NoDotAndDotDot | QDir::System)
                       .size());
}

int zombieChildCount()
{
    int count = 0;
    const qint64 self = ::getpid();
    for (const qint64 candidate : allPids()) {
        Stat stat;
        if (readStat(candidate, stat) && stat.parentPid == self && stat.state == 'Z')
            ++count;
    }
    return count;
}

QByteArray tutorialExample1()
{
    return QByteArrayLiteral(R"(import multiprocessing
import os

def sub_func(thing):
    main_func(thing)

def main_func(thing):
    print("Process {} says: {}".format(os.getpid(), thing))

if __name__ == '__main__':
    main_func("메인 프로그램")
    for i in range(4):
        p = multiprocessing.Process(target=sub_func, args=("서브 프로그램 {}".format(i),))
        p.start()
)");
}

QByteArray tutorialExample2()
{
    return QByteArrayLiteral(R"(import multiprocessing
import os
import time

def sub_func(thing):
    main_func(thing)
    start_num = 1
    stop = 100000
    for num in range(start_num, stop):
        print("\tNumber {} of {}.".format(num, stop))
        time.sleep(1)

def main_func(thing):
    print("Process {} says: {}".format(os.getpid(), thing))

if __name__ == '__main__':
    main_func("메인 프로그램")
    p = multiprocessing.Process(target=sub_func, args=("loop",))
    p.start()
    time.sleep(5)
    p.terminate()
)");
}

} // namespace TestSupport
