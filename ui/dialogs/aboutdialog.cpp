#include "aboutdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace ProcLab {

namespace {

constexpr int IconSize = 96;
constexpr int TextWidth = 460;

} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_body(new QLabel(this))
{
    setObjectName(QStringLiteral("aboutDialog"));
    // The window's icon, which main() takes from the icon theme or the bundled SVG.
    const QIcon icon = QApplication::windowIcon().isNull() ? QIcon(QStringLiteral(
                               ":/icons/hicolor/scalable/apps/io.github.proclab.ProcLab.svg"))
                                                           : QApplication::windowIcon();
    m_icon->setPixmap(icon.pixmap(IconSize, IconSize));
    m_icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    m_title->setObjectName(QStringLiteral("aboutTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_body->setObjectName(QStringLiteral("aboutBody"));
    m_body->setWordWrap(true);
    m_body->setOpenExternalLinks(true);
    m_body->setTextFormat(Qt::RichText);
    m_body->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_body->setFixedWidth(TextWidth);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(m_title);
    text->addWidget(m_body);
    text->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addWidget(m_icon);
    row->addSpacing(12);
    row->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetFixedSize);

    retranslate();
}

QString AboutDialog::text() const
{
    return m_title->text() + QLatin1Char('\n') + m_body->text();
}

void AboutDialog::retranslate()
{
    setWindowTitle(tr("About ProcLab"));
    m_title->setText(tr("ProcLab %1").arg(QCoreApplication::applicationVersion()));
    const QString purpose = tr(
            "ProcLab shows what happens when a program starts processes: each worker's PID, "
            "its state and its output as they happen, and how it ends when it is terminated or "
            "killed. It turns the two examples of a Python <i>multiprocessing</i> tutorial into "
            "lessons a class can watch, and runs programs of your own the same way.");
    const QString licence = tr("Free software under the MIT licence.");
    // Built against one Qt, running on another when the system's was updated since.
    const QString qtVersions = QStringLiteral(QT_VERSION_STR) == QLatin1String(qVersion())
                                       ? tr("Qt %1").arg(QLatin1String(qVersion()))
                                       : tr("Built with Qt %1, running on Qt %2")
                                                 .arg(QStringLiteral(QT_VERSION_STR),
                                                      QLatin1String(qVersion()));
    m_body->setText(QStringLiteral("<p>%1</p><p>%2<br>%3</p>")
                            .arg(purpose, licence.toHtmlEscaped(), qtVersions.toHtmlEscaped()));
}

void AboutDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

} // namespace ProcLab
