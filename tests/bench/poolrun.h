#pragma once

#include <functional>

namespace ProcLab {
class WorkerPool;
}

namespace ProcLab::Bench {

// Calls start() (which spawns into pool) and runs an event loop until the pool reports allFinished,
// the way a window or the headless runner would wait. false when timeoutMs passed first.
bool runUntilAllFinished(WorkerPool &pool, const std::function<void()> &start, int timeoutMs);

} // namespace ProcLab::Bench
