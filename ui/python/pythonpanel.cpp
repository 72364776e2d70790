#include "pythonpanel.h"

#include "pythonmirror.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScrollBar>
#include <QSyntaxHighlighter>
#include <QVBoxLayout>

namespace ProcLab {

namespace {

// Just enough colour to read it as Python: keywords, strings, numbers, and the comments that carry
// the live PIDs and exit codes.
class PythonHighlighter final : public QSyntaxHighlighter
{
public:
    explicit PythonHighlighter(QTextDocument *document)
        : QSyntaxHighlighter(document)
    {
        m_keyword.setForeground(QColor(0x1a, 0x4f, 0xa0));
        m_keyword.setFontWeight(QFont::Bold);
        m_string.setForeground(QColor(0x2e, 0x7d, 0x32));
        m_number.setForeground(QColor(0x8e, 0x24, 0xaa));
        m_comment.setForeground(QColor(0x9a, 0x5b, 0x00));
        m_comment.setFontItalic(true);
    }

protected:
    void highlightBlock(const QString &text) override
    {
        static const QRegularExpression keywords(QStringLiteral(
                "\\b(import|from|def|for|in|if|while|return|print|True|False|None|and|or|not)\\b"));
        static const QRegularExpression numbers(QStringLiteral("\\b-?[0-9]+(\\.[0-9]+)?\\b"));
        static const QRegularExpression strings(QStringLiteral("\"(\\\\.|[^\"\\\\])*\""));
        const auto apply = [this, &text](const QRegularExpression &expression,
                                         const QTextCharFormat &format) {
            for (auto it = expression.globalMatch(text); it.hasNext();) {
                const QRegularExpressionMatch match = it.next();
                setFormat(int(match.capturedStart()), int(match.capturedLength()), format);
            }
        };
        apply(keywords, m_keyword);
        apply(numbers, m_number);
        apply(strings, m_string);
        // A comment starts at a '#' outside a string; the mirror's strings never hold one unquoted.
        qsizetype comment = -1;
        bool inString = false;
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text.at(i) == QLatin1Char('\\') && inString) {
                ++i;
            } else if (text.at(i) == QLatin1Char('"')) {
                inString = !inString;
            } else if (text.at(i) == QLatin1Char('#') && !inString) {
                comment = i;
                break;
            }
        }
        if (comment >= 0)
            setFormat(int(comment), int(text.size() - comment), m_comment);
    }

private:
    QTextCharFormat m_keyword;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_comment;
};

} // namespace

PythonPanel::PythonPanel(const PythonMirror &mirror, QWidget *parent)
    : QWidget(parent)
    , m_mirror(mirror)
    , m_title(new QLabel(this))
    , m_editor(new QPlainTextEdit(this))
    , m_copyButton(new QPushButton(this))
    , m_saveButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("pythonPanel"));
    m_title->setObjectName(QStringLiteral("pythonTitle"));
    m_editor->setObjectName(QStringLiteral("pythonText"));
    m_editor->setReadOnly(true);
    m_editor->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_editor->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setMaximumBlockCount(100000);
    new PythonHighlighter(m_editor->document());

    m_copyButton->setObjectName(QStringLiteral("copyScriptButton"));
    m_saveButton->setObjectName(QStringLiteral("saveScriptButton"));
    retranslate();
    connect(m_copyButton, &QPushButton::clicked, this, &PythonPanel::copyScript);
    connect(m_saveButton, &QPushButton::clicked, this, &PythonPanel::saveScriptAs);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copyButton);
    buttons->addWidget(m_saveButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_editor, 1);
    layout->addLayout(buttons);

    const auto showAll = [this] {
        m_editor->clear();
        for (const QString &line : m_mirror.lines())
            appendLine(line);
    };
    showAll();
    connect(&m_mirror, &PythonMirror::lineAdded, this, &PythonPanel::appendLine);
    connect(&m_mirror, &PythonMirror::linesReset, this, showAll);
}

void PythonPanel::retranslate()
{
    m_title->setText(tr("<b>The same in Python</b> (multiprocessing)"));
    m_title->setToolTip(tr("Every action on the workers as the tutorial's Python would write it, "
                           "with the real PIDs and exit codes as comments"));
    m_copyButton->setText(tr("Copy script"));
    m_copyButton->setToolTip(tr("Copy the whole session as a Python program that does it again"));
    m_saveButton->setText(tr("Save script…"));
    m_saveButton->setToolTip(
            tr("Save the whole session as a Python program (run it with python3)"));
}

void PythonPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QString PythonPanel::text() const
{
    return m_editor->toPlainText();
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
    QFont titleFont = this->font();
    titleFont.setPointSize(points);
    m_title->setFont(titleFont);
    m_copyButton->setFont(titleFont);
    m_saveButton->setFont(titleFont);
}

void PythonPanel::appendLine(const QString &line)
{
    // Follow the newest line unless the user scrolled up to read.
    QScrollBar *bar = m_editor->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    m_editor->appendPlainText(line);
    if (atEnd)
        bar->setValue(bar->maximum());
}

void PythonPanel::copyScript()
{
    QApplication::clipboard()->setText(m_mirror.script());
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
