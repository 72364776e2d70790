#include "options.h"

#include <cstdlib>
#include <cstring>
#include <sstream>

namespace ProcLab::Bench {

const std::set<std::string> &sectionNames()
{
    static const std::set<std::string> names = {"spawn",
                                                "start",
                                                "ingest",
                                                "window",
                                                "idle",
                                                "startup",
                                                "tutorial",
                                                "follow",
                                                "python",
                                                "pythonhook",
                                                "record",
                                                "recordopen"};
    return names;
}

std::string usage()
{
    return "usage: proclab-bench [--quick] [--rounds N] [--only NAME[,NAME]] [--json]\n"
           "  --quick       fewer rounds and smaller N (about half a minute)\n"
           "  --rounds N    rounds per figure (default 5, 2 with --quick)\n"
           "  --only NAMES  sections: spawn, start, ingest, window, idle, startup, tutorial,\n"
           "                follow, python, pythonhook, record, recordopen\n"
           "  --json        one JSON object on stdout; the table goes to stderr\n";
}

bool parseOptions(int argc, char **argv, Options *options, std::string *error)
{
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        const auto value = [&]() -> const char * {
            return i + 1 < argc ? argv[++i] : nullptr;
        };
        if (argument == "--quick") {
            options->quick = true;
        } else if (argument == "--json") {
            options->json = true;
        } else if (argument == "--help" || argument == "-h") {
            options->help = true;
        } else if (argument == "--rounds") {
            const char *text = value();
            options->rounds = text ? std::atoi(text) : 0;
            if (options->rounds < 1 || options->rounds > 1000) {
                *error = "--rounds needs a number from 1 to 1000";
                return false;
            }
        } else if (argument == "--only") {
            const char *text = value();
            if (!text) {
                *error = "--only needs section names";
                return false;
            }
            std::stringstream names(text);
            std::string name;
            while (std::getline(names, name, ',')) {
                if (sectionNames().count(name) == 0) {
                    *error = "unknown section \"" + name + "\"";
                    return false;
                }
                options->only.insert(name);
            }
        } else {
            *error = "unknown argument \"" + argument + "\"";
            return false;
        }
    }
    return true;
}

Scale Scale::forOptions(const Options &options)
{
    Scale scale;
    if (options.quick) {
        scale.rounds = 2;
        scale.spawnSmallRepeats = 3;
        scale.spawnLarge = 200;
        scale.startRuns = 20;
        scale.ingestLines = 300000;
        scale.windowSeconds = 2;
        scale.yesSeconds = 5;
        scale.windowRounds = 1;
        scale.idleSeconds = 3;
        scale.settleMs = 300;
        scale.startupRounds = 2;
        scale.tutorialSmallRepeats = 2;
        scale.tutorialLargeRounds = 1;
    }
    if (options.rounds > 0) {
        scale.rounds = options.rounds;
        scale.windowRounds = options.rounds;
        scale.startupRounds = options.rounds;
        scale.tutorialLargeRounds = options.rounds;
    }
    return scale;
}

} // namespace ProcLab::Bench
