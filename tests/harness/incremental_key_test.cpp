// The exhaustive explorer packs a successor's key from its parent's (StateCodec::pack_step): it rewrites the
// clock, the inputs, the environment's book, the instances the step gave an event and the machines whose key
// rules read the clock, and keeps every other bit. It reads a state back from the last one it read
// (StateCodec::unpack_step, System::restore_changes): only the instances whose bits differ, and those
// machines. That rests on declarations: every rule that reads the clock says so (key::kept_against_clock, a
// NotStored's reads_clock), and every rule is idempotent. Here, on every preset, with the abstract key and
// the exact one, every successor of a bounded search is packed both ways and every state read back both ways,
// and compared (SearchModel::check_incremental_keys throws on a difference); each counterexample's schedule
// is made both ways too (schedule_of_path).
#include <gtest/gtest.h>

#include <algorithm>

#include "checker/bfs.hpp"
#include "checker/tree_store.hpp"
#include "harness/search_model.hpp"
#include "tests/preset_params.hpp"

namespace cqm {
namespace {

class incremental_key : public ::testing::TestWithParam<std::tuple<std::string, bool>> {};

TEST_P(incremental_key, agrees_with_whole_keys_on_every_state_and_successor) {
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
  // Each counterexample's path as a schedule, its keys packed and read back step by step as the search did:
  // the schedule of whole keys.
  for (int p = 0; p < checker::kMaxProperties; ++p) {
    if (!(r.violated >> p & 1)) continue;
    const auto& path = r.paths[static_cast<std::size_t>(p)];
    EXPECT_EQ(schedule_of_path(config, path, exact, true), schedule_of_path(config, path, exact, true, true))
        << "property " << p;
  }
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

  // Given the parent's state, a listed instance is rewritten only where it differs from its own there.
  const SystemSnapshot before = system.snapshot();
  codec.pack_step(parent.data(), s, EnvBook{}, listed, step.data(), &before);
  EXPECT_EQ(step, whole);
  codec.pack_step(parent.data(), s, EnvBook{}, listed, step.data(), &s);
  EXPECT_EQ(step, parent) << "an instance equal to the parent's was rewritten";
}

// Reading back: the instances whose bits differ from the last key's are read and listed, the others left.
TEST(incremental_key_codec, reads_back_what_differs_from_the_last_key) {
  const Config config = *find_preset("kb-q292030");
  const StateCodec codec(config, 3 * kMinutesPerDay, false);
  System system(config);
  SystemSnapshot s = system.snapshot();
  std::vector<std::uint64_t> last(codec.words()), next(codec.words());
  codec.pack(s, EnvBook{}, last.data());
  s.all<Destination>()[0].data.received += 1;
  codec.pack(s, EnvBook{}, next.data());

  SystemSnapshot whole, read;
  EnvBook book;
  codec.unpack(next.data(), whole, book);
  codec.unpack(last.data(), read, book);
  StateCodec::Changed changed;
  codec.unpack_step(last.data(), next.data(), read, book, changed);
  EXPECT_EQ(read, whole);
  // Read back by the words that differ: Destination[0], and what shares its words, not every instance.
  const auto& destinations = changed[machine_index<Destination>];
  EXPECT_NE(std::find(destinations.begin(), destinations.end(), 0), destinations.end());
  EXPECT_LT(changed[machine_index<QueueItem>].size(), s.all<QueueItem>().size());
  EXPECT_LT(changed[machine_index<Timer>].size(), s.all<Timer>().size());

  // With the same key nothing but the machines whose rules read the clock is read back.
  codec.unpack_step(next.data(), next.data(), read, book, changed);
  EXPECT_EQ(read, whole);
  EXPECT_TRUE(changed[machine_index<Destination>].empty());
  EXPECT_EQ(changed[machine_index<Client>].size(), 1u) << "Client's rules read the clock";
}

}  // namespace
}  // namespace cqm
