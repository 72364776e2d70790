#include "pythonpanel.h"

#include "pythonhighlighter.h"
#include "pythonmirror.h"
#include "pythonsourceview.h"
#include "worker.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ProcLab {

namespace {

// The calls arrive in bursts (a loop's start()s); the view is updated once per burst, soon enough
// to read as live.
constexpr int FlushIntervalMs = 50;

bool isPythonWorker(const Worker *worker)
{
    return worker && (worker->isSeenAsPython() || !worker->pythonCalls().isEmpty());
}

} // namespace

PythonPanel::PythonPanel(const PythonMirror &mirror, QWidget *parent)
    : QWidget(parent)
    , m_mirror(mirror)
    , m_title(new QLabel(this))
    , m_sourceMessage(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_editor(new QPlainTextEdit(this))
    , m_highlighter(new PythonHighlighter(m_editor->document()))
    , m_sourceView(new PythonSourceView(this))
    , m_copyButton(new QPushButton(this))
    , m_saveButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("pythonPanel"));
    m_title->setObjectName(QStringLiteral("pythonTitle"));
    m_title->setTextFormat(Qt::RichText);
    m_sourceMessage->setObjectName(QStringLiteral("pythonSourceMessage"));
    m_sourceMessage->setWordWrap(true);
    m_sourceMessage->hide();
    m_editor->setObjectName(QStringLiteral("pythonText"));
    m_editor->setReadOnly(true);
    // Not wrapped: Python's indentation is its meaning, and a line wrapped in the middle of a
    // name reads as a new statement. A long line scrolls sideways.
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setMaximumBlockCount(PythonMirror::MaxLines);
    m_sourceView->setObjectName(QStringLiteral("pythonSource"));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_editor->setFont(fixed);
    m_sourceView->setFont(fixed);
    m_stack->addWidget(m_editor);
    m_stack->addWidget(m_sourceView);
    m_highlighter->setPalette(m_editor->palette());

    m_copyButton->setObjectName(QStringLiteral("copyScriptButton"));
    m_saveButton->setObjectName(QStringLiteral("saveScriptButton"));
    connect(m_copyButton, &QPushButton::clicked, this, &PythonPanel::copyScript);
    connect(m_saveButton, &QPushButton::clicked, this, &PythonPanel::saveScriptAs);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copyButton);
    buttons->addWidget(m_saveButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_sourceMessage);
    layout->addWidget(m_stack, 1);
    layout->addLayout(buttons);

    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(FlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &PythonPanel::flushAnnotations);

    const auto showAll = [this] {
        m_editor->clear();
        m_mirrorUsesMultiprocessing = false;
        m_mirrorUsesSubprocess = false;
        for (const QString &line : m_mirror.lines())
            appendLine(line);
        retranslate();
    };
    showAll();
    connect(&m_mirror, &PythonMirror::lineAdded, this, &PythonPanel::appendLine);
    connect(&m_mirror, &PythonMirror::linesReset, this, showAll);
}

void PythonPanel::retranslate()
{
    if (m_showsSource) {
        const QString name = QFileInfo(m_sourceFile).fileName();
        m_title->setText(name.isEmpty() ? tr("<b>Python program</b>: no source file")
                                        : tr("<b>%1</b>: the program's own source, as it runs")
                                                  .arg(name.toHtmlEscaped()));
        m_title->setToolTip(tr("%1\nEach line that made a multiprocessing call is annotated with "
                               "what it did: the PIDs it started, the signals it sent, the exit "
                               "codes it read")
                                    .arg(m_sourceFile));
        m_copyButton->setText(tr("Copy source"));
        m_copyButton->setToolTip(tr("Copy the program's source with the annotations as comments"));
        m_saveButton->setToolTip(tr("The program's source is a file of its own (%1); Save script "
                                    "saves the session's script, shown when no Python program "
                                    "is selected")
                                         .arg(m_sourceFile));
    } else {
        // Say which module the code shown uses: lessons are multiprocessing, commands subprocess.
        QStringList modules;
        if (m_mirrorUsesMultiprocessing)
            modules.append(QStringLiteral("multiprocessing"));
        if (m_mirrorUsesSubprocess)
            modules.append(QStringLiteral("subprocess"));
        m_title->setText(modules.isEmpty() ? tr("<b>The same in Python</b>")
                                           : tr("<b>The same in Python</b> (%1)")
                                                     .arg(modules.join(QLatin1String(", "))));
        m_title->setToolTip(tr("Every action on the workers as the tutorial's Python would write "
                               "it, with the real PIDs and exit codes as comments. Select a Python "
                               "program to see its own source."));
        m_copyButton->setText(tr("Copy script"));
        m_copyButton->setToolTip(tr("Copy the whole session as a Python program that does it "
                                    "again"));
        m_saveButton->setToolTip(
                tr("Save the whole session as a Python program (run it with python3)"));
    }
    m_saveButton->setText(tr("Save script…"));
    m_saveButton->setEnabled(!m_showsSource);
}

void PythonPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // The annotations' words are translated too.
        if (m_showsSource) {
            for (const int line : m_annotations.annotatedLines(m_sourceFile))
                m_dirtyLines.insert(line);
            m_flushTimer.start();
        }
    } else if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setPalette(m_editor->palette());
    }
    QWidget::changeEvent(event);
}

void PythonPanel::setWorker(const Worker *worker)
{
    if (worker && worker == m_worker.data())
        return;
    for (const QMetaObject::Connection &connection : std::as_const(m_workerConnections))
        disconnect(connection);
    m_workerConnections.clear();
    m_worker = worker;
    if (worker) {
        m_workerConnections.append(
                connect(worker, &Worker::pythonCallsReceived, this, &PythonPanel::takePythonCalls));
        // The hook may connect after the worker is selected.
        m_workerConnections.append(
                connect(worker, &Worker::changed, this, &PythonPanel::updateMode));
        m_workerConnections.append(
                connect(worker, &QObject::destroyed, this, [this] { setWorker(nullptr); }));
    }
    // Another worker: its source is read afresh.
    showMode(isPythonWorker(m_worker));
}

const Worker *PythonPanel::worker() const
{
    return m_worker.data();
}

void PythonPanel::updateMode()
{
    const bool python = isPythonWorker(m_worker);
    if (python != m_showsSource)
        showMode(python);
}

void PythonPanel::showMode(bool python)
{
    m_showsSource = python;
    m_annotations.clear();
    m_dirtyLines.clear();
    m_flushTimer.stop();
    if (python) {
        // The calls so far are in pythonCalls(); later ones come with pythonCallsReceived.
        m_annotations.add(m_worker->pythonCalls());
        loadSource();
    } else {
        m_sourceFile.clear();
        m_sourceError.clear();
        m_sourceView->setSource({});
        m_sourceMessage->hide();
    }
    m_stack->setCurrentWidget(python ? static_cast<QWidget *>(m_sourceView) : m_editor);
    retranslate();
}

void PythonPanel::takePythonCalls(const QList<PythonCall> &calls)
{
    if (!m_showsSource) {
        updateMode(); // the first calls: it is a Python worker, and they are in pythonCalls()
        return;
    }
    const QList<PythonSourceAnnotations::Line> changed = m_annotations.add(calls);
    if (fileToShow() != m_sourceFile) {
        m_reloadSource = true;
    } else {
        for (const PythonSourceAnnotations::Line &line : changed) {
            if (line.file == m_sourceFile)
                m_dirtyLines.insert(line.line);
        }
    }
    if ((m_reloadSource || !m_dirtyLines.isEmpty()) && !m_flushTimer.isActive())
        m_flushTimer.start();
}

QString PythonPanel::fileToShow() const
{
    // The file the calls came from; before any, the script the command runs.
    if (!m_annotations.mainFile().isEmpty())
        return m_annotations.mainFile();
    if (!m_worker)
        return QString();
    return pythonScriptOf(m_worker->spec().arguments, m_worker->spec().workingDirectory);
}

