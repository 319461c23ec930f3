// Wilson's score interval against published values (Newcombe 1998, table I; Wikipedia's worked examples).
#include "stats/interval.hpp"

#include <gtest/gtest.h>

namespace cqm::stats {
namespace {

constexpr double kTolerance = 1e-4;

TEST(wilson, matches_newcombes_81_of_263) {
  const Interval i = wilson(81, 263);
  EXPECT_NEAR(i.low, 0.2553, kTolerance);
  EXPECT_NEAR(i.high, 0.3662, kTolerance);
}

TEST(wilson, is_symmetric_at_one_half) {
  const Interval i = wilson(5, 10);
  EXPECT_NEAR(i.low, 0.2366, kTolerance);
  EXPECT_NEAR(i.high, 0.7634, kTolerance);
}

TEST(wilson, touches_zero_with_no_successes_and_its_upper_end_is_z2_over_n_plus_z2) {
  const Interval i = wilson(0, 10);
  EXPECT_EQ(i.low, 0.0);
  EXPECT_NEAR(i.high, 0.2775, kTolerance);
  const Interval big = wilson(0, 100'000);
  EXPECT_NEAR(big.high, kZ95 * kZ95 / (100'000 + kZ95 * kZ95), 1e-12);
  EXPECT_LT(big.high, 0.001);  // what the workaround's "done when" rests on
}

TEST(wilson, touches_one_with_only_successes) {
  const Interval i = wilson(10, 10);
  EXPECT_NEAR(i.low, 0.7225, kTolerance);
  EXPECT_EQ(i.high, 1.0);
}

TEST(wilson, stays_inside_zero_one_and_contains_the_estimate) {
  for (std::uint64_t n : {1, 2, 7, 100, 12345})
    for (std::uint64_t k = 0; k <= n; k += std::max<std::uint64_t>(1, n / 7)) {
      const Interval i = wilson(k, n);
      EXPECT_GE(i.low, 0.0);
      EXPECT_LE(i.high, 1.0);
      EXPECT_TRUE(i.contains(static_cast<double>(k) / static_cast<double>(n))) << k << "/" << n;
    }
}

TEST(wilson, of_no_trials_is_everything) {
  const Interval i = wilson(0, 0);
  EXPECT_EQ(i.low, 0.0);
  EXPECT_EQ(i.high, 1.0);
}

}  // namespace
}  // namespace cqm::stats
