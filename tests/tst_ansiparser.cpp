#include "ansiparser.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <iterator>

using namespace ProcLab;

Q_DECLARE_METATYPE(ProcLab::AnsiColor)
Q_DECLARE_METATYPE(ProcLab::AnsiStyle)

namespace {

const QChar Esc(0x1b);

QString esc(const char *rest)
{
    return Esc + QString::fromLatin1(rest);
}

// Joins pieces into one QString: test data must be QString, not a QStringBuilder expression.
QString join(std::initializer_list<QStringView> parts)
{
    QString joined;
    for (const QStringView part : parts)
        joined += part;
    return joined;
}

AnsiStyle foreground(AnsiColor color)
{
    AnsiStyle style;
    style.foreground = color;
    return style;
}

AnsiStyle background(AnsiColor color)
{
    AnsiStyle style;
    style.background = color;
    return style;
}

AnsiStyle attributes(quint8 attributes, AnsiColor color = AnsiColor())
{
    AnsiStyle style;
    style.attributes = attributes;
    style.foreground = color;
    return style;
}

QString describe(const AnsiStyle &style)
{
    return QStringLiteral("fg %1/%2 bg %3/%4 attributes %5")
            .arg(int(style.foreground.kind))
            .arg(style.foreground.value, 0, 16)
            .arg(int(style.background.kind))
            .arg(style.background.value, 0, 16)
            .arg(style.attributes, 0, 16);
}

bool hasNoControls(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != 0x09) || (u >= 0x7f && u <= 0x9f))
            return false;
    }
    return true;
}

} // namespace

class tst_AnsiParser final : public QObject
{
    Q_OBJECT

private slots:
    void styles_data();
    void styles();
    void removed_data();
    void removed();
    void spansAreMerged();
    void stateCarriesAcrossParses();
    void strippedSharesPlainText();
    void garbageNeverLeaksControls();
    void millionSequencesStayLinear();
};

// One styled word "X" after a sequence: the style its span must have.
void tst_AnsiParser::styles_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<AnsiStyle>("style");

    const auto row = [](const char *name, const QString &input, const AnsiStyle &style) {
        QTest::newRow(name) << input << style;
    };
    row("red", esc("[31mX"), foreground(AnsiColor::indexed(1)));
    row("white 37", esc("[37mX"), foreground(AnsiColor::indexed(7)));
    row("bright red 91", esc("[91mX"), foreground(AnsiColor::indexed(9)));
    row("bright white 97", esc("[97mX"), foreground(AnsiColor::indexed(15)));
    row("background 42", esc("[42mX"), background(AnsiColor::indexed(2)));
    row("background 107", esc("[107mX"), background(AnsiColor::indexed(15)));
    row("256 foreground", esc("[38;5;208mX"), foreground(AnsiColor::indexed(208)));
    row("256 background", esc("[48;5;17mX"), background(AnsiColor::indexed(17)));
    row("256 colon form", esc("[38:5:99mX"), foreground(AnsiColor::indexed(99)));
    row("truecolor", esc("[38;2;10;20;30mX"), foreground(AnsiColor::rgb(10, 20, 30)));
    row("truecolor background", esc("[48;2;255;128;0mX"), background(AnsiColor::rgb(255, 128, 0)));
    row("truecolor colon", esc("[38:2:1:2:3mX"), foreground(AnsiColor::rgb(1, 2, 3)));
    row("truecolor colon, colour space", esc("[38:2::4:5:6mX"), foreground(AnsiColor::rgb(4, 5, 6)));
    row("bold", esc("[1mX"), attributes(AnsiStyle::Bold));
    row("italic", esc("[3mX"), attributes(AnsiStyle::Italic));
    row("underline", esc("[4mX"), attributes(AnsiStyle::Underline));
    row("bold blue in one", esc("[1;34mX"), attributes(AnsiStyle::Bold, AnsiColor::indexed(4)));
    row("22 ends bold", join({esc("[1;3m"), esc("[22mX")}), attributes(AnsiStyle::Italic));
    row("23 ends italic", join({esc("[1;3m"), esc("[23mX")}), attributes(AnsiStyle::Bold));
    row("24 ends underline", join({esc("[1;4m"), esc("[24mX")}), attributes(AnsiStyle::Bold));
    row("4:0 ends underline", join({esc("[1;4m"), esc("[4:0mX")}), attributes(AnsiStyle::Bold));
    row("39 resets foreground only",
        join({esc("[31;42m"), esc("[39mX")}),
        background(AnsiColor::indexed(2)));
    row("49 resets background only",
        join({esc("[31;42m"), esc("[49mX")}),
        foreground(AnsiColor::indexed(1)));
    row("later colour wins", esc("[31;32mX"), foreground(AnsiColor::indexed(2)));
    row("8-bit CSI", join({QString(QChar(0x9b)), u"33mX"}), foreground(AnsiColor::indexed(3)));
    row("256 out of range ignored",
        join({esc("[35m"), esc("[38;5;300mX")}),
        foreground(AnsiColor::indexed(5)));
    row("truncated truecolor ignored",
        join({esc("[36m"), esc("[38;2;1mX")}),
        foreground(AnsiColor::indexed(6)));
    row("huge parameter ignored",
        join({esc("[32m"), esc("[99999999999999999999mX")}),
        foreground(AnsiColor::indexed(2)));
    row("private sequence is not SGR",
        join({esc("[31m"), esc("[>4;2mX")}),
        foreground(AnsiColor::indexed(1)));
}

