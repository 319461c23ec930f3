// Fingerprint mode on the model: on every preset, storing 64-bit fingerprints gives the exact store's states,
// verdicts and counterexamples (a collision would show as a difference), HOLDS says it rests on no collision
// with its probability, and one or two threads give the same result.
#include <gtest/gtest.h>

#include "harness/check.hpp"
#include "harness/environment.hpp"

namespace cqm {
namespace {

CheckOptions exhaustive(bool fingerprints, int threads = 2) {
  CheckOptions o;
  o.explorers = {ExplorerKind::exhaustive};
  o.fingerprints = fingerprints;
  o.threads = threads;
  return o;
}

class fingerprint_preset : public ::testing::TestWithParam<std::string> {};

TEST_P(fingerprint_preset, agrees_with_the_exact_store) {
  const Config config = *find_preset(GetParam());
  ASSERT_LE(config.model.site.clients, kMaxSearchClients) << "every preset is searched exhaustively";
  const ExplorerReport exact = check_exhaustive(config, exhaustive(false));
  const ExplorerReport fp = check_exhaustive(config, exhaustive(true));
  EXPECT_TRUE(fp.fingerprints);
  EXPECT_EQ(fp.search.states, exact.search.states);
  EXPECT_EQ(fp.search.transitions, exact.search.transitions);
  EXPECT_LT(fp.search.bytes_per_state(), exact.search.bytes_per_state());
  EXPECT_GT(fp.collision_probability, 0.0);
  EXPECT_LT(fp.collision_probability, 1e-9);
  ASSERT_EQ(fp.properties.size(), exact.properties.size());
  for (std::size_t i = 0; i < fp.properties.size(); ++i) {
    const auto &a = exact.properties[i], &b = fp.properties[i];
    EXPECT_EQ(b.verdict, a.verdict) << a.property->name;
    EXPECT_EQ(b.path_length, a.path_length) << a.property->name;
    EXPECT_EQ(b.counterexample.has_value(), a.counterexample.has_value()) << a.property->name;
    if (b.verdict == Verdict::Holds) {
      EXPECT_NE(b.note.find("up to fingerprint collisions, probability ≤ "), std::string::npos) << b.note;
    }
  }
}

std::vector<std::string> preset_names() {
  std::vector<std::string> out;
  for (const auto& c : presets()) out.push_back(c.name);
  return out;
}

INSTANTIATE_TEST_SUITE_P(every, fingerprint_preset, ::testing::ValuesIn(preset_names()),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (char& ch : n)
                             if (ch == '-') ch = '_';
                           return n;
                         });

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
