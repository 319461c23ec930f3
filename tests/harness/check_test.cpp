// The explorers on the CQM: the KB's bug is found by both, as the KB tells it; workarounds and fixes hold;
// a broken "fix" is caught (the mutation guard); state spaces are pinned.
#include "harness/check.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "harness/search_model.hpp"
#include "harness/state_codec.hpp"
#include "tests/preset_params.hpp"
#include "writers/trace_json.hpp"

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
  for (const auto& r : c.log) out.push_back(log_text(r, c.config.model.site_code));
  return out;
}

/// The one property's result of an explorer's report.
const PropertyResult& result(const ExplorerReport& r, std::string_view property = "delivered_before_expiry") {
  const PropertyResult* p = r.result_of(property);
  if (!p) throw std::logic_error("no result for " + std::string(property));
  return *p;
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
  ASSERT_EQ(result(r).verdict, Verdict::Violated);
  const Counterexample& c = *result(r).counterexample;
  EXPECT_EQ(c.property, "delivered_before_expiry");
  for (const auto& p : r.properties) {
    // The lost status never reaches the site database either: the end-to-end property fails with it.
    const bool lost =
        p.property->name == "delivered_before_expiry" || p.property->name == "status_reaches_site_database";
    EXPECT_EQ(p.verdict, lost ? Verdict::Violated : Verdict::Holds) << p.property->name;
  }
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
      EXPECT_LT(e.at - on, config.model.wake_up_cycle);
      ++evenings;
    }
  }
  EXPECT_GE(evenings, 7);
  EXPECT_EQ(c.steps.back().state.state<QueueItem>(1), QueueItem::State::Expired);
  EXPECT_EQ(c.at - c.steps.back().state.one<QueueItem>(1).data.submitted_at, config.model.item_lifetime);
}

// check --out starts drawing each counterexample while the search goes on: what it is handed is what the
// report holds in the end.
TEST(check, each_exhaustive_counterexample_is_handed_over_as_found) {
  CheckOptions o = exhaustive_only();
  std::vector<std::string> told;
  o.on_counterexample = [&](const Counterexample& c) { told.push_back(trace_to_json(c)); };
  const auto r = check_exhaustive(*find_preset("kb-q292030"), o);
  std::vector<std::string> held;
  for (const auto& p : r.properties)
    if (p.counterexample) held.push_back(trace_to_json(*p.counterexample));
  ASSERT_EQ(held.size(), 2u);
  std::sort(told.begin(), told.end());
  std::sort(held.begin(), held.end());
  EXPECT_EQ(told, held);
}

TEST(check, kb_random_counterexample_is_shrunk_and_replays) {
  const auto r = check_random(*find_preset("kb-q292030"), random_only(7, 10000));
  ASSERT_EQ(result(r).verdict, Verdict::Violated);
  EXPECT_GT(r.shrink_steps, 0u);
  EXPECT_EQ(result(r).counterexample->property, "delivered_before_expiry");
  EXPECT_EQ(r.runs, 10000u) << "after the violation the search goes on for the other properties";
  // Shrunk: the program right after the first start-up, the shortest sessions.
  const auto& events = result(r).counterexample->schedule.events;
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
  EXPECT_EQ(result(a).counterexample->schedule, result(b).counterexample->schedule);
}

class holding_preset : public ::testing::TestWithParam<const char*> {};

TEST_P(holding_preset, holds_exhaustively_and_on_ten_thousand_random_schedules) {
  const Config config = *find_preset(GetParam());
  const auto e = check_exhaustive(config, exhaustive_only());
  EXPECT_EQ(e.verdict(), Verdict::Holds)
      << (e.first_violation() ? e.first_violation()->counterexample->reason : "");
  EXPECT_EQ(e.outcome, checker::Outcome::complete);
  EXPECT_EQ(e.properties.size(), all_properties().size());
  const auto r = check_random(config, random_only(1, 10000));
  EXPECT_EQ(r.verdict(), Verdict::Holds)
      << (r.first_violation() ? r.first_violation()->counterexample->reason : "");
  EXPECT_EQ(r.runs, 10000u);
}

INSTANTIATE_TEST_SUITE_P(workarounds_and_fixes, holding_preset, test::holding_presets(), test::PresetName{});

TEST(check, workaround_a_is_violated_when_init_fails_at_any_boot) {
  const auto r = check_exhaustive(*find_preset("sms-restarts-init-fails-any-boot"), exhaustive_only());
  EXPECT_EQ(result(r).verdict, Verdict::Violated);
}

TEST(check, kb_loss_only_occurs_when_the_program_creates_a_status_mif) {
  // Q292030: "This problem only occurs when the program successfully creates a status .mif file." APM reports
  // a program without one by its exit code before the restart, while CQM runs: nothing races the start-up.
  for (const MifResult mif : {MifResult::Success, MifResult::Failure, MifResult::None}) {
    Config c = *find_preset("kb-q292030");
    c.model.programs[0].mif = mif;
    const Verdict expected = mif == MifResult::None ? Verdict::Holds : Verdict::Violated;
    EXPECT_EQ(result(check_exhaustive(c, exhaustive_only())).verdict, expected) << enum_name(mif);
    EXPECT_EQ(result(check_random(c, random_only(1, 10000))).verdict, expected) << enum_name(mif);
  }
}