void tst_AnsiParser::styles()
{
    QFETCH(QString, input);
    QFETCH(AnsiStyle, style);

    const AnsiText parsed = AnsiParser::parseLine(input);
    QCOMPARE(parsed.text, QStringLiteral("X"));
    QCOMPARE(parsed.spans.size(), 1);
    QCOMPARE(parsed.spans.first().start, 0);
    QCOMPARE(parsed.spans.first().length, 1);
    QVERIFY2(parsed.spans.first().style == style,
             qPrintable(QStringLiteral("got %1, expected %2")
                                .arg(describe(parsed.spans.first().style), describe(style))));
}

// What the text must read once every sequence is gone, and how many styled spans remain.
void tst_AnsiParser::removed_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("spanCount");

    const auto row = [](const char *name, const QString &input, const QString &text, int spans) {
        QTest::newRow(name) << input << text << spans;
    };
    row("plain", QStringLiteral("hello\tworld"), QStringLiteral("hello\tworld"), 0);
    row("reset 0", join({esc("[31mred"), esc("[0m plain")}), QStringLiteral("red plain"), 1);
    row("reset empty", join({esc("[31mred"), esc("[m plain")}), QStringLiteral("red plain"), 1);
    row("cursor movement",
        join({esc("[2J"), esc("[10;5H"), u"a", esc("[3A"), u"b"}),
        QStringLiteral("ab"),
        0);
    row("erase line", join({u"x", esc("[K"), u"y"}), QStringLiteral("xy"), 0);
    row("private mode",
        join({esc("[?25l"), u"hidden cursor", esc("[?25h")}),
        QStringLiteral("hidden cursor"),
        0);
    row("OSC title with BEL", join({esc("]0;my title\a"), u"text"}), QStringLiteral("text"), 0);
    row("OSC hyperlink with ST",
        join({esc("]8;;https://example.invalid"), esc("\\"), u"link", esc("]8;;"), esc("\\")}),
        QStringLiteral("link"),
        0);
    row("DCS", join({esc("Pq#0;2;0;0;0"), esc("\\"), u"after"}), QStringLiteral("after"), 0);
    row("charset nF", join({esc("(B"), u"ascii"}), QStringLiteral("ascii"), 0);
    row("two-character escapes",
        join({esc("7"), u"a", esc("8"), u"b", esc("M")}),
        QStringLiteral("ab"),
        0);
    row("unterminated CSI", join({u"text", esc("[31")}), QStringLiteral("text"), 0);
    row("unterminated CSI, intermediates", join({u"text", esc("[1 ")}), QStringLiteral("text"), 0);
    row("unterminated OSC", join({u"text", esc("]0;title never ends")}), QStringLiteral("text"), 0);
    row("lone ESC at end", join({u"text", QString(Esc)}), QStringLiteral("text"), 0);
    row("ESC before non-ASCII", join({u"a", QString(Esc), u"한"}), QStringLiteral("a한"), 0);
    row("broken CSI shows what follows",
        join({u"a", esc("[12"), u"\u00e9b"}),
        QStringLiteral("a\u00e9b"),
        0);
    row("controls dropped",
        QStringLiteral("a\a\bb\x01\x7f"
                       "c\u0085d"),
        QStringLiteral("abcd"),
        0);
    row("carriage return dropped", QStringLiteral("50%\r"), QStringLiteral("50%"), 0);
    row("Korean kept",
        join({esc("[32m"), u"서브 프로그램", esc("[0m")}),
        QStringLiteral("서브 프로그램"),
        1);
    row("style without text makes no span",
        join({esc("[31m"), esc("[0m"), u"plain"}),
        QStringLiteral("plain"),
        0);
}

void tst_AnsiParser::removed()
{
    QFETCH(QString, input);
    QFETCH(QString, text);
    QFETCH(int, spanCount);

    const AnsiText parsed = AnsiParser::parseLine(input);
    QCOMPARE(parsed.text, text);
    QCOMPARE(parsed.spans.size(), spanCount);
    QCOMPARE(AnsiParser::stripped(input), text);
    QCOMPARE(AnsiParser().plainText(input), text);
}

