#include "commandlineparser.h"

#include "commandline.h"
#include "defaults.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace ProcLab {

namespace {

constexpr int MaxSpawnCount = Defaults::MaxSpawnCount;
constexpr int MaxCountdownSeconds = Defaults::MaxCommandLineCountdownSeconds;
constexpr int MaxGraceMs = int(Defaults::MaxGracePeriod.count());
constexpr int DefaultGraceMs = int(Defaults::GracePeriod.count());

// Looked up under ProcLab::LaunchOptions at run time; lupdate files the strings there too, which
// it would not do for a free function named tr().
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(ProcLab::LaunchOptions)
};

// Whole numbers only: "5", not "5s", "5.0", " 5", "-5" or "99999999999".
bool parseBoundedNumber(const QString &text, int minimum, int maximum, int *value)
{
    if (text.isEmpty() || text.size() > 12)
        return false;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    bool ok = false;
    const qlonglong number = text.toLongLong(&ok);
    if (!ok || number < minimum || number > maximum)
        return false;
    *value = int(number);
    return true;
}

// Text the user typed, as a message shows it: a newline or an escape sequence would break the one
// line of the message or reach the terminal as a command, so control characters become visible
// symbols (U+2400…); a long value is cut, whole characters only.
QString shown(QStringView text, qsizetype maxLength = 40)
{
    QStringView head = text.left(maxLength);
    if (head.size() < text.size() && !head.isEmpty() && head.back().isHighSurrogate())
        head.chop(1);
    QString result;
    result.reserve(head.size() + 1);
    for (const QChar c : head) {
        if (c.unicode() < 0x20)
            result += QChar(0x2400 + c.unicode());
        else if (c.unicode() == 0x7f)
            result += QChar(0x2421);
        else if (c.category() == QChar::Other_Control)
            result += QChar::ReplacementCharacter;
        else
            result += c;
    }
    if (head.size() < text.size())
        result += QChar(0x2026);
    return result;
}

// Longer than any path can be (PATH_MAX): no program has such a name.
constexpr qsizetype MaxProgramLength = 4096;

QString numberError(const QString &option, const QString &value, int minimum, int maximum)
{
    return Texts::tr("--%1: “%2” is not a whole number from %3 to %4")
            .arg(option, shown(value))
            .arg(minimum)
            .arg(maximum);
}

} // namespace

