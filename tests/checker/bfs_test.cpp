// The exhaustive explorer, with each store, on a toy model it knows nothing about: a counter that may add 1
// or 3, with two "properties" (bit 0: the counter reached `bad`; bit 1: it reached `other`).
#include "checker/bfs.hpp"

#include <gtest/gtest.h>

#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "checker/tree_store.hpp"

namespace cqm::checker {
namespace {

struct CounterModel {
  std::uint64_t limit = 100;  ///< states past this are terminal
  std::uint64_t bad = 0;      ///< reaching this value violates property 0 (0: never)
  std::uint64_t other = 0;    ///< reaching this value violates property 1 (0: never)
  std::uint64_t bound = 0;    ///< values past this are outside the model (0: none)

  std::size_t key_words() const { return 2; }  // a second word, always 0, checks multi-word keys
  void initial(std::uint64_t* key) { key[0] = key[1] = 0; }
  std::uint32_t depth_bound() const { return static_cast<std::uint32_t>(limit); }
  CounterModel fork() const { return *this; }
  template <class Emit>
  void expand(const std::uint64_t* key, std::uint32_t look_for, Emit&& emit) {
    if (key[0] >= limit) return;
    for (std::uint16_t step : {1, 3}) {
      const std::uint64_t next[2] = {key[0] + step, 0};
      const std::uint32_t v = ((next[0] == bad) ? 1u : 0u) | ((next[0] == other) ? 2u : 0u);
      emit(step, bound && next[0] > bound ? nullptr : next, v & look_for);
    }
  }
};

// Every toy test runs with each exact store (named in the test's name: bfs_with/TreeStore.<test>).
template <class Store>
class bfs_with : public testing::Test {};
struct StoreName {
  template <class Store>
  static std::string GetName(int) {
    return std::is_same_v<Store, StateStore> ? "StateStore" : "TreeStore";
  }
};
using ExactStores = testing::Types<StateStore, TreeStore>;
TYPED_TEST_SUITE(bfs_with, ExactStores, StoreName);

TYPED_TEST(bfs_with, explores_every_reachable_state_once) {
  CounterModel m;
  const auto r = bfs<TypeParam>(m, 3, {}, 1);
  EXPECT_EQ(r.outcome, Outcome::complete);
  EXPECT_EQ(r.stats.states, 103u);  // 0..102
  EXPECT_EQ(r.stats.transitions, 200u);
  EXPECT_EQ(r.violated, 0u);
  EXPECT_GT(r.stats.bytes_per_state(), 16.0);
}

TYPED_TEST(bfs_with, returns_a_shortest_path_to_the_violation) {
  CounterModel m;
  m.bad = 10;
  const auto r = bfs<TypeParam>(m, 1, {}, 1);
  ASSERT_EQ(r.outcome, Outcome::violation);
  EXPECT_EQ(r.violated, 1u);
  EXPECT_EQ(r.paths[0].size(), 4u);  // 3+3+3+1 in some order: no path is shorter
  std::uint64_t sum = 0;
  for (auto c : r.paths[0]) sum += c;
  EXPECT_EQ(sum, 10u);
}

TYPED_TEST(bfs_with, goes_on_past_one_violation_for_the_other_properties) {
  CounterModel m;
  m.bad = 4;
  m.other = 50;
  const auto both = bfs<TypeParam>(m, 3, {}, 1);
  EXPECT_EQ(both.outcome, Outcome::violation);
  EXPECT_EQ(both.violated, 3u);
  EXPECT_EQ(both.paths[0].size(), 2u);   // 1+3
  EXPECT_EQ(both.paths[1].size(), 18u);  // 16 x 3 + 1 + 1: no path is shorter
  m.other = 1000;                        // never reached: the search runs to the end for it
  const auto one = bfs<TypeParam>(m, 3, {}, 1);
  EXPECT_EQ(one.outcome, Outcome::complete);
  EXPECT_EQ(one.violated, 1u);
  EXPECT_EQ(one.stats.states, 103u);
}

TYPED_TEST(bfs_with, tells_of_each_violation_as_its_path_is_fixed) {
  CounterModel m;
  m.bad = 4;
  m.other = 50;
  std::vector<std::pair<int, std::vector<std::uint16_t>>> told;
  const auto r = bfs<TypeParam>(
      m, 3, {}, 1, [&](int p, const std::vector<std::uint16_t>& path) { told.emplace_back(p, path); });
  ASSERT_EQ(told.size(), 2u);  // once each, in the order found: the shallower first
  EXPECT_EQ(told[0], std::make_pair(0, r.paths[0]));
  EXPECT_EQ(told[1], std::make_pair(1, r.paths[1]));
}

TYPED_TEST(bfs_with, a_property_not_looked_for_is_not_reported) {
  CounterModel m;
  m.bad = 4;
  const auto r = bfs<TypeParam>(m, 2, {}, 1);
  EXPECT_EQ(r.violated, 0u);
  EXPECT_EQ(r.outcome, Outcome::complete);
}

TYPED_TEST(bfs_with, same_result_for_any_thread_count) {
  CounterModel m;
  m.limit = 200000;
  m.bad = 150001;
  m.other = 7;
  const auto one = bfs<TypeParam>(m, 3, {}, 1);
  const auto two = bfs<TypeParam>(m, 3, {}, 2);
  EXPECT_EQ(one.stats.states, two.stats.states);
  EXPECT_EQ(one.paths[0], two.paths[0]);
  EXPECT_EQ(one.paths[1], two.paths[1]);
}

// A grid walked a step right, a step up or two right: layers hundreds of states wide, so that a round is cut
// into many chunks and, with two threads, the tree store takes a chunk's successors while the next ones are
// expanded (bfs.hpp). Keys of three words, the last always 0.
struct GridModel {
  std::uint64_t side = 400;
  std::uint64_t bad_x = 0, bad_y = 0;  ///< reaching (bad_x, bad_y) violates property 0 (bad_x 0: never)
  std::size_t key_words() const { return 3; }
  void initial(std::uint64_t* key) { key[0] = key[1] = key[2] = 0; }
  std::uint32_t depth_bound() const { return static_cast<std::uint32_t>(2 * side); }
  GridModel fork() const { return *this; }
  template <class Emit>
  void expand(const std::uint64_t* key, std::uint32_t look_for, Emit&& emit) {
    const std::uint64_t steps[3][2] = {{1, 0}, {0, 1}, {2, 0}};
    for (std::uint16_t c = 0; c < 3; ++c) {
      const std::uint64_t next[3] = {key[0] + steps[c][0], key[1] + steps[c][1], 0};
      if (next[0] >= side || next[1] >= side) continue;
      emit(c, next, (bad_x && next[0] == bad_x && next[1] == bad_y ? 1u : 0u) & look_for);
    }
  }
};

TYPED_TEST(bfs_with, wide_layers_give_the_same_states_and_paths_on_one_or_two_threads) {
  GridModel m;
  m.bad_x = 399;
  m.bad_y = 200;
  const auto one = bfs<TypeParam>(m, 1, {}, 1);
  const auto two = bfs<TypeParam>(m, 1, {}, 2);
  EXPECT_EQ(one.stats.states, two.stats.states);
  EXPECT_EQ(one.stats.transitions, two.stats.transitions);
  EXPECT_EQ(one.stats.depth, two.stats.depth);
  EXPECT_EQ(one.paths[0], two.paths[0]);
  ASSERT_EQ(one.outcome, Outcome::violation);
  // The shortest way to (399, 200): 200 steps up and 200 two to the right, the last of them odd (one 1-step).
  EXPECT_EQ(one.paths[0].size(), 200u + 200u);
  m.bad_x = 0;
  const auto all_one = bfs<TypeParam>(m, 1, {}, 1);
  const auto all_two = bfs<TypeParam>(m, 1, {}, 2);
  EXPECT_EQ(all_one.stats.states, 400u * 400u);
  EXPECT_EQ(all_two.stats.states, 400u * 400u);
  EXPECT_EQ(all_two.stats.transitions, all_one.stats.transitions);
  EXPECT_EQ(all_two.outcome, Outcome::complete);
}

TYPED_TEST(bfs_with, states_outside_the_model_make_a_complete_search_inconclusive) {
  CounterModel m;
  m.bound = 50;
  const auto r = bfs<TypeParam>(m, 3, {}, 1);
  EXPECT_EQ(r.outcome, Outcome::limit_model);
  EXPECT_TRUE(inconclusive(r.outcome));
  EXPECT_GT(r.truncated, 0u);
}

TYPED_TEST(bfs_with, state_cap_is_inconclusive_not_a_pass) {
  CounterModel m;
  Limits limits;
  limits.max_states = 10;
  const auto r = bfs<TypeParam>(m, 3, limits, 1);
  EXPECT_EQ(r.outcome, Outcome::limit_states);
  EXPECT_TRUE(inconclusive(r.outcome));
}

TYPED_TEST(bfs_with, memory_cap_is_inconclusive) {
  CounterModel m;
  m.limit = 1000000;
  Limits limits;
  limits.max_memory_bytes = 64 * 1024;
  EXPECT_EQ(bfs<TypeParam>(m, 3, limits, 1).outcome, Outcome::limit_memory);
}

TYPED_TEST(bfs_with, interruption_stops_the_search) {
  CounterModel m;
  std::atomic<bool> stop{true};
  Limits limits;
  limits.interrupted = &stop;
  EXPECT_EQ(bfs<TypeParam>(m, 3, limits, 1).outcome, Outcome::interrupted);
}

// Issue 10, item 9: the explorer checks each growth of the store against --max-memory before making it, so
// growth_for() must say exactly what reserve_for() will hold, and the inserts it made room for add nothing.
// A round is cut into chunks that cover it in order, none larger than 8 a thread (or 256 states), the last
// ones shrinking with what is left down to detail::kMinChunk; one chunk on one thread, and for a small round.
TEST(bfs_chunks, cover_the_round_in_order_and_shrink_at_its_end) {
  std::vector<std::uint32_t> bounds;
  detail::cut_into_chunks(7, 5007, 1, bounds);
  EXPECT_EQ(bounds, (std::vector<std::uint32_t>{7, 5007}));
  for (std::uint32_t width : {1u, 64u, 65u, detail::kSmallRound}) {
    detail::cut_into_chunks(7, 7 + width, 2, bounds);
    EXPECT_EQ(bounds, (std::vector<std::uint32_t>{7, 7 + width})) << width << " states";
  }
  for (int threads : {2, 3, 4}) {
    for (std::uint32_t width : {257u, 300u, 1000u, 1870u, 5000u, 100'000u, 1u << 20}) {
      const std::uint32_t begin = 1000;
      detail::cut_into_chunks(begin, begin + width, threads, bounds);
      const auto n = static_cast<std::uint32_t>(threads);
      const std::uint32_t most = std::max<std::uint32_t>(256, (width + n * 8 - 1) / (n * 8));
      ASSERT_GE(bounds.size(), 2u);
      EXPECT_EQ(bounds.front(), begin);
      EXPECT_EQ(bounds.back(), begin + width);
      std::uint32_t last = most;
      for (std::size_t c = 0; c + 1 < bounds.size(); ++c) {
        const std::uint32_t size = bounds[c + 1] - bounds[c];
        EXPECT_GT(size, 0u) << width << " states, chunk " << c;
        EXPECT_LE(size, last) << width << " states, chunk " << c << ": chunks only shrink";
        last = size;
      }
      EXPECT_LE(last, detail::kMinChunk) << width << " states: the last chunk";
      if (width >= 16 * most) {
        EXPECT_EQ(bounds[1] - bounds[0], most) << width << " states: a wide round starts at the largest";
      }
    }
  }
}

TEST(state_store, growth_for_predicts_reserve_for) {
  StateStore store(3);
  std::uint64_t key[3] = {0, 0, 0};
  for (std::size_t more : {10u, 5000u, 100000u}) {
    const auto growth = store.growth_for(more);
    EXPECT_GE(growth.peak, growth.bytes);
    EXPECT_GE(growth.peak, store.bytes());
    store.reserve_for(more);
    EXPECT_EQ(store.bytes(), growth.bytes);
    for (std::size_t i = 0; i < more; ++i) {
      ++key[0];
      store.insert(key, StateStore::kNoParent, 0);
    }
    EXPECT_EQ(store.bytes(), growth.bytes) << "an insert grew the store past what was reserved";
  }
}

TYPED_TEST(bfs_with, a_memory_cap_leaves_the_store_within_it) {
  CounterModel m;
  m.limit = 50'000'000;
  Limits limits;
  limits.max_memory_bytes = resident_bytes() + (8u << 20);
  const auto r = bfs<TypeParam>(m, 3, limits, 1);
  EXPECT_EQ(r.outcome, Outcome::limit_memory);
  EXPECT_LE(r.stats.bytes, 8u << 20);
  EXPECT_GT(r.stats.states, 1000u);
}

// Issue 10: the time limit is looked at within a layer, not only between layers.
TYPED_TEST(bfs_with, a_time_limit_stops_within_a_layer) {
  CounterModel m;
  m.limit = 50'000'000;
  Limits limits;
  limits.max_seconds = 1e-9;
  const auto r = bfs<TypeParam>(m, 3, limits, 1);
  EXPECT_EQ(r.outcome, Outcome::limit_time);
}

// The same limits with two threads on wide layers, where the tree store inserts beside the expansion: the
// memory cap still holds (the overlap stops where the round would not fit in half of it), and a time limit
// stops the search within a layer.
TYPED_TEST(bfs_with, limits_hold_on_two_threads_and_wide_layers) {
  GridModel m;
  m.side = 4000;  // 16 M states: far past the cap
  Limits limits;
  const std::uint64_t cap = 64u << 20;
  limits.max_memory_bytes = resident_bytes() + cap;
  const auto r = bfs<TypeParam>(m, 1, limits, 2);
  EXPECT_EQ(r.outcome, Outcome::limit_memory);
  EXPECT_LE(r.stats.bytes, cap);
  EXPECT_GT(r.stats.states, 100'000u);
  Limits soon;
  soon.max_seconds = 0.05;
  EXPECT_EQ(bfs<TypeParam>(m, 1, soon, 2).outcome, Outcome::limit_time);
}

// Fingerprint mode (--fingerprints): the same search as the exact store, about 10 bytes a state in memory,
// counterexample paths read back from the parent links' file, the same result for any thread count, and TLC's
// collision estimate.
CounterModel many_states() {
  CounterModel m;
  m.limit = 200'000;
  return m;
}

TEST(fingerprints, find_the_same_states_as_the_exact_store_in_ten_bytes_a_state) {
  CounterModel m = many_states();
  const auto exact = bfs<StateStore>(m, 1, {}, 1);
  const auto fp = bfs<FingerprintStore>(m, 1, {}, 1);
  EXPECT_EQ(fp.outcome, Outcome::complete);
  EXPECT_EQ(fp.stats.states, exact.stats.states);
  EXPECT_EQ(fp.stats.transitions, exact.stats.transitions);
  EXPECT_EQ(fp.stats.depth, exact.stats.depth);
  EXPECT_GT(fp.stats.states, 100'000u);
  EXPECT_LE(fp.stats.bytes_per_state(), 10.0);
  EXPECT_GE(fp.stats.bytes_per_state(), 8.0);
  EXPECT_GT(exact.stats.bytes_per_state(), 2 * fp.stats.bytes_per_state());
}

TEST(fingerprints, rebuild_the_same_shortest_counterexample_from_the_links_file) {
  CounterModel m = many_states();
  m.bad = 12'345;
  const auto exact = bfs<StateStore>(m, 1, {}, 1);
  const auto fp = bfs<FingerprintStore>(m, 1, {}, 1);
  ASSERT_EQ(fp.outcome, Outcome::violation);
  EXPECT_EQ(fp.paths[0], exact.paths[0]);
  std::uint64_t sum = 0;
  for (auto c : fp.paths[0]) sum += c;
  EXPECT_EQ(sum, 12'345u);
}

TEST(fingerprints, give_the_same_result_on_one_or_two_threads) {
  CounterModel m = many_states();
  m.bad = 99'999;
  const auto one = bfs<FingerprintStore>(m, 1, {}, 1);
  const auto two = bfs<FingerprintStore>(m, 1, {}, 2);
  EXPECT_EQ(one.stats.states, two.stats.states);
  EXPECT_EQ(one.paths[0], two.paths[0]);
}

TEST(fingerprints, keep_a_memory_cap_and_end_inconclusive) {
  CounterModel m = many_states();
  Limits limits;
  limits.max_memory_bytes = resident_bytes() + (1u << 20);  // about a MiB more than now
  const auto r = bfs<FingerprintStore>(m, 1, limits, 1);
  EXPECT_EQ(r.outcome, Outcome::limit_memory);
  EXPECT_LT(r.stats.states, 200'000u);
}

TEST(fingerprints, estimate_collisions_as_tlc_does) {
  // n (g - n) / 2^64
  EXPECT_DOUBLE_EQ(FingerprintStore::collision_probability(1'000, 1'337),
                   1'000.0 * 337 / 18446744073709551616.0);
  EXPECT_EQ(FingerprintStore::collision_probability(10, 10), 0.0);
}

}  // namespace
}  // namespace cqm::checker
