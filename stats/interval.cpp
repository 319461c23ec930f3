#include "stats/interval.hpp"

#include <algorithm>
#include <cmath>

namespace cqm::stats {

Interval wilson(std::uint64_t k, std::uint64_t n, double z) {
  if (n == 0) return {};
  const double nn = static_cast<double>(n);
  const double p = static_cast<double>(k) / nn;
  const double z2 = z * z;
  const double centre = (p + z2 / (2 * nn)) / (1 + z2 / nn);
  const double half = z / (1 + z2 / nn) * std::sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
  // At k = 0 and k = n the interval touches 0 and 1 exactly; rounding must not push it past them.
  Interval out{std::max(0.0, centre - half), std::min(1.0, centre + half)};
  if (k == 0) out.low = 0;
  if (k == n) out.high = 1;
  return out;
}

}  // namespace cqm::stats
