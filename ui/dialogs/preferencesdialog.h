#pragma once

#include "defaults.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QSpinBox;

namespace ProcLab {

// What a user would change about ProcLab, as one value: the dialog edits it, the window applies it
// and AppSettings keeps it.
struct Preferences
{
    int gracePeriodMs = int(Defaults::GracePeriod.count());
    int countdownSeconds = Defaults::CountdownSeconds;
    int scrollbackLines = Defaults::ScrollbackLines;
    int fontPointSize = 12;
    QString language; // "ko", "en", or empty for the system's
    bool lineBufferedByDefault = true;
    bool keepRecords = true; // each window's session recorded to the data folder

    friend bool operator==(const Preferences &a, const Preferences &b)
    {
        return a.gracePeriodMs == b.gracePeriodMs && a.countdownSeconds == b.countdownSeconds
               && a.scrollbackLines == b.scrollbackLines && a.fontPointSize == b.fontPointSize
               && a.language == b.language && a.lineBufferedByDefault == b.lineBufferedByDefault
               && a.keepRecords == b.keepRecords;
    }
};

// File → Preferences…: the grace period of a terminate, the seconds of lesson 2, how many lines of
// output are kept, the text size, the language, whether Run command… line-buffers by default and
// whether each session is recorded (with where the records are, as a link that opens the folder).
// It only edits a Preferences value; whoever opens it applies preferences() when it is accepted.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    void setPreferences(const Preferences &preferences);
    Preferences preferences() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void restoreDefaults();
    void openRecordsFolder();

    QSpinBox *m_grace = nullptr;
    QSpinBox *m_countdown = nullptr;
    QSpinBox *m_scrollback = nullptr;
    QSpinBox *m_fontSize = nullptr;
    QComboBox *m_language = nullptr;
    QCheckBox *m_lineBuffered = nullptr;
    QCheckBox *m_keepRecords = nullptr;
    QLabel *m_recordsFolder = nullptr;
    QFormLayout *m_form = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace ProcLab
