#pragma once

#include <QStyledItemDelegate>

namespace ProcLab {

// Draws a cell's recent history as a small line chart behind its text: the CPU cell of a worker
// shows its last half minute, so a class sees a spinner's plateau at 100 % or a pause's drop to 0.
//
// The history comes from a model role holding QList<double> (percent, oldest first); the chart is
// scaled to 100 % or to the highest value when a tree of processes uses more than one core.
// Samples are spaced evenly and the newest sits at the right edge, so the line moves left as time
// passes, like a heart monitor.
class SparklineDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    SparklineDelegate(int historyRole, int historyLength, QObject *parent = nullptr);

    void paint(QPainter *painter,
               const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    const int m_historyRole;
    const int m_historyLength;
};

} // namespace ProcLab
