// The exhaustive explorer's three stores on the model. On every preset the tree-compressed store (the
// default) and whole keys (--uncompressed) give the same states, verdicts and counterexamples: both are
// exact; and storing 64-bit fingerprints gives them too (a collision would show as a difference), HOLDS
// saying it rests on no collision with its probability. One or two threads give the same result.
#include <gtest/gtest.h>

#include "harness/check.hpp"
#include "harness/environment.hpp"
#include "tests/preset_params.hpp"

namespace cqm {
namespace {

CheckOptions exhaustive(bool fingerprints, int threads = 2, bool uncompressed = false) {
  CheckOptions o;
  o.explorers = {ExplorerKind::exhaustive};
  o.fingerprints = fingerprints;
  o.uncompressed = uncompressed;
  o.threads = threads;
  return o;
}

void expect_same_verdicts(const ExplorerReport& a, const ExplorerReport& b) {
  EXPECT_EQ(b.search.states, a.search.states);
  EXPECT_EQ(b.search.transitions, a.search.transitions);
  EXPECT_EQ(b.search.depth, a.search.depth);
  ASSERT_EQ(b.properties.size(), a.properties.size());
  for (std::size_t i = 0; i < a.properties.size(); ++i) {
    const auto &x = a.properties[i], &y = b.properties[i];
    EXPECT_EQ(y.verdict, x.verdict) << x.property->name;
    EXPECT_EQ(y.path_length, x.path_length) << x.property->name;
    ASSERT_EQ(y.counterexample.has_value(), x.counterexample.has_value()) << x.property->name;
    if (x.counterexample) {
      EXPECT_EQ(y.counterexample->schedule, x.counterexample->schedule) << x.property->name;
    }
  }
}

class fingerprint_preset : public ::testing::TestWithParam<std::string> {};

TEST_P(fingerprint_preset, the_tree_store_agrees_with_whole_keys) {
  const Config config = *find_preset(GetParam());
  const ExplorerReport whole = check_exhaustive(config, exhaustive(false, 2, true));
  const ExplorerReport tree = check_exhaustive(config, exhaustive(false, 2, false));
  EXPECT_TRUE(whole.uncompressed);
  EXPECT_FALSE(tree.uncompressed);
  expect_same_verdicts(whole, tree);
}

TEST_P(fingerprint_preset, agrees_with_the_exact_store) {
  const Config config = *find_preset(GetParam());
  ASSERT_LE(config.model.site.clients, kMaxSearchClients) << "every preset is searched exhaustively";
  const ExplorerReport exact = check_exhaustive(config, exhaustive(false));
  const ExplorerReport fp = check_exhaustive(config, exhaustive(true));
  EXPECT_TRUE(fp.fingerprints);
  expect_same_verdicts(exact, fp);
  EXPECT_LT(fp.search.bytes_per_state(), exact.search.bytes_per_state());
  EXPECT_GT(fp.collision_probability, 0.0);
  EXPECT_LT(fp.collision_probability, 1e-9);
  for (const auto& b : fp.properties)
    if (b.verdict == Verdict::Holds) {
      EXPECT_NE(b.note.find("up to fingerprint collisions, probability ≤ "), std::string::npos) << b.note;
    }
}

INSTANTIATE_TEST_SUITE_P(every, fingerprint_preset, ::testing::ValuesIn(test::every_preset()),
                         test::PresetName{});

TEST(fingerprint_mode, one_or_two_threads_give_the_same_result) {
  const Config config = *find_preset("fix-reconnect");
  const ExplorerReport one = check_exhaustive(config, exhaustive(true, 1));
  const ExplorerReport two = check_exhaustive(config, exhaustive(true, 2));
  EXPECT_EQ(one.search.states, two.search.states);
  EXPECT_EQ(one.search.transitions, two.search.transitions);
  EXPECT_EQ(one.collision_probability, two.collision_probability);
}

}  // namespace
}  // namespace cqm

namespace cqm {
namespace {

TEST(tree_store, one_or_two_threads_give_the_same_result_in_a_fraction_of_whole_keys_memory) {
  Config config = *find_preset("fix-reconnect");
  config.env.quantum = 10;  // 175 297 states: enough for the tree's nodes to be shared
  const ExplorerReport one = check_exhaustive(config, exhaustive(false, 1));
  const ExplorerReport two = check_exhaustive(config, exhaustive(false, 2));
  expect_same_verdicts(one, two);
  const ExplorerReport whole = check_exhaustive(config, exhaustive(false, 2, true));
  expect_same_verdicts(whole, two);
  EXPECT_LT(two.search.bytes_per_state() * 2, whole.search.bytes_per_state());
}

}  // namespace
}  // namespace cqm
