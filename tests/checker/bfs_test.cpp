// The exhaustive explorer on a toy model it knows nothing about: a counter that may add 1 or 3.
#include "checker/bfs.hpp"

#include <gtest/gtest.h>

namespace cqm::checker {
namespace {

struct CounterModel {
  struct Key {
    std::uint64_t value;
  };
  struct Violation {
    std::uint64_t value;
  };
  std::uint64_t limit = 100;  ///< states past this are terminal
  std::uint64_t bad = 0;      ///< reaching this value violates (0: never)

  Key initial() { return {0}; }
  std::uint32_t depth_bound() const { return static_cast<std::uint32_t>(limit); }
  CounterModel fork() const { return *this; }
  template <class Emit>
  void expand(const Key& k, Emit&& emit) {
    if (k.value >= limit) return;
    for (std::uint16_t step : {1, 3}) {
      const Key next{k.value + step};
      const Violation v{next.value};
      emit(step, next, next.value == bad ? &v : nullptr);
    }
  }
};

TEST(bfs, explores_every_reachable_state_once) {
  CounterModel m;
  const auto r = bfs(m, {}, 1);
  EXPECT_EQ(r.outcome, Outcome::complete);
  EXPECT_EQ(r.stats.states, 103u);  // 0..102
  EXPECT_EQ(r.stats.transitions, 200u);
  EXPECT_GT(r.stats.bytes_per_state(), 8.0);
}

TEST(bfs, returns_a_shortest_path_to_the_violation) {
  CounterModel m;
  m.bad = 10;
  const auto r = bfs(m, {}, 1);
  ASSERT_EQ(r.outcome, Outcome::violation);
  ASSERT_TRUE(r.violation);
  EXPECT_EQ(r.violation->value, 10u);
  EXPECT_EQ(r.path.size(), 4u);  // 3+3+3+1 in some order: no path is shorter
  std::uint64_t sum = 0;
  for (auto c : r.path) sum += c;
  EXPECT_EQ(sum, 10u);
}

TEST(bfs, same_result_for_any_thread_count) {
  CounterModel m;
  m.limit = 200000;
  m.bad = 150001;
  const auto one = bfs(m, {}, 1);
  const auto two = bfs(m, {}, 2);
  EXPECT_EQ(one.stats.states, two.stats.states);
  EXPECT_EQ(one.path, two.path);
}

TEST(bfs, state_cap_is_inconclusive_not_a_pass) {
  CounterModel m;
  Limits limits;
  limits.max_states = 10;
  const auto r = bfs(m, limits, 1);
  EXPECT_EQ(r.outcome, Outcome::limit_states);
  EXPECT_TRUE(inconclusive(r.outcome));
}

TEST(bfs, memory_cap_is_inconclusive) {
  CounterModel m;
  m.limit = 1000000;
  Limits limits;
  limits.max_memory_bytes = 64 * 1024;
  EXPECT_EQ(bfs(m, limits, 1).outcome, Outcome::limit_memory);
}

TEST(bfs, interruption_stops_the_search) {
  CounterModel m;
  std::atomic<bool> stop{true};
  Limits limits;
  limits.interrupted = &stop;
  EXPECT_EQ(bfs(m, limits, 1).outcome, Outcome::interrupted);
}

}  // namespace
}  // namespace cqm::checker
