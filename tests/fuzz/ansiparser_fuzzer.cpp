// AnsiParser against any text a program may print.
//
// Input: a first byte choosing how the rest becomes text (UTF-8; Latin-1, which reaches the 8-bit
// controls U+0080..U+009F in one byte; or raw UTF-16), then the text. Invariants from ansiparser.h:
// the text shown holds no control character but tab and is never longer than the input; spans are
// ordered, inside the text, never empty, never of the default style, and two that touch differ in
// style; colours are in range; plainText() and stripped() agree with parse(); what comes out is
// plain, so parsing it again changes nothing.
#include "ansiparser.h"
#include "fuzzcheck.h"

#include <cstdint>
#include <cstring>

using namespace ProcLab;

namespace {

bool isShownControl(char16_t c)
{
    return (c < 0x20 && c != u'\t') || (c >= 0x7f && c <= 0x9f);
}

QString textOf(const uint8_t *data, size_t size)
{
    if (size == 0)
        return QString();
    const auto *bytes = reinterpret_cast<const char *>(data + 1);
    const auto length = qsizetype(size - 1);
    switch (data[0] % 3) {
    case 0:
        return QString::fromUtf8(bytes, length);
    case 1:
        return QString::fromLatin1(bytes, length);
    default: {
        // Copied, not cast: the bytes need not be aligned for char16_t.
        QString text(length / 2, Qt::Uninitialized);
        std::memcpy(text.data(), bytes, size_t(text.size()) * sizeof(QChar));
        return text;
    }
    }
}

void checkColor(const AnsiColor &color)
{
    switch (color.kind) {
    case AnsiColor::Kind::Default:
        FUZZ_CHECK(color.value == 0);
        break;
    case AnsiColor::Kind::Indexed:
        FUZZ_CHECK(color.value <= 255);
        break;
    case AnsiColor::Kind::Rgb:
        FUZZ_CHECK(color.value <= 0xffffff);
        break;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = textOf(data, size);
    const AnsiText parsed = AnsiParser::parseLine(input);

    FUZZ_CHECK(parsed.text.size() <= input.size());
    for (const QChar c : parsed.text)
        FUZZ_CHECK(!isShownControl(c.unicode()));
    qsizetype previousEnd = 0;
    for (qsizetype i = 0; i < parsed.spans.size(); ++i) {
        const AnsiSpan &span = parsed.spans.at(i);
        FUZZ_CHECK(span.length > 0);
        FUZZ_CHECK(span.start >= previousEnd);
        FUZZ_CHECK(span.start + span.length <= parsed.text.size());
        FUZZ_CHECK(!span.style.isDefault());
        if (i > 0 && span.start == previousEnd)
            FUZZ_CHECK(span.style != parsed.spans.at(i - 1).style);
        checkColor(span.style.foreground);
        checkColor(span.style.background);
        previousEnd = span.start + span.length;
    }

    AnsiParser parser;
    FUZZ_CHECK(parser.plainText(input) == parsed.text);
    FUZZ_CHECK(AnsiParser::stripped(input) == parsed.text);
    FUZZ_CHECK(AnsiParser::isPlain(parsed.text));
    if (AnsiParser::isPlain(input))
        FUZZ_CHECK(parsed.text == input && parsed.spans.isEmpty());
    const AnsiText again = AnsiParser::parseLine(parsed.text);
    FUZZ_CHECK(again.text == parsed.text && again.spans.isEmpty());

    // A parser carries its style on: a second parse starts where the first left off.
    AnsiParser carrying;
    const AnsiText first = carrying.parse(input);
    const AnsiStyle carried = carrying.style();
    const AnsiText second = carrying.parse(QStringLiteral("x"));
    FUZZ_CHECK(first.text == parsed.text);
    FUZZ_CHECK(second.text == QStringLiteral("x"));
    FUZZ_CHECK(carried.isDefault()
                       ? second.spans.isEmpty()
                       : second.spans.size() == 1 && second.spans.first().style == carried);
    return 0;
}
