// The exhaustive explorer packs a successor's key from its parent's (StateCodec::pack_step): it rewrites the
// clock, the inputs, the environment's book, the instances the step gave an event and the machines whose key
// rules read the clock, and keeps every other bit. That rests on two declarations: every Kept rule that reads
// the clock says so (key::kept_against_clock), and every rule is idempotent. Here, on every preset, with the
// abstract key and the exact one, every successor of a bounded search is packed both ways and compared
// (SearchModel::check_incremental_keys throws on a difference).
#include <gtest/gtest.h>

#include <algorithm>

#include "checker/bfs.hpp"
#include "checker/tree_store.hpp"
#include "harness/search_model.hpp"
#include "tests/preset_params.hpp"

namespace cqm {
namespace {

class incremental_key : public ::testing::TestWithParam<std::tuple<std::string, bool>> {};

TEST_P(incremental_key, equals_the_key_packed_whole_on_every_successor) {
  const auto& [name, exact] = GetParam();
  const Config config = *find_preset(name);
  SearchModel model(config, exact);
  model.check_incremental_keys(true);
  checker::Limits limits;
  limits.max_states = 50'000;
  const checker::BfsResult r = checker::bfs<checker::TreeStore>(model, all_properties_mask(), limits, 2);
  // A search that stopped for another reason than its end, its state cap or a violation of everything would
  // have compared less than it claims.
  EXPECT_TRUE(r.outcome == checker::Outcome::complete || r.outcome == checker::Outcome::limit_states ||
              r.outcome == checker::Outcome::violation || r.outcome == checker::Outcome::limit_model)
      << checker::outcome_name(r.outcome);
  // A small state space is compared whole; a large one on at least its first thousands of successors.
  EXPECT_TRUE(r.outcome == checker::Outcome::complete || r.stats.transitions > 10'000)
      << r.stats.transitions << " successors compared";
  EXPECT_GT(r.stats.transitions, 20u);
}

INSTANTIATE_TEST_SUITE_P(every, incremental_key,
                         ::testing::Combine(::testing::ValuesIn(test::every_preset()), ::testing::Bool()),
                         [](const auto& info) {
                           std::string n = std::get<0>(info.param);
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n + (std::get<1>(info.param) ? "_exact" : "_abstract");
                         });

// The comparison can fail: an instance changed but not listed as touched keeps its parent's bits, and the
// listed one gets the whole key's.
TEST(incremental_key_codec, keeps_what_is_not_listed_and_rewrites_what_is) {
  const Config config = *find_preset("kb-q292030");
  const StateCodec codec(config, 3 * kMinutesPerDay, false);
  System system(config);
  SystemSnapshot s = system.snapshot();
  std::vector<std::uint64_t> parent(codec.words()), whole(codec.words()), step(codec.words());
  codec.pack(s, EnvBook{}, parent.data());
  ASSERT_FALSE(s.all<Destination>().empty());
  s.all<Destination>()[0].data.received += 1;
  codec.pack(s, EnvBook{}, whole.data());
  ASSERT_NE(whole, parent) << "the changed field is not in the key";

  StateCodec::Touched none{};
  codec.pack_step(parent.data(), s, EnvBook{}, none, step.data());
  EXPECT_EQ(step, parent) << "an instance not listed was rewritten";

  const int first = 0;
  StateCodec::Touched listed{};
  listed[machine_index<Destination>] = std::span<const int>(&first, 1);
  codec.pack_step(parent.data(), s, EnvBook{}, listed, step.data());
  EXPECT_EQ(step, whole);
}

}  // namespace
}  // namespace cqm
