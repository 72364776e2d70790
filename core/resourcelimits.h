#pragma once

namespace ProcLab::ResourceLimits {

// Raises the soft limit of open files towards the hard limit: each running worker holds about four file
// descriptors (two pipes, a pidfd, the notifier), and the usual soft limit of 1024 would stop a
// 1000-worker demo halfway with a confusing error. Returns the soft limit in force afterwards.
int raiseOpenFileLimit();
int openFileLimit();
// Too close to the limit to start one more worker.
bool isNearOpenFileLimit();
// How many workers may run at once with the current limit, keeping room for the program itself.
int defaultMaxActiveWorkers();

} // namespace ProcLab::ResourceLimits
