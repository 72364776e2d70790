// proclab: the composition root. Chooses between the window and the terminal, builds the Session and
// hands it to the chosen front-end; everything else lives in core/ and ui/.
#include "allocator.h"
#include "appsettings.h"
#include "commandlineparser.h"
#include "headlessrunner.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "processguardian.h"
#include "resourcelimits.h"
#include "session.h"
#include "unixsignalwatcher.h"
#include "workerprogram.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QIcon>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <memory>

namespace {

constexpr int BadCommandLine = 2;

bool hasArgument(int argc, char **argv, const char *wanted)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], wanted) == 0)
            return true;
    }
    return false;
}

// Qt aborts with a long platform-plugin message when there is no display; say it in one line.
bool hasDisplay()
{
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (!platform.isEmpty() && !platform.startsWith("xcb") && !platform.startsWith("wayland"))
        return true; // offscreen, vnc, eglfs…: the user chose a platform that needs no desktop
    return !qEnvironmentVariableIsEmpty("DISPLAY")
           || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

void setApplicationIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("proclab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROCLAB_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("ProcLab"));
}

int printAndExit(FILE *stream, const QString &text, int status)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
    return status;
}

int runEngine(const ProcLab::LaunchOptions &options,
              bool headless,
              ProcLab::LanguageManager &languages)
{
    using namespace ProcLab;
    ResourceLimits::raiseOpenFileLimit();

    const QString workerProgram = workerProgramPath();
    ProcessGuardian guardian;
    QString guardianError;
    if (workerProgram.isEmpty()) {
        std::fputs("proclab: proclab-worker not found: workers will not be guarded if ProcLab is "
                   "killed\n",
                   stderr);
    } else if (!guardian.start(workerProgram, 1000, &guardianError)) {
        std::fprintf(stderr,
                     "proclab: cannot start the guardian (%s): workers will not be guarded if "
                     "ProcLab is killed\n",
                     guardianError.toLocal8Bit().constData());
    }

    Session session(workerProgram);
    session.setGuardian(&guardian);
    session.applyLaunchOptions(options);

    UnixSignalWatcher signalWatcher({SIGINT, SIGTERM, SIGHUP});
    int status = 0;
    if (headless) {
        HeadlessRunner runner(session, options);
        QObject::connect(&signalWatcher,
                         &UnixSignalWatcher::received,
                         &runner,
                         &HeadlessRunner::stopOnSignal);
        QObject::connect(
                &runner,
                &HeadlessRunner::finished,
                QCoreApplication::instance(),
                [](int exitStatus) { QCoreApplication::exit(exitStatus); },
                Qt::QueuedConnection);
        runner.start();
        status = QCoreApplication::exec();
    } else {
        // The window restores what it saved last time; the command line wins, for this run.
        AppSettings settings;
        MainWindow window(session, options, &settings, &languages);
        QObject::connect(&signalWatcher, &UnixSignalWatcher::received, &window, &MainWindow::close);
        window.show();
        status = QCoreApplication::exec();
    }
    return status;
}

} // namespace

int main(int argc, char **argv)
{
    ProcLab::Allocator::returnLargeBlocksToTheSystem();
    // A reader that goes away must not kill the monitor: writes then fail with EPIPE, and the
    // workers get SIGPIPE back (the child modifier restores it).
    std::signal(SIGPIPE, SIG_IGN);
    setApplicationIdentity();

    const bool headless = hasArgument(argc, argv, "--headless") || hasArgument(argc, argv, "--help")
                          || hasArgument(argc, argv, "-h") || hasArgument(argc, argv, "--version")
                          || hasArgument(argc, argv, "-v");
    std::unique_ptr<QCoreApplication> application;
    if (headless) {
        application = std::make_unique<QCoreApplication>(argc, argv);
    } else {
        if (!hasDisplay()) {
            std::fputs("proclab: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are "
                       "unset); use --headless to run in this terminal\n",
                       stderr);
            return 1;
        }
        application = std::make_unique<QApplication>(argc, argv);
        // Matches the .desktop file, so Wayland shells find the launcher and its icon.
        QGuiApplication::setDesktopFileName(QStringLiteral("io.github.proclab.ProcLab"));
        QApplication::setWindowIcon(QIcon::fromTheme(
                QStringLiteral("io.github.proclab.ProcLab"),
                QIcon(QStringLiteral(
                        ":/icons/hicolor/scalable/apps/io.github.proclab.ProcLab.svg"))));
    }

    // Destroyed before the application, whose translators it removes.
    ProcLab::LanguageManager languages;
    // Parsed twice: first for --lang, so that --help and the errors of the second parse are in
    // that language (or the system's).
    const QStringList arguments = QCoreApplication::arguments();
    languages.setLanguage(ProcLab::parseLaunchOptions(arguments).options.languageCode);
    const ProcLab::LaunchParse parse = ProcLab::parseLaunchOptions(arguments);
    switch (parse.action) {
    case ProcLab::LaunchParse::Action::ShowHelp:
    case ProcLab::LaunchParse::Action::ShowVersion:
        return printAndExit(stdout, parse.text, 0);
    case ProcLab::LaunchParse::Action::Fail:
        return printAndExit(stderr,
                            QCoreApplication::translate("ProcLab::Main",
                                                        "proclab: %1 (see proclab --help)")
                                            .arg(parse.text)
                                    + QLatin1Char('\n'),
                            BadCommandLine);
    case ProcLab::LaunchParse::Action::Launch:
        break;
    }
    // In the terminal ProcLab's own lines stay in English whatever the language: they are a log
    // that scripts read, in the words of the tutorial's output. --lang still sets the lessons' texts.
    if (headless)
        languages.setLanguage(QStringLiteral("en"));
    return runEngine(parse.options, headless, languages);
}
