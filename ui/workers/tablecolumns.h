#pragma once

#include <QObject>

class QHeaderView;

namespace ProcLab {

// The worker table's columns as the user arranges them: a right click on the header lists every
// column to show or hide (the last visible one cannot be hidden), and the headers can be dragged
// into another order. Both are saved and restored by column name ("PidColumn"…, the names of
// WorkerTableModel::Column), so a saved layout still applies when a later version adds columns.
class TableColumns final : public QObject
{
    Q_OBJECT

public:
    explicit TableColumns(QHeaderView *header);

    // The columns' names in the order shown, and the hidden ones.
    QStringList order() const;
    QStringList hidden() const;
    // Unknown names are ignored; columns not named keep their place after the named ones.
    void restore(const QStringList &order, const QStringList &hidden);

    static QString columnName(int logicalIndex);
    static int columnIndex(const QString &name);

private:
    void showMenu(const QPoint &position);

    QHeaderView *m_header;
};

} // namespace ProcLab
