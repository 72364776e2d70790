// LineSplitter against any bytes, read in any pieces: a pipe decides where reads end, never the
// program that writes, so the lines must not depend on it.
//
// Input: a line-length cap (2..300, small so that short inputs reach it), then reads of 0..64 bytes.
// Invariants: every line fits the cap; no line holds '\n', '\r' or NUL; the lines together hold
// every character of the decoded text but its line breaks (nothing lost, nothing invented); the
// flags follow the rules of outputline.h; and the same bytes in one read give exactly the same lines.
#include "fuzzcheck.h"
#include "linesplitter.h"

#include <QString>

#include <fuzzer/FuzzedDataProvider.h>
#include <string>
#include <vector>

using ProcLab::LineSplitter;
using ProcLab::OutputLine;

namespace {

// The characters the lines must add up to: the whole stream decoded at once, NUL shown as U+2400,
// line breaks removed, and U+FFFD removed too, since how many replacement characters an invalid
// sequence becomes is a matter of policy (a truncated last character is one). Every other
// character must be there, in order.
QString expectedCharacters(const QByteArray &bytes)
{
    const QString decoded = QString::fromUtf8(bytes);
    QString text;
    for (const QChar c : decoded) {
        if (c == u'\n' || c == u'\r' || c == QChar::ReplacementCharacter)
            continue;
        text += c.unicode() == 0 ? QChar(0x2400) : c;
    }
    return text;
}

QList<OutputLine> split(qsizetype cap, const std::vector<std::string> &reads)
{
    LineSplitter splitter(cap);
    QList<OutputLine> lines;
    for (const std::string &read : reads) {
        splitter.feed(QByteArrayView(read.data(), qsizetype(read.size())), lines);
        FUZZ_CHECK(splitter.pendingLength() <= cap);
    }
    splitter.finish(lines);
    FUZZ_CHECK(splitter.pendingLength() == 0);
    return lines;
}

void checkLines(const QList<OutputLine> &lines, qsizetype cap, const QByteArray &bytes)
{
    QString joined;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const OutputLine &line = lines.at(i);
        const QString &text = line.text;
        FUZZ_CHECK(text.size() <= cap);
        FUZZ_CHECK(!text.contains(u'\n') && !text.contains(u'\r') && !text.contains(QChar(0)));
        if (line.hasFlag(OutputLine::Broken)) {
            // Broken at the cap, or one short of it so as not to cut a surrogate pair.
            FUZZ_CHECK(text.size() >= cap - 1);
            FUZZ_CHECK(!text.back().isHighSurrogate());
        }
        FUZZ_CHECK(!line.hasFlag(OutputLine::Unterminated) || i == lines.size() - 1);
        const bool afterProgress = i > 0
                                   && lines.at(i - 1).hasFlag(OutputLine::EndsWithCarriageReturn);
        FUZZ_CHECK(line.hasFlag(OutputLine::ReplacesPrevious) == afterProgress);
        joined += text;
    }
    joined.remove(QChar::ReplacementCharacter);
    FUZZ_CHECK(joined == expectedCharacters(bytes));
}

bool sameLines(const QList<OutputLine> &a, const QList<OutputLine> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).text != b.at(i).text || a.at(i).flags != b.at(i).flags)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzedDataProvider provider(data, size);
    const auto cap = provider.ConsumeIntegralInRange<qsizetype>(2, 300);
    std::vector<std::string> reads;
    QByteArray bytes;
    while (provider.remaining_bytes() > 0) {
        reads.push_back(provider.ConsumeBytesAsString(provider.ConsumeIntegralInRange(0, 64)));
        bytes.append(reads.back().data(), qsizetype(reads.back().size()));
    }

    const QList<OutputLine> lines = split(cap, reads);
    checkLines(lines, cap, bytes);
    const QList<OutputLine> inOneRead = split(cap, {bytes.toStdString()});
    FUZZ_CHECK(sameLines(lines, inOneRead));
    return 0;
}
