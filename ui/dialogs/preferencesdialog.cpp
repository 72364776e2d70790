#include "preferencesdialog.h"

#include "appsettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ProcLab {

namespace {

QSpinBox *spinBox(int minimum, int maximum, int step, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(minimum, maximum);
    box->setSingleStep(step);
    box->setAccelerated(true);
    // 100000 reads better as "100,000" (or "100.000"): the group separator of the user's locale.
    box->setGroupSeparatorShown(true);
    return box;
}

} // namespace

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    m_grace = spinBox(0, int(Defaults::MaxGracePeriod.count()), 100, this);
    m_grace->setObjectName(QStringLiteral("gracePeriod"));
    m_countdown = spinBox(Defaults::MinCountdownSeconds, Defaults::MaxCountdownSeconds, 1, this);
    m_countdown->setObjectName(QStringLiteral("countdownSeconds"));
    m_scrollback = spinBox(Defaults::MinScrollbackLines, Defaults::MaxScrollbackLines, 10000, this);
    m_scrollback->setObjectName(QStringLiteral("scrollbackLines"));
    m_fontSize = spinBox(AppSettings::MinFontPointSize, AppSettings::MaxFontPointSize, 1, this);
    m_fontSize->setObjectName(QStringLiteral("fontPointSize"));
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("language"));
    // The languages in their own words; the first entry is translated in retranslate().
    m_language->addItem(QString(), QString());
    m_language->addItem(QStringLiteral("한국어"), QStringLiteral("ko"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_lineBuffered = new QCheckBox(this);
    m_lineBuffered->setObjectName(QStringLiteral("lineBuffered"));

    m_form = new QFormLayout;
    m_form->addRow(QStringLiteral("-"), m_grace);
    m_form->addRow(QStringLiteral("-"), m_countdown);
    m_form->addRow(QStringLiteral("-"), m_scrollback);
    m_form->addRow(QStringLiteral("-"), m_fontSize);
    m_form->addRow(QStringLiteral("-"), m_language);
    m_form->addRow(QString(), m_lineBuffered);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel
                                             | QDialogButtonBox::RestoreDefaults,
                                     this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons->button(QDialogButtonBox::RestoreDefaults),
            &QPushButton::clicked,
            this,
            &PreferencesDialog::restoreDefaults);

    retranslate();
    setPreferences(Preferences());
}

void PreferencesDialog::retranslate()
{
    setWindowTitle(tr("Preferences"));
    const auto label = [this](QWidget *field, const QString &text, const QString &toolTip) {
        if (auto *fieldLabel = qobject_cast<QLabel *>(m_form->labelForField(field))) {
            fieldLabel->setText(text);
            fieldLabel->setBuddy(field);
        }
        field->setToolTip(toolTip);
    };
    label(m_grace,
          tr("&Grace period:"),
          tr("How long Terminate waits after SIGTERM before it kills with SIGKILL"));
    m_grace->setSuffix(tr(" ms"));
    label(m_countdown,
          tr("&Countdown:"),
          tr("Seconds before lesson 2 terminates its counting process; also used by "
             "“Terminate in N s”"));
    m_countdown->setSuffix(tr(" s"));
    label(m_scrollback,
          tr("&Scrollback:"),
          tr("How many lines of output are kept; older lines are dropped, from the output and "
             "from each worker's own history"));
    m_scrollback->setSuffix(tr(" lines"));
    label(m_fontSize, tr("&Text size:"), tr("The size of the table's and the output's text"));
    m_fontSize->setSuffix(tr(" pt"));
    label(m_language, tr("&Language:"), tr("The language of the window and of the lessons' texts"));
    m_language->setItemText(0, tr("System language"));
    m_lineBuffered->setText(tr("&Run commands line-buffered by default"));
    m_lineBuffered->setToolTip(tr("Whether Run command… asks programs to write each line as soon "
                                  "as they print it"));
}

void PreferencesDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void PreferencesDialog::setPreferences(const Preferences &preferences)
{
    m_grace->setValue(preferences.gracePeriodMs);
    m_countdown->setValue(preferences.countdownSeconds);
    m_scrollback->setValue(preferences.scrollbackLines);
    m_fontSize->setValue(preferences.fontPointSize);
    m_language->setCurrentIndex(qMax(0, m_language->findData(preferences.language)));
    m_lineBuffered->setChecked(preferences.lineBufferedByDefault);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences preferences;
    preferences.gracePeriodMs = m_grace->value();
    preferences.countdownSeconds = m_countdown->value();
    preferences.scrollbackLines = m_scrollback->value();
    preferences.fontPointSize = m_fontSize->value();
    preferences.language = m_language->currentData().toString();
    preferences.lineBufferedByDefault = m_lineBuffered->isChecked();
    return preferences;
}

void PreferencesDialog::restoreDefaults()
{
    // The text size stays: its default depends on the desktop's font, which the window knows.
    Preferences defaults;
    defaults.fontPointSize = m_fontSize->value();
    defaults.language = m_language->currentData().toString();
    setPreferences(defaults);
}

} // namespace ProcLab
