#pragma once

#include <QList>
#include <QtGlobal>

namespace ProcLab {

// The operating system's view of a process group, read from /proc. Each worker runs in a group of its
// own, so "is anything of this worker left?" is "does its group have live members?".
namespace ProcessGroup {

struct Member
{
    qint64 pid = 0;
    qint64 parentPid = 0;
    char state = '?'; // the state letter of /proc/PID/stat: R, S, D, T, Z, …
};

// Members of the group. Zombies are listed only when includeZombies: a zombie has already died, and on
// machines whose PID 1 does not reap orphans it never goes away.
QList<Member> members(qint64 processGroupId, bool includeZombies = false);
bool hasLiveMembers(qint64 processGroupId);
// kill(-group, signal); false when the group has no process left.
bool signal(qint64 processGroupId, int signalNumber);

} // namespace ProcessGroup

} // namespace ProcLab
