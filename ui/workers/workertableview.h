#pragma once

#include "processtarget.h"

#include <QSet>
#include <QTableView>
#include <QTimer>

namespace ProcLab {

class ProcessSampler;
class Worker;
class WorkerPool;
class WorkerTableModel;
class WorkerTableProxy;

// The table of workers as a class sees it: WorkerTableModel behind WorkerTableProxy, whole rows
// selected, in start order until a header is clicked (a third click returns to it), in a font that
// reads from the back of the room and zooms.
//
// Column widths come from what the cells hold, not from measuring every row, which would cost a
// thousand workers' worth of text layout on each update. The running-time cells are repainted once a
// second while a worker runs; the timer stops when none does, so an idle window fires no timer.
class WorkerTableView final : public QTableView
{
    Q_OBJECT

public:
    static constexpr int MinDefaultPointSize = 12;

    explicit WorkerTableView(WorkerPool &pool, QWidget *parent = nullptr);

    WorkerTableModel *workerModel() const { return m_model; }
    // CPU and memory columns from the sampler, the CPU drawn as a sparkline.
    void setSampler(const ProcessSampler *sampler);

    // The selected workers in start order, whatever order they are shown or were clicked in.
    QList<Worker *> selectedWorkers() const;
    QSet<int> selectedWorkerIds() const;
    // The selected processes in the order shown: each selected worker's program (and, once the
    // table shows descendants, each selected descendant).
    ProcessTargets selectedProcesses() const;
    // Selects that worker's row alone and scrolls to it (a click on its timeline lane).
    void selectWorker(int workerId);
    // The selected rows as tab-separated text in the order shown: pastes into a spreadsheet.
    QString selectedRowsText() const;

    int fontPointSize() const { return font().pointSize(); }
    void setFontPointSize(int points);

signals:
    // The selection changed, or rows of it went away.
    void workerSelectionChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void sizeColumns();
    void updateRepaintTimer();
    void repaintRunningTimes();

    WorkerPool &m_pool;
    WorkerTableModel *m_model;
    WorkerTableProxy *m_proxy;
    QTimer m_runningTimeRepaint;
};

} // namespace ProcLab
