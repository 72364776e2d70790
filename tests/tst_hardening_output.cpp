#include "linesplitter.h"
#include "testsupport.h"
#include "worker.h"
#include "workerpool.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace ProcLab;

// Hostile output at the core level: a flood of a gigabyte, a line of 100 MB without a newline,
// binary noise, endless '\r' progress, a million colour sequences and an escape sequence that never
// ends. Whatever arrives, the monitor's memory stays under a cap, the newest line is in the pool's
// log, and every line that is no longer there is counted in droppedLines(): nothing is lost silently.
// And invalid UTF-8 cut by a pipe's read boundary loses nothing either (found by fuzz_linesplitter).
class tst_HardeningOutput final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void hostileOutputStaysBounded_data();
    void hostileOutputStaysBounded();
    void invalidCharacterSplitAcrossReads_data();
    void invalidCharacterSplitAcrossReads();
    void invalidCharacterSplitAcrossPipeReads();
    void cleanupTestCase();

private:
    static qint64 peakResidentKb();
};

namespace {

using TestSupport::UnderAddressSanitizer;

// For the whole test process: the pool's log (24 Mi characters, 48 MB), the workers' scrollbacks,
// QProcess buffers and Qt itself. Twice what a healthy run needs; far below what an unbounded buffer
// would take for the first row alone (a gigabyte).
constexpr qint64 PeakResidentCapKb = 300 * 1024;

// A gigabyte of 64-byte lines: 2^24 lines, read in about 5 s on a 2-core machine.
// Instrumented code runs 3-10 times slower and ASan's shadow memory and quarantine make the cap
// meaningless, so a sanitizer build runs every source 1/16 as large: it looks for memory errors.
constexpr qint64 SizeDivisor = UnderAddressSanitizer ? 16 : 1;
constexpr qint64 FloodLines = (qint64(1) << 24) / SizeDivisor;
constexpr qint64 LongLineBytes = 100 * 1024 * 1024 / SizeDivisor;
constexpr qint64 NoiseBytes = 50 * 1024 * 1024 / SizeDivisor;
constexpr qint64 ProgressSteps = 200000 / SizeDivisor;
constexpr qint64 AnsiLines = 1000000 / SizeDivisor;
constexpr qint64 EscapeBytes = 10 * 1024 * 1024 / SizeDivisor;

qint64 linesOfLongLine(qint64 characters)
{
    return (characters + LineSplitter::DefaultMaxLineLength - 1)
           / LineSplitter::DefaultMaxLineLength;
}

} // namespace

void tst_HardeningOutput::initTestCase()
{
    qunsetenv("PYTHONUNBUFFERED");
    if (UnderAddressSanitizer)
        qInfo("AddressSanitizer build: sources 1/%lld as large, no memory cap", SizeDivisor);
}

void tst_HardeningOutput::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral("QProcess: Destroyed while process")));
}

