// The tree-compressed store against the plain one: the same states, numbering and paths for any key width, a
// state in at most 24 bytes when successors change few leaves, and an honest growth_for().
#include "checker/tree_store.hpp"

#include <gtest/gtest.h>

#include <iostream>
#include <random>
#include <vector>

#include "checker/state_store.hpp"

namespace cqm::checker {
namespace {

using Key = std::vector<std::uint64_t>;

// Leaves from a small alphabet (so keys repeat and subtrees are shared; small values also equal node indices,
// which the tree must not confuse with leaves) and now and then anything.
std::uint32_t leaf(std::mt19937_64& rng) {
  return rng() % 8 == 0 ? static_cast<std::uint32_t>(rng()) : static_cast<std::uint32_t>(rng() % 3);
}

std::uint32_t get_leaf(const std::uint64_t* k, std::size_t at) {
  return static_cast<std::uint32_t>(k[at / 2] >> (at % 2 ? 32 : 0));
}
void set_leaf(std::uint64_t* k, std::size_t at, std::uint32_t value) {
  const unsigned shift = at % 2 ? 32 : 0;
  k[at / 2] = (k[at / 2] & ~(std::uint64_t{UINT32_MAX} << shift)) | (std::uint64_t{value} << shift);
}
void set_leaf(Key& k, std::size_t at, std::uint32_t value) { set_leaf(k.data(), at, value); }

// Breadth-first over random successors (1-3 leaves changed from the parent; now and then a random key, or a
// parent already released), both stores fed the same inserts, reserving ahead or not.
void agree_with_state_store(std::size_t words, std::uint64_t seed) {
  SCOPED_TRACE(testing::Message() << words << " words");
  std::mt19937_64 rng(seed);
  StateStore exact(words);
  TreeStore tree(words);
  Key k(words);
  for (std::size_t i = 0; i < 2 * words; ++i) set_leaf(k, i, leaf(rng));
  ASSERT_TRUE(exact.insert(k.data(), StateStore::kNoParent, 0));
  ASSERT_TRUE(tree.insert(k.data(), TreeStore::kNoParent, 0));
  std::uint32_t begin = 0, end = 1;
  while (begin < end && exact.size() < 20000) {
    for (std::uint32_t s = begin; s < end; ++s) {
      ASSERT_EQ(Key(tree.key(s), tree.key(s) + words), Key(exact.key(s), exact.key(s) + words));
      if (rng() % 4 == 0) tree.reserve_for(rng() % 8);
      for (std::uint16_t c = 0; c < 4; ++c) {
        k.assign(tree.key(s), tree.key(s) + words);
        for (auto n = 1 + rng() % 3; n > 0; --n) set_leaf(k, rng() % (2 * words), leaf(rng));
        std::uint32_t parent = s;
        if (rng() % 50 == 0) {
          for (std::size_t i = 0; i < 2 * words; ++i) set_leaf(k, i, leaf(rng));
          parent = rng() % 2 ? StateStore::kNoParent : static_cast<std::uint32_t>(rng() % end);
        }
        const bool is_new = exact.insert(k.data(), hash_key(k.data(), words), parent, c);
        ASSERT_EQ(tree.insert(k.data(), hash_key(k.data(), words), parent, c), is_new);
        ASSERT_EQ(tree.size(), exact.size());
      }
    }
    begin = end;
    end = static_cast<std::uint32_t>(exact.size());
    tree.release_before(begin);
  }
  EXPECT_GT(exact.size(), 1000u);
  for (std::uint32_t i = 0; i < exact.size(); i += 1 + static_cast<std::uint32_t>(rng() % 97))
    ASSERT_EQ(tree.path_to(i), exact.path_to(i)) << "state " << i;
}

TEST(tree_store, agrees_with_the_state_store_for_any_key_width) {
  for (std::size_t words : {1u, 2u, 3u, 9u, 17u}) agree_with_state_store(words, 1000 + words);
}

// insert_run stages up to 16 keys together before committing them in order: it must store what inserts one by
// one store (the same states, numbers, parents, node count and table sizes), including a key repeated right
// after itself in one batch, and parents outside the frontier.
TEST(tree_store, a_pipelined_run_stores_what_single_inserts_store) {
  struct Successor {
    std::uint32_t parent;
    std::uint16_t choice;
  };
  for (std::size_t words : {1u, 2u, 9u}) {
    SCOPED_TRACE(testing::Message() << words << " words");
    std::mt19937_64 rng(77 + words);
    TreeStore one(words), run(words);
    Key k(words);
    for (std::size_t i = 0; i < 2 * words; ++i) set_leaf(k, i, leaf(rng));
    ASSERT_TRUE(one.insert(k.data(), TreeStore::kNoParent, 0));
    ASSERT_TRUE(run.insert(k.data(), TreeStore::kNoParent, 0));
    std::vector<std::uint64_t> keys;
    std::vector<Successor> succ;
    for (std::uint32_t begin = 0, end = 1; begin < end && one.size() < 20000;) {
      keys.clear();
      succ.clear();
      for (std::uint32_t s = begin; s < end; ++s)
        for (std::uint16_t c = 0; c < 4; ++c) {
          k.assign(one.key(s), one.key(s) + words);
          for (auto n = 1 + rng() % 3; n > 0; --n) set_leaf(k, rng() % (2 * words), leaf(rng));
          const std::uint32_t parent = rng() % 50 == 0 ? TreeStore::kNoParent : s;
          for (int twice = rng() % 10 == 0 ? 2 : 1; twice > 0; --twice) {
            keys.insert(keys.end(), k.begin(), k.end());
            succ.push_back({parent, c});
          }
        }
      for (std::size_t at = 0; at < succ.size();) {  // runs of 1 to 64, with the room bfs makes for a group
        const std::size_t n = std::min<std::size_t>(succ.size() - at, 1 + rng() % 64);
        one.reserve_for(n);
        run.reserve_for(n);
        for (std::size_t i = at; i < at + n; ++i)
          one.insert(&keys[i * words], succ[i].parent, succ[i].choice);
        run.insert_run(&keys[at * words], &succ[at], n);
        at += n;
      }
      ASSERT_EQ(run.size(), one.size());
      ASSERT_EQ(run.nodes(), one.nodes());
      ASSERT_EQ(run.table_sizes(), one.table_sizes());
      begin = end;
      end = static_cast<std::uint32_t>(one.size());
      for (std::uint32_t s = begin; s < end; ++s)
        ASSERT_EQ(Key(run.key(s), run.key(s) + words), Key(one.key(s), one.key(s) + words)) << "state " << s;
      one.release_before(begin);
      run.release_before(begin);
    }
    EXPECT_GT(one.size(), 1000u);
    for (std::uint32_t i = 0; i < one.size(); i += 1 + static_cast<std::uint32_t>(rng() % 97))
      ASSERT_EQ(run.path_to(i), one.path_to(i)) << "state " << i;
  }
}

TEST(tree_store, keys_one_leaf_apart_are_distinct) {
  for (std::size_t words : {1u, 2u, 3u, 9u, 17u}) {
    SCOPED_TRACE(testing::Message() << words << " words");
    for (const bool incremental : {true, false}) {
      TreeStore tree(words);
      const Key base(words, 0x0000000100000002ull);
      ASSERT_TRUE(tree.insert(base.data(), TreeStore::kNoParent, 0));
      const std::uint32_t parent = incremental ? 0 : TreeStore::kNoParent;
      for (const std::uint32_t value : {0u, 3u, 0xFFFFFFFFu}) {
        for (std::size_t at = 0; at < 2 * words; ++at) {
          Key k = base;
          set_leaf(k, at, value);
          EXPECT_TRUE(tree.insert(k.data(), parent, 0)) << "leaf " << at << " = " << value;
          EXPECT_FALSE(tree.insert(k.data(), parent, 1)) << "leaf " << at << " = " << value << ", again";
        }
      }
      EXPECT_EQ(tree.size(), 1 + 3 * 2 * words);
    }
  }
}

// A synthetic model shaped as real state spaces: a successor changes 1-3 leaves of its parent's 18-leaf key
// (9 words); 14 leaves vary, each in 0..2, the others never (as fields that keep their value).
struct FewLeaves {
  static constexpr std::size_t kWords = 9;
  static constexpr std::uint64_t kVarying = 14;
  static void successor(const std::uint64_t* key, std::uint16_t choice, std::uint64_t* out) {
    std::copy(key, key + kWords, out);
    std::uint64_t h = hash_key(key, kWords) ^ (choice * 0x9E3779B97F4A7C15ull);
    h = (h ^ (h >> 29)) * 0xBF58476D1CE4E5B9ull;
    for (std::uint64_t n = 1 + (h & 3) % 3, j = 0; j < n; ++j) {
      const std::size_t at = (h >> (8 + 8 * j)) % kVarying * (2 * kWords) / kVarying;
      set_leaf(out, at, (get_leaf(out, at) + 1 + ((h >> (40 + 2 * j)) & 1)) % 3);
    }
  }
};

TEST(tree_store, a_state_costs_at_most_24_bytes_when_successors_change_few_leaves) {
  constexpr std::size_t words = FewLeaves::kWords;
  StateStore exact(words);
  TreeStore tree(words);
  const Key first(words, 0);
  exact.insert(first.data(), StateStore::kNoParent, 0);
  tree.insert(first.data(), TreeStore::kNoParent, 0);
  Key k(words);
  for (std::uint32_t begin = 0, end = 1; begin < end && exact.size() < 300'000;) {
    for (std::uint32_t s = begin; s < end && exact.size() < 300'000; ++s) {
      // Room for one state's successors at a time: the worst case of nodes reserved for the explorer's groups
      // of 4096 inserts, a MiB, weighs on 300 000 states, not on the millions of a real search.
      tree.reserve_for(4);
      for (std::uint16_t c = 0; c < 4; ++c) {
        FewLeaves::successor(tree.key(s), c, k.data());
        ASSERT_EQ(tree.insert(k.data(), s, c), exact.insert(k.data(), s, c));
      }
    }
    begin = end;
    end = static_cast<std::uint32_t>(tree.size());
    tree.release_before(begin);
  }
  const double per_state = static_cast<double>(tree.bytes_used()) / static_cast<double>(tree.size());
  const double exact_per_state = static_cast<double>(exact.bytes_used()) / static_cast<double>(exact.size());
  RecordProperty("bytes_per_state", std::to_string(per_state));
  std::cout << "tree store: " << tree.size() << " states, " << tree.nodes() << " nodes, " << per_state
            << " bytes/state (state store: " << exact_per_state << ")\n";
  EXPECT_EQ(tree.size(), exact.size());
  EXPECT_LE(per_state, 24.0);
}

TEST(tree_store, table_sizes_are_on_a_grid_that_doubling_keeps) {
  for (std::size_t n : {17u, 100u, 255u, 256u, 257u, 1000u, 123456u, 1u << 30}) {
    const std::size_t g = detail::on_grid(n);
    EXPECT_GE(g, n);
    EXPECT_LT(g, n + n / 8 + 1) << n;  // at most one step of the grid above
    EXPECT_EQ(detail::on_grid(g), g);
    EXPECT_EQ(detail::on_grid(2 * g), 2 * g);
  }
  // Stores grown in rounds of 1, 500 and 77 777 inserts (the last grows to what a round needs, not by
  // doubling): every size each passes through is on the grid.
  for (const std::size_t round : {1u, 500u, 77777u}) {
    TreeStore tree(3);
    Key k(3, 0);
    std::mt19937_64 rng(round);
    for (std::uint32_t i = 0; i < 300000; ++i) {
      if (i % round == 0) tree.reserve_for(round);
      for (auto& w : k) w = rng();
      tree.insert(k.data(), TreeStore::kNoParent, 0);
      if (i % 997 == 0) {
        const auto [roots, buckets] = tree.table_sizes();
        ASSERT_EQ(detail::on_grid(roots), roots) << i;
        ASSERT_EQ(detail::on_grid(buckets), buckets) << i;
      }
    }
    EXPECT_GT(tree.table_sizes().first, 300000u);
  }
}

// The explorer checks growth_for() against its memory cap before reserve_for(): the inserts it made room for
// must allocate nothing more, even when every key is new and shares nothing (the worst case for nodes).
TEST(tree_store, growth_for_predicts_reserve_for) {
  for (std::size_t words : {1u, 3u, 9u}) {
    SCOPED_TRACE(testing::Message() << words << " words");
    std::mt19937_64 rng(words);
    TreeStore tree(words);
    Key k(words);
    for (std::size_t more : {10u, 5000u, 100000u, 3u}) {
      const auto growth = tree.growth_for(more);
      EXPECT_GE(growth.peak, growth.bytes);
      EXPECT_GE(growth.peak, tree.bytes());
      tree.reserve_for(more);
      EXPECT_EQ(tree.bytes(), growth.bytes);
      const std::uint32_t parent = static_cast<std::uint32_t>(tree.size()) - 1;  // kNoParent at first
      for (std::size_t i = 0; i < more; ++i) {
        for (auto& w : k) w = rng();
        ASSERT_TRUE(tree.insert(k.data(), i % 2 ? parent : TreeStore::kNoParent, 0));
      }
      EXPECT_EQ(tree.bytes(), growth.bytes) << "an insert grew the store past what was reserved";
      EXPECT_GE(growth.peak, tree.bytes());
    }
  }
}

TEST(tree_store, keeps_the_keys_of_states_not_released) {
  constexpr std::size_t words = 3;
  std::mt19937_64 rng(7);
  TreeStore tree(words);
  std::vector<Key> keys;
  auto add = [&](std::uint32_t parent) {
    Key k(words);
    if (parent == TreeStore::kNoParent) {
      for (auto& w : k) w = rng() % 4;
    } else {
      k = keys[parent];
      set_leaf(k, rng() % (2 * words), leaf(rng));
    }
    if (tree.insert(k.data(), parent, 0)) keys.push_back(k);
  };
  add(TreeStore::kNoParent);
  while (keys.size() < 500) add(static_cast<std::uint32_t>(rng() % keys.size()));
  tree.release_before(300);
  for (std::uint32_t i = 300; i < keys.size(); ++i) ASSERT_EQ(Key(tree.key(i), tree.key(i) + words), keys[i]);
  // Successors of kept states are inserted next to them, and still found when inserted again.
  const std::size_t before = keys.size();
  while (keys.size() < 1000) add(static_cast<std::uint32_t>(300 + rng() % (keys.size() - 300)));
  for (std::uint32_t i = 300; i < keys.size(); ++i) {
    ASSERT_EQ(Key(tree.key(i), tree.key(i) + words), keys[i]);
    EXPECT_FALSE(tree.insert(keys[i].data(), i < before ? TreeStore::kNoParent : i - 1, 0));
  }
  tree.release_before(static_cast<std::uint32_t>(keys.size()));
  for (std::uint32_t i = 0; i < 10; ++i) EXPECT_FALSE(tree.insert(keys[i].data(), TreeStore::kNoParent, 0));
  EXPECT_EQ(tree.size(), keys.size());
}

}  // namespace
}  // namespace cqm::checker
