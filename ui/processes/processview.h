#pragma once

#include <QSet>
#include <QTreeView>

namespace ProcLab {

class ProcessSampler;
class ProcessTreeModel;
class WorkerPool;

// The "Processes" panel: ProcessTreeModel in a tree view, every row expanded as it appears, so the
// class sees at a glance that the workers are children of the main process and that a worker's
// own children are its children in turn, with the PID and PPID that prove it. Orphans are shown in
// italics, in amber, and say so. It shows the selected workers, or every running one when none is
// selected. Its texts follow a change of language at once.
class ProcessView final : public QTreeView
{
    Q_OBJECT

public:
    ProcessView(const WorkerPool &pool, const ProcessSampler &sampler, QWidget *parent = nullptr);

    ProcessTreeModel *processModel() const { return m_model; }
    void setWorkerFilter(const QSet<int> &workerIds);
    int fontPointSize() const { return font().pointSize(); }
    void setFontPointSize(int points);

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void expandInserted(const QModelIndex &parent, int first, int last);
    void sizeColumns();

    ProcessTreeModel *m_model;
};

} // namespace ProcLab
