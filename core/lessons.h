#pragma once

#include "workerspec.h"

#include <QList>
#include <QString>

#include <chrono>

namespace ProcLab {

class Worker;
class WorkerPool;

// The language of the tutorial's texts. The tutorial is Korean; English is offered for everyone else.
enum class DemoLanguage { Korean, English };

// "ko" or "en"; anything else (empty included) follows the system locale.
DemoLanguage demoLanguageFromCode(const QString &code);

// The two lessons of the Python multiprocessing tutorial that ProcLab is built on:
// 1. the main program says who it is and starts four processes that say who they are;
// 2. a counting process runs until the main program terminate()s it after five seconds.
namespace Lessons {

constexpr int CountTo = 100000;
constexpr int CountIntervalMs = 1000;

QString mainProgramText(DemoLanguage language);           // "메인 프로그램"
QString subProgramText(int index, DemoLanguage language); // "서브 프로그램 0"
QString countingLabel(); // "loop", in every language, as in the tutorial
// The line the tutorial's main_func prints: "Process 4242 says: 메인 프로그램".
QString saysLine(qint64 pid, const QString &text);

// A worker that prints "Process <its pid> says: <sub program index>".
WorkerSpec sayWorker(const QString &workerProgram, int index, DemoLanguage language);
// A worker that prints "Process <its pid> says: loop", then "\tNumber n of 100000." each second.
WorkerSpec countingWorker(const QString &workerProgram);

// Lesson 1: count "say" workers, started in slices.
void startSpawnLesson(WorkerPool &pool,
                      const QString &workerProgram,
                      int count,
                      DemoLanguage language);
// Lesson 2: a counting worker, terminated (grace, then kill) when the countdown ends.
Worker *startCountdownLesson(WorkerPool &pool,
                             const QString &workerProgram,
                             std::chrono::milliseconds countdown,
                             std::chrono::milliseconds tickInterval = std::chrono::seconds(1));

} // namespace Lessons

} // namespace ProcLab