qint64 tst_HardeningOutput::peakResidentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression peak(QStringLiteral("^VmHWM:\\s+(\\d+) kB$"),
                                         QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = peak.match(QString::fromLatin1(status.readAll()));
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

void tst_HardeningOutput::hostileOutputStaysBounded_data()
{
    QTest::addColumn<QStringList>("arguments");
    // How the newest line of the worker must end.
    QTest::addColumn<QString>("lastLineEnd");
    // Lines the worker's output makes (after '\r' updates replaced their lines); -1: unknown.
    QTest::addColumn<qint64>("expectedLines");
    QTest::addColumn<bool>("mustDrop");

    const QString worker = TestSupport::workerProgram();
    QTest::newRow("1 GB flood") << QStringList{worker,
                                               "flood",
                                               "--lines",
                                               QString::number(FloodLines),
                                               "--length",
                                               "64"}
                                << QStringLiteral("flood %1 ").arg(FloodLines, 9, 10, QChar(u'0'))
                                           + QString(63 - 16, u'x')
                                << FloodLines << true;

    // Byte i of no-newline is '!' + i % 94; the line is broken every 64 Ki characters.
    const QChar lastLongLineCharacter(u'!' + int((LongLineBytes - 1) % 94));
    QTest::newRow("100 MB line without newline")
            << QStringList{worker, "no-newline", "--bytes", QString::number(LongLineBytes)}
            << QString(lastLongLineCharacter) << linesOfLongLine(LongLineBytes) << true;

    QTest::newRow("binary noise")
            << QStringList{"sh",
                           "-c",
                           QStringLiteral("head -c %1 /dev/urandom; printf '\\nend of noise\\n'")
                                   .arg(NoiseBytes)}
            << QStringLiteral("end of noise") << qint64(-1) << true;

    QTest::newRow("endless progress") << QStringList{worker,
                                                     "progress",
                                                     "--steps",
                                                     QString::number(ProgressSteps),
                                                     "--interval-ms",
                                                     "0"}
                                      << QStringLiteral("done") << qint64(1) << false;

    QTest::newRow("a million colour sequences")
            << QStringList{"sh",
                           "-c",
                           QStringLiteral("yes \"$(printf '\\033[31mx\\033[0m')\" | head -n %1; "
                                          "echo end of colours")
                                   .arg(AnsiLines)}
            << QStringLiteral("end of colours") << AnsiLines + 1 << false;

    // ESC [ 38;2; and then ten megabytes of parameter digits, no final byte, no newline, EOF.
    QTest::newRow("unterminated escape sequence")
            << QStringList{"sh",
                           "-c",
                           QStringLiteral("printf 'before\\n\\033[38;2;'; "
                                          "head -c %1 /dev/zero | tr '\\0' '1'")
                                   .arg(EscapeBytes)}
            << QStringLiteral("1") << 1 + linesOfLongLine(7 + EscapeBytes) << false;
}

void tst_HardeningOutput::hostileOutputStaysBounded()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, lastLineEnd);
    QFETCH(qint64, expectedLines);
    QFETCH(bool, mustDrop);

    WorkerPool pool;
    // Smaller sources under a sanitizer meet a log made smaller in proportion: lines still drop.
    pool.setLogLimits(pool.log().maxLines() / SizeDivisor, pool.log().maxCharacters() / SizeDivisor);
    // Everything the log is sent, counted on the way in: a line that is not in the log at the end
    // must be in droppedLines().
    qint64 appended = 0;
    qint64 received = 0;
    connect(&pool, &WorkerPool::outputReceived, this, [&](Worker *, const QList<OutputLine> &lines) {
        received += lines.size();
        for (const OutputLine &line : lines)
            appended += line.hasFlag(OutputLine::ReplacesPrevious) ? 0 : 1;
    });
    connect(&pool, &WorkerPool::eventOccurred, this, [&] { ++appended; });

    WorkerSpec spec;
    spec.arguments = arguments;
    QSignalSpy allFinished(&pool, &WorkerPool::allFinished);
    Worker *worker = pool.spawn(spec);
    QVERIFY(worker);
    QVERIFY2(allFinished.wait(120000) || !pool.hasActiveWorkers(),
             qPrintable(QStringLiteral("still running after 120 s, %1 lines read").arg(received)));
    QVERIFY2(worker->exitInfo().isSuccess(), qPrintable(worker->exitInfo().exitCodeText()));

    // The newest output is there, in the log and as the worker's last line.
    const Scrollback &log = pool.log();
    qint64 newest = log.endLine() - 1;
    while (newest >= log.firstLine() && log.at(newest).channel == OutputChannel::Monitor)
        --newest;
    QVERIFY2(newest >= log.firstLine(), "the newest output line must be in the log");
    const QString newestText = log.at(newest).text;
    QVERIFY2(newestText.endsWith(lastLineEnd),
             qPrintable(QStringLiteral("newest line: “%1”").arg(newestText.right(80))));
    QCOMPARE(worker->lastLine(), newestText);

    // Nothing lost silently: the log holds the newest lines and counts every other one.
    QCOMPARE(log.endLine(), appended);
    QCOMPARE(log.droppedLines(), log.endLine() - log.size());
    QCOMPARE(log.firstLine(), log.droppedLines());
    if (mustDrop)
        QVERIFY2(log.droppedLines() > 0, "the source is larger than the log: lines must drop");
    const qint64 workerLines = worker->lineCount(OutputChannel::StdOut)
                               + worker->lineCount(OutputChannel::StdErr);
    if (expectedLines >= 0)
        QCOMPARE(workerLines, expectedLines);
    const Scrollback &own = worker->scrollback();
    QCOMPARE(own.droppedLines() + own.size(), workerLines);

    // Bounded: by characters, with one capped line of slack, and for the whole process.
    QVERIFY(log.characterCount() <= log.maxCharacters() + LineSplitter::DefaultMaxLineLength);
    QVERIFY(own.characterCount() <= own.maxCharacters() + LineSplitter::DefaultMaxLineLength);
    const qint64 peakKb = peakResidentKb();
    qInfo("%s: %lld lines read, %lld in the log, %lld dropped, peak RSS %lld MB",
          QTest::currentDataTag(),
          received,
          qint64(log.size()),
          log.droppedLines(),
          peakKb / 1024);
    if (!UnderAddressSanitizer) {
        QVERIFY2(peakKb > 0 && peakKb < PeakResidentCapKb,
                 qPrintable(QStringLiteral("peak RSS %1 MB, cap %2 MB")
                                    .arg(peakKb / 1024)
                                    .arg(PeakResidentCapKb / 1024)));
    }
    QVERIFY(!TestSupport::isAlive(worker->pid()));
}

