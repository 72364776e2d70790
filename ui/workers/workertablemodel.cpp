#include "workertablemodel.h"

#include "ansiparser.h"
#include "countdown.h"
#include "processsampler.h"
#include "worker.h"
#include "workerpool.h"

#include <QLocale>

#include <limits>

namespace ProcLab {

namespace {

// A table cell shows one line; laying out 64 KiB of text for every paint would make a flood of long
// lines cost more than the rest of the window together.
constexpr qsizetype MaxLastLineLength = 300;
// Escape sequences take room without showing: a colour code is a few characters, an OSC hyperlink
// can be a whole URL. This much of the line is read to find the characters the cell shows.
constexpr qsizetype MaxLastLineParsed = 16 * MaxLastLineLength;

QString lastLineText(const QString &line)
{
    // Colours, titles and cursor movements of the worker's output are for the output view; in a
    // cell they are noise. The output view's parser removes them all, OSC and DCS strings included.
    QString text = line.size() > MaxLastLineParsed ? line.left(MaxLastLineParsed) : line;
    text = AnsiParser::stripped(text).trimmed();
    if (text.size() > MaxLastLineLength)
        text = text.left(MaxLastLineLength) + QChar(0x2026);
    return text;
}

// A worker that ended on its own with a non-zero status failed, even though its process
// "finished": the cell says so, with the status, so that it does not read like a success.
bool endedInFailure(const Worker *worker)
{
    const ExitInfo &exit = worker->exitInfo();
    return exit.hasEnded() && !exit.isSuccess();
}

QString stateCellText(const Worker *worker)
{
    const ExitInfo &exit = worker->exitInfo();
    if (worker->state() == WorkerState::Finished && exit.reason == ExitInfo::Reason::Exited
        && !exit.isSuccess()) {
        return WorkerTableModel::tr("failed (exit %1)").arg(exit.exitCode);
    }
    const QString state = stateText(*worker); // with its orphans: "finished · 2 orphans running"
    const Countdown *countdown = worker->scheduledStop();
    if (!countdown || !countdown->isActive() || !worker->isActive())
        return state;
    return WorkerTableModel::tr("%1 · terminating in %2 s")
            .arg(state)
            .arg(countdown->remainingSeconds());
}

// Numbers right-aligned, so that their digits line up; their headers with them.
int columnAlignment(int column)
{
    switch (column) {
    case WorkerTableModel::PidColumn:
    case WorkerTableModel::CpuColumn:
    case WorkerTableModel::MemoryColumn:
    case WorkerTableModel::RunningTimeColumn:
    case WorkerTableModel::LinesOutColumn:
    case WorkerTableModel::LinesErrColumn:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    }
}

} // namespace

WorkerTableModel::WorkerTableModel(WorkerPool &pool, QObject *parent)
    : QAbstractTableModel(parent)
    , m_pool(pool)
{
    connect(&m_pool, &WorkerPool::workersAboutToBeInserted, this, [this](int first, int last) {
        beginInsertRows(QModelIndex(), first, last);
    });
    connect(&m_pool, &WorkerPool::workersInserted, this, [this] { endInsertRows(); });
    connect(&m_pool, &WorkerPool::workersAboutToBeRemoved, this, [this](int first, int last) {
        beginRemoveRows(QModelIndex(), first, last);
    });
    connect(&m_pool, &WorkerPool::workersRemoved, this, [this] { endRemoveRows(); });
    connect(&m_pool, &WorkerPool::workersChanged, this, &WorkerTableModel::handleWorkersChanged);
}

int WorkerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_pool.count();
}

int WorkerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Worker *WorkerTableModel::workerAt(int row) const
{
    return row >= 0 && row < m_pool.count() ? m_pool.at(row) : nullptr;
}

QVariant WorkerTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Worker *worker = m_pool.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(worker, index.column());
    case Qt::ToolTipRole:
        if (index.column() == ExitColumn && worker->exitInfo().hasEnded())
            return exitExplanation(worker->exitInfo());
        return toolTip(worker);
    case Qt::TextAlignmentRole:
        return columnAlignment(index.column());
    case PidRole:
        return worker->pid();
    case WorkerIdRole:
        return worker->id();
    case StateRole:
        return int(worker->state());
    case IsActiveRole:
        return worker->isActive();
    case FailedRole:
        return endedInFailure(worker);
    case CountdownRole: {
        const Countdown *countdown = worker->scheduledStop();
        if (countdown && countdown->isActive() && worker->isActive())
            return countdown->remainingSeconds();
        return QVariant();
    }
    case SortRole:
        return sortData(worker, index.column());
    case CpuHistoryRole:
        if (!m_sampler || !worker->isActive())
            return QVariant();
        return QVariant::fromValue(m_sampler->cpuHistory(worker->id()));
    default:
        return QVariant();
    }
}

