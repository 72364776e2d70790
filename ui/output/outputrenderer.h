#pragma once

#include "outputtheme.h"

#include <QCache>
#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>

class QPainter;

namespace ProcLab {

struct OutputLine;

// Paints the rows of an OutputView: a bar in the colour of the process that wrote the line (its
// worker's, unless a child of it wrote it: processColor()), the optional timestamp, the PID in the
// same colour, then the text with its ANSI styles.
//
// The cost of a row is bounded whatever the line holds: only the first MaxParsedCharacters of a line
// are parsed and at most the first MaxShownCharacters laid out (a grey note says how much more there
// is; Copy and Save have it all), and of those only as many as reach the right edge of the
// viewport. The laid-out rows are kept in a small LRU cache keyed by absolute line number, so a
// repaint under a flood lays out only the rows that are new on screen. An entry holds a reference to
// the text it was made from: a '\r' progress update replaces the line's text in the scrollback, the
// reference then differs, and the row is laid out again.
class OutputRenderer final
{
    Q_DECLARE_TR_FUNCTIONS(ProcLab::OutputRenderer)

public:
    static constexpr qsizetype MaxShownCharacters = 1000;
    static constexpr qsizetype MaxParsedCharacters = 4 * MaxShownCharacters;

    struct Decoration
    {
        bool selected = false;
        bool currentMatch = false;
        qsizetype matchStart = -1; // in the line's plain text
        qsizetype matchLength = 0;
    };

    OutputRenderer();
    ~OutputRenderer();

    void setFont(const QFont &font);
    QFont font() const { return m_font; }
    void setPalette(const QPalette &palette);
    const OutputTheme &theme() const { return m_theme; }
    void setShowTimestamps(bool show);

    int lineHeight() const { return m_lineHeight; }
    // Where the text column begins; the gutter before it does not scroll sideways.
    int gutterWidth() const { return m_gutterWidth; }

    // Paints the row of lineNumber at y = top across the given width; the text is shifted left by
    // horizontalOffset pixels. Returns the width of the row's text.
    qreal paintRow(QPainter &painter,
                   int top,
                   int width,
                   int horizontalOffset,
                   qint64 lineNumber,
                   const OutputLine &line,
                   qint64 pid,
                   const Decoration &decoration);
    // Where a character of the line's plain text starts, in text-column pixels; -1 when not shown.
    qreal textPosition(qint64 lineNumber, const OutputLine &line, qsizetype offset);

    void clearCache() { m_cache.clear(); }

    static QString pidText(qint64 pid);
    static QString timestampText(qint64 timestampMs);

private:
    struct Row;
    Row &rowFor(qint64 lineNumber, const OutputLine &line, qsizetype neededCharacters);
    void buildRow(Row &row, const OutputLine &line, qsizetype neededCharacters) const;
    qsizetype charactersFor(int pixels) const;
    void updateMetrics();

    QFont m_font;
    QFont m_boldFont;
    OutputTheme m_theme;
    QCache<qint64, Row> m_cache;
    bool m_showTimestamps = false;
    int m_lineHeight = 0;
    qreal m_ascent = 0;
    int m_timestampWidth = 0;
    int m_pidWidth = 0;
    int m_gutterWidth = 0;
    qreal m_tabWidth = 0;
    qreal m_characterWidth = 1;
};

} // namespace ProcLab
