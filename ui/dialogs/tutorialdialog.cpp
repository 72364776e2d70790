#include "tutorialdialog.h"

#include "defaults.h"
#include "tutorialsource.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QStyle>
#include <QTabWidget>
#include <QTextDocument>
#include <QVBoxLayout>

namespace ProcLab {

namespace {

QPlainTextEdit *codeView(const QString &text, QWidget *parent)
{
    auto *view = new QPlainTextEdit(text, parent);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSize(qMax(11, font.pointSize()));
    view->setFont(font);
    // The whole program in view when the screen is tall enough (it scrolls on a small one): it is
    // short, and a class reads it at once. Measured as laid out, Hangul's fallback font included.
    QTextDocument document;
    document.setDefaultFont(font);
    document.setDocumentMargin(view->document()->documentMargin());
    document.setPlainText(text);
    const int frame = 2 * view->frameWidth() + 4;
    const int scrollBar = view->style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    view->setFixedWidth(int(document.idealWidth()) + frame + scrollBar);
    const int height = int(document.size().height()) + frame;
    view->setMaximumHeight(height);
    view->setMinimumHeight(qMin(height, view->fontMetrics().lineSpacing() * 8));
    return view;
}

} // namespace

TutorialDialog::TutorialDialog(QWidget *parent)
    : QDialog(parent)
    , m_tabs(new QTabWidget(this))
    , m_spawnButton(new QPushButton(this))
    , m_countdownButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("tutorialDialog"));
    m_spawnButton->setObjectName(QStringLiteral("runSpawnLesson"));
    m_countdownButton->setObjectName(QStringLiteral("runCountdownLesson"));
    // The tutorial's own programs and what they printed, its Korean texts included.
    m_tabs->addTab(createPage(m_spawnPage,
                              TutorialSource::spawnExample(),
                              TutorialSource::spawnExampleOutput(),
                              m_spawnButton),
                   QString());
    m_tabs->addTab(createPage(m_countdownPage,
                              TutorialSource::countdownExample(),
                              TutorialSource::countdownExampleOutput(),
                              m_countdownButton),
                   QString());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_spawnButton, &QPushButton::clicked, this, &TutorialDialog::spawnLessonRequested);
    connect(m_countdownButton,
            &QPushButton::clicked,
            this,
            &TutorialDialog::countdownLessonRequested);
    retranslate();

    // Tall enough for the longer program, within the screen.
    const int wanted = sizeHint().height() + m_countdownPage.code->maximumHeight()
                       - m_countdownPage.code->minimumHeight();
    const int available = screen() ? screen()->availableSize().height() * 9 / 10 : wanted;
    resize(sizeHint().width(), qMin(wanted, available));
}

QWidget *TutorialDialog::createPage(Page &page,
                                    const QString &code,
                                    const QString &output,
                                    QPushButton *run)
{
    auto *widget = new QWidget(m_tabs);
    page.explanation = new QLabel(widget);
    page.explanation->setWordWrap(true);
    page.explanation->setTextFormat(Qt::RichText);
    page.codeTitle = new QLabel(widget);
    page.code = codeView(code, widget);
    page.outputTitle = new QLabel(widget);
    page.output = codeView(output, widget);
    QFont runFont = run->font();
    runFont.setPointSizeF(runFont.pointSizeF() * 1.25);
    runFont.setBold(true);
    run->setFont(runFont);
    run->setDefault(false);
    run->setAutoDefault(false);

    // The code on the left, what it printed beside it: the page stays lower than a projector.
    auto *codeColumn = new QVBoxLayout;
    codeColumn->addWidget(page.codeTitle);
    codeColumn->addWidget(page.code, 100);
    codeColumn->addStretch(1); // below the code once it is whole
    auto *outputColumn = new QVBoxLayout;
    outputColumn->addWidget(page.outputTitle);
    outputColumn->addWidget(page.output);
    outputColumn->addSpacing(12);
    outputColumn->addWidget(run, 0, Qt::AlignLeft);
    outputColumn->addStretch(1);
    auto *columns = new QHBoxLayout;
    columns->addLayout(codeColumn);
    columns->addSpacing(12);
    columns->addLayout(outputColumn);
    columns->addStretch(1);

    auto *layout = new QVBoxLayout(widget);
    layout->addWidget(page.explanation);
    layout->addLayout(columns, 1);
    return widget;
}

void TutorialDialog::setCountdownSeconds(int seconds)
{
    m_countdownSeconds = seconds;
    retranslate();
}

void TutorialDialog::retranslate()
{
    setWindowTitle(tr("The Tutorial"));
    m_tabs->setTabText(0, tr("1. Starting processes"));
    m_tabs->setTabText(1, tr("2. terminate()"));

    m_spawnPage.explanation->setText(tr(
            "<p>A running program is a <b>process</b>, and the operating system gives each one a "
            "number of its own, its <b>PID</b>. In this example the main program first says its "
            "own PID, then <code>multiprocessing.Process</code> starts four new processes, the "
            "sub programs, and each says its PID in turn.</p>"
            "<p>Every PID is different: these are four separate processes, not four calls of one "
            "function. They also need not finish in the order they were started; the operating "
            "system decides who runs when.</p>"));
    m_countdownPage.explanation->setText(
            tr("<p>A process does not have to run to its end. Here the sub program counts, one "
               "number a second, up to 100000; the main program waits five seconds and then calls "
               "<code>terminate()</code>, which sends the process the signal <b>SIGTERM</b>. The "
               "count stops at about five.</p>"
               "<p>In ProcLab the worker is marked <i>terminated</i> and its exit code is -15, as "
               "Python's <code>Process.exitcode</code> says it: minus the number of the signal. A "
               "program that ignores SIGTERM is killed with SIGKILL after the grace period.</p>"));
    for (Page *page : {&m_spawnPage, &m_countdownPage}) {
        page->codeTitle->setText(tr("The Python program:"));
        page->outputTitle->setText(tr("What it printed:"));
    }
    m_spawnButton->setText(tr("Spawn %n workers", nullptr, Defaults::LessonWorkers));
    m_spawnButton->setToolTip(tr("Run this lesson in the window"));
    m_countdownButton->setText(tr("Count, then terminate in %1 s").arg(m_countdownSeconds));
    m_countdownButton->setToolTip(tr("Run this lesson in the window"));
}

void TutorialDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace ProcLab
