#include "lessons.h"

#include "worker.h"
#include "workerpool.h"

#include <QLocale>

namespace ProcLab {

DemoLanguage demoLanguageFromCode(const QString &code)
{
    if (code == QLatin1String("ko"))
        return DemoLanguage::Korean;
    if (code == QLatin1String("en"))
        return DemoLanguage::English;
    return QLocale::system().language() == QLocale::Korean ? DemoLanguage::Korean
                                                           : DemoLanguage::English;
}

namespace Lessons {

QString mainProgramText(DemoLanguage language)
{
    return language == DemoLanguage::Korean ? QStringLiteral("메인 프로그램")
                                            : QStringLiteral("main program");
}

QString subProgramText(int index, DemoLanguage language)
{
    const QString text = language == DemoLanguage::Korean ? QStringLiteral("서브 프로그램 %1")
                                                          : QStringLiteral("sub program %1");
    return text.arg(index);
}

QString countingLabel()
{
    return QStringLiteral("loop");
}

QString saysLine(qint64 pid, const QString &text)
{
    return QStringLiteral("Process %1 says: %2").arg(pid).arg(text);
}

WorkerSpec sayWorker(const QString &workerProgram, int index, DemoLanguage language)
{
    WorkerSpec spec;
    spec.name = subProgramText(index, language);
    spec.arguments = {workerProgram, QStringLiteral("say"), subProgramText(index, language)};
    spec.lessonRole = WorkerSpec::LessonRole::SubProgram;
    spec.lessonText = subProgramText(index, language);
    return spec;
}

WorkerSpec countingWorker(const QString &workerProgram)
{
    WorkerSpec spec;
    spec.name = countingLabel();
    // Numbers come half an interval off the second: the tutorial's sleep(5) then terminate() races
    // with "Number 6", and the half-second phase makes the lesson show exactly five numbers.
    spec.arguments = {workerProgram,
                      QStringLiteral("count"),
                      QStringLiteral("--to"),
                      QString::number(CountTo),
                      QStringLiteral("--interval-ms"),
                      QString::number(CountIntervalMs),
                      QStringLiteral("--phase-ms"),
                      QString::number(CountIntervalMs / 2),
                      QStringLiteral("--label"),
                      countingLabel()};
    spec.lessonRole = WorkerSpec::LessonRole::Counting;
    spec.lessonText = countingLabel();
    return spec;
}

void startSpawnLesson(WorkerPool &pool,
                      const QString &workerProgram,
                      int count,
                      DemoLanguage language)
{
    QList<WorkerSpec> specs;
    specs.reserve(count);
    for (int i = 0; i < count; ++i)
        specs.append(sayWorker(workerProgram, i, language));
    pool.spawnBatch(specs);
}

Worker *startCountdownLesson(WorkerPool &pool,
                             const QString &workerProgram,
                             std::chrono::milliseconds countdown,
                             std::chrono::milliseconds tickInterval)
{
    Worker *worker = pool.spawn(countingWorker(workerProgram));
    if (worker)
        pool.terminateAfter(worker, countdown, tickInterval);
    return worker;
}

} // namespace Lessons

} // namespace ProcLab
