#include "ansiparser.h"

#include <QVarLengthArray>

namespace ProcLab {

namespace {

constexpr char16_t Escape = 0x1b;
constexpr char16_t Bell = 0x07;
constexpr char16_t Cancel = 0x18;
constexpr char16_t Substitute = 0x1a;
constexpr char16_t Tab = 0x09;
// The 8-bit forms of CSI, OSC, DCS, SOS, PM, APC and ST that a UTF-8 stream can carry as U+009x.
constexpr char16_t ControlSequenceIntroducer = 0x9b;
constexpr char16_t StringTerminator = 0x9c;

// A parameter value that large means nothing to SGR; capping it keeps the arithmetic defined.
constexpr int MaxParameter = 0xffff;

bool isControl(char16_t c)
{
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

bool isStringIntroducer(char16_t c)
{
    // OSC, DCS, SOS, PM, APC in their 8-bit forms.
    return c == 0x9d || c == 0x90 || c == 0x98 || c == 0x9e || c == 0x9f;
}

bool inRange(char16_t c, char16_t low, char16_t high)
{
    return c >= low && c <= high;
}

struct Parameter
{
    int value = 0;
    bool present = false;      // "" in "1;;2" is a default, read as 0
    bool subParameter = false; // introduced by ':' rather than ';'
};

using Parameters = QVarLengthArray<Parameter, 16>;

Parameters splitParameters(QStringView text)
{
    Parameters parameters;
    Parameter current;
    for (const QChar character : text) {
        const char16_t c = character.unicode();
        if (c >= u'0' && c <= u'9') {
            current.value = qMin(current.value * 10 + int(c - u'0'), MaxParameter);
            current.present = true;
        } else {
            parameters.append(current);
            current = Parameter();
            current.subParameter = c == u':';
        }
    }
    parameters.append(current);
    return parameters;
}

bool isByte(int value)
{
    return value >= 0 && value <= 255;
}

// Reads the colour of 38/48 from parameters[first, end): "5;n" or "2;r;g;b", and in the colon form
// also "2:colourspace:r:g:b". Returns false for anything else.
bool readExtendedColor(const Parameters &parameters,
                       qsizetype first,
                       qsizetype end,
                       bool colonForm,
                       AnsiColor &color)
{
    if (first >= end)
        return false;
    const int kind = parameters[first].value;
    const qsizetype available = end - first - 1;
    if (kind == 5) {
        if (available < 1 || !isByte(parameters[first + 1].value))
            return false;
        color = AnsiColor::indexed(parameters[first + 1].value);
        return true;
    }
    if (kind == 2) {
        // ITU T.416 puts a colour space before r:g:b; most programs leave it out.
        const qsizetype red = colonForm && available >= 4 ? first + 2 : first + 1;
        if (red + 3 > end)
            return false;
        const int r = parameters[red].value;
        const int g = parameters[red + 1].value;
        const int b = parameters[red + 2].value;
        if (!isByte(r) || !isByte(g) || !isByte(b))
            return false;
        color = AnsiColor::rgb(r, g, b);
        return true;
    }
    return false;
}

// How many parameters after 38/48 the semicolon form uses: "5;n" or "2;r;g;b".
qsizetype semicolonColorLength(const Parameters &parameters, qsizetype first)
{
    if (first >= parameters.size())
        return 0;
    switch (parameters[first].value) {
    case 5:
        return 2;
    case 2:
        return 4;
    default:
        return 1;
    }
}

void applyCode(AnsiStyle &style, int code)
{
    switch (code) {
    case 0:
        style = AnsiStyle();
        break;
    case 1:
        style.attributes |= AnsiStyle::Bold;
        break;
    case 2:
        style.attributes |= AnsiStyle::Faint;
        break;
    case 3:
        style.attributes |= AnsiStyle::Italic;
        break;
    case 4:
    case 21: // double underline: shown as underline
        style.attributes |= AnsiStyle::Underline;
        break;
    case 7:
        style.attributes |= AnsiStyle::Inverse;
        break;
    case 9:
        style.attributes |= AnsiStyle::StrikeOut;
        break;
    case 22:
        style.attributes &= quint8(~(AnsiStyle::Bold | AnsiStyle::Faint));
        break;
    case 23:
        style.attributes &= quint8(~AnsiStyle::Italic);
        break;
    case 24:
        style.attributes &= quint8(~AnsiStyle::Underline);
        break;
    case 27:
        style.attributes &= quint8(~AnsiStyle::Inverse);
        break;
    case 29:
        style.attributes &= quint8(~AnsiStyle::StrikeOut);
        break;
    case 39:
        style.foreground = AnsiColor();
        break;
    case 49:
        style.background = AnsiColor();
        break;
    default:
        if (code >= 30 && code <= 37)
            style.foreground = AnsiColor::indexed(code - 30);
        else if (code >= 90 && code <= 97)
            style.foreground = AnsiColor::indexed(code - 90 + 8);
        else if (code >= 40 && code <= 47)
            style.background = AnsiColor::indexed(code - 40);
        else if (code >= 100 && code <= 107)
            style.background = AnsiColor::indexed(code - 100 + 8);
        // Blink, conceal, fonts, frames, overline: nothing a log view should imitate.
        break;
    }
}

} // namespace

AnsiText AnsiParser::parse(QStringView input)
{
    AnsiText result;
    scan(input, result.text, &result.spans);
    return result;
}

QString AnsiParser::plainText(QStringView input)
{
    QString text;
    scan(input, text, nullptr);
    return text;
}

AnsiText AnsiParser::parseLine(QStringView input)
{
    AnsiParser parser;
    return parser.parse(input);
}

QString AnsiParser::stripped(const QString &input)
{
    if (isPlain(input))
        return input;
    AnsiParser parser;
    return parser.plainText(input);
}

bool AnsiParser::isPlain(QStringView input)
{
    for (const QChar character : input) {
        const char16_t c = character.unicode();
        if (isControl(c) && c != Tab)
            return false;
    }
    return true;
}

void AnsiParser::scan(QStringView input, QString &text, QList<AnsiSpan> *spans)
{
    text.reserve(text.size() + input.size());
    const qsizetype size = input.size();
    qsizetype index = 0;
    while (index < size) {
        const qsizetype runStart = index;
        while (index < size && !isControl(input[index].unicode()))
            ++index;
        if (index > runStart)
            appendText(input.sliced(runStart, index - runStart), text, spans);
        if (index >= size)
            break;

        const char16_t c = input[index].unicode();
        if (c == Escape) {
            index = skipEscape(input, index + 1);
        } else if (c == ControlSequenceIntroducer) {
            index = skipControlSequence(input, index + 1);
        } else if (isStringIntroducer(c)) {
            index = skipControlString(input, index + 1);
        } else if (c == Tab) {
            appendText(input.sliced(index, 1), text, spans);
            ++index;
        } else {
            // Bell, backspace, NUL, DEL and the other controls: nothing to show.
            ++index;
        }
    }
}

// index is just after ESC. Returns where the text resumes.
qsizetype AnsiParser::skipEscape(QStringView input, qsizetype index)
{
    const qsizetype size = input.size();
    if (index >= size)
        return size; // a lone ESC at the end: the rest of the sequence never came
    const char16_t c = input[index].unicode();
    if (c == u'[')
        return skipControlSequence(input, index + 1);
    if (c == u']' || c == u'P' || c == u'X' || c == u'^' || c == u'_')
        return skipControlString(input, index + 1);
    if (inRange(c, 0x20, 0x2f)) {
        // nF escapes such as ESC ( B (character set): intermediates, then one final byte.
        while (index < size && inRange(input[index].unicode(), 0x20, 0x2f))
            ++index;
        if (index < size && inRange(input[index].unicode(), 0x30, 0x7e))
            ++index;
        return index;
    }
    if (inRange(c, 0x30, 0x7e))
        return index + 1; // ESC 7, ESC 8, ESC =, ESC M, ESC c…
    // ESC before anything else is dropped on its own; what follows is shown or interpreted.
    return index;
}

// index is just after CSI. Parameter bytes, intermediate bytes, one final byte (ECMA-48 5.4).
qsizetype AnsiParser::skipControlSequence(QStringView input, qsizetype index)
{
    const qsizetype size = input.size();
    const qsizetype parametersStart = index;
    bool onlyNumbers = true; // private sequences (ESC [ ? …, ESC [ > … m) are not SGR
    while (index < size && inRange(input[index].unicode(), 0x30, 0x3f)) {
        const char16_t c = input[index].unicode();
        onlyNumbers = onlyNumbers && (inRange(c, u'0', u'9') || c == u';' || c == u':');
        ++index;
    }
    const qsizetype parametersEnd = index;
    bool intermediates = false;
    while (index < size && inRange(input[index].unicode(), 0x20, 0x2f)) {
        intermediates = true;
        ++index;
    }
    if (index >= size)
        return size; // unterminated: dropped
    const char16_t finalByte = input[index].unicode();
    if (!inRange(finalByte, 0x40, 0x7e)) {
        // Not a valid sequence: like a terminal, abandon it and treat this character normally.
        return index;
    }
    if (finalByte == u'm' && onlyNumbers && !intermediates)
        applySelectGraphicRendition(input.sliced(parametersStart, parametersEnd - parametersStart));
    return index + 1;
}

// index is just after OSC, DCS, SOS, PM or APC. The string ends at ST (ESC \ or U+009C) or BEL, the
// terminator xterm accepts for OSC; CAN and SUB abort it.
qsizetype AnsiParser::skipControlString(QStringView input, qsizetype index)
{
    const qsizetype size = input.size();
    for (; index < size; ++index) {
        const char16_t c = input[index].unicode();
        if (c == Bell || c == StringTerminator || c == Cancel || c == Substitute)
            return index + 1;
        if (c == Escape) {
            if (index + 1 < size && input[index + 1].unicode() == u'\\')
                return index + 2;
            return index; // another escape begins: the string ends here
        }
    }
    return size; // unterminated: dropped
}

void AnsiParser::applySelectGraphicRendition(QStringView text)
{
    const Parameters parameters = splitParameters(text);
    const qsizetype count = parameters.size();
    qsizetype index = 0;
    while (index < count) {
        const int code = parameters[index].value;
        qsizetype next = index + 1;
        while (next < count && parameters[next].subParameter)
            ++next;
        const bool hasSubParameters = next > index + 1;

        if (code == 38 || code == 48 || code == 58) {
            AnsiColor color;
            bool valid = false;
            if (hasSubParameters) {
                valid = readExtendedColor(parameters, index + 1, next, true, color);
            } else {
                const qsizetype length = semicolonColorLength(parameters, index + 1);
                next = qMin(index + 1 + length, count);
                valid = readExtendedColor(parameters, index + 1, next, false, color);
            }
            // 58 is the underline colour: consumed, not shown.
            if (valid && code == 38)
                m_style.foreground = color;
            else if (valid && code == 48)
                m_style.background = color;
        } else if (code == 4 && hasSubParameters && parameters[index + 1].value == 0) {
            m_style.attributes &= quint8(~AnsiStyle::Underline); // 4:0 is "no underline"
        } else if (hasSubParameters && code != 4) {
            // An unknown code with sub-parameters: ignored as a whole.
        } else {
            applyCode(m_style, code);
        }
        index = next;
    }
}

void AnsiParser::appendText(QStringView piece, QString &text, QList<AnsiSpan> *spans) const
{
    if (spans && !m_style.isDefault()) {
        if (!spans->isEmpty() && spans->last().style == m_style
            && spans->last().start + spans->last().length == text.size()) {
            spans->last().length += piece.size();
        } else {
            spans->append({text.size(), piece.size(), m_style});
        }
    }
    text.append(piece);
}

} // namespace ProcLab
