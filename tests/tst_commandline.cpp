#include "commandline.h"
#include "commandlineparser.h"
#include "testsupport.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>

namespace {

// What `proclab ARGUMENTS` prints on stdout, run in an environment whose language is `locale`.
QString proclabOutput(const QStringList &arguments, const QString &locale, int *exitCode)
{
    QProcess proclab;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"})
        environment.remove(QLatin1String(name));
    environment.insert(QStringLiteral("LC_ALL"), locale);
    environment.insert(QStringLiteral("LANG"), locale);
    proclab.setProcessEnvironment(environment);
    QSignalSpy finished(&proclab, &QProcess::finished);
    proclab.start(TestSupport::proclabProgram(), arguments);
    if (!finished.wait(30000)) {
        proclab.kill();
        proclab.waitForFinished();
        return QString();
    }
    *exitCode = proclab.exitCode();
    return QString::fromUtf8(proclab.readAllStandardOutput());
}

} // namespace

using namespace ProcLab;

// The command-line splitter (no shell, no injection) and proclab's own options.
class tst_CommandLine final : public QObject
{
    Q_OBJECT

private slots:
    void splits_data();
    void splits();
    void rejects_data();
    void rejects();
    void joinRoundTrips();
    void parsesOptions();
    void rejectsBadOptions_data();
    void rejectsBadOptions();
    void helpAndVersion();
    void languageIsReadBeforeHelpAndErrors_data();
    void languageIsReadBeforeHelpAndErrors();
    void helpFollowsLang();
};

void tst_CommandLine::splits_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("arguments");

    QTest::newRow("words") << "ls -l /tmp" << QStringList{"ls", "-l", "/tmp"};
    QTest::newRow("extra spaces") << "  ls   -l  " << QStringList{"ls", "-l"};
    QTest::newRow("single quotes")
            << "sh -c 'echo hi; echo there'" << QStringList{"sh", "-c", "echo hi; echo there"};
    QTest::newRow("double quotes")
            << "python3 \"my study.py\"" << QStringList{"python3", "my study.py"};
    QTest::newRow("escaped quote in double")
            << R"(echo "say \"hi\"")" << QStringList{"echo", "say \"hi\""};
    QTest::newRow("backslash space") << R"(cat my\ file)" << QStringList{"cat", "my file"};
    QTest::newRow("empty argument") << "printf '' x" << QStringList{"printf", "", "x"};
    QTest::newRow("adjacent quotes join") << "echo a'b'\"c\"" << QStringList{"echo", "abc"};
    // No shell runs: these stay literal arguments, nothing is injected.
    QTest::newRow("semicolon rm literal")
            << "echo hi ; rm -rf /tmp/x" << QStringList{"echo", "hi", ";", "rm", "-rf", "/tmp/x"};
    QTest::newRow("command substitution literal")
            << "echo $(id) `id` $HOME *" << QStringList{"echo", "$(id)", "`id`", "$HOME", "*"};
    QTest::newRow("korean") << QStringLiteral("echo 서브 프로그램")
                            << QStringList{"echo",
                                           QStringLiteral("서브"),
                                           QStringLiteral("프로그램")};
}

void tst_CommandLine::splits()
{
    QFETCH(QString, line);
    QFETCH(QStringList, arguments);
    const SplitCommand split = splitCommandLine(line);
    QVERIFY2(split.isValid(), qPrintable(split.error));
    QCOMPARE(split.arguments, arguments);
}

void tst_CommandLine::rejects_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("errorFragment");

    QTest::newRow("empty") << ""
                           << "empty";
    QTest::newRow("blank") << "   \t "
                           << "empty";
    QTest::newRow("open single quote") << "echo 'a"
                                       << "single quote";
    QTest::newRow("open double quote") << "echo \"a"
                                       << "double quote";
    QTest::newRow("lone backslash") << "echo a\\"
                                    << "backslash";
}

void tst_CommandLine::rejects()
{
    QFETCH(QString, line);
    QFETCH(QString, errorFragment);
    const SplitCommand split = splitCommandLine(line);
    QVERIFY(!split.isValid());
    QVERIFY2(split.error.contains(errorFragment), qPrintable(split.error));
}

void tst_CommandLine::joinRoundTrips()
{
    const QStringList arguments{"sh",
                                "-c",
                                "echo 'hi' there",
                                "",
                                QStringLiteral("서브 프로그램 0"),
                                "a\"b"};
    QCOMPARE(splitCommandLine(joinCommandLine(arguments)).arguments, arguments);
}

void tst_CommandLine::parsesOptions()
{
    const LaunchParse parse = parseLaunchOptions({"proclab",
                                                  "--headless",
                                                  "--spawn",
                                                  "4",
                                                  "--lang",
                                                  "ko",
                                                  "--run",
                                                  "python3 study.py",
                                                  "--run",
                                                  "ls -l /tmp",
                                                  "--countdown",
                                                  "5",
                                                  "--grace",
                                                  "300"});
    QCOMPARE(int(parse.action), int(LaunchParse::Action::Launch));
    const LaunchOptions &options = parse.options;
    QVERIFY(options.headless);
    QCOMPARE(options.spawnCount, 4);
    QCOMPARE(options.countdownSeconds, 5);
    QCOMPARE(options.grace.count(), 300);
    QCOMPARE(options.languageCode, QStringLiteral("ko"));
    QCOMPARE(options.runCommands.size(), 2);
    QCOMPARE(options.runCommands.at(1), (QStringList{"ls", "-l", "/tmp"}));
    QVERIFY2(!options.runsCountingLesson(), "with --run, --countdown applies to the commands");
}