void tst_HardeningOutput::invalidCharacterSplitAcrossReads_data()
{
    QTest::addColumn<QList<QByteArray>>("reads");
    QTest::addColumn<QString>("text"); // every line, joined by '|', U+FFFD removed

    // A read that ends inside an invalid sequence: the byte after it must survive.
    QTest::newRow("4-byte lead, then newline") << QList<QByteArray>{"a\xf0", "\nb\n"} << "a|b";
    QTest::newRow("3-byte lead and 1, then ASCII")
            << QList<QByteArray>{"\xe2\x82", "xyz\n"} << "xyz";
    QTest::newRow("overlong, split") << QList<QByteArray>{"\xf0\x80",
                                                          "\x80"
                                                          "A\n"}
                                     << "A";
    QTest::newRow("valid, split") << QList<QByteArray>{"\xed\x95", "\x9c\n"} << u"\uD55C"_qs;
    QTest::newRow("truncated at the end") << QList<QByteArray>{"ok\n\xe2\x82"} << "ok|";
}

void tst_HardeningOutput::invalidCharacterSplitAcrossReads()
{
    QFETCH(QList<QByteArray>, reads);
    QFETCH(QString, text);
    const auto split = [](const QList<QByteArray> &pieces) {
        LineSplitter splitter;
        QList<OutputLine> lines;
        for (const QByteArray &piece : pieces)
            splitter.feed(piece, lines);
        splitter.finish(lines);
        QStringList texts;
        for (const OutputLine &line : std::as_const(lines))
            texts.append(line.text);
        return texts;
    };
    const QStringList lines = split(reads);
    QCOMPARE(lines.join(u'|').remove(QChar::ReplacementCharacter), text);
    // Where a pipe's reads end is chance: the lines must be those of one single read.
    QCOMPARE(lines, split({reads.join()}));
}

void tst_HardeningOutput::invalidCharacterSplitAcrossPipeReads()
{
    // The same through a real pipe: a truncated character, a pause, then the newline and a line.
    WorkerPool pool;
    WorkerSpec spec;
    spec.arguments = {"sh", "-c", "printf 'a\\360'; sleep 0.2; printf '\\nnext\\n'"};
    Worker *worker = pool.spawn(spec);
    QTRY_VERIFY_WITH_TIMEOUT(!worker->isActive(), 10000);
    QStringList texts;
    const Scrollback &lines = worker->scrollback();
    for (qint64 line = lines.firstLine(); line < lines.endLine(); ++line)
        texts.append(lines.at(line).text);
    QCOMPARE(texts, (QStringList{u"a\uFFFD"_qs, "next"}));
}

void tst_HardeningOutput::cleanupTestCase()
{
    QCOMPARE(TestSupport::liveChildren(QCoreApplication::applicationPid()).size(), 0);
}

QTEST_GUILESS_MAIN(tst_HardeningOutput)
#include "tst_hardening_output.moc"
