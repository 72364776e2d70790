#pragma once

#include <QWidget>

class QLabel;

namespace ProcLab {

class Session;

// The permanent part of the window's status bar: how many workers run, are paused, wait and are in
// the table ("2 running · 1 paused · 5 workers"), whether CPU and memory can be measured, and the
// PID of ProcLab itself, the lessons' main program, large and bold: the first thing a teacher points
// at.
class StatusSummary final : public QWidget
{
    Q_OBJECT

public:
    explicit StatusSummary(const Session &session, QWidget *parent = nullptr);

    // The counts again; the window calls it when the pool's rows or states change.
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    const Session &m_session;
    QLabel *m_counts;
    QLabel *m_sampler;
    QLabel *m_mainProcess;
};

} // namespace ProcLab
