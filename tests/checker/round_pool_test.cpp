// The exhaustive search's helper threads: each round's work runs once on every thread, the rounds one after
// another, and a failure comes back to the caller.
#include "checker/round_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

namespace cqm::checker {
namespace {

TEST(round_pool, runs_each_round_once_on_every_thread_and_waits_for_all) {
  for (int helpers : {1, 3}) {
    RoundPool pool(helpers);
    ASSERT_EQ(pool.helpers(), helpers);
    std::vector<int> calls(static_cast<std::size_t>(helpers + 1), 0);
    std::vector<std::thread::id> ids(calls.size());
    for (int round = 1; round <= 2000; ++round) {
      std::atomic<int> in_round{0};
      pool.run([&](int t) {
        ++calls[static_cast<std::size_t>(t)];
        ids[static_cast<std::size_t>(t)] = std::this_thread::get_id();
        if (t == 1 && round % 500 == 0)
          std::this_thread::sleep_for(std::chrono::milliseconds(2));  // a slow one
        ++in_round;
      });
      // Every call of this round is over when run returns; none of the next has begun.
      ASSERT_EQ(in_round.load(), helpers + 1) << "round " << round;
      for (const int c : calls) ASSERT_EQ(c, round);
    }
    EXPECT_EQ(ids[0], std::this_thread::get_id());
    for (std::size_t t = 1; t < ids.size(); ++t) EXPECT_NE(ids[t], ids[0]) << "helper " << t;
  }
}

TEST(round_pool, a_helpers_exception_comes_out_of_run_and_the_pool_goes_on) {
  RoundPool pool(1);
  EXPECT_THROW(pool.run([](int t) {
    if (t == 1) throw std::runtime_error("helper");
  }),
               std::runtime_error);
  int after = 0;
  pool.run([&](int t) {
    if (t == 1) ++after;
  });
  EXPECT_EQ(after, 1);
}

}  // namespace
}  // namespace cqm::checker
