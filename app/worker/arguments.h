#pragma once

#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace ProcLab::WorkerProgram {

// A mistake on the command line. main() prints it as one line and exits with status 2, so that a
// test can tell "the worker was called wrongly" from anything a mode does on purpose.
class UsageError final : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// One option a mode accepts, spelled with its leading "--".
struct OptionSpec
{
    const char *name;
    bool takesValue;
};

// The arguments after the mode name, split into options and positionals.
//
// Options are "--name value" or "--name=value"; "--" ends them, so `say -- --not-an-option` works.
// An argument that looks like a negative number ("-1") is a positional, so that `exit -1` is
// reported as a bad number rather than as an unknown option.
class Arguments final
{
public:
    Arguments(const std::vector<std::string> &arguments, const std::vector<OptionSpec> &accepted);

    bool helpRequested() const { return m_helpRequested; }
    bool hasOption(const std::string &name) const;
    std::string text(const std::string &name, const std::string &fallback = {}) const;
    long long number(const std::string &name,
                     long long fallback,
                     long long min,
                     long long max) const;

    const std::vector<std::string> &positionals() const { return m_positionals; }
    long long positionalNumber(std::size_t index,
                               const std::string &what,
                               long long min,
                               long long max) const;
    // The positionals joined by single spaces: `say 서브 프로그램 0` works without quotes.
    std::string joinedPositionals() const;

private:
    std::map<std::string, std::string> m_options;
    std::vector<std::string> m_positionals;
    bool m_helpRequested = false;
};

} // namespace ProcLab::WorkerProgram
