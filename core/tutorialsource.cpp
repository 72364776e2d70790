#include "tutorialsource.h"

#include "defaults.h"
#include "lessons.h"

namespace ProcLab::TutorialSource {

namespace {

// The tutorial's functions as it wrote them; its Korean texts are the program's data.
const char MainFunction[] = R"(def main_func(thing):
    print("Process {} says: {}".format(os.getpid(), thing))
)";

const char SubFunction[] = R"(def sub_func(thing):
    main_func(thing)
)";

// %1: its name; %2: where it stops counting.
const char CountingFunction[] = R"(def %1(thing):
    main_func(thing)
    start_num = 1
    stop = %2
    for num in range(start_num, stop):
        print("\tNumber {} of {}.".format(num, stop))
        time.sleep(1)
)";

QString countingFunctionCode(const QString &name)
{
    return QString::fromUtf8(CountingFunction).arg(name).arg(Lessons::CountTo);
}

QString mainCall()
{
    return QStringLiteral("    main_func(\"%1\")\n")
            .arg(Lessons::mainProgramText(DemoLanguage::Korean));
}

} // namespace

QString spawnExample()
{
    // "서브 프로그램 {}": the lesson's text with Python's placeholder where the index goes.
    QString subProgram = Lessons::subProgramText(0, DemoLanguage::Korean);
    subProgram.chop(1);
    subProgram += QLatin1String("{}");
    return QStringLiteral("import multiprocessing\nimport os\n\n") + QString::fromUtf8(SubFunction)
           + QLatin1Char('\n') + QString::fromUtf8(MainFunction)
           + QStringLiteral("\nif __name__ == '__main__':\n") + mainCall()
           + QStringLiteral("    for i in range(%1):\n"
                            "        p = multiprocessing.Process(target=sub_func, "
                            "args=(\"%2\".format(i),))\n"
                            "        p.start()")
                     .arg(Defaults::LessonWorkers)
                     .arg(subProgram);
}

QString spawnExampleOutput()
{
    return QStringLiteral("Process 16520 says: 메인 프로그램\n"
                          "Process 10308 says: 서브 프로그램 0\n"
                          "Process 16452 says: 서브 프로그램 1\n"
                          "Process 2788 says: 서브 프로그램 2\n"
                          "Process 12948 says: 서브 프로그램 3");
}

QString countdownExample()
{
    return QStringLiteral("import multiprocessing\nimport os\nimport time\n\n")
           + countingFunctionCode(QStringLiteral("sub_func")) + QLatin1Char('\n')
           + QString::fromUtf8(MainFunction) + QStringLiteral("\nif __name__ == '__main__':\n")
           + mainCall()
           + QStringLiteral("    p = multiprocessing.Process(target=sub_func, args=(\"%1\",))\n"
                            "    p.start()\n"
                            "    time.sleep(%2)\n"
                            "    p.terminate()")
                     .arg(Lessons::countingLabel())
                     .arg(Defaults::CountdownSeconds);
}

QString countdownExampleOutput()
{
    QString output = QStringLiteral("Process 10540 says: 메인 프로그램\n"
                                    "Process 16692 says: loop");
    for (int number = 1; number <= Defaults::CountdownSeconds; ++number)
        output += QStringLiteral("\n        Number %1 of %2.").arg(number).arg(Lessons::CountTo);
    return output;
}

QString mirrorFunctions(const QString &subProgramFunction, const QString &countingFunction)
{
    // The name the tutorial gives both, so the second of a script is renamed: it says so.
    const QString tutorialName = QStringLiteral("sub_func");
    const auto renamed = [&tutorialName](const QString &name, int example) {
        return name == tutorialName
                       ? QString()
                       : QStringLiteral(
                                 "# The tutorial's example %1 names this %2 too; this program "
                                 "holds both examples,\n# so it needs another name.\n")
                                 .arg(example)
                                 .arg(tutorialName);
    };
    QString text;
    if (!subProgramFunction.isEmpty()) {
        QString function = QString::fromUtf8(SubFunction);
        function.replace(tutorialName, subProgramFunction);
        text += renamed(subProgramFunction, 1) + function + QLatin1Char('\n');
    }
    if (!countingFunction.isEmpty())
        text += renamed(countingFunction, 2) + countingFunctionCode(countingFunction)
                + QLatin1Char('\n');
    return text + QString::fromUtf8(MainFunction);
}

} // namespace ProcLab::TutorialSource
