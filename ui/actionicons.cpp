#include "actionicons.h"

#include "workercolors.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <functional>

namespace ProcLab::ActionIcons {

namespace {

// Drawn on a 64 × 64 canvas; QIcon scales it down to the toolbar's size.
constexpr int Size = 64;

const QColor Ink(0x30, 0x36, 0x3d);
const QColor Amber(0xd9, 0x7a, 0x00);
const QColor Red(0xc6, 0x28, 0x28);

QIcon paintIcon(const std::function<void(QPainter &)> &paint)
{
    QPixmap pixmap(Size, Size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    paint(painter);
    painter.end();
    return QIcon(pixmap);
}

void drawStopwatch(QPainter &painter, const QRectF &face, const QColor &color)
{
    painter.setPen(QPen(color, 5, Qt::SolidLine, Qt::RoundCap));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(face);
    const QPointF centre = face.center();
    painter.drawLine(QPointF(centre.x(), face.top() - 6), QPointF(centre.x(), face.top()));
    painter.drawLine(QPointF(centre.x() - 6, face.top() - 7),
                     QPointF(centre.x() + 6, face.top() - 7));
    painter.drawLine(centre, QPointF(centre.x(), face.top() + 9));
    painter.drawLine(centre, QPointF(centre.x() + 9, centre.y() + 5));
}

} // namespace

QIcon spawnWorkers()
{
    return paintIcon([](QPainter &painter) {
        painter.setPen(Qt::NoPen);
        const QPointF centres[] = {{18, 18}, {46, 18}, {18, 46}, {46, 46}};
        for (int i = 0; i < 4; ++i) {
            painter.setBrush(workerColor(i + 1));
            painter.drawEllipse(centres[i], 13, 13);
        }
    });
}

QIcon countdown()
{
    return paintIcon([](QPainter &painter) { drawStopwatch(painter, QRectF(10, 14, 44, 44), Ink); });
}

QIcon runCommand()
{
    return paintIcon([](QPainter &painter) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(Ink);
        painter.drawRoundedRect(QRectF(4, 8, 56, 48), 7, 7);
        painter.setPen(QPen(Qt::white, 5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPolyline(QPolygonF({QPointF(15, 22), QPointF(25, 31), QPointF(15, 40)}));
        painter.drawLine(QPointF(30, 42), QPointF(46, 42));
    });
}

QIcon terminate()
{
    return paintIcon([](QPainter &painter) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(Amber);
        painter.drawRoundedRect(QRectF(10, 10, 44, 44), 8, 8);
    });
}

QIcon kill()
{
    return paintIcon([](QPainter &painter) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(Red);
        painter.drawEllipse(QRectF(4, 4, 56, 56));
        painter.setPen(QPen(Qt::white, 7, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(21, 21), QPointF(43, 43));
        painter.drawLine(QPointF(43, 21), QPointF(21, 43));
    });
}

QIcon terminateAfter()
{
    return paintIcon([](QPainter &painter) {
        drawStopwatch(painter, QRectF(4, 12, 40, 40), Ink);
        painter.setPen(QPen(Qt::white, 3));
        painter.setBrush(Amber);
        painter.drawRoundedRect(QRectF(34, 34, 28, 28), 5, 5);
    });
}

QIcon clearFinished()
{
    return paintIcon([](QPainter &painter) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xb0, 0xb4, 0xb8));
        for (int i = 0; i < 3; ++i)
            painter.drawRoundedRect(QRectF(4, 10 + i * 16, 40, 10), 3, 3);
        painter.setPen(QPen(Ink, 6, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(60, 8), QPointF(40, 44));
        QPainterPath brush;
        brush.moveTo(32, 42);
        brush.lineTo(48, 50);
        brush.lineTo(42, 62);
        brush.lineTo(24, 56);
        brush.closeSubpath();
        painter.setPen(Qt::NoPen);
        painter.setBrush(Amber);
        painter.drawPath(brush);
    });
}

} // namespace ProcLab::ActionIcons
