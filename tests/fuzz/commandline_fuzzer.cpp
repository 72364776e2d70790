// splitCommandLine and joinCommandLine against any text.
//
// Input: UTF-8 text. As a command line, it splits or says why, and never both; what splits joins
// back to a line that splits into the same words. Cut at its NUL bytes, it is a list of words (any
// characters, empty ones too): joined and split again, the list comes back unchanged, which is what
// lets the window show a command that runs exactly as it was given.
#include "commandline.h"
#include "fuzzcheck.h"

#include <QString>
#include <QStringList>

#include <cstdint>

using namespace ProcLab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));

    const SplitCommand split = splitCommandLine(text);
    FUZZ_CHECK(split.error.isEmpty() == split.isValid());
    if (split.isValid()) {
        const SplitCommand again = splitCommandLine(joinCommandLine(split.arguments));
        FUZZ_CHECK(again.isValid());
        FUZZ_CHECK(again.arguments == split.arguments);
    }

    const QStringList words = text.split(QChar(0));
    const QString joined = joinCommandLine(words);
    const SplitCommand roundTrip = splitCommandLine(joined);
    FUZZ_CHECK(roundTrip.isValid());
    FUZZ_CHECK(roundTrip.arguments == words);
    return 0;
}
