#include "findbar.h"

#include "outputtheme.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

namespace ProcLab {

FindBar::FindBar(QWidget *parent)
    : QWidget(parent)
    , m_field(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_label(new QLabel(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_close(new QToolButton(this))
{
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Window);

    auto *label = m_label;
    label->setBuddy(m_field);
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);

    auto *previous = m_previous;
    previous->setAutoRaise(true);
    auto *next = m_next;
    next->setAutoRaise(true);
    auto *close = m_close;
    close->setText(QStringLiteral("\u2715"));
    close->setAutoRaise(true);
    retranslate();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->addWidget(label);
    layout->addWidget(m_field, 1);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addWidget(close);

    connect(previous, &QToolButton::clicked, this, &FindBar::findPreviousRequested);
    connect(next, &QToolButton::clicked, this, &FindBar::findNextRequested);
    connect(close, &QToolButton::clicked, this, &FindBar::closeRequested);
    connect(m_field, &QLineEdit::textEdited, this, [this](const QString &text) {
        setNotFound(false);
        emit textEdited(text);
    });
}

void FindBar::retranslate()
{
    m_label->setText(tr("&Find:"));
    m_field->setPlaceholderText(tr("Text in the output"));
    m_field->setAccessibleName(tr("Find in output"));
    m_previous->setText(tr("Previous"));
    m_previous->setToolTip(tr("Find the previous match (Shift+Enter)"));
    m_next->setText(tr("Next"));
    m_next->setToolTip(tr("Find the next match (Enter)"));
    m_close->setToolTip(tr("Close the find bar (Esc)"));
    m_close->setAccessibleName(tr("Close"));
    if (m_notFound)
        m_status->setText(tr("Not found"));
}

void FindBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QString FindBar::text() const
{
    return m_field->text();
}

void FindBar::activate()
{
    show();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void FindBar::setNotFound(bool notFound)
{
    if (m_notFound == notFound)
        return;
    m_notFound = notFound;
    m_status->setText(notFound ? tr("Not found") : QString());
    QPalette fieldPalette = palette();
    if (notFound) {
        const QColor base = fieldPalette.color(QPalette::Base);
        const QColor tint = OutputTheme::mix(base, QColor(0xe0, 0x30, 0x30), 0.25);
        fieldPalette.setColor(QPalette::Base, tint);
        fieldPalette.setColor(QPalette::Text,
                              OutputTheme::readableOn(fieldPalette.color(QPalette::Text),
                                                      tint,
                                                      7.0));
        QPalette statusPalette = m_status->palette();
        statusPalette.setColor(QPalette::WindowText,
                               OutputTheme::readableOn(QColor(0xb0, 0x00, 0x00),
                                                       palette().color(QPalette::Window),
                                                       OutputTheme::MinimumContrast));
        m_status->setPalette(statusPalette);
    }
    m_field->setPalette(fieldPalette);
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier)
                emit findPreviousRequested();
            else
                emit findNextRequested();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            emit closeRequested();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    // Esc with the focus on a button of the bar.
    if (event->key() == Qt::Key_Escape) {
        emit closeRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace ProcLab
