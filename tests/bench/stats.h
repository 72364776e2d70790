#pragma once

#include <vector>

namespace ProcLab::Bench {

// What a figure reports: the median of its rounds, because one round disturbed by another program on
// this shared machine must not move it, and min and max, so the reader sees how far the rounds spread.
struct Summary
{
    double median = 0;
    double min = 0;
    double max = 0;
    int count = 0;

    bool isValid() const { return count > 0; }
};

Summary summarize(std::vector<double> samples);

// Nearest-rank percentile (fraction 0.99 for p99) of samples; 0 when there are none.
double percentile(std::vector<double> samples, double fraction);

} // namespace ProcLab::Bench
