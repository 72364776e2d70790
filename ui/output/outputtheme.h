#pragma once

#include "ansiparser.h"

#include <QColor>
#include <QPalette>
#include <QTextCharFormat>

namespace ProcLab {

// The colours of the output view, derived from the widget's palette so that they work on a light or a
// dark Base colour, and the mapping of ANSI styles to text formats.
//
// Everything that ends up as text is made readable from the back of a classroom: a colour a program
// asked for is darkened (on a light background) or lightened (on a dark one) until it reaches the
// WCAG contrast ratio of 4.5 against what is behind it. The hue stays, so red still reads as red, but
// yellow on white becomes a legible olive and "white" text on white becomes grey rather than nothing.
class OutputTheme final
{
public:
    static constexpr qreal MinimumContrast = 4.5;

    explicit OutputTheme(const QPalette &palette = QPalette());

    QColor base() const { return m_base; }
    QColor text() const { return m_text; }
    QColor stderrText() const { return m_stderrText; }
    QColor stderrBackground() const { return m_stderrBackground; }
    QColor monitorText() const { return m_monitorText; }
    QColor gutterText() const { return m_gutterText; }
    QColor separator() const { return m_separator; }
    QColor selectionBackground() const { return m_selectionBackground; }
    QColor matchBackground() const { return m_matchBackground; }
    QColor matchText() const { return m_matchText; }
    QColor bannerBackground() const { return m_bannerBackground; }
    QColor bannerText() const { return m_bannerText; }

    // A worker's colour as text on the base colour.
    QColor workerText(int workerId) const;
    // The colour of one process of a worker (processColor()) as text on the base colour.
    QColor processText(int workerId, qint64 pid) const;
    // The format of a run in this style, in a row whose own text colour is defaultForeground and
    // whose background is rowBackground.
    QTextCharFormat format(const AnsiStyle &style,
                           const QColor &defaultForeground,
                           const QColor &rowBackground) const;

    // The colour an ANSI colour stands for, before any contrast correction.
    static QColor color(const AnsiColor &color);
    static qreal contrastRatio(const QColor &a, const QColor &b);
    // foreground, moved towards black or white until it has the given contrast on background.
    static QColor readableOn(const QColor &foreground, const QColor &background, qreal ratio);
    static QColor mix(const QColor &from, const QColor &to, qreal amount);

private:
    QColor m_base;
    QColor m_text;
    QColor m_stderrText;
    QColor m_stderrBackground;
    QColor m_monitorText;
    QColor m_gutterText;
    QColor m_separator;
    QColor m_selectionBackground;
    QColor m_matchBackground;
    QColor m_matchText;
    QColor m_bannerBackground;
    QColor m_bannerText;
    bool m_dark = false;
};

} // namespace ProcLab
