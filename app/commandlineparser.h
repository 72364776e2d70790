#pragma once

#include "launchoptions.h"

namespace ProcLab {

struct LaunchParse
{
    enum class Action { Launch, ShowHelp, ShowVersion, Fail };

    Action action = Action::Launch;
    LaunchOptions options;
    QString text; // the help or version text, or a one-line reason for Fail
};

// arguments: as QCoreApplication::arguments() gives them, the program first.
LaunchParse parseLaunchOptions(const QStringList &arguments);

} // namespace ProcLab
