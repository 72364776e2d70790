#include "stats.h"

#include <algorithm>
#include <cmath>

namespace ProcLab::Bench {

Summary summarize(std::vector<double> samples)
{
    Summary summary;
    if (samples.empty())
        return summary;
    std::sort(samples.begin(), samples.end());
    const std::size_t size = samples.size();
    summary.count = int(size);
    summary.min = samples.front();
    summary.max = samples.back();
    summary.median = size % 2 == 1 ? samples[size / 2]
                                   : (samples[size / 2 - 1] + samples[size / 2]) / 2;
    return summary;
}

double percentile(std::vector<double> samples, double fraction)
{
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    // Nearest rank: the smallest sample with at least `fraction` of all samples at or below it.
    const auto rank = std::size_t(std::ceil(fraction * double(samples.size())));
    return samples[std::clamp<std::size_t>(rank, 1, samples.size()) - 1];
}

} // namespace ProcLab::Bench
