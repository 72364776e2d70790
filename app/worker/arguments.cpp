#include "arguments.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>

namespace ProcLab::WorkerProgram {

namespace {

bool looksLikeNegativeNumber(const std::string &argument)
{
    return argument.size() > 1 && argument[0] == '-'
           && std::isdigit(static_cast<unsigned char>(argument[1]));
}

const OptionSpec *findOption(const std::vector<OptionSpec> &accepted, const std::string &name)
{
    const auto found = std::find_if(accepted.begin(), accepted.end(), [&](const OptionSpec &spec) {
        return name == spec.name;
    });
    return found == accepted.end() ? nullptr : &*found;
}

// A whole decimal integer in [min, max], or a UsageError naming `what`.
long long toNumber(const std::string &text, const std::string &what, long long min, long long max)
{
    const std::string expected = " (expected an integer from " + std::to_string(min) + " to "
                                 + std::to_string(max) + ")";
    // strtoll alone would accept leading blanks and a '+'; a test passing " 5" has a bug to see.
    const bool startsWell = !text.empty()
                            && (std::isdigit(static_cast<unsigned char>(text[0]))
                                || (text[0] == '-' && text.size() > 1));
    char *end = nullptr;
    errno = 0;
    const long long value = startsWell ? std::strtoll(text.c_str(), &end, 10) : 0;
    if (!startsWell || *end != '\0' || errno == ERANGE || value < min || value > max)
        throw UsageError("bad number for " + what + ": '" + text + "'" + expected);
    return value;
}

} // namespace

Arguments::Arguments(const std::vector<std::string> &arguments,
                     const std::vector<OptionSpec> &accepted)
{
    bool optionsEnded = false;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string &argument = arguments[i];
        if (optionsEnded || argument.size() < 2 || argument[0] != '-'
            || looksLikeNegativeNumber(argument)) {
            m_positionals.push_back(argument);
            continue;
        }
        if (argument == "--") {
            optionsEnded = true;
            continue;
        }
        if (argument == "--help" || argument == "-h") {
            m_helpRequested = true;
            continue;
        }

        const std::size_t equals = argument.find('=');
        const std::string name = argument.substr(0, equals);
        const OptionSpec *spec = findOption(accepted, name);
        if (!spec && accepted.empty()) {
            // A mode without options (say, echo-stderr) prints its words: "-rf" is text there.
            m_positionals.push_back(argument);
            continue;
        }
        if (!spec)
            throw UsageError("unknown option '" + name + "'");

        if (!spec->takesValue) {
            if (equals != std::string::npos)
                throw UsageError("option " + name + " takes no value");
            m_options[name].clear();
        } else if (equals != std::string::npos) {
            m_options[name] = argument.substr(equals + 1);
        } else if (i + 1 < arguments.size()) {
            m_options[name] = arguments[++i];
        } else {
            throw UsageError("option " + name + " needs a value");
        }
    }
}

bool Arguments::hasOption(const std::string &name) const
{
    return m_options.count(name) != 0;
}

std::string Arguments::text(const std::string &name, const std::string &fallback) const
{
    const auto found = m_options.find(name);
    return found == m_options.end() ? fallback : found->second;
}

long long Arguments::number(const std::string &name,
                            long long fallback,
                            long long min,
                            long long max) const
{
    const auto found = m_options.find(name);
    return found == m_options.end() ? fallback : toNumber(found->second, name, min, max);
}

long long Arguments::positionalNumber(std::size_t index,
                                      const std::string &what,
                                      long long min,
                                      long long max) const
{
    if (index >= m_positionals.size())
        throw UsageError("missing " + what);
    return toNumber(m_positionals[index], what, min, max);
}

std::string Arguments::joinedPositionals() const
{
    std::string joined;
    for (const std::string &positional : m_positionals) {
        if (!joined.empty())
            joined += ' ';
        joined += positional;
    }
    return joined;
}

} // namespace ProcLab::WorkerProgram