LaunchParse parseLaunchOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Texts::tr(
            "Watch processes live: spawn workers, see their PIDs, states and output, and stop "
            "them, gracefully or not.\n\n"
            "Exit status: 0 when every worker ended normally or was stopped because you asked; "
            "1 when a worker failed to start, crashed or exited non-zero on its own; 2 for a bad "
            "command line; 128+N when the monitor itself was stopped by signal N."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption headlessOption(QStringLiteral("headless"),
                                            Texts::tr("Run in this terminal without a window: "
                                                      "worker output goes to stdout and stderr, "
                                                      "ProcLab's own messages to stderr."));
    const QCommandLineOption spawnOption(QStringLiteral("spawn"),
                                         Texts::tr("Lesson 1: print the main process's line, then "
                                                   "start <N> (1-%1) processes that "
                                                   "each print their own PID.")
                                                 .arg(MaxSpawnCount),
                                         QStringLiteral("N"));
    const QCommandLineOption countdownOption(
            QStringLiteral("countdown"),
            Texts::tr("Terminate after <S> seconds. Without --run, lesson 2: a counting process, "
                      "terminated after S seconds. With --run, the --run processes."),
            QStringLiteral("S"));
    const QCommandLineOption
            runOption(QStringLiteral("run"),
                      Texts::tr("Run <COMMAND>, split into words as a shell would, but "
                                "without a shell. Repeatable."),
                      QStringLiteral("COMMAND"));
    const QCommandLineOption graceOption(
            QStringLiteral("grace"),
            Texts::tr("How long a terminate waits before it kills, in milliseconds (default %1).")
                    .arg(DefaultGraceMs),
            QStringLiteral("MS"),
            QString::number(DefaultGraceMs));
    const QCommandLineOption languageOption(
            QStringLiteral("lang"),
            Texts::tr("Language of the window and of the lessons' texts: ko or en (default: the "
                      "system's)."),
            QStringLiteral("ko|en"));
    const QCommandLineOption noFollowOption(
            QStringLiteral("no-follow"),
            Texts::tr("Do not follow the processes that --run commands create: without it, every "
                      "child, grandchild and orphan of theirs is seen start, exec and end."));
    const QCommandLineOption prefixOption(
            QStringLiteral("prefix"),
            Texts::tr("Start each output line with the PID ([4251] ) or the name ([python3] ) of "
                      "the worker that printed it, or with nothing (default)."),
            QStringLiteral("pid|name|none"));
    const QCommandLineOption recordOption(
            QStringLiteral("record"),
            Texts::tr("Write every process event and output line of the run to <FILE>, as JSON "
                      "Lines (docs/record-format.md)."),
            QStringLiteral("FILE"));
    parser.addOptions({headlessOption,
                       spawnOption,
                       countdownOption,
                       runOption,
                       graceOption,
                       languageOption,
                       noFollowOption,
                       prefixOption,
                       recordOption});

    LaunchParse result;
    auto fail = [&result](const QString &reason) {
        result.action = LaunchParse::Action::Fail;
        // Values are shortened where they are quoted; this catches what QCommandLineParser quotes.
        result.text = shown(reason, 200);
        return result;
    };

    const bool parsed = parser.parse(arguments);
    LaunchOptions &options = result.options;
    // First, before --help, --version and any error: main() parses once to choose the language
    // of the help text and of the messages, then again in that language. A value that is not a
    // language leaves the system's, and is refused below unless --help or --version is asked.
    const QString language = parser.isSet(languageOption)
                                     ? parser.values(languageOption).constLast()
                                     : QString();
    if (language == QLatin1String("ko") || language == QLatin1String("en"))
        options.languageCode = language;
    if (!parsed)
        return fail(parser.errorText());
    if (parser.isSet(helpOption)) {
        result.action = LaunchParse::Action::ShowHelp;
        result.text = parser.helpText();
        return result;
    }
    if (parser.isSet(versionOption)) {
        result.action = LaunchParse::Action::ShowVersion;
        result.text = QCoreApplication::applicationName() + QLatin1Char(' ')
                      + QCoreApplication::applicationVersion() + QLatin1Char('\n');
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return fail(Texts::tr("unexpected argument “%1” (commands go after --run)")
                            .arg(shown(parser.positionalArguments().constFirst())));
    }

    if (parser.isSet(languageOption) && options.languageCode.isEmpty()) {
        return fail(Texts::tr("--lang: “%1” is not a language ProcLab knows: use ko or en")
                            .arg(shown(language)));
    }
    options.headless = parser.isSet(headlessOption);

    // A repeated numeric option: the last one counts, as with most programs.
    if (parser.isSet(spawnOption)) {
        const QString value = parser.values(spawnOption).constLast();
        if (!parseBoundedNumber(value, 1, MaxSpawnCount, &options.spawnCount))
            return fail(numberError(QStringLiteral("spawn"), value, 1, MaxSpawnCount));
    }
    if (parser.isSet(countdownOption)) {
        const QString value = parser.values(countdownOption).constLast();
        if (!parseBoundedNumber(value, 1, MaxCountdownSeconds, &options.countdownSeconds))
            return fail(numberError(QStringLiteral("countdown"), value, 1, MaxCountdownSeconds));
    }
    if (parser.isSet(graceOption)) {
        const QString value = parser.values(graceOption).constLast();
        int grace = 0;
        if (!parseBoundedNumber(value, 0, MaxGraceMs, &grace))
            return fail(numberError(QStringLiteral("grace"), value, 0, MaxGraceMs));
        options.grace = std::chrono::milliseconds(grace);
        options.graceGiven = true;
    }
    for (const QString &command : parser.values(runOption)) {
        const SplitCommand split = splitCommandLine(command);
        if (!split.isValid())
            return fail(Texts::tr("--run “%1”: %2").arg(shown(command), split.error));
        const QString &program = split.arguments.constFirst();
        if (std::any_of(program.cbegin(), program.cend(), [](QChar c) {
                return c.category() == QChar::Other_Control;
            })) {
            return fail(Texts::tr("--run: the program name contains a control character"));
        }
        if (program.size() > MaxProgramLength) {
            return fail(
                    Texts::tr("--run: the program name is %1 characters long, longer than any path")
                            .arg(program.size()));
        }
        if (program.contains(QChar::ReplacementCharacter))
            return fail(Texts::tr("--run: the program name is not valid UTF-8 text"));
        // The words reach the program as UTF-8: an invalid byte would arrive changed into U+FFFD.
        for (qsizetype i = 1; i < split.arguments.size(); ++i) {
            if (split.arguments.at(i).contains(QChar::ReplacementCharacter)) {
                return fail(Texts::tr("--run “%1”: word %2 is not valid UTF-8 text")
                                    .arg(shown(program))
                                    .arg(i + 1));
            }
        }
        options.runCommands.append(split.arguments);
    }

    options.followChildren = !parser.isSet(noFollowOption);
    if (parser.isSet(prefixOption)) {
        const QString prefix = parser.values(prefixOption).constLast();
        if (prefix == QLatin1String("pid"))
            options.outputPrefix = LaunchOptions::OutputPrefix::Pid;
        else if (prefix == QLatin1String("name"))
            options.outputPrefix = LaunchOptions::OutputPrefix::Name;
        else if (prefix != QLatin1String("none"))
            return fail(
                    Texts::tr("--prefix: “%1” is not one of pid, name or none").arg(shown(prefix)));
    }
    if (parser.isSet(recordOption)) {
        options.recordPath = parser.values(recordOption).constLast();
        if (options.recordPath.isEmpty())
            return fail(Texts::tr("--record: the file name is empty"));
    }

    if (options.headless && !options.hasWork())
        return fail(Texts::tr("nothing to run: give --spawn, --countdown or --run (see --help)"));
    return result;
}

} // namespace ProcLab
