// proclab-bench-window: the half of proclab-bench that needs a window. proclab-bench runs it once per
// measurement, so that each starts from a fresh process (peak memory and start-up time would mean
// nothing otherwise).
//
//   proclab-bench-window load --source none|pacer|yes [--rate N] [--seconds S] [--settle-ms MS]
//                             [--record on|off]
//   proclab-bench-window idle [--seconds S] [--workers N] [--settle-ms MS]
//   proclab-bench-window startup proclab|bare|label [--settle-ms MS]
//   proclab-bench-window open FILE.proclab-record [--settle-ms MS]

#include "windowscenarios.h"

#include <QApplication>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

constexpr int BadCommandLine = 2;

// The value after `name`, or fallback.
const char *option(int argc, char **argv, const char *name, const char *fallback)
{
    for (int i = 2; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], name) == 0)
            return argv[i + 1];
    }
    return fallback;
}

QtMessageHandler standardMessageHandler = nullptr;

// The offscreen platform says these once per run; they are true and say nothing about ProcLab.
void filterPlatformChatter(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    if (text.contains(QLatin1String("does not support propagateSizeHints"))
        || text.contains(QLatin1String("XDG_RUNTIME_DIR not set")))
        return;
    standardMessageHandler(type, context, text);
}

} // namespace

int main(int argc, char **argv)
{
    using namespace ProcLab::Bench;
    std::signal(SIGPIPE, SIG_IGN);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (argc < 2) {
        std::fputs("usage: proclab-bench-window load|idle|startup|open ...\n", stderr);
        return BadCommandLine;
    }
    const std::string mode = argv[1];
    const int settleMs = std::atoi(option(argc, argv, "--settle-ms", "1000"));
    standardMessageHandler = qInstallMessageHandler(filterPlatformChatter);
    QApplication application(argc, argv);
    if (mode == "load") {
        LoadOptions options;
        options.source = option(argc, argv, "--source", "none");
        options.rate = std::atoi(option(argc, argv, "--rate", "0"));
        options.seconds = std::atoi(option(argc, argv, "--seconds", "10"));
        options.settleMs = settleMs;
        options.record = std::strcmp(option(argc, argv, "--record", "on"), "off") != 0;
        return runLoad(options);
    }
    if (mode == "idle") {
        return runIdle(std::atoi(option(argc, argv, "--seconds", "10")),
                       std::atoi(option(argc, argv, "--workers", "0")),
                       settleMs);
    }
    if (mode == "startup" && argc >= 3)
        return runStartup(argv[2], settleMs);
    if (mode == "open" && argc >= 3)
        return runOpen(argv[2], settleMs);
    std::fprintf(stderr, "proclab-bench-window: unknown mode \"%s\"\n", mode.c_str());
    return BadCommandLine;
}
