#pragma once

#include "processtarget.h"

#include <QSet>
#include <QTimer>
#include <QTreeView>

namespace ProcLab {

class ProcessSampler;
class Worker;
class WorkerPool;
class RowHeightDelegate;
class WorkerTableModel;
class WorkerTableProxy;

// The table of workers as a class sees it: WorkerTableModel behind WorkerTableProxy, whole rows
// selected, in start order until a header is clicked (a third click returns to it), in a font that
// reads from the back of the room and zooms. A tree: under each worker, the processes its program
// created. A row is expanded when its first children appear, if its worker's tree is small then
// (AutoExpandLimit rows), so a learner sees the four children of a script without a click; after
// that, rows stay as the user leaves them (a collapsed row stays collapsed). A tree that grows
// large later stays open: the rows under each process are bounded (WorkerTableModel), so an open
// tree costs no more than a few hundred rows.
//
// Column widths come from what the cells hold, not from measuring every row, which would cost a
// thousand workers' worth of text layout on each update. The running-time cells are repainted once a
// second while a worker runs; the timer stops when none does, so an idle window fires no timer.
class WorkerTableView final : public QTreeView
{
    Q_OBJECT

public:
    static constexpr int MinDefaultPointSize = 12;
    static constexpr int AutoExpandLimit = 64;

    explicit WorkerTableView(WorkerPool &pool, QWidget *parent = nullptr);

    WorkerTableModel *workerModel() const { return m_model; }
    // CPU and memory columns from the sampler, the CPU drawn as a sparkline.
    void setSampler(const ProcessSampler *sampler);

    // The workers the selection touches, in start order, whatever order they are shown or were
    // clicked in: a selected descendant counts as its worker.
    QList<Worker *> selectedWorkers() const;
    QSet<int> selectedWorkerIds() const;
    // The selected processes in the order shown: each selected worker's program and each
    // selected descendant.
    ProcessTargets selectedProcesses() const;
    // Selects that worker's row alone and scrolls to it (a click on its timeline lane).
    void selectWorker(int workerId);
    // Selects the top-level row shown at that place alone, as QTableView::selectRow() did.
    void selectRow(int row);
    // The selected rows as tab-separated text in the order shown: pastes into a spreadsheet.
    QString selectedRowsText() const;
    // The header, under the name a table's has.
    QHeaderView *horizontalHeader() const { return header(); }

    int fontPointSize() const { return font().pointSize(); }
    void setFontPointSize(int points);

signals:
    // The selection changed, or rows of it went away.
    void workerSelectionChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QModelIndexList selectedRowsInOrder() const;
    void sizeColumns();
    void updateRepaintTimer();
    void repaintRunningTimes();
    void expandNewParent(const QModelIndex &parent, int first, int last);
    void handleRowsRemoved();

    WorkerPool &m_pool;
    WorkerTableModel *m_model;
    WorkerTableProxy *m_proxy;
    RowHeightDelegate *m_rowHeight;
    QTimer m_runningTimeRepaint;
    ProcessTargets m_announcedSelection;
};

} // namespace ProcLab
