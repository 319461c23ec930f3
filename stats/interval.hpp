#pragma once
// Confidence intervals for a binomial proportion.
#include <cstdint>

namespace cqm::stats {

/// The standard normal quantile for a two-sided 95 % interval (z_{0.975}).
inline constexpr double kZ95 = 1.959963984540054;

struct Interval {
  double low = 0;
  double high = 1;
  bool contains(double p) const { return low <= p && p <= high; }
};

/// Wilson's score interval for k successes in n trials. Chosen over the Wald interval because it stays inside
/// [0, 1] and keeps its coverage near 0 — where the workarounds' loss probabilities are — and over
/// Clopper-Pearson because it is closed-form and not needlessly conservative. For k = 0 its upper end is
/// z^2 / (n + z^2), about 3.84 / n. n = 0 gives [0, 1].
Interval wilson(std::uint64_t k, std::uint64_t n, double z = kZ95);

}  // namespace cqm::stats
