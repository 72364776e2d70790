#include "helperrun.h"

#include "procstatus.h"
#include "rawprocess.h"

#include <csignal>
#include <cstdlib>
#include <sys/wait.h>
#include <unistd.h>

namespace ProcLab::Bench {

double HelperRun::value(const std::string &key, double fallback) const
{
    const auto found = values.find(key);
    return found == values.end() ? fallback : found->second;
}

HelperRun runHelper(const std::string &helper,
                    const std::vector<std::string> &arguments,
                    int timeoutMs)
{
    std::vector<std::string> words = {helper};
    words.insert(words.end(), arguments.begin(), arguments.end());
    const Argv command(words);

    HelperRun run;
    Stopwatch clock;
    const RawChild child = spawnRaw(command, ChildOutput::Pipe, nullptr, ChildErrors::Inherit);
    if (!child.isValid()) {
        run.error = "cannot start " + helper;
        return run;
    }
    LineReader reader(child.stdoutFd);
    std::string line;
    bool timedOut = false;
    for (;;) {
        const double left = timeoutMs - clock.elapsedMs();
        if (left <= 0) {
            timedOut = true;
            break;
        }
        if (!reader.readLine(&line, int(left)))
            break;
        const std::size_t equals = line.find('=');
        if (equals == std::string::npos)
            continue;
        const std::string key = line.substr(0, equals);
        const std::string text = line.substr(equals + 1);
        if (key == "note") {
            run.notes.push_back(text);
            continue;
        }
        run.arrivalMs[key] = clock.elapsedMs();
        run.values[key] = std::strtod(text.c_str(), nullptr);
    }
    if (clock.elapsedMs() >= timeoutMs)
        timedOut = true;
    if (timedOut)
        kill(child.pid, SIGKILL);
    close(child.stdoutFd);
    const int status = waitRaw(child.pid);
    run.ok = !timedOut && exitedWithZero(status);
    if (timedOut)
        run.error = "timed out after " + std::to_string(timeoutMs / 1000) + " s";
    else if (!run.ok)
        run.error = WIFSIGNALED(status) ? "died of signal " + std::to_string(WTERMSIG(status))
                                        : "exit status " + std::to_string(WEXITSTATUS(status));
    return run;
}

} // namespace ProcLab::Bench
