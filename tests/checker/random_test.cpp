// The random explorer on a toy property: it finds a failure, shrinks it to the minimum, and replays by seed.
#include "checker/random.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

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

// The explorer makes its property itself (check_batch) rather than through rc::detail::toProperty: on the
// same seed it checks the values toProperty's one draw gives, in the same order, and shrinks them as
// RapidCheck does, to the same counterexample with the same steps and tries.
TEST(random_search, checks_and_shrinks_as_rapidchecks_own_property) {
  const auto gen = rc::gen::container<std::vector<int>>(rc::gen::inRange(0, 100));
  for (const std::uint64_t seed : {1u, 7u, 42u, 1234u}) {
    RandomParams p;
    p.seed = seed;
    p.runs = 2000;
    p.batch = 2000;  // one batch: one RapidCheck check of the batch's seed
    std::vector<std::vector<int>> ours;
    const auto r = random_search(gen,
                                 [&](const std::vector<int>& v) {
                                   ours.push_back(v);
                                   return big_list_fails(v);
                                 },
                                 p, {});
    ASSERT_EQ(r.outcome, Outcome::violation) << seed;

    std::vector<std::vector<int>> theirs;
    rc::detail::TestParams tp;
    tp.seed = detail::batch_seed(seed, 0);
    tp.maxSuccess = 2000;
    tp.maxSize = p.max_size;
    tp.maxDiscardRatio = 0;
    detail::ShrinkCounter counter;
    rc::detail::TestMetadata meta;
    const auto result = rc::detail::checkProperty(rc::detail::toProperty([&] {
                                                    const auto v = *gen;
                                                    theirs.push_back(v);
                                                    return big_list_fails(v);
                                                  }),
                                                  meta, tp, counter);
    ASSERT_TRUE(result.template is<rc::detail::FailureResult>()) << seed;
    EXPECT_EQ(r.runs, static_cast<std::uint64_t>(result.get<rc::detail::FailureResult>().numSuccess) + 1);
    EXPECT_EQ(r.shrink_steps, counter.steps) << seed;
    EXPECT_EQ(r.shrink_tries, counter.tries) << seed;
    ASSERT_TRUE(r.counterexample);
    EXPECT_EQ(*r.counterexample, theirs.back()) << seed;
    // toProperty runs an accepted shrink once more (for its recipe's shrinks): the values we check are
    // theirs, in order, without the repeats.
    theirs.erase(std::unique(theirs.begin(), theirs.end()), theirs.end());
    ours.erase(std::unique(ours.begin(), ours.end()), ours.end());
    EXPECT_EQ(ours, theirs) << seed;
  }
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

// Worker processes (checker/random_workers.hpp): the same runs, states, counterexample and shrinking as one
// process, whatever their number.
auto rare_failure = [](const std::vector<int>& v) {
  return std::count(v.begin(), v.end(), 0) < 6;  // at most a few lists in a thousand
};

struct Counted {
  RandomResult<std::vector<int>> result;
  std::uint64_t states = 0;  ///< the caller's count: this process's and the workers' committed batches
  std::uint64_t here = 0;    ///< runs done in this process
};

Counted search_with_workers(int workers, std::uint64_t runs, int batch) {
  Counted c;
  RandomParams p;
  p.seed = 11;
  p.runs = runs;
  p.batch = batch;
  p.workers = workers;
  p.states_visited = [&] { return c.states; };
  p.add_states = [&](std::uint64_t n) { c.states += n; };
  c.result = random_search(rc::gen::container<std::vector<int>>(rc::gen::inRange(0, 100)),
                           [&](const std::vector<int>& v) {
                             ++c.here;
                             c.states += v.size() + 1;  // a run visits a state per element, and one to start
                             return rare_failure(v);
                           },
                           p, {});
  return c;
}

TEST(random_search, workers_find_the_serial_search_counterexample) {
  const Counted one = search_with_workers(1, 200'000, 200);
  ASSERT_EQ(one.result.outcome, Outcome::violation);
  ASSERT_GT(one.result.next_batch, 4u)
      << "the failure should come after several batches, to test the workers";
  for (const int workers : {2, 3}) {
    const Counted many = search_with_workers(workers, 200'000, 200);
    EXPECT_EQ(many.result.outcome, Outcome::violation) << workers;
    EXPECT_EQ(many.result.runs, one.result.runs) << workers;
    EXPECT_EQ(many.result.next_batch, one.result.next_batch) << workers;
    EXPECT_EQ(many.result.counterexample, one.result.counterexample) << workers;
    EXPECT_EQ(many.result.shrink_steps, one.result.shrink_steps) << workers;
    EXPECT_EQ(many.result.shrink_tries, one.result.shrink_tries) << workers;
    EXPECT_EQ(many.result.batch_seed, one.result.batch_seed) << workers;
    EXPECT_EQ(many.states, one.states) << workers;
    EXPECT_EQ(many.result.states, one.result.states) << workers;
    // The leading batches ran in the workers, not here.
    EXPECT_LT(many.here, one.here) << workers;
  }
}

TEST(random_search, a_worker_that_dies_changes_nothing) {
  // Every worker process dies in the middle of its third batch; this process then runs from there itself.
  const Counted one = search_with_workers(1, 200'000, 200);
  const pid_t parent = ::getpid();
  Counted c;
  RandomParams p;
  p.seed = 11;
  p.runs = 200'000;
  p.batch = 200;
  p.workers = 2;
  p.states_visited = [&] { return c.states; };
  p.add_states = [&](std::uint64_t n) { c.states += n; };
  std::uint64_t runs_here = 0;
  c.result = random_search(rc::gen::container<std::vector<int>>(rc::gen::inRange(0, 100)),
                           [&](const std::vector<int>& v) {
                             if (::getpid() != parent && ++runs_here == 2 * 200 + 100)
                               ::_exit(1);  // as a crash, without a core
                             c.states += v.size() + 1;
                             return rare_failure(v);
                           },
                           p, {});
  EXPECT_EQ(c.result.outcome, Outcome::violation);
  EXPECT_EQ(c.result.runs, one.result.runs);
  EXPECT_EQ(c.result.counterexample, one.result.counterexample);
  EXPECT_EQ(c.result.shrink_steps, one.result.shrink_steps);
  EXPECT_EQ(c.states, one.states);
}

// The property throws (a model bug, say) in a worker process: the worker ends without a report, and the batch
// runs again here, where the exception reaches the caller. No worker goes on with this process's code.
TEST(random_search, an_exception_in_a_worker_reaches_the_caller_here_only) {
  const pid_t parent = ::getpid();
  char marker[] = "/tmp/cqm-random-test-XXXXXX";
  const int fd = ::mkstemp(marker);
  ASSERT_GE(fd, 0);
  ::close(fd);
  ::unlink(marker);
  RandomParams p;
  p.seed = 11;
  p.runs = 200'000;
  p.batch = 200;
  p.workers = 2;
  EXPECT_THROW(random_search(rc::gen::container<std::vector<int>>(rc::gen::inRange(0, 100)),
                             [](const std::vector<int>& v) {
                               if (!rare_failure(v)) throw std::runtime_error("a model bug");
                               return true;
                             },
                             p, {}),
               std::runtime_error);
  if (::getpid() != parent) {  // a worker that unwound into this test: say so, and end
    if (std::FILE* f = std::fopen(marker, "w")) std::fclose(f);
    ::_exit(0);
  }
  EXPECT_NE(::access(marker, F_OK), 0) << "a worker process went on past its batch with this process's code";
  ::unlink(marker);
}

TEST(random_search, workers_count_every_run_and_state_of_a_pass) {
  const Counted one = search_with_workers(1, 5'000, 500);
  ASSERT_EQ(one.result.outcome, Outcome::complete);
  const Counted two = search_with_workers(2, 5'000, 500);
  EXPECT_EQ(two.result.outcome, Outcome::complete);
  EXPECT_EQ(two.result.runs, 5'000u);
  EXPECT_EQ(two.states, one.states);
  EXPECT_EQ(two.here, 0u) << "every batch passed in a worker";
}

TEST(random_search, workers_stop_at_the_time_limit) {
  RandomParams p;
  p.runs = 100'000'000;
  p.batch = 1000;
  p.workers = 2;
  Limits limits;
  limits.max_seconds = 0.2;
  const auto t0 = std::chrono::steady_clock::now();
  const auto r = random_search(
      rc::gen::inRange(0, 10), [](int) { return true; }, p, limits);
  EXPECT_EQ(r.outcome, Outcome::limit_time);
  EXPECT_LT(r.runs, p.runs);
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 5.0);
}

}  // namespace
}  // namespace cqm::checker
