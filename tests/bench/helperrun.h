#pragma once

#include <map>
#include <string>
#include <vector>

namespace ProcLab::Bench {

// What proclab-bench-window reported. It runs every window measurement in a fresh process of its
// own: peak memory and start-up time mean nothing in a process that ran other measurements before.
//
// The helper prints "key=value" lines on stdout; "note=text" lines are remarks for the report.
struct HelperRun
{
    bool ok = false;
    std::string error;
    std::map<std::string, double> values;
    std::map<std::string, double> arrivalMs; // when each key's line arrived, since the spawn
    std::vector<std::string> notes;

    double value(const std::string &key, double fallback = -1) const;
};

HelperRun runHelper(const std::string &helper,
                    const std::vector<std::string> &arguments,
                    int timeoutMs);

} // namespace ProcLab::Bench
