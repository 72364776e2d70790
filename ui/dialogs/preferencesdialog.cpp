#include "preferencesdialog.h"

#include "appsettings.h"
#include "recordkeeper.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
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
    m_keepRecords = new QCheckBox(this);
    m_keepRecords->setObjectName(QStringLiteral("keepRecords"));
    m_recordsFolder = new QLabel(this);
    m_recordsFolder->setObjectName(QStringLiteral("recordsFolder"));
    m_recordsFolder->setWordWrap(true);
    m_recordsFolder->setTextInteractionFlags(Qt::TextBrowserInteraction);
    // Indented under its check box, as the line that explains it.
    m_recordsFolder->setContentsMargins(m_keepRecords->sizeHint().height(), 0, 0, 0);

    m_form = new QFormLayout;
    m_form->addRow(QStringLiteral("-"), m_grace);
    m_form->addRow(QStringLiteral("-"), m_countdown);
    m_form->addRow(QStringLiteral("-"), m_scrollback);
    m_form->addRow(QStringLiteral("-"), m_fontSize);
    m_form->addRow(QStringLiteral("-"), m_language);
    m_form->addRow(QString(), m_lineBuffered);
    m_form->addRow(QString(), m_keepRecords);
    m_form->addRow(QString(), m_recordsFolder);

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
    connect(m_recordsFolder, &QLabel::linkActivated, this, &PreferencesDialog::openRecordsFolder);

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
    m_keepRecords->setText(tr("&Keep a record of each session"));
    m_keepRecords->setToolTip(tr("Everything a window runs is recorded as it happens; the last "
                                 "%1 records are kept, the oldest dropped first. A change "
                                 "applies from the next window.")
                                      .arg(RecordKeeper::KeptRecords));
    const QString folder = RecordKeeper::folder();
    m_recordsFolder->setText(
            tr("Records are kept in %1")
                    .arg(QStringLiteral("<a href=\"%1\">%2</a>")
                                 .arg(QUrl::fromLocalFile(folder).toString(),
                                      QDir::toNativeSeparators(folder).toHtmlEscaped())));
    m_recordsFolder->setToolTip(tr("Click to open the folder"));
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
    m_keepRecords->setChecked(preferences.keepRecords);
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
    preferences.keepRecords = m_keepRecords->isChecked();
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

void PreferencesDialog::openRecordsFolder()
{
    // It exists once a session was recorded; before, the file manager would have nothing to show.
    const QString folder = RecordKeeper::folder();
    QDir().mkpath(folder);
    QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
}

} // namespace ProcLab