void tst_AnsiParser::spansAreMerged()
{
    // The worker's "ansi" mode line, and a style repeated without a change in between.
    const AnsiText parsed = AnsiParser::parseLine(
            join({esc("[1;34mbold blue"), esc("[0m then reset"), esc("[33ma"), esc("[33mb")}));
    QCOMPARE(parsed.text,
             QStringLiteral("bold blue then reseta"
                            "b"));
    QCOMPARE(parsed.spans.size(), 2);
    QCOMPARE(parsed.spans.at(0).start, 0);
    QCOMPARE(parsed.spans.at(0).length, 9);
    QVERIFY(parsed.spans.at(0).style == attributes(AnsiStyle::Bold, AnsiColor::indexed(4)));
    QCOMPARE(parsed.spans.at(1).start, 20);
    QCOMPARE(parsed.spans.at(1).length, 2);
}

void tst_AnsiParser::stateCarriesAcrossParses()
{
    AnsiParser parser;
    parser.parse(esc("[31mfirst line"));
    const AnsiText second = parser.parse(QStringLiteral("second line"));
    QCOMPARE(second.spans.size(), 1);
    QVERIFY(second.spans.first().style == foreground(AnsiColor::indexed(1)));

    // parseLine() starts afresh every time: the view's choice.
    QCOMPARE(AnsiParser::parseLine(QStringLiteral("second line")).spans.size(), 0);
    parser.reset();
    QVERIFY(parser.style().isDefault());
}

void tst_AnsiParser::strippedSharesPlainText()
{
    const QString plain = QStringLiteral("no escapes here, 한국어 too");
    QVERIFY(AnsiParser::isPlain(plain));
    QVERIFY2(AnsiParser::stripped(plain).constData() == plain.constData(),
             "plain text must be returned without a copy");
    QVERIFY(!AnsiParser::isPlain(esc("[0m")));
}

void tst_AnsiParser::garbageNeverLeaksControls()
{
    // Random code units, heavy in ESC, '[', ']' and digits: whatever comes out is free of controls
    // and no longer than what went in.
    QRandomGenerator random(20240607);
    const char16_t alphabet[] = {0x1b,
                                 u'[',
                                 u']',
                                 u';',
                                 u':',
                                 u'3',
                                 u'8',
                                 u'5',
                                 u'2',
                                 u'm',
                                 u'\\',
                                 0x07,
                                 0x9b,
                                 0x9d,
                                 0x9c,
                                 u'?',
                                 u'a',
                                 0xac00,
                                 0x00};
    for (int round = 0; round < 2000; ++round) {
        QString input;
        const int length = random.bounded(1, 64);
        for (int i = 0; i < length; ++i) {
            const bool fromAlphabet = random.bounded(4) != 0;
            input += fromAlphabet ? QChar(alphabet[random.bounded(int(std::size(alphabet)))])
                                  : QChar(char16_t(random.bounded(0x20, 0xd7ff)));
        }
        const AnsiText parsed = AnsiParser::parseLine(input);
        QVERIFY2(hasNoControls(parsed.text),
                 qPrintable(QStringLiteral("controls left in round %1").arg(round)));
        QVERIFY(parsed.text.size() <= input.size());
        for (const AnsiSpan &span : parsed.spans) {
            QVERIFY(span.length > 0);
            QVERIFY(span.start + span.length <= parsed.text.size());
        }
    }
}

void tst_AnsiParser::millionSequencesStayLinear()
{
    constexpr int Count = 1000000;
    QString input;
    input.reserve(Count * 11);
    for (int i = 0; i < Count; ++i)
        input += esc(i % 2 ? "[31mx" : "[0my");
    // One enormous parameter list too: a million parameters in a single sequence.
    input += Esc + QStringLiteral("[") + QStringLiteral("1;").repeated(Count)
             + QStringLiteral("32mz");

    QElapsedTimer timer;
    timer.start();
    const AnsiText parsed = AnsiParser::parseLine(input);
    const qint64 elapsed = timer.elapsed();

    QCOMPARE(parsed.text.size(), Count + 1);
    QCOMPARE(parsed.spans.size(), Count / 2 + 1);
    QVERIFY(parsed.spans.last().style == attributes(AnsiStyle::Bold, AnsiColor::indexed(2)));
    // Linear work is tens of milliseconds; anything quadratic would take hours.
    QVERIFY2(elapsed < 5000, qPrintable(QStringLiteral("parsing took %1 ms").arg(elapsed)));
}

QTEST_GUILESS_MAIN(tst_AnsiParser)
#include "tst_ansiparser.moc"
