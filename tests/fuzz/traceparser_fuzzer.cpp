// TraceRecordParser against any bytes, read in any pieces: the tracer's channel is a pipe, and a
// broken or hostile writer may put anything on it.
//
// Input: reads of 0..64 bytes. Invariants: the same bytes in one read give the same events and
// the same count of invalid lines (nothing depends on where reads end); every event is valid for
// its kind (a PID where one is needed, a signal in range, no more arguments than announced); and
// each event, written back the way the tracer writes it, parses to itself.
#include "fuzzcheck.h"
#include "traceprotocol.h"
#include "tracerecordparser.h"

#include <fuzzer/FuzzedDataProvider.h>
#include <string>
#include <vector>

using ProcLab::ProcessOrigin;
using ProcLab::TraceEvent;
using ProcLab::TraceRecordParser;
namespace Protocol = ProcLab::TraceProtocol;

namespace {

struct Parsed
{
    QList<TraceEvent> events;
    qint64 invalid = 0;
};

Parsed parse(const std::vector<std::string> &reads)
{
    TraceRecordParser parser;
    Parsed parsed;
    for (const std::string &read : reads)
        parser.feed(QByteArrayView(read.data(), qsizetype(read.size())), parsed.events);
    parser.finish();
    parsed.invalid = parser.invalidRecordCount();
    return parsed;
}

void text(std::string &line, const QByteArray &bytes)
{
    line += Protocol::FieldSeparator;
    Protocol::appendEscaped(line, bytes.constData(), std::size_t(bytes.size()));
}

void number(std::string &line, qint64 value)
{
    line += Protocol::FieldSeparator;
    line += std::to_string(value);
}

const char *originName(ProcessOrigin origin)
{
    switch (origin) {
    case ProcessOrigin::Root:
        return Protocol::How::Root;
    case ProcessOrigin::Fork:
        return Protocol::How::Fork;
    case ProcessOrigin::Vfork:
        return Protocol::How::Vfork;
    case ProcessOrigin::Clone:
        return Protocol::How::Clone;
    case ProcessOrigin::Unknown:
        break;
    }
    return Protocol::How::Unknown;
}

// The record as the tracer would write it (app/worker/tracerwriter.cpp).
std::string write(const TraceEvent &event)
{
    std::string line;
    switch (event.kind) {
    case TraceEvent::Kind::Hello:
        line = Protocol::Kind::Hello;
        number(line, event.version);
        number(line, event.timeUs);
        number(line, event.pid);
        return line;
    case TraceEvent::Kind::Start:
        line = Protocol::Kind::Start;
        number(line, event.timeUs);
        number(line, event.pid);
        number(line, event.parentPid);
        line += Protocol::FieldSeparator;
        line += originName(event.origin);
        return line;
    case TraceEvent::Kind::Exec:
        line = Protocol::Kind::Exec;
        number(line, event.timeUs);
        number(line, event.pid);
        text(line, event.executable);
        number(line, event.argumentCount);
        for (const QByteArray &argument : event.arguments)
            text(line, argument);
        return line;
    case TraceEvent::Kind::Signal:
    case TraceEvent::Kind::Stop:
        line = event.kind == TraceEvent::Kind::Signal ? Protocol::Kind::Signal
                                                      : Protocol::Kind::Stop;
        number(line, event.timeUs);
        number(line, event.pid);
        number(line, event.signalNumber);
        return line;
    case TraceEvent::Kind::Continue:
    case TraceEvent::Kind::Detach:
    case TraceEvent::Kind::Lost:
        line = event.kind == TraceEvent::Kind::Continue ? Protocol::Kind::Continue
               : event.kind == TraceEvent::Kind::Detach ? Protocol::Kind::Detach
                                                        : Protocol::Kind::Lost;
        number(line, event.timeUs);
        number(line, event.pid);
        return line;
    case TraceEvent::Kind::Exit:
        line = Protocol::Kind::Exit;
        number(line, event.timeUs);
        number(line, event.pid);
        number(line, event.waitStatus);
        return line;
    case TraceEvent::Kind::Note:
        line = Protocol::Kind::Note;
        number(line, event.timeUs);
        number(line, event.pid);
        text(line, event.code);
        text(line, event.text);
        return line;
    case TraceEvent::Kind::End:
        line = Protocol::Kind::End;
        number(line, event.timeUs);
        number(line, event.waitStatus);
        return line;
    }
    return line;
}

bool same(const TraceEvent &a, const TraceEvent &b)
{
    return a.kind == b.kind && a.timeUs == b.timeUs && a.pid == b.pid && a.parentPid == b.parentPid
           && a.origin == b.origin && a.version == b.version && a.signalNumber == b.signalNumber
           && a.waitStatus == b.waitStatus && a.executable == b.executable
           && a.arguments == b.arguments && a.argumentCount == b.argumentCount && a.code == b.code
           && a.text == b.text;
}

void checkEvent(const TraceEvent &event)
{
    FUZZ_CHECK(event.timeUs >= 0);
    switch (event.kind) {
    case TraceEvent::Kind::Note:
        FUZZ_CHECK(event.pid >= 0 && !event.code.isEmpty());
        break;
    case TraceEvent::Kind::End:
        FUZZ_CHECK(event.waitStatus >= -1);
        break;
    case TraceEvent::Kind::Hello:
        FUZZ_CHECK(event.version >= 1 && event.version <= Protocol::Version);
        FUZZ_CHECK(event.pid > 0);
        break;
    default:
        FUZZ_CHECK(event.pid > 0);
        break;
    }
    if (event.kind == TraceEvent::Kind::Signal || event.kind == TraceEvent::Kind::Stop)
        FUZZ_CHECK(event.signalNumber >= 1 && event.signalNumber <= 127);
    if (event.kind == TraceEvent::Kind::Exec)
        FUZZ_CHECK(event.arguments.size() <= event.argumentCount);
    if (event.kind == TraceEvent::Kind::Exit)
        FUZZ_CHECK(event.waitStatus >= 0);

    const std::string line = write(event);
    FUZZ_CHECK(line.find('\n') == std::string::npos);
    TraceEvent again;
    FUZZ_CHECK(TraceRecordParser::parseRecord(QByteArrayView(line.data(), qsizetype(line.size())),
                                              again));
    FUZZ_CHECK(same(event, again));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzedDataProvider provider(data, size);
    std::vector<std::string> reads;
    std::string whole;
    while (provider.remaining_bytes() > 0) {
        reads.push_back(provider.ConsumeBytesAsString(provider.ConsumeIntegralInRange(0, 64)));
        whole += reads.back();
    }
    const Parsed pieces = parse(reads);
    const Parsed oneRead = parse({whole});
    FUZZ_CHECK(pieces.invalid == oneRead.invalid);
    FUZZ_CHECK(pieces.events.size() == oneRead.events.size());
    for (qsizetype i = 0; i < pieces.events.size(); ++i) {
        FUZZ_CHECK(same(pieces.events.at(i), oneRead.events.at(i)));
        checkEvent(pieces.events.at(i));
    }
    return 0;
}
