#include "statussummary.h"

#include "session.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

namespace ProcLab {

namespace {

constexpr int MinStatusFontSize = 11;

} // namespace

StatusSummary::StatusSummary(const Session &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_counts(new QLabel(this))
    , m_sampler(new QLabel(this))
    , m_mainProcess(new QLabel(this))
{
    setObjectName(QStringLiteral("statusSummary"));
    m_counts->setObjectName(QStringLiteral("workerCounts"));
    m_sampler->setObjectName(QStringLiteral("samplerStatus"));
    m_mainProcess->setObjectName(QStringLiteral("mainProcessLabel"));

    QFont statusFont = font();
    statusFont.setPointSize(qMax(MinStatusFontSize, QApplication::font().pointSize() + 2));
    setFont(statusFont);
    statusFont.setBold(true);
    m_mainProcess->setFont(statusFont);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_counts);
    layout->addWidget(m_sampler);
    layout->addWidget(m_mainProcess);

    connect(&m_session.sampler(), &ProcessSampler::availableChanged, this, &StatusSummary::refresh);
    retranslate();
}

void StatusSummary::refresh()
{
    const Session::Counts counts = m_session.counts();
    // "%1 running · %2 paused" first, then the plural: only the worker count decides the noun.
    QString text = tr("%1 running · %2 paused · %n worker(s)", nullptr, counts.workers)
                           .arg(counts.running)
                           .arg(counts.paused);
    if (counts.waiting > 0)
        text += tr(" · %n waiting", nullptr, counts.waiting);
    m_counts->setText(text);
    m_sampler->setVisible(!m_session.sampler().isAvailable());
}

void StatusSummary::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void StatusSummary::retranslate()
{
    m_counts->setToolTip(tr("Workers running now · paused · workers in the table"));
    m_sampler->setText(tr("CPU and memory unavailable"));
    m_sampler->setToolTip(tr("The process table (/proc) cannot be read: CPU, memory and the "
                             "process tree are not measured"));
    m_mainProcess->setText(tr("Main process %1").arg(QCoreApplication::applicationPid()));
    m_mainProcess->setToolTip(tr("The PID of ProcLab itself: the main program of the lessons"));
    refresh();
}

} // namespace ProcLab
