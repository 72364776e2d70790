#include "sparklinedelegate.h"

#include "workercolors.h"
#include "workertablemodel.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace ProcLab {

SparklineDelegate::SparklineDelegate(int historyRole, int historyLength, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_historyRole(historyRole)
    , m_historyLength(qMax(2, historyLength))
{}

void SparklineDelegate::paint(QPainter *painter,
                              const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem item(option);
    initStyleOption(&item, index);
    const QString text = item.text;
    item.text.clear();
    const QStyle *style = item.widget ? item.widget->style() : QApplication::style();
    // Background, selection and focus as any other cell; the chart and the text on top.
    style->drawControl(QStyle::CE_ItemViewItem, &item, painter, item.widget);

    const QList<double> history = index.data(m_historyRole).value<QList<double>>();
    const QRectF chart = QRectF(item.rect).adjusted(3, 4, -3, -3);
    if (history.size() >= 2 && chart.width() > 4 && chart.height() > 4) {
        const double top = qMax(100.0, *std::max_element(history.cbegin(), history.cend()));
        const double step = chart.width() / (m_historyLength - 1);
        const auto pointAt = [&](qsizetype i) {
            const qsizetype fromEnd = history.size() - 1 - i;
            const double value = qBound(0.0, history.at(i), top);
            return QPointF(chart.right() - fromEnd * step,
                           chart.bottom() - value / top * chart.height());
        };
        QPainterPath line;
        const qsizetype first = qMax<qsizetype>(0, history.size() - m_historyLength);
        line.moveTo(pointAt(first));
        for (qsizetype i = first + 1; i < history.size(); ++i)
            line.lineTo(pointAt(i));
        QPainterPath area = line;
        area.lineTo(chart.right(), chart.bottom());
        area.lineTo(pointAt(first).x(), chart.bottom());
        area.closeSubpath();

        // The worker's colour, faint enough that the number stays the thing read.
        QColor color = workerColor(index.data(WorkerTableModel::WorkerIdRole).toInt());
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setClipRect(item.rect);
        color.setAlpha(40);
        painter->fillPath(area, color);
        color.setAlpha(150);
        painter->setPen(QPen(color, 1.5));
        painter->drawPath(line);
        painter->restore();
    }

    if (!text.isEmpty()) {
        const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText,
                                                     &item,
                                                     item.widget);
        const bool selected = item.state & QStyle::State_Selected;
        painter->save();
        painter->setFont(item.font);
        style->drawItemText(painter,
                            textRect,
                            int(item.displayAlignment),
                            item.palette,
                            item.state & QStyle::State_Enabled,
                            text,
                            selected ? QPalette::HighlightedText : QPalette::Text);
        painter->restore();
    }
}

} // namespace ProcLab
