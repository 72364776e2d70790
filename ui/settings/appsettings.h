#pragma once

#include "defaults.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QStringList>
#include <QVariantMap>

#include <memory>

class QSettings;

namespace ProcLab {

// What ProcLab remembers between runs, with a typed getter and setter for each setting, so that no
// widget reads a QVariant itself. Every value is checked when read: a number out of range is clamped,
// a value of the wrong kind gives the default. The file is organisation "ProcLab", application
// "proclab" (~/.config/ProcLab/proclab.conf); tests give a file of their own, or none, which keeps
// the values in memory and writes nothing.
//
// A file that cannot be read, or that holds values of the wrong kind, is not fatal: the values that
// fail are dropped and defaults used, and problem() says so in a sentence for the status bar.
class AppSettings final
{
    Q_DECLARE_TR_FUNCTIONS(ProcLab::AppSettings)

public:
    // The engine's defaults and limits are in Defaults (core/defaults.h); these are the window's.
    static constexpr int MinFontPointSize = Defaults::MinFontPointSize;
    static constexpr int MaxFontPointSize = Defaults::MaxFontPointSize;
    static constexpr int MaxRecentCommands = Defaults::MaxRecentCommands;

    // The user's settings file.
    static QString defaultFileName();

    // fileName empty: in memory only.
    explicit AppSettings(const QString &fileName = defaultFileName());
    ~AppSettings();
    AppSettings(const AppSettings &) = delete;
    AppSettings &operator=(const AppSettings &) = delete;

    QString fileName() const { return m_fileName; }
    // Empty, or why some settings were reset to their defaults when the file was read.
    QString problem() const { return m_problem; }

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    // The table's and the output's heights; empty when never saved.
    QList<int> splitterSizes() const;
    void setSplitterSizes(const QList<int> &sizes);

    int countdownSeconds() const;
    void setCountdownSeconds(int seconds);
    int gracePeriodMs() const;
    void setGracePeriodMs(int milliseconds);
    int scrollbackLines() const;
    void setScrollbackLines(int lines);
    // 0 when never chosen: the window's own default size then.
    int fontPointSize() const;
    void setFontPointSize(int points);
    // "ko", "en", or empty to follow the system.
    QString language() const;
    void setLanguage(const QString &code);

    // Run command…: the recent command lines, most recent first, and the line-buffer default.
    QStringList recentCommands() const;
    void setRecentCommands(const QStringList &commandLines);
    bool lineBufferedByDefault() const;
    void setLineBufferedByDefault(bool lineBuffered);

    // Whether each window's session is recorded to the data folder (RecordKeeper); on by default.
    bool keepsRecords() const;
    void setKeepsRecords(bool keep);

    // The worker table's columns by name ("PidColumn"…): in the order shown, and the hidden ones.
    QStringList columnOrder() const;
    void setColumnOrder(const QStringList &columns);
    QStringList hiddenColumns() const;
    void setHiddenColumns(const QStringList &columns);

    // Writes pending changes to the file (also done on destruction).
    void sync();

private:
    QVariant value(const QString &key) const;
    void setValue(const QString &key, const QVariant &value);
    int boundedInt(const QString &key, int minimum, int maximum, int defaultValue) const;
    void checkFile();

    QString m_fileName;
    std::unique_ptr<QSettings> m_settings;
    QVariantMap m_memory;
    QString m_problem;
};

} // namespace ProcLab
