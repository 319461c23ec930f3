// The explorers on the CQM: the KB's bug is found by both, as the KB tells it; workarounds and fixes hold;
// a broken "fix" is caught (the mutation guard); state spaces are pinned.
#include "harness/check.hpp"

#include <gtest/gtest.h>

#include "harness/search_model.hpp"
#include "tests/preset_params.hpp"

namespace cqm {
namespace {

CheckOptions exhaustive_only() {
  CheckOptions o;
  o.explorers = {ExplorerKind::exhaustive};
  o.threads = 1;
  return o;
}

CheckOptions random_only(std::uint64_t seed, std::uint64_t runs) {
  CheckOptions o;
  o.explorers = {ExplorerKind::random};
  o.seed = seed;
  o.runs = runs;
  return o;
}

std::vector<std::string> log_texts(const Counterexample& c) {
  std::vector<std::string> out;
  for (const auto& r : c.log) out.push_back(log_text(r, c.config.site_code));
  return out;
}

bool contains_in_order(const std::vector<std::string>& lines, const std::vector<std::string>& wanted) {
  auto it = lines.begin();
  for (const auto& w : wanted) {
    it = std::find_if(it, lines.end(), [&](const std::string& l) { return l.find(w) != std::string::npos; });
    if (it == lines.end()) return false;
    ++it;
  }
  return true;
}

TEST(check, kb_exhaustive_counterexample_tells_the_kb_story) {
  const Config config = *find_preset("kb-q292030");
  const auto r = check_exhaustive(config, exhaustive_only());
  ASSERT_EQ(r.verdict, Verdict::Violated);
  const Counterexample& c = *r.counterexample;
  EXPECT_EQ(c.property, "delivered_before_expiry");
  // Program restarts the PC -> init fails -> status submitted -> inaccessible, retry set -> off each evening
  // -> expired.
  EXPECT_TRUE(contains_in_order(
      log_texts(c),
      {"Queued status message 10005", "Copy Queue Manager stopped", "failed to initialise",
       "Queued status message 10009", "is inaccessible", "retry set to 1",
       "'OK to Process' event unsignalled", "not yet ready for retry", "Copy Queue Manager stopped",
       "failed to initialise", "is inaccessible", "Deleting status message 10009"}));
  // Every session ends before CQM's 23-hour wake-up could come.
  Minutes on = 0;
  int evenings = 0;
  for (const auto& e : c.schedule.events) {
    if (e.action == EnvAction::power_on) on = e.at;
    if (e.action == EnvAction::power_off) {
      EXPECT_LT(e.at - on, config.wake_up_cycle);
      ++evenings;
    }
  }
  EXPECT_GE(evenings, 7);
  EXPECT_EQ(c.steps.back().state.item_state[1], static_cast<std::uint8_t>(QueueItemState::Expired));
  EXPECT_EQ(c.at - c.steps.back().state.submitted_at[1], config.item_lifetime);
}

TEST(check, kb_random_counterexample_is_shrunk_and_replays) {
  const auto r = check_random(*find_preset("kb-q292030"), random_only(7, 10000));
  ASSERT_EQ(r.verdict, Verdict::Violated);
  EXPECT_GT(r.shrink_steps, 0u);
  EXPECT_EQ(r.counterexample->property, "delivered_before_expiry");
  // Shrunk: the program right after the first start-up, the shortest sessions.
  const auto& events = r.counterexample->schedule.events;
  ASSERT_GE(events.size(), 3u);
  EXPECT_EQ(events[1].action, EnvAction::program_finishes);
  EXPECT_LE(events[1].at - events[0].at, 5);
}

TEST(check, random_explorer_is_deterministic_for_a_seed) {
  const Config config = *find_preset("kb-q292030");
  const auto a = check_random(config, random_only(7, 10000));
  const auto b = check_random(config, random_only(7, 10000));
  EXPECT_EQ(a.runs, b.runs);
  EXPECT_EQ(a.shrink_steps, b.shrink_steps);
  EXPECT_EQ(a.counterexample->schedule, b.counterexample->schedule);
}

class holding_preset : public ::testing::TestWithParam<const char*> {};

TEST_P(holding_preset, holds_exhaustively_and_on_ten_thousand_random_schedules) {
  const Config config = *find_preset(GetParam());
  const auto e = check_exhaustive(config, exhaustive_only());
  EXPECT_EQ(e.verdict, Verdict::Holds) << (e.counterexample ? e.counterexample->reason : "");
  EXPECT_EQ(e.outcome, checker::Outcome::complete);
  const auto r = check_random(config, random_only(1, 10000));
  EXPECT_EQ(r.verdict, Verdict::Holds) << (r.counterexample ? r.counterexample->reason : "");
  EXPECT_EQ(r.runs, 10000u);
}

INSTANTIATE_TEST_SUITE_P(workarounds_and_fixes, holding_preset, test::holding_presets(), test::PresetName{});

TEST(check, workaround_a_is_violated_when_init_fails_at_any_boot) {
  const auto r = check_exhaustive(*find_preset("sms-restarts-init-fails-any-boot"), exhaustive_only());
  EXPECT_EQ(r.verdict, Verdict::Violated);
}

// The mutation guard: "fixes" that are the bug under another name must be caught, or the suite cannot fail.
TEST(mutation_guard, retry_interval_as_long_as_the_wake_up_cycle_is_violated) {
  Config broken = *find_preset("fix-short-retry");
  broken.name = "fix-short-retry-broken";
  broken.retry_interval = broken.wake_up_cycle;
  EXPECT_EQ(check_exhaustive(broken, exhaustive_only()).verdict, Verdict::Violated);
  EXPECT_EQ(check_random(broken, random_only(1, 10000)).verdict, Verdict::Violated);
}

TEST(mutation_guard, reconnect_that_waits_a_day_is_violated) {
  Config broken = *find_preset("fix-reconnect");
  broken.reconnect_delay = kMinutesPerDay;
  EXPECT_EQ(check_exhaustive(broken, exhaustive_only()).verdict, Verdict::Violated);
}

TEST(mutation_guard, fix_without_late_reinit_is_violated) {
  Config broken = *find_preset("fix-short-retry");
  broken.late_reinit_succeeds = false;
  EXPECT_EQ(check_exhaustive(broken, exhaustive_only()).verdict, Verdict::Violated);
}

// A model change that alters the state space shows up here first.
TEST(exhaustive, pins_the_state_counts) {
  EXPECT_EQ(check_exhaustive(*find_preset("workaround-sms-restarts"), exhaustive_only()).search.states, 120u);
  EXPECT_EQ(check_exhaustive(*find_preset("workaround-always-on"), exhaustive_only()).search.states, 447u);
  EXPECT_EQ(check_exhaustive(*find_preset("fix-short-retry"), exhaustive_only()).search.states, 1955u);
}

TEST(exhaustive, thread_count_does_not_change_the_result) {
  const Config config = *find_preset("kb-q292030");
  CheckOptions two = exhaustive_only();
  two.threads = 2;
  const auto a = check_exhaustive(config, exhaustive_only());
  const auto b = check_exhaustive(config, two);
  EXPECT_EQ(a.search.states, b.search.states);
  EXPECT_EQ(a.counterexample->schedule, b.counterexample->schedule);
}

TEST(exhaustive, state_cap_gives_inconclusive) {
  CheckOptions o = exhaustive_only();
  o.limits.max_states = 10;
  const auto r = check_exhaustive(*find_preset("kb-q292030"), o);
  EXPECT_EQ(r.verdict, Verdict::Inconclusive);
  EXPECT_FALSE(r.counterexample);
}

TEST(state_key, round_trips_every_reachable_state) {
  const Config config = *find_preset("fix-reconnect");
  SearchModel model(config);
  std::vector<StateKey> frontier{model.initial()};
  int checked = 0;
  while (!frontier.empty() && checked < 3000) {
    const StateKey k = frontier.back();
    frontier.pop_back();
    SystemSnapshot s;
    EnvBook book;
    unpack_state(config, k, s, book);
    const StateKey again = pack_state(config, s, book);
    ASSERT_EQ(std::memcmp(&k, &again, sizeof k), 0);
    ++checked;
    model.expand(k, [&](std::uint16_t, const StateKey& next, const Violation*) { frontier.push_back(next); });
  }
  EXPECT_GE(checked, 1000);
}

}  // namespace
}  // namespace cqm