QVariant WorkerTableModel::displayData(const Worker *worker, int column) const
{
    switch (Column(column)) {
    case NameColumn:
        return worker->name();
    case PidColumn:
        return worker->pid() > 0 ? QString::number(worker->pid()) : QString();
    case StateColumn:
        return stateCellText(worker);
    case CpuColumn:
    case MemoryColumn: {
        // Only while it runs: an ended process uses nothing, and an empty cell says so plainest.
        if (!m_sampler || !worker->isActive())
            return QString();
        const ProcessTree tree = m_sampler->tree(worker->id());
        if (tree.leader.pid == 0)
            return QString(); // not sampled yet
        if (column == CpuColumn)
            return tr("%1 %").arg(qRound(tree.cpuPercent));
        return memoryText(tree.residentBytes);
    }
    case ExitColumn:
        return worker->exitInfo().shortText();
    case StartedColumn:
        return worker->startTime().isValid()
                       ? worker->startTime().toString(QStringLiteral("HH:mm:ss"))
                       : QString();
    case RunningTimeColumn:
        return worker->pid() > 0 ? durationText(worker->runningTimeMs()) : QString();
    case LinesOutColumn:
        return countText(worker->lineCount(OutputChannel::StdOut));
    case LinesErrColumn:
        return countText(worker->lineCount(OutputChannel::StdErr));
    case LastOutputColumn:
        return lastLineText(worker->lastLine());
    case ColumnCount:
        break;
    }
    return QVariant();
}

QVariant WorkerTableModel::sortData(const Worker *worker, int column) const
{
    switch (Column(column)) {
    case NameColumn:
        return worker->name();
    case PidColumn:
        return worker->pid();
    case StateColumn:
        return int(worker->state());
    case CpuColumn:
        return m_sampler && worker->isActive() ? m_sampler->tree(worker->id()).cpuPercent : -1.0;
    case MemoryColumn:
        return m_sampler && worker->isActive() ? m_sampler->tree(worker->id()).residentBytes
                                               : qint64(-1);
    case ExitColumn: {
        // Not ended yet sorts after every exit code; failed starts after those.
        const ExitInfo &exit = worker->exitInfo();
        if (exit.reason == ExitInfo::Reason::FailedToStart)
            return std::numeric_limits<int>::max();
        return exit.pythonExitCode().value_or(std::numeric_limits<int>::max() - 1);
    }
    case StartedColumn:
        return worker->startTime().isValid() ? worker->startTime().toMSecsSinceEpoch() : qint64(0);
    case RunningTimeColumn:
        return worker->runningTimeMs();
    case LinesOutColumn:
        return worker->lineCount(OutputChannel::StdOut);
    case LinesErrColumn:
        return worker->lineCount(OutputChannel::StdErr);
    case LastOutputColumn:
        return worker->lastLine();
    case ColumnCount:
        break;
    }
    return QVariant();
}

QString WorkerTableModel::toolTip(const Worker *worker) const
{
    const ExitInfo &exit = worker->exitInfo();
    if (exit.reason == ExitInfo::Reason::FailedToStart)
        return tr("Failed to start: %1").arg(exit.errorText);
    QString text = worker->commandLine();
    if (exit.hasEnded())
        text += QLatin1Char('\n') + exit.exitCodeText();
    return text;
}

QVariant WorkerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case CpuColumn:
            return tr("Processor use of the worker and every process it started, in % of one "
                      "core, with its last half minute drawn behind");
        case MemoryColumn:
            return tr("Resident memory (RSS) of the worker and every process it started, added "
                      "up: the figure of the worker's row in the Processes tab, which lists each "
                      "process");
        case ExitColumn:
            return tr("How the process ended, as Python's Process.exitcode says it: the exit "
                      "status, or minus the number of the signal that ended it. Hover over a cell "
                      "for the shell's reading and what the signal means");
        case LinesOutColumn:
            return tr("Lines written to standard output");
        case LinesErrColumn:
            return tr("Lines written to standard error");
        default:
            return QVariant();
        }
    }
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return columnAlignment(section);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case PidColumn:
        return tr("PID");
    case StateColumn:
        return tr("State");
    case CpuColumn:
        return tr("CPU");
    case MemoryColumn:
        return tr("Memory");
    case ExitColumn:
        return tr("Exit");
    case StartedColumn:
        return tr("Started");
    case RunningTimeColumn:
        return tr("Running");
    case LinesOutColumn:
        return tr("stdout");
    case LinesErrColumn:
        return tr("stderr");
    case LastOutputColumn:
        return tr("Last output");
    case ColumnCount:
        break;
    }
    return QVariant();
}

void WorkerTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole});
}

void WorkerTableModel::handleWorkersChanged(const QList<int> &rows)
{
    // The pool sends sorted rows; a run of neighbours becomes one signal (libksysguard does the same).
    const int rowTotal = rowCount();
    qsizetype i = 0;
    while (i < rows.size()) {
        const int first = rows.at(i);
        int last = first;
        ++i;
        while (i < rows.size() && rows.at(i) <= last + 1) {
            last = qMax(last, rows.at(i));
            ++i;
        }
        if (first < 0 || last >= rowTotal)
            continue;
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
    }
}

void WorkerTableModel::setSampler(const ProcessSampler *sampler)
{
    if (m_sampler)
        disconnect(m_sampler, nullptr, this, nullptr);
    m_sampler = sampler;
    if (m_sampler)
        connect(m_sampler, &ProcessSampler::sampled, this, &WorkerTableModel::handleSampled);
}

void WorkerTableModel::handleSampled()
{
    // The rows that show a sample now, and those that showed one and must be emptied.
    const int rowTotal = rowCount();
    QSet<int> sampled;
    QList<int> rows;
    for (int row = 0; row < rowTotal; ++row) {
        const Worker *worker = m_pool.at(row);
        const bool active = worker->isActive();
        if (active)
            sampled.insert(worker->id());
        if (active || m_sampledWorkerIds.contains(worker->id()))
            rows.append(row);
    }
    m_sampledWorkerIds = sampled;
    const QList<int> roles{Qt::DisplayRole, SortRole, CpuHistoryRole};
    qsizetype i = 0;
    while (i < rows.size()) {
        const int first = rows.at(i);
        int last = first;
        while (++i < rows.size() && rows.at(i) == last + 1)
            last = rows.at(i);
        emit dataChanged(index(first, CpuColumn), index(last, MemoryColumn), roles);
    }
}

QString WorkerTableModel::exitExplanation(const ExitInfo &exit)
{
    if (exit.reason == ExitInfo::Reason::FailedToStart)
        return tr("failed to start: %1").arg(exit.errorText);
    const std::optional<int> python = exit.pythonExitCode();
    const std::optional<int> shell = exit.shellExitCode();
    if (!python || !shell)
        return QString();
    QString how;
    if (exit.diedOfSignal()) {
        how = tr("killed by %1: %2")
                      .arg(signalName(exit.signalNumber), signalDescription(exit.signalNumber));
        if (exit.escalated)
            how += tr(" (it was still running when the grace period after SIGTERM ran out)");
    } else {
        how = tr("exited with status %1").arg(exit.exitCode);
        if (exit.stopRequested)
            how += tr(", after it was asked to stop");
    }
    return tr("Python: %1 · shell: %2 · %3").arg(*python).arg(*shell).arg(how);
}

QString WorkerTableModel::memoryText(qint64 bytes)
{
    // Powers of 1024 with the familiar unit names, as top and the workers themselves say "MB".
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString WorkerTableModel::countText(qint64 count)
{
    // `yes` writes millions of lines a second: past six digits "13.4 M" fits the cell and reads at
    // a glance, where "13434882" would be cut to "1343…". Sorting uses the exact count (SortRole).
    if (count < 1000000)
        return QString::number(count);
    if (count < 1000000000)
        return tr("%1 M").arg(double(count) / 1e6, 0, 'f', 1);
    return tr("%1 G").arg(double(count) / 1e9, 0, 'f', 1);
}

QString WorkerTableModel::durationText(qint64 milliseconds)
{
    const qint64 seconds = qMax<qint64>(milliseconds, 0) / 1000;
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds / 60) % 60;
    const QString secondsText = QStringLiteral("%1").arg(seconds % 60, 2, 10, QLatin1Char('0'));
    if (hours > 0) {
        return QStringLiteral("%1:%2:%3")
                .arg(hours)
                .arg(minutes, 2, 10, QLatin1Char('0'))
                .arg(secondsText);
    }
    return QStringLiteral("%1:%2").arg(minutes).arg(secondsText);
}

} // namespace ProcLab
