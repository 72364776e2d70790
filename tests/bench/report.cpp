#include "report.h"

#include <cmath>

namespace ProcLab::Bench {

namespace {

// Enough digits to compare rounds, few enough to read: 3 significant figures, more for big numbers.
std::string readable(double value)
{
    char text[64];
    const double magnitude = std::fabs(value);
    if (magnitude >= 1000 || value == 0)
        std::snprintf(text, sizeof text, "%.0f", value);
    else if (magnitude >= 100)
        std::snprintf(text, sizeof text, "%.1f", value);
    else if (magnitude >= 1)
        std::snprintf(text, sizeof text, "%.2f", value);
    else
        std::snprintf(text, sizeof text, "%.3f", value);
    return text;
}

std::string verdict(const Figure &figure)
{
    if (!figure.goal.hasGoal())
        return {};
    if (!figure.value.isValid())
        return "n/a";
    return figure.goal.isMetBy(figure.value.median) ? "PASS" : "MISS";
}

} // namespace

bool Goal::isMetBy(double value) const
{
    switch (kind) {
    case Kind::AtMost:
        return value <= limit;
    case Kind::AtLeast:
        return value >= limit;
    case Kind::None:
        break;
    }
    return true;
}

std::string Goal::text() const
{
    switch (kind) {
    case Kind::AtMost:
        return "<= " + readable(limit);
    case Kind::AtLeast:
        return ">= " + readable(limit);
    case Kind::None:
        break;
    }
    return {};
}

void Report::beginSection(const std::string &name, const std::string &title)
{
    m_sections.push_back({name, title, {}, {}, {}});
}

Report::Section &Report::current()
{
    if (m_sections.empty())
        beginSection("general", "General");
    return m_sections.back();
}

void Report::add(Figure figure)
{
    current().figures.push_back(std::move(figure));
}

void Report::note(const std::string &text)
{
    current().notes.push_back(text);
}

void Report::skip(const std::string &reason)
{
    current().skipped = reason;
}

int Report::goalCount() const
{
    int count = 0;
    for (const Section &section : m_sections) {
        for (const Figure &figure : section.figures)
            count += figure.goal.hasGoal() ? 1 : 0;
    }
    return count;
}

int Report::goalsMet() const
{
    int met = 0;
    for (const Section &section : m_sections) {
        for (const Figure &figure : section.figures)
            met += verdict(figure) == "PASS" ? 1 : 0;
    }
    return met;
}

void Report::printTable(std::FILE *out) const
{
    const char *rowFormat = "  %-46s %10s %10s %10s  %-8s %-10s %s\n";
    for (const Section &section : m_sections) {
        std::fprintf(out, "\n%s\n", section.title.c_str());
        if (!section.skipped.empty()) {
            std::fprintf(out, "  %s: %s\n", section.name.c_str(), section.skipped.c_str());
            continue;
        }
        std::fprintf(out, rowFormat, "figure", "median", "min", "max", "unit", "goal", "");
        for (const Figure &figure : section.figures) {
            const bool valid = figure.value.isValid();
            std::fprintf(out,
                         rowFormat,
                         figure.label.c_str(),
                         valid ? readable(figure.value.median).c_str() : "n/a",
                         valid ? readable(figure.value.min).c_str() : "",
                         valid ? readable(figure.value.max).c_str() : "",
                         figure.unit.c_str(),
                         figure.goal.text().c_str(),
                         verdict(figure).c_str());
        }
        for (const std::string &text : section.notes)
            std::fprintf(out, "  - %s\n", text.c_str());
    }
    std::fprintf(out, "\ngoals met: %d of %d\n", goalsMet(), goalCount());
}

void Report::printJson(std::FILE *out, const std::string &header) const
{
    std::fprintf(out, "{%s,\n \"figures\": {", header.c_str());
    const char *separator = "\n";
    for (const Section &section : m_sections) {
        for (const Figure &figure : section.figures) {
            std::fprintf(out, "%s  \"%s\": {", separator, jsonEscape(figure.key).c_str());
            separator = ",\n";
            std::fprintf(out,
                         "\"section\": \"%s\", \"unit\": \"%s\"",
                         jsonEscape(section.name).c_str(),
                         jsonEscape(figure.unit).c_str());
            if (figure.value.isValid()) {
                std::fprintf(out,
                             ", \"median\": %s, \"min\": %s, \"max\": %s, \"rounds\": %d",
                             jsonNumber(figure.value.median).c_str(),
                             jsonNumber(figure.value.min).c_str(),
                             jsonNumber(figure.value.max).c_str(),
                             figure.value.count);
            } else {
                std::fprintf(out, ", \"median\": null");
            }
            if (figure.goal.hasGoal()) {
                std::fprintf(out,
                             ", \"goal\": \"%s\", \"pass\": %s",
                             jsonEscape(figure.goal.text()).c_str(),
                             verdict(figure) == "PASS" ? "true" : "false");
            }
            std::fprintf(out, "}");
        }
    }
    std::fprintf(out, "\n },\n \"skipped\": {");
    separator = "";
    for (const Section &section : m_sections) {
        if (section.skipped.empty())
            continue;
        std::fprintf(out,
                     "%s\"%s\": \"%s\"",
                     separator,
                     jsonEscape(section.name).c_str(),
                     jsonEscape(section.skipped).c_str());
        separator = ", ";
    }
    std::fprintf(out, "},\n \"notes\": [");
    separator = "\n";
    for (const Section &section : m_sections) {
        for (const std::string &text : section.notes) {
            std::fprintf(out,
                         "%s  \"%s: %s\"",
                         separator,
                         jsonEscape(section.name).c_str(),
                         jsonEscape(text).c_str());
            separator = ",\n";
        }
    }
    std::fprintf(out,
                 "\n ],\n \"goals\": {\"met\": %d, \"total\": %d}\n}\n",
                 goalsMet(),
                 goalCount());
}

std::string jsonEscape(const std::string &text)
{
    std::string escaped;
    escaped.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '"':
            escaped += "\\\"";
            break;
        case '\\':
            escaped += "\\\\";
            break;
        case '\n':
            escaped += "\\n";
            break;
        case '\t':
            escaped += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char code[8];
                std::snprintf(code, sizeof code, "\\u%04x", c);
                escaped += code;
            } else {
                escaped += c;
            }
        }
    }
    return escaped;
}

std::string jsonNumber(double value)
{
    if (!std::isfinite(value))
        return "null";
    char text[64];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

} // namespace ProcLab::Bench
