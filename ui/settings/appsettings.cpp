#include "appsettings.h"

#include <QSettings>
#include <QStandardPaths>

namespace ProcLab {

namespace {

const QString WindowGeometryKey = QStringLiteral("window/geometry");
const QString WindowStateKey = QStringLiteral("window/state");
const QString SplitterSizesKey = QStringLiteral("window/splitterSizes");
const QString CountdownSecondsKey = QStringLiteral("lessons/countdownSeconds");
const QString GracePeriodKey = QStringLiteral("workers/gracePeriodMs");
const QString ScrollbackLinesKey = QStringLiteral("output/scrollbackLines");
const QString FontPointSizeKey = QStringLiteral("view/fontPointSize");
const QString LanguageKey = QStringLiteral("view/language");
const QString RecentCommandsKey = QStringLiteral("runCommand/recentCommands");
const QString LineBufferedKey = QStringLiteral("runCommand/lineBuffered");
const QString KeepRecordsKey = QStringLiteral("records/keep");
const QString ColumnOrderKey = QStringLiteral("table/columnOrder");
const QString HiddenColumnsKey = QStringLiteral("table/hiddenColumns");

enum class Kind { Bytes, Number, Boolean, Language, Text };

struct KeyKind
{
    const QString &key;
    Kind kind;
};

const KeyKind KnownKeys[] = {
        {WindowGeometryKey, Kind::Bytes},
        {WindowStateKey, Kind::Bytes},
        {SplitterSizesKey, Kind::Text},
        {CountdownSecondsKey, Kind::Number},
        {GracePeriodKey, Kind::Number},
        {ScrollbackLinesKey, Kind::Number},
        {FontPointSizeKey, Kind::Number},
        {LanguageKey, Kind::Language},
        {RecentCommandsKey, Kind::Text},
        {LineBufferedKey, Kind::Boolean},
        {KeepRecordsKey, Kind::Boolean},
        {ColumnOrderKey, Kind::Text},
        {HiddenColumnsKey, Kind::Text},
};

bool isValid(const QVariant &value, Kind kind)
{
    bool ok = false;
    switch (kind) {
    case Kind::Bytes:
        return value.typeId() == QMetaType::QByteArray;
    case Kind::Number:
        value.toLongLong(&ok);
        return ok;
    case Kind::Boolean: {
        const QString text = value.toString();
        return value.typeId() == QMetaType::Bool || text == QLatin1String("true")
               || text == QLatin1String("false");
    }
    case Kind::Language: {
        const QString text = value.toString();
        return text.isEmpty() || text == QLatin1String("ko") || text == QLatin1String("en");
    }
    case Kind::Text:
        // An empty list is written as "@Invalid()" and read back as no value at all.
        return value.isNull() || value.canConvert<QStringList>();
    }
    return false;
}

} // namespace

QString AppSettings::defaultFileName()
{
    // Where QSettings(ProcLab, proclab) keeps it; QStandardPaths' test mode moves it away in tests.
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
           + QStringLiteral("/ProcLab/proclab.conf");
}

AppSettings::AppSettings(const QString &fileName)
    : m_fileName(fileName)
{
    if (!fileName.isEmpty()) {
        m_settings = std::make_unique<QSettings>(fileName, QSettings::IniFormat);
        checkFile();
    }
}

AppSettings::~AppSettings()
{
    sync();
}

void AppSettings::checkFile()
{
    // QSettings reads leniently: a damaged file mostly becomes odd keys and values, which the
    // checks below drop; a file it could not parse at all is started afresh.
    m_settings->allKeys();
    if (m_settings->status() == QSettings::FormatError) {
        m_settings->clear();
        m_problem = tr("The settings file could not be read; ProcLab started with its default "
                       "settings.");
        return;
    }
    int invalid = 0;
    for (const KeyKind &known : KnownKeys) {
        if (m_settings->contains(known.key) && !isValid(m_settings->value(known.key), known.kind)) {
            m_settings->remove(known.key);
            ++invalid;
        }
    }
    if (invalid > 0) {
        m_problem = tr("%n setting(s) could not be read and went back to the default.",
                       nullptr,
                       invalid);
    }
}

void AppSettings::sync()
{
    if (m_settings)
        m_settings->sync();
}

QVariant AppSettings::value(const QString &key) const
{
    return m_settings ? m_settings->value(key) : m_memory.value(key);
}

void AppSettings::setValue(const QString &key, const QVariant &value)
{
    if (m_settings)
        m_settings->setValue(key, value);
    else
        m_memory.insert(key, value);
}

int AppSettings::boundedInt(const QString &key, int minimum, int maximum, int defaultValue) const
{
    bool ok = false;
    const qlonglong number = value(key).toLongLong(&ok);
    return ok ? int(qBound(qlonglong(minimum), number, qlonglong(maximum))) : defaultValue;
}

QByteArray AppSettings::windowGeometry() const
{
    return value(WindowGeometryKey).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    setValue(WindowGeometryKey, geometry);
}

QByteArray AppSettings::windowState() const
{
    return value(WindowStateKey).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    setValue(WindowStateKey, state);
}

QList<int> AppSettings::splitterSizes() const
{
    QList<int> sizes;
    const QStringList texts = value(SplitterSizesKey).toStringList();
    for (const QString &text : texts) {
        bool ok = false;
        const int size = text.toInt(&ok);
        if (!ok || size < 0)
            return {};
        sizes.append(size);
    }
    return sizes;
}

void AppSettings::setSplitterSizes(const QList<int> &sizes)
{
    QStringList texts;
    for (const int size : sizes)
        texts.append(QString::number(size));
    setValue(SplitterSizesKey, texts);
}

int AppSettings::countdownSeconds() const
{
    return boundedInt(CountdownSecondsKey,
                      Defaults::MinCountdownSeconds,
                      Defaults::MaxCountdownSeconds,
                      Defaults::CountdownSeconds);
}

void AppSettings::setCountdownSeconds(int seconds)
{
    setValue(CountdownSecondsKey,
             qBound(Defaults::MinCountdownSeconds, seconds, Defaults::MaxCountdownSeconds));
}

int AppSettings::gracePeriodMs() const
{
    return boundedInt(GracePeriodKey,
                      0,
                      int(Defaults::MaxGracePeriod.count()),
                      int(Defaults::GracePeriod.count()));
}

void AppSettings::setGracePeriodMs(int milliseconds)
{
    setValue(GracePeriodKey, qBound(0, milliseconds, int(Defaults::MaxGracePeriod.count())));
}

int AppSettings::scrollbackLines() const
{
    return boundedInt(ScrollbackLinesKey,
                      Defaults::MinScrollbackLines,
                      Defaults::MaxScrollbackLines,
                      Defaults::ScrollbackLines);
}

void AppSettings::setScrollbackLines(int lines)
{
    setValue(ScrollbackLinesKey,
             qBound(Defaults::MinScrollbackLines, lines, Defaults::MaxScrollbackLines));
}

int AppSettings::fontPointSize() const
{
    if (!value(FontPointSizeKey).isValid())
        return 0;
    return boundedInt(FontPointSizeKey, MinFontPointSize, MaxFontPointSize, 0);
}

void AppSettings::setFontPointSize(int points)
{
    setValue(FontPointSizeKey, qBound(MinFontPointSize, points, MaxFontPointSize));
}

QString AppSettings::language() const
{
    const QString code = value(LanguageKey).toString();
    return isValid(code, Kind::Language) ? code : QString();
}

void AppSettings::setLanguage(const QString &code)
{
    setValue(LanguageKey, isValid(code, Kind::Language) ? code : QString());
}

QStringList AppSettings::recentCommands() const
{
    QStringList commands = value(RecentCommandsKey).toStringList();
    commands.removeAll(QString());
    return commands.mid(0, MaxRecentCommands);
}

void AppSettings::setRecentCommands(const QStringList &commandLines)
{
    setValue(RecentCommandsKey, commandLines.mid(0, MaxRecentCommands));
}

bool AppSettings::lineBufferedByDefault() const
{
    const QVariant stored = value(LineBufferedKey);
    return stored.isValid() && isValid(stored, Kind::Boolean) ? stored.toBool() : true;
}

void AppSettings::setLineBufferedByDefault(bool lineBuffered)
{
    setValue(LineBufferedKey, lineBuffered);
}

bool AppSettings::keepsRecords() const
{
    const QVariant stored = value(KeepRecordsKey);
    return stored.isValid() && isValid(stored, Kind::Boolean) ? stored.toBool() : true;
}

void AppSettings::setKeepsRecords(bool keep)
{
    setValue(KeepRecordsKey, keep);
}

QStringList AppSettings::columnOrder() const
{
    return value(ColumnOrderKey).toStringList();
}

void AppSettings::setColumnOrder(const QStringList &columns)
{
    setValue(ColumnOrderKey, columns);
}

QStringList AppSettings::hiddenColumns() const
{
    return value(HiddenColumnsKey).toStringList();
}

void AppSettings::setHiddenColumns(const QStringList &columns)
{
    setValue(HiddenColumnsKey, columns);
}

} // namespace ProcLab