void tst_CommandLine::rejectsBadOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("errorFragment");

    QTest::newRow("spawn zero") << QStringList{"--spawn", "0"} << "--spawn";
    QTest::newRow("spawn too many") << QStringList{"--spawn", "1001"} << "--spawn";
    QTest::newRow("spawn negative") << QStringList{"--spawn", "-4"} << "--spawn";
    QTest::newRow("spawn not a number") << QStringList{"--spawn", "four"} << "--spawn";
    QTest::newRow("spawn huge") << QStringList{"--spawn", "99999999999999999999"} << "--spawn";
    QTest::newRow("spawn empty") << QStringList{"--spawn", ""} << "--spawn";
    QTest::newRow("countdown decimal") << QStringList{"--countdown", "2.5"} << "--countdown";
    QTest::newRow("grace negative") << QStringList{"--grace", "-1"} << "--grace";
    QTest::newRow("lang unknown") << QStringList{"--lang", "fr", "--spawn", "1"} << "--lang";
    QTest::newRow("run empty") << QStringList{"--run", ""} << "empty";
    QTest::newRow("run unbalanced") << QStringList{"--run", "echo 'a"} << "quote";
    QTest::newRow("run control character") << QStringList{"--run", "l\x01s"} << "control";
    QTest::newRow("unknown flag") << QStringList{"--frobnicate"} << "frobnicate";
    QTest::newRow("missing value") << QStringList{"--spawn"} << "spawn";
    QTest::newRow("stray argument") << QStringList{"ls"} << "--run";
    QTest::newRow("nothing to do") << QStringList{} << "nothing to run";
}

void tst_CommandLine::rejectsBadOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, errorFragment);
    const LaunchParse parse = parseLaunchOptions(QStringList{"proclab", "--headless"} + arguments);
    QCOMPARE(int(parse.action), int(LaunchParse::Action::Fail));
    QVERIFY2(parse.text.contains(errorFragment), qPrintable(parse.text));
    QVERIFY2(!parse.text.contains(u'\n'), "the reason is one line");
}

void tst_CommandLine::helpAndVersion()
{
    QCOMPARE(int(parseLaunchOptions({"proclab", "--help"}).action),
             int(LaunchParse::Action::ShowHelp));
    QVERIFY(parseLaunchOptions({"proclab", "--help"}).text.contains("--countdown"));
    QCOMPARE(int(parseLaunchOptions({"proclab", "--version"}).action),
             int(LaunchParse::Action::ShowVersion));
}

void tst_CommandLine::languageIsReadBeforeHelpAndErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("language");

    const int help = int(LaunchParse::Action::ShowHelp);
    const int fail = int(LaunchParse::Action::Fail);
    QTest::newRow("lang, then help") << QStringList{"--lang", "ko", "--help"} << help << "ko";
    QTest::newRow("help, then lang") << QStringList{"--help", "--lang", "ko"} << help << "ko";
    QTest::newRow("short help") << QStringList{"-h", "--lang", "en"} << help << "en";
    QTest::newRow("version") << QStringList{"--lang", "ko", "--version"}
                             << int(LaunchParse::Action::ShowVersion) << "ko";
    QTest::newRow("unknown option") << QStringList{"--lang", "ko", "--frobnicate"} << fail << "ko";
    QTest::newRow("missing value") << QStringList{"--lang", "ko", "--spawn"} << fail << "ko";
    QTest::newRow("bad number") << QStringList{"--lang", "ko", "--headless", "--spawn", "0"} << fail
                                << "ko";
    QTest::newRow("stray argument") << QStringList{"--lang", "ko", "ls"} << fail << "ko";
    QTest::newRow("unknown language") << QStringList{"--lang", "fr", "--help"} << help << "";
}

void tst_CommandLine::languageIsReadBeforeHelpAndErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, action);
    QFETCH(QString, language);
    const LaunchParse parse = parseLaunchOptions(QStringList{"proclab"} + arguments);
    QCOMPARE(int(parse.action), action);
    QCOMPARE(parse.options.languageCode, language);
}

void tst_CommandLine::helpFollowsLang()
{
    // The real program, as a user types it, in an English environment: --lang ko wins.
    int exitCode = -1;
    const QString korean = proclabOutput({"--lang", "ko", "--help"}, "C.UTF-8", &exitCode);
    QCOMPARE(exitCode, 0);
    QVERIFY2(korean.contains("--countdown"), qPrintable(korean));
    QVERIFY2(korean.contains(QStringLiteral("프로세스를 실시간으로 지켜봅니다")),
             qPrintable(korean));
    QVERIFY2(!korean.contains("Watch processes live"), qPrintable(korean));

    // And the other way round, in a Korean environment.
    exitCode = -1;
    const QString english = proclabOutput({"--help", "--lang", "en"}, "ko_KR.UTF-8", &exitCode);
    QCOMPARE(exitCode, 0);
    QVERIFY2(english.contains("Watch processes live"), qPrintable(english));
    QVERIFY2(!english.contains(QStringLiteral("프로세스를")), qPrintable(english));
}

QTEST_GUILESS_MAIN(tst_CommandLine)
#include "tst_commandline.moc"
