// The random explorer on a toy property: it finds a failure, shrinks it to the minimum, and replays by seed.
#include "checker/random.hpp"

#include <gtest/gtest.h>

#include <atomic>

namespace cqm::checker {
namespace {

auto big_list_fails = [](const std::vector<int>& v) {
  return std::count_if(v.begin(), v.end(), [](int x) { return x >= 50; }) < 2;
};

TEST(random_search, finds_and_shrinks_to_a_minimal_counterexample) {
  RandomParams p;
  p.seed = 7;
  p.runs = 2000;
  const auto r =
      random_search(rc::gen::container<std::vector<int>>(rc::gen::inRange(0, 100)), big_list_fails, p, {});
  ASSERT_EQ(r.outcome, Outcome::violation);
  ASSERT_TRUE(r.counterexample);
  EXPECT_EQ(*r.counterexample, (std::vector<int>{50, 50}))
      << "RapidCheck shrinks to the smallest failing list";
  EXPECT_GT(r.shrink_steps, 0u);
}

TEST(random_search, same_seed_same_counterexample_and_counts) {
  RandomParams p;
  p.seed = 42;
  auto gen = rc::gen::container<std::vector<int>>(rc::gen::inRange(0, 100));
  const auto a = random_search(gen, big_list_fails, p, {});
  const auto b = random_search(gen, big_list_fails, p, {});
  EXPECT_EQ(a.runs, b.runs);
  EXPECT_EQ(a.shrink_steps, b.shrink_steps);
  EXPECT_EQ(a.counterexample, b.counterexample);
}

TEST(random_search, counts_every_run_of_a_pass) {
  RandomParams p;
  p.runs = 1234;
  p.batch = 500;
  std::uint64_t calls = 0;
  const auto r = random_search(rc::gen::inRange(0, 10), [&](int) { return ++calls, true; }, p, {});
  EXPECT_EQ(r.outcome, Outcome::complete);
  EXPECT_EQ(r.runs, 1234u);
  EXPECT_EQ(calls, 1234u);
}

TEST(random_search, a_continued_search_starts_where_the_last_one_stopped) {
  RandomParams p;
  p.seed = 7;
  auto gen = rc::gen::container<std::vector<int>>(rc::gen::inRange(0, 100));
  const auto first = random_search(gen, big_list_fails, p, {});
  ASSERT_EQ(first.outcome, Outcome::violation);
  EXPECT_GT(first.next_batch, 0u);
  // The next batches see other values: the same property fails again, but not on the same first run.
  p.first_batch = first.next_batch;
  const auto next = random_search(gen, big_list_fails, p, {});
  ASSERT_EQ(next.outcome, Outcome::violation);
  EXPECT_GT(next.next_batch, first.next_batch);
}

TEST(random_search, time_limit_is_inconclusive) {
  RandomParams p;
  p.runs = 1'000'000;
  p.batch = 100;
  Limits limits;
  limits.max_seconds = 1e-9;
  const auto r = random_search(
      rc::gen::inRange(0, 10), [](int) { return true; }, p, limits);
  EXPECT_EQ(r.outcome, Outcome::limit_time);
  EXPECT_LT(r.runs, p.runs);
}

// Issue 10, item 7: a stop is seen before the next run, not at the end of a batch of 2000.
TEST(random_search, a_signal_stops_within_one_run_whatever_the_batch) {
  RandomParams p;
  p.runs = 1'000'000;
  p.batch = 2000;
  std::atomic<bool> stop{false};
  Limits limits;
  limits.interrupted = &stop;
  int calls = 0;
  const auto r = random_search(
      rc::gen::inRange(0, 10),
      [&](int) {
        if (++calls == 10) stop = true;
        return true;
      },
      p, limits);
  EXPECT_EQ(r.outcome, Outcome::interrupted);
  EXPECT_EQ(calls, 10);
  EXPECT_EQ(r.runs, 10u);  // only the runs done count
}

// A stop while shrinking keeps the failure found (confirmed failing) and says it may not be minimal.
TEST(random_search, a_stop_while_shrinking_keeps_a_failing_value) {
  RandomParams p;
  p.runs = 100'000;
  std::atomic<bool> stop{false};
  Limits limits;
  limits.interrupted = &stop;
  const auto r = random_search(
      rc::gen::container<std::vector<int>>(rc::gen::inRange(0, 100)),
      [&](const std::vector<int>& v) {
        const bool ok = big_list_fails(v);
        if (!ok) stop = true;  // the first failure: shrinking begins with the flag already set
        return ok;
      },
      p, limits);
  ASSERT_EQ(r.outcome, Outcome::violation);
  ASSERT_TRUE(r.counterexample);
  EXPECT_TRUE(r.shrink_stopped);
  EXPECT_FALSE(big_list_fails(*r.counterexample));
  EXPECT_EQ(r.shrink_steps, 0u);
}

}  // namespace
}  // namespace cqm::checker
