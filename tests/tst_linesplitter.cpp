#include "linesplitter.h"

#include <QTest>

using namespace ProcLab;

// The splitter is fed chunk by chunk, as reads arrive; each row of the table gives the chunks and the
// lines they must make, written as "text" with a suffix for the flags: "|cr" progress line, "|rep"
// replaces the previous one, "|brk" broken at the cap, "|eof" unterminated.
class tst_LineSplitter final : public QObject
{
    Q_OBJECT

private slots:
    void splitsChunks_data();
    void splitsChunks();
    void breaksLongLinesAtTheCap();
    void neverSplitsASurrogatePair();
    void twentyMegabytesWithoutNewlineStayBounded();

private:
    static QStringList describe(const QList<OutputLine> &lines);
};

QStringList tst_LineSplitter::describe(const QList<OutputLine> &lines)
{
    QStringList result;
    for (const OutputLine &line : lines) {
        QString text = line.text;
        if (line.hasFlag(OutputLine::EndsWithCarriageReturn))
            text += QStringLiteral("|cr");
        if (line.hasFlag(OutputLine::ReplacesPrevious))
            text += QStringLiteral("|rep");
        if (line.hasFlag(OutputLine::Broken))
            text += QStringLiteral("|brk");
        if (line.hasFlag(OutputLine::Unterminated))
            text += QStringLiteral("|eof");
        result.append(text);
    }
    return result;
}

void tst_LineSplitter::splitsChunks_data()
{
    QTest::addColumn<QList<QByteArray>>("chunks");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("one line") << QList<QByteArray>{"hello\n"} << QStringList{"hello"};
    QTest::newRow("two lines, one read") << QList<QByteArray>{"a\nb\n"} << QStringList{"a", "b"};
    QTest::newRow("line across reads")
            << QList<QByteArray>{"hel", "lo\nwor", "ld\n"} << QStringList{"hello", "world"};
    QTest::newRow("empty lines") << QList<QByteArray>{"\n\n"} << QStringList{"", ""};
    QTest::newRow("crlf") << QList<QByteArray>{"a\r\nb\r\n"} << QStringList{"a", "b"};
    QTest::newRow("crlf split across reads")
            << QList<QByteArray>{"a\r", "\nb\n"} << QStringList{"a", "b"};
    QTest::newRow("progress") << QList<QByteArray>{"10%\r20%\r30%\rdone\n"}
                              << QStringList{"10%|cr", "20%|cr|rep", "30%|cr|rep", "done|rep"};
    QTest::newRow("progress cr at end of read") << QList<QByteArray>{"10%\r", "20%\r", "done\n"}
                                                << QStringList{"10%|cr", "20%|cr|rep", "done|rep"};
    QTest::newRow("tab kept") << QList<QByteArray>{"\tNumber 1 of 100000.\n"}
                              << QStringList{"\tNumber 1 of 100000."};
    QTest::newRow("korean") << QList<QByteArray>{"서브 프로그램 0\n"}
                            << QStringList{QStringLiteral("서브 프로그램 0")};
    // 한 is ED 95 9C: a character split across reads survives.
    QTest::newRow("character split across reads")
            << QList<QByteArray>{"\xed\x95", "\x9c\n"} << QStringList{QStringLiteral("한")};
    QTest::newRow("invalid bytes become U+FFFD") << QList<QByteArray>{"a\xff\xfe"
                                                                      "b\n"}
                                                 << QStringList{QStringLiteral("a\uFFFD\uFFFDb")};
    QTest::newRow("nul shown as symbol") << QList<QByteArray>{QByteArray("a\0b\n", 4)}
                                         << QStringList{QStringLiteral("a\u2400b")};
    QTest::newRow("ansi kept intact") << QList<QByteArray>{"\x1b[31mred\x1b[0m\n"}
                                      << QStringList{QStringLiteral("\x1b[31mred\x1b[0m")};
    QTest::newRow("no newline is pending") << QList<QByteArray>{"partial"} << QStringList{};
}

void tst_LineSplitter::splitsChunks()
{
    QFETCH(QList<QByteArray>, chunks);
    QFETCH(QStringList, expected);

    LineSplitter splitter;
    QList<OutputLine> lines;
    for (const QByteArray &chunk : chunks)
        splitter.feed(chunk, lines);
    QCOMPARE(describe(lines), expected);
}

void tst_LineSplitter::breaksLongLinesAtTheCap()
{
    LineSplitter splitter(10);
    QList<OutputLine> lines;
    splitter.feed("0123456789abcdefghijXYZ\n", lines);
    QCOMPARE(describe(lines), (QStringList{"0123456789|brk", "abcdefghij|brk", "XYZ"}));

    lines.clear();
    splitter.feed("tail without newline", lines);
    splitter.finish(lines);
    QCOMPARE(describe(lines), (QStringList{"tail witho|brk", "ut newline|eof"}));
}

void tst_LineSplitter::neverSplitsASurrogatePair()
{
    // U+1F600 is a surrogate pair in UTF-16; a cap of 4 would fall between its halves.
    LineSplitter splitter(4);
    QList<OutputLine> lines;
    const QByteArray bytes = QByteArray("abc") + QStringLiteral("\U0001F600").toUtf8() + "\n";
    splitter.feed(bytes, lines);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0).text, QStringLiteral("abc"));
    QCOMPARE(lines.at(1).text, QStringLiteral("\U0001F600"));
}

void tst_LineSplitter::twentyMegabytesWithoutNewlineStayBounded()
{
    LineSplitter splitter;
    const QByteArray chunk(64 * 1024, 'x');
    QList<OutputLine> lines;
    qsizetype largestPending = 0;
    for (int i = 0; i < 320; ++i) { // 20 MiB
        splitter.feed(chunk, lines);
        largestPending = qMax(largestPending, splitter.pendingLength());
    }
    splitter.finish(lines);
    QVERIFY2(largestPending <= splitter.maxLineLength(), "the pending line grew past the cap");
    qsizetype total = 0;
    for (const OutputLine &line : std::as_const(lines)) {
        QVERIFY(line.text.size() <= splitter.maxLineLength());
        total += line.text.size();
    }
    QCOMPARE(total, qsizetype(20 * 1024 * 1024));
    QVERIFY(lines.constLast().hasFlag(OutputLine::Unterminated));
}

QTEST_GUILESS_MAIN(tst_LineSplitter)
#include "tst_linesplitter.moc"
