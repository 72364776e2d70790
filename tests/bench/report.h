#pragma once

#include "stats.h"

#include <cstdio>
#include <string>
#include <vector>

namespace ProcLab::Bench {

// A target from the issue "Benchmarks, and the speed and memory goals". A miss is information for
// whoever works on the code next, not a failure of the bench.
struct Goal
{
    enum class Kind { None, AtMost, AtLeast };

    Kind kind = Kind::None;
    double limit = 0;

    static Goal none() { return {}; }
    static Goal atMost(double limit) { return {Kind::AtMost, limit}; }
    static Goal atLeast(double limit) { return {Kind::AtLeast, limit}; }

    bool hasGoal() const { return kind != Kind::None; }
    bool isMetBy(double value) const;
    std::string text() const; // "<= 1.5", ">= 3000000", or empty
};

// One measured figure: its median over the rounds, the spread, and the goal it is held against.
struct Figure
{
    std::string key;   // stable name in the JSON output, e.g. "spawn4_ratio"
    std::string label; // what the table says
    std::string unit;  // "ms", "x", "%", "MiB", "lines/s"…
    Summary value;
    Goal goal;
};

// Collects the figures of every section in the order measured, then prints them as a table for a
// person or as one JSON object for a script.
class Report final
{
public:
    void beginSection(const std::string &name, const std::string &title);
    void add(Figure figure);
    void note(const std::string &text);
    // The section could not be measured at all (a program missing, the window helper not built).
    void skip(const std::string &reason);
    std::string currentName() const { return m_sections.empty() ? "" : m_sections.back().name; }

    void printTable(std::FILE *out) const;
    void printJson(std::FILE *out, const std::string &header) const;

    int goalCount() const;
    int goalsMet() const;

private:
    struct Section
    {
        std::string name;
        std::string title;
        std::vector<Figure> figures;
        std::vector<std::string> notes;
        std::string skipped;
    };

    Section &current();

    std::vector<Section> m_sections;
};

// Text safe inside a JSON string literal.
std::string jsonEscape(const std::string &text);
// A number for JSON: finite, shortest round-trip-ish text.
std::string jsonNumber(double value);

} // namespace ProcLab::Bench
