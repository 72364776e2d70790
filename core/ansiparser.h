#pragma once

#include <QList>
#include <QString>
#include <QStringView>
#include <QtGlobal>

namespace ProcLab {

// A colour as a program asked for it with an SGR sequence. What it looks like on screen is the view's
// business (core has no QColor): the view maps indexes to a palette that reads well on its background.
struct AnsiColor
{
    enum class Kind : quint8 { Default, Indexed, Rgb };

    Kind kind = Kind::Default;
    // Indexed: 0..7 normal, 8..15 bright, 16..231 the xterm 6×6×6 cube, 232..255 greys.
    // Rgb: 0xRRGGBB.
    quint32 value = 0;

    static AnsiColor indexed(int index) { return {Kind::Indexed, quint32(index)}; }
    static AnsiColor rgb(int red, int green, int blue)
    {
        return {Kind::Rgb, (quint32(red) << 16) | (quint32(green) << 8) | quint32(blue)};
    }
    bool isDefault() const { return kind == Kind::Default; }

    friend bool operator==(const AnsiColor &a, const AnsiColor &b)
    {
        return a.kind == b.kind && a.value == b.value;
    }
    friend bool operator!=(const AnsiColor &a, const AnsiColor &b) { return !(a == b); }
};

// The graphic rendition in effect for a run of text.
struct AnsiStyle
{
    enum Attribute : quint8 {
        NoAttributes = 0,
        Bold = 0x01,
        Faint = 0x02,
        Italic = 0x04,
        Underline = 0x08,
        Inverse = 0x10,
        StrikeOut = 0x20,
    };

    AnsiColor foreground;
    AnsiColor background;
    quint8 attributes = NoAttributes;

    bool hasAttribute(Attribute attribute) const { return (attributes & attribute) != 0; }
    bool isDefault() const
    {
        return foreground.isDefault() && background.isDefault() && attributes == NoAttributes;
    }

    friend bool operator==(const AnsiStyle &a, const AnsiStyle &b)
    {
        return a.foreground == b.foreground && a.background == b.background
               && a.attributes == b.attributes;
    }
    friend bool operator!=(const AnsiStyle &a, const AnsiStyle &b) { return !(a == b); }
};

// A run of AnsiText::text in a style other than the default. Text between spans has the default style.
struct AnsiSpan
{
    qsizetype start = 0;
    qsizetype length = 0;
    AnsiStyle style;
};

// What a line looks like once its escape sequences are interpreted: the text to show and its styles.
struct AnsiText
{
    QString text;
    QList<AnsiSpan> spans; // ordered, not overlapping, never empty, adjacent ones differ in style
};

// Turns a line of terminal output into plain text plus styled spans.
//
// SGR sequences (ESC [ … m: colours 30–37, 90–97, 40–47, 100–107, 38/48;5;n, 38/48;2;r;g;b also in the
// colon forms, bold, faint, italic, underline, inverse, strike-out and their resets) become spans.
// Every other escape sequence (cursor movement, erase, OSC titles and hyperlinks, DCS, charset
// selection, private modes) and every other control character is removed, never shown as garbage; a
// sequence still open at the end of the input is dropped. Tabs are kept. The work is linear in the
// input, whatever it holds: a line of a million sequences costs a million steps.
//
// A parser carries its style from one parse() to the next, as a terminal would. Line views call
// parseLine(), which starts from the default style every time: a line then looks the same whichever
// lines around it are loaded, which lets a view parse only the lines it shows.
class AnsiParser final
{
public:
    // Interprets input, starting from style() and leaving style() as the input ends.
    AnsiText parse(QStringView input);
    // The same text as parse(input).text, without collecting spans.
    QString plainText(QStringView input);

    const AnsiStyle &style() const { return m_style; }
    void reset() { m_style = AnsiStyle(); }

    // parse() from the default style.
    static AnsiText parseLine(QStringView input);
    // The text of a line with escapes and control characters removed. Shares the input's data when
    // there is nothing to remove, which is the common case and costs no allocation.
    static QString stripped(const QString &input);
    // No escape sequence or control character other than tab: the text is its own plain text.
    static bool isPlain(QStringView input);

private:
    void scan(QStringView input, QString &text, QList<AnsiSpan> *spans);
    qsizetype skipEscape(QStringView input, qsizetype index);
    qsizetype skipControlSequence(QStringView input, qsizetype index);
    static qsizetype skipControlString(QStringView input, qsizetype index);
    void applySelectGraphicRendition(QStringView parameters);
    void appendText(QStringView piece, QString &text, QList<AnsiSpan> *spans) const;

    AnsiStyle m_style;
};

} // namespace ProcLab