void PythonPanel::loadSource()
{
    m_reloadSource = false;
    m_dirtyLines.clear();
    m_sourceFile = fileToShow();
    // Read once per file shown (at most PythonSourceFile::MaxBytes), never per update.
    const PythonSourceFile source = PythonSourceFile::read(m_sourceFile);
    m_sourceView->setSource(source.lines);
    m_sourceError = source.error;
    if (m_sourceError.isEmpty() && source.lines.isEmpty())
        m_sourceError = tr("%1 is empty.").arg(m_sourceFile);
    m_sourceMessage->setText(m_sourceError);
    m_sourceMessage->setVisible(!m_sourceError.isEmpty());
    QList<QPair<int, QString>> annotations;
    for (const int line : m_annotations.annotatedLines(m_sourceFile))
        annotations.append({line, m_annotations.annotation(m_sourceFile, line)});
    m_sourceView->setAnnotations(annotations);
    retranslate();
}

void PythonPanel::flushAnnotations()
{
    if (!m_showsSource)
        return;
    if (m_reloadSource) {
        loadSource();
        return;
    }
    QList<int> lines(m_dirtyLines.cbegin(), m_dirtyLines.cend());
    m_dirtyLines.clear();
    std::sort(lines.begin(), lines.end());
    QList<QPair<int, QString>> annotations;
    annotations.reserve(lines.size());
    for (const int line : std::as_const(lines))
        annotations.append({line, m_annotations.annotation(m_sourceFile, line)});
    m_sourceView->setAnnotations(annotations);
}

QString PythonPanel::annotation(int line) const
{
    return m_showsSource ? m_sourceView->annotation(line) : QString();
}

QString PythonPanel::text() const
{
    return m_showsSource ? m_sourceView->toPlainText() : m_editor->toPlainText();
}

int PythonPanel::fontPointSize() const
{
    return m_editor->font().pointSize();
}

void PythonPanel::setFontPointSize(int points)
{
    QFont font = m_editor->font();
    font.setPointSize(points);
    m_editor->setFont(font);
    m_sourceView->setFont(font);
    QFont titleFont = this->font();
    titleFont.setPointSize(points);
    m_title->setFont(titleFont);
    m_sourceMessage->setFont(titleFont);
    m_copyButton->setFont(titleFont);
    m_saveButton->setFont(titleFont);
}

void PythonPanel::noteMirrorModules(const QString &line)
{
    const bool multiprocessing = line.contains(QLatin1String("multiprocessing."));
    const bool subprocess = line.contains(QLatin1String("subprocess."));
    if ((multiprocessing && !m_mirrorUsesMultiprocessing)
        || (subprocess && !m_mirrorUsesSubprocess)) {
        m_mirrorUsesMultiprocessing |= multiprocessing;
        m_mirrorUsesSubprocess |= subprocess;
        retranslate();
    }
}

void PythonPanel::appendLine(const QString &line)
{
    noteMirrorModules(line);
    // Follow the newest line unless the user scrolled up to read.
    QScrollBar *bar = m_editor->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    m_editor->appendPlainText(line);
    if (atEnd)
        bar->setValue(bar->maximum());
}

void PythonPanel::copyScript()
{
    QApplication::clipboard()->setText(m_showsSource ? m_sourceView->toPlainText()
                                                     : m_mirror.script());
}

void PythonPanel::saveScriptAs()
{
    auto *dialog = new QFileDialog(this,
                                   tr("Save the session as a Python script"),
                                   QDir::home().filePath(QStringLiteral("proclab_session.py")),
                                   tr("Python scripts (*.py);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("py"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &fileName) {
        QString error;
        if (saveScript(fileName, &error))
            return;
        auto *box = new QMessageBox(QMessageBox::Warning,
                                    tr("Save script"),
                                    tr("Could not save %1: %2").arg(fileName, error),
                                    QMessageBox::Ok,
                                    this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    dialog->open();
}

bool PythonPanel::saveScript(const QString &fileName, QString *error) const
{
    QSaveFile file(fileName);
    if (file.open(QIODevice::WriteOnly | QIODevice::Text)
        && file.write(m_mirror.script().toUtf8()) >= 0 && file.commit()) {
        return true;
    }
    if (error)
        *error = file.errorString();
    return false;
}

} // namespace ProcLab
