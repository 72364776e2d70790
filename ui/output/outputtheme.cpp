#include "outputtheme.h"

#include "workercolors.h"

#include <array>
#include <cmath>

namespace ProcLab {

namespace {

// The Tango palette: distinct hues that survive the contrast correction better than xterm's
// pure primaries (xterm's yellow on white cannot be darkened into anything but brown).
constexpr std::array<QRgb, 16> BasicColors = {
        0x2e3436,
        0xcc0000,
        0x4e9a06,
        0xc4a000,
        0x3465a4,
        0x75507b,
        0x06989a,
        0xd3d7cf,
        0x555753,
        0xef2929,
        0x8ae234,
        0xfce94f,
        0x729fcf,
        0xad7fa8,
        0x34e2e2,
        0xeeeeec,
};

qreal linear(int channel)
{
    const qreal value = channel / 255.0;
    return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
}

qreal luminance(const QColor &color)
{
    return 0.2126 * linear(color.red()) + 0.7152 * linear(color.green())
           + 0.0722 * linear(color.blue());
}

} // namespace

OutputTheme::OutputTheme(const QPalette &palette)
    : m_base(palette.color(QPalette::Active, QPalette::Base))
    , m_dark(luminance(palette.color(QPalette::Active, QPalette::Base)) < 0.4)
{
    m_text = readableOn(palette.color(QPalette::Active, QPalette::Text), m_base, 7.0);
    m_stderrBackground = mix(m_base, QColor(0xd0, 0x20, 0x20), m_dark ? 0.18 : 0.09);
    m_stderrText = readableOn(m_dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xa4, 0x00, 0x00),
                              m_stderrBackground,
                              MinimumContrast);
    m_monitorText = readableOn(mix(m_text, m_base, 0.4), m_base, MinimumContrast);
    m_gutterText = m_monitorText;
    m_separator = mix(m_text, m_base, 0.75);
    m_selectionBackground = mix(m_base, palette.color(QPalette::Active, QPalette::Highlight), 0.28);
    m_matchBackground = QColor(0xff, 0xd5, 0x4f);
    m_matchText = QColor(Qt::black);
    m_bannerBackground = mix(m_base, QColor(0xf0, 0xa0, 0x00), m_dark ? 0.3 : 0.22);
    m_bannerText = readableOn(m_text, m_bannerBackground, 7.0);
}

QColor OutputTheme::workerText(int workerId) const
{
    return readableOn(workerColor(workerId), m_base, MinimumContrast);
}

QColor OutputTheme::processText(int workerId, qint64 pid) const
{
    return readableOn(processColor(workerId, pid), m_base, MinimumContrast);
}

QTextCharFormat OutputTheme::format(const AnsiStyle &style,
                                    const QColor &defaultForeground,
                                    const QColor &rowBackground) const
{
    QColor foreground = style.foreground.isDefault() ? defaultForeground : color(style.foreground);
    QColor background = style.background.isDefault() ? QColor() : color(style.background);
    if (style.hasAttribute(AnsiStyle::Inverse)) {
        const QColor oldForeground = foreground;
        foreground = background.isValid() ? background : rowBackground;
        background = oldForeground;
    }
    const QColor behind = background.isValid() ? background : rowBackground;
    // Faint is honoured a little, but never below the large-text contrast ratio.
    if (style.hasAttribute(AnsiStyle::Faint))
        foreground = readableOn(mix(foreground, behind, 0.35), behind, 3.0);
    else
        foreground = readableOn(foreground, behind, MinimumContrast);

    QTextCharFormat format;
    format.setForeground(foreground);
    if (background.isValid())
        format.setBackground(background);
    if (style.hasAttribute(AnsiStyle::Bold))
        format.setFontWeight(QFont::Bold);
    if (style.hasAttribute(AnsiStyle::Italic))
        format.setFontItalic(true);
    if (style.hasAttribute(AnsiStyle::Underline))
        format.setFontUnderline(true);
    if (style.hasAttribute(AnsiStyle::StrikeOut))
        format.setFontStrikeOut(true);
    return format;
}

QColor OutputTheme::color(const AnsiColor &color)
{
    switch (color.kind) {
    case AnsiColor::Kind::Default:
        return QColor();
    case AnsiColor::Kind::Rgb:
        return QColor::fromRgb(QRgb(color.value));
    case AnsiColor::Kind::Indexed:
        break;
    }
    const int index = int(color.value);
    if (index < 16)
        return QColor::fromRgb(BasicColors[size_t(index)]);
    if (index < 232) {
        // The xterm 6×6×6 cube.
        static constexpr std::array<int, 6> Levels = {0, 95, 135, 175, 215, 255};
        const int cube = index - 16;
        return QColor(Levels[size_t(cube / 36)],
                      Levels[size_t(cube / 6 % 6)],
                      Levels[size_t(cube % 6)]);
    }
    const int grey = 8 + 10 * (index - 232);
    return QColor(grey, grey, grey);
}

qreal OutputTheme::contrastRatio(const QColor &a, const QColor &b)
{
    const qreal first = luminance(a);
    const qreal second = luminance(b);
    return (qMax(first, second) + 0.05) / (qMin(first, second) + 0.05);
}

QColor OutputTheme::readableOn(const QColor &foreground, const QColor &background, qreal ratio)
{
    if (contrastRatio(foreground, background) >= ratio)
        return foreground;
    // Towards whichever of black and white stands out more from this background.
    const QColor target = contrastRatio(Qt::black, background)
                                          >= contrastRatio(Qt::white, background)
                                  ? QColor(Qt::black)
                                  : QColor(Qt::white);
    QColor adjusted = foreground;
    for (int step = 1; step <= 10 && contrastRatio(adjusted, background) < ratio; ++step)
        adjusted = mix(foreground, target, step / 10.0);
    return adjusted;
}

QColor OutputTheme::mix(const QColor &from, const QColor &to, qreal amount)
{
    const auto channel = [amount](int a, int b) {
        return qBound(0, qRound(a + (b - a) * amount), 255);
    };
    return QColor(channel(from.red(), to.red()),
                  channel(from.green(), to.green()),
                  channel(from.blue(), to.blue()));
}

} // namespace ProcLab
