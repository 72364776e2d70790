#include "outputrenderer.h"

#include "ansiparser.h"
#include "outputline.h"
#include "workercolors.h"

#include <QDateTime>
#include <QPainter>
#include <QTextLayout>

namespace ProcLab {

namespace {

constexpr int MarkerWidth = 4;
constexpr int Padding = 6;
// One pixel above and below the font's line spacing: rows read as lines, not as a wall of text.
constexpr int RowPadding = 1;
// Enough for a screenful of long rows several times over; the cost is what makes the LRU evict a
// row: its text's length in KiB, so that 64 KiB pieces of an endless line do not pin 30 MB.
constexpr int CacheCost = 8192;

// The character that marks the monitor's own events, so they read as notes, not as output.
const QString &monitorMarker()
{
    static const QString marker = QStringLiteral("\u25b8 ");
    return marker;
}

} // namespace

struct OutputRenderer::Row
{
    QString source; // shares the scrollback's text: tells a replaced line from the one laid out
    QTextLayout layout;
    QString timestamp;
    qreal width = 0;
    qsizetype prefixLength = 0; // the monitor marker before the line's own text
    qsizetype shownLength = 0;  // characters of the plain text that are laid out
    bool partial = false;       // more would be shown if the viewport were wider
    // The writer's colours, worked out once per row rather than once per paint: the bar's, and
    // the PID's, made readable on the background.
    QColor markerColor;
    QColor pidColor;
};

OutputRenderer::OutputRenderer()
    : m_cache(CacheCost)
{
    updateMetrics();
}

OutputRenderer::~OutputRenderer() = default;

void OutputRenderer::setFont(const QFont &font)
{
    m_font = font;
    m_boldFont = font;
    m_boldFont.setWeight(QFont::Bold);
    updateMetrics();
    clearCache();
}

void OutputRenderer::setPalette(const QPalette &palette)
{
    m_theme = OutputTheme(palette);
    clearCache();
}

void OutputRenderer::setShowTimestamps(bool show)
{
    m_showTimestamps = show;
    updateMetrics();
}

void OutputRenderer::updateMetrics()
{
    const QFontMetricsF metrics(m_font);
    const QFontMetricsF boldMetrics(m_boldFont);
    m_lineHeight = qCeil(metrics.lineSpacing()) + 2 * RowPadding;
    m_ascent = RowPadding + metrics.ascent();
    m_characterWidth = qMax<qreal>(1, metrics.horizontalAdvance(QLatin1Char('0')));
    m_tabWidth = 8 * metrics.horizontalAdvance(QLatin1Char(' '));
    m_timestampWidth = qCeil(metrics.horizontalAdvance(QStringLiteral("00:00:00.000")));
    // Linux PIDs have at most 7 digits (pid_max is 2^22).
    m_pidWidth = qCeil(boldMetrics.horizontalAdvance(QStringLiteral("0000000")));
    m_gutterWidth = MarkerWidth + Padding + (m_showTimestamps ? m_timestampWidth + Padding : 0)
                    + m_pidWidth + Padding + 1 + Padding;
}

QString OutputRenderer::pidText(qint64 pid)
{
    return pid > 0 ? QString::number(pid) : QStringLiteral("-");
}

QString OutputRenderer::timestampText(qint64 timestampMs)
{
    return QDateTime::fromMSecsSinceEpoch(timestampMs).toString(QStringLiteral("HH:mm:ss.zzz"));
}

qsizetype OutputRenderer::charactersFor(int pixels) const
{
    // Generous: wide (CJK) characters only make fewer characters fill the width. Rounded up so that
    // scrolling sideways rebuilds a row now and then, not at every step.
    constexpr qsizetype Granularity = 256;
    const qsizetype characters = qCeil(qMax(0, pixels) / m_characterWidth) + 32;
    return qMin((characters + Granularity - 1) / Granularity * Granularity, MaxShownCharacters);
}

OutputRenderer::Row &OutputRenderer::rowFor(qint64 lineNumber,
                                            const OutputLine &line,
                                            qsizetype neededCharacters)
{
    Row *row = m_cache.object(lineNumber);
    // Same text data and size: the same line. A replaced line has new data, and the reference the
    // entry holds keeps the old data's address from being reused meanwhile.
    if (row && row->source.constData() == line.text.constData()
        && row->source.size() == line.text.size()
        && (!row->partial || row->shownLength >= neededCharacters)) {
        return *row;
    }
    if (row && row->partial)
        neededCharacters = qMax(neededCharacters, row->shownLength);
    row = new Row;
    buildRow(*row, line, neededCharacters);
    const int cost = 1 + int(qMin<qsizetype>(line.text.size(), 64 * 1024) / 1024);
    m_cache.insert(lineNumber, row, cost);
    return *row;
}

void OutputRenderer::buildRow(Row &row, const OutputLine &line, qsizetype neededCharacters) const
{
    row.source = line.text;
    row.timestamp = timestampText(line.timestampMs);
    row.markerColor = processColor(line.workerId, line.pid);
    row.pidColor = line.pid != 0 ? m_theme.processText(line.workerId, line.pid)
                                 : m_theme.workerText(line.workerId);

    const QStringView raw = QStringView(line.text).first(
            qMin(line.text.size(), MaxParsedCharacters));
    // Every line starts from the default style, even if the previous line of its worker left a colour
    // on: a row then looks the same whichever rows are parsed around it, so only visible rows need
    // parsing (log views of many terminals do the same).
    AnsiText parsed;
    if (AnsiParser::isPlain(raw))
        parsed.text = raw.toString();
    else
        parsed = AnsiParser::parseLine(raw);

    const bool monitor = line.channel == OutputChannel::Monitor;
    const QColor defaultForeground = monitor                                 ? m_theme.monitorText()
                                     : line.channel == OutputChannel::StdErr ? m_theme.stderrText()
                                                                             : m_theme.text();
    const QColor rowBackground = line.channel == OutputChannel::StdErr ? m_theme.stderrBackground()
                                                                       : m_theme.base();
    row.prefixLength = monitor ? monitorMarker().size() : 0;
    const qsizetype showable = qMin(parsed.text.size(), MaxShownCharacters);
    const qsizetype hidden = (line.text.size() - raw.size()) + (parsed.text.size() - showable);
    // Shaping text is what costs: only as much as the viewport can show is laid out (a flood of
    // 64 KiB pieces would otherwise shape 1000 characters per row per batch).
    row.shownLength = qMin(showable, neededCharacters);
    row.partial = row.shownLength < showable;

    QString shown;
    shown.reserve(row.prefixLength + row.shownLength + 80);
    if (monitor)
        shown += monitorMarker();
    shown += QStringView(parsed.text).first(row.shownLength);

    QList<QTextLayout::FormatRange> formats;
    QTextCharFormat baseFormat;
    baseFormat.setForeground(defaultForeground);
    if (monitor)
        baseFormat.setFontItalic(true);
    formats.append({0, int(shown.size()), baseFormat});
    for (const AnsiSpan &span : std::as_const(parsed.spans)) {
        if (span.start >= row.shownLength)
            break;
        QTextCharFormat format = m_theme.format(span.style, defaultForeground, rowBackground);
        if (monitor)
            format.setFontItalic(true);
        const qsizetype length = qMin(span.length, row.shownLength - span.start);
        formats.append({int(row.prefixLength + span.start), int(length), format});
    }

    QString note;
    if (hidden > 0 && line.hasFlag(OutputLine::Broken))
        note = tr("  … %Ln more characters; the line goes on in the next row", "", int(hidden));
    else if (hidden > 0)
        note = tr("  … %Ln more characters (Copy and Save have them all)", "", int(hidden));
    else if (line.hasFlag(OutputLine::Broken))
        note = tr("  (the line goes on in the next row)");
    if (!note.isEmpty() && !row.partial) {
        QTextCharFormat noteFormat;
        noteFormat.setForeground(m_theme.monitorText());
        noteFormat.setFontItalic(true);
        formats.append({int(shown.size()), int(note.size()), noteFormat});
        shown += note;
    }

    QTextOption option;
    option.setWrapMode(QTextOption::NoWrap);
    option.setTabStopDistance(m_tabWidth);
    row.layout.setFont(m_font);
    row.layout.setTextOption(option);
    row.layout.setText(shown);
    row.layout.setFormats(formats);
    row.layout.setCacheEnabled(true);
    row.layout.beginLayout();
    QTextLine textLine = row.layout.createLine();
    if (textLine.isValid()) {
        textLine.setLineWidth(qreal(1 << 24));
        // A fallback font (Noto CJK for Hangul) has a larger ascent than the monospace font; pinning
        // the baseline keeps every row's text on the same line whatever scripts it holds.
        textLine.setPosition(QPointF(0, m_ascent - textLine.ascent()));
    }
    row.layout.endLayout();
    // A partial row reports the width it will have once laid out in full, for the sideways range.
    if (row.partial)
        row.width = (row.prefixLength + showable + note.size()) * m_characterWidth;
    else
        row.width = textLine.isValid() ? textLine.naturalTextWidth() : 0;
}

qreal OutputRenderer::paintRow(QPainter &painter,
                               int top,
                               int width,
                               int horizontalOffset,
                               qint64 lineNumber,
                               const OutputLine &line,
                               qint64 pid,
                               const Decoration &decoration)
{
    const Row &row = rowFor(lineNumber,
                            line,
                            charactersFor(horizontalOffset + width - m_gutterWidth));
    const QRect rowRect(0, top, width, m_lineHeight);
    if (decoration.selected)
        painter.fillRect(rowRect, m_theme.selectionBackground());
    else if (line.channel == OutputChannel::StdErr)
        painter.fillRect(rowRect, m_theme.stderrBackground());

    painter.fillRect(QRect(0, top, MarkerWidth, m_lineHeight), row.markerColor);
    const qreal baseline = top + m_ascent;
    int x = MarkerWidth + Padding;
    if (m_showTimestamps) {
        painter.setFont(m_font);
        painter.setPen(m_theme.gutterText());
        painter.drawText(QPointF(x, baseline), row.timestamp);
        x += m_timestampWidth + Padding;
    }
    const QString pidString = pidText(pid);
    painter.setFont(m_boldFont);
    painter.setPen(row.pidColor);
    const qreal pidAdvance = QFontMetricsF(m_boldFont).horizontalAdvance(pidString);
    painter.drawText(QPointF(x + m_pidWidth - pidAdvance, baseline), pidString);
    x += m_pidWidth + Padding;
    painter.fillRect(QRect(x, top, 1, m_lineHeight), m_theme.separator());

    QList<QTextLayout::FormatRange> highlights;
    if (decoration.matchStart >= 0 && decoration.matchStart < row.shownLength) {
        QTextCharFormat format;
        format.setBackground(m_theme.matchBackground());
        format.setForeground(m_theme.matchText());
        const qsizetype length = qMin(decoration.matchLength,
                                      row.shownLength - decoration.matchStart);
        highlights.append({int(row.prefixLength + decoration.matchStart), int(length), format});
    }
    painter.save();
    painter.setClipRect(QRect(m_gutterWidth, top, qMax(0, width - m_gutterWidth), m_lineHeight));
    row.layout.draw(&painter, QPointF(m_gutterWidth - horizontalOffset, top), highlights);
    painter.restore();

    if (decoration.currentMatch) {
        painter.setPen(QPen(m_theme.matchBackground().darker(130), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(rowRect).adjusted(1, 1, -1, -1));
    }
    return row.width;
}

qreal OutputRenderer::textPosition(qint64 lineNumber, const OutputLine &line, qsizetype offset)
{
    const Row &row = rowFor(lineNumber, line, qMin(offset + 64, MaxShownCharacters));
    if (offset < 0 || offset > row.shownLength || row.layout.lineCount() == 0)
        return -1;
    return row.layout.lineAt(0).cursorToX(int(row.prefixLength + offset));
}

} // namespace ProcLab