// The mutation guard: "fixes" that are the bug under another name must be caught, or the suite cannot fail.
TEST(mutation_guard, retry_interval_as_long_as_the_wake_up_cycle_is_violated) {
  Config broken = *find_preset("fix-short-retry");
  broken.name = "fix-short-retry-broken";
  broken.model.retry_interval = broken.model.wake_up_cycle;
  EXPECT_EQ(result(check_exhaustive(broken, exhaustive_only())).verdict, Verdict::Violated);
  EXPECT_EQ(result(check_random(broken, random_only(1, 10000))).verdict, Verdict::Violated);
}

TEST(mutation_guard, reconnect_that_waits_a_day_is_violated) {
  Config broken = *find_preset("fix-reconnect");
  broken.model.reconnect_delay = kMinutesPerDay;
  EXPECT_EQ(result(check_exhaustive(broken, exhaustive_only())).verdict, Verdict::Violated);
}

TEST(mutation_guard, fix_without_late_reinit_is_violated) {
  Config broken = *find_preset("fix-short-retry");
  broken.model.late_reinit_succeeds = false;
  EXPECT_EQ(result(check_exhaustive(broken, exhaustive_only())).verdict, Verdict::Violated);
}

// The reconnect fix re-initialises through the same assumption as the timed cycles: without it, it fails too
// (the first version's reconnect timer re-initialised unconditionally and still held here).
TEST(mutation_guard, reconnect_without_late_reinit_is_violated) {
  Config broken = *find_preset("fix-reconnect");
  broken.model.late_reinit_succeeds = false;
  EXPECT_EQ(result(check_exhaustive(broken, exhaustive_only())).verdict, Verdict::Violated);
}

// A model change that alters the state space shows up here first. The holding presets' counts are those of
// the first version, whose key was written by hand: the derived key with its declared abstractions stores the
// same states. The exact key (no abstraction) stores more; the KB's search now runs to the end for the
// properties it does not violate (the first version stopped at its violation after 4652 states).
TEST(exhaustive, pins_the_state_counts) {
  auto states = [](const char* preset, bool exact) {
    CheckOptions o = exhaustive_only();
    o.exact_states = exact;
    return check_exhaustive(*find_preset(preset), o).search.states;
  };
  EXPECT_EQ(states("workaround-sms-restarts", false), 120u);
  EXPECT_EQ(states("workaround-always-on", false), 447u);
  EXPECT_EQ(states("fix-short-retry", false), 1955u);
  EXPECT_EQ(states("fix-reconnect", false), 2307u);
  EXPECT_EQ(states("kb-q292030", false), 5048u);
  EXPECT_EQ(states("workaround-sms-restarts", true), 130u);
  EXPECT_EQ(states("fix-short-retry", true), 13961u);
}

TEST(exhaustive, thread_count_does_not_change_the_result) {
  const Config config = *find_preset("kb-q292030");
  CheckOptions two = exhaustive_only();
  two.threads = 2;
  const auto a = check_exhaustive(config, exhaustive_only());
  const auto b = check_exhaustive(config, two);
  EXPECT_EQ(a.search.states, b.search.states);
  EXPECT_EQ(result(a).counterexample->schedule, result(b).counterexample->schedule);
}

TEST(exhaustive, state_cap_gives_inconclusive) {
  CheckOptions o = exhaustive_only();
  o.limits.max_states = 10;
  const auto r = check_exhaustive(*find_preset("kb-q292030"), o);
  EXPECT_EQ(r.verdict(), Verdict::Inconclusive);
  EXPECT_FALSE(r.first_violation());
  for (const auto& p : r.properties) EXPECT_EQ(p.note, "state limit reached");
}

TEST(state_key, round_trips_every_reachable_state) {
  const Config config = *find_preset("fix-reconnect");
  for (const bool exact : {false, true}) {
    SearchModel model(config, exact);
    const std::size_t words = model.key_words();
    std::vector<std::vector<std::uint64_t>> frontier(1, std::vector<std::uint64_t>(words));
    model.initial(frontier[0].data());
    int checked = 0;
    SystemSnapshot s;
    EnvBook book;
    std::vector<std::uint64_t> again(words);
    while (!frontier.empty() && checked < 3000) {
      const auto k = frontier.back();
      frontier.pop_back();
      model.codec().unpack(k.data(), s, book);
      model.codec().pack(s, book, again.data());
      ASSERT_EQ(k, again);
      ++checked;
      model.expand(k.data(), all_properties_mask(),
                   [&](std::uint16_t, const std::uint64_t* next, std::uint32_t) {
                     if (next) frontier.emplace_back(next, next + words);
                   });
    }
    EXPECT_GE(checked, 1000);
  }
}

}  // namespace
}  // namespace cqm
