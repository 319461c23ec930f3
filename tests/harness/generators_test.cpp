// The schedule generators: they must be able to produce the bad cases (a property that holds only because the
// generator never makes the failure is a defect), and every schedule they make keeps the envelope.
#include "harness/generators.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "harness/counterexample.hpp"
#include "io/schedule_toml.hpp"

namespace cqm {
namespace {

std::vector<Schedule> sample(const Config& config, int n) {
  std::vector<Schedule> out;
  const auto gen = habits_gen(config);
  for (int i = 0; i < n; ++i) {
    const Habits h = gen(rc::Random(static_cast<std::uint64_t>(i) + 1), 50).value();
    out.push_back(schedule_of(config, h));
  }
  return out;
}

TEST(generators, produce_init_failures_nightly_shutdowns_and_restarts_right_after_submission) {
  const Config config = *find_preset("kb-q292030");
  int with_failure = 0, nightly_off = 0, restart_soon_after_submission = 0;
  for (const auto& s : sample(config, 300)) {
    System system(config);
    run_schedule(system, s);
    with_failure += std::count(s.init.begin(), s.init.end(), InitOutcome::failed) > 0;
    int offs = 0;
    for (const auto& e : s.events) offs += e.action == EnvAction::power_off;
    nightly_off += offs >= 8;
    // Program restarts the PC: the status is submitted moments after the next start-up.
    const auto& item = system.data<QueueItem>(1);
    if (item.submitted_at != kNever) {
      const auto program = std::find_if(s.events.begin(), s.events.end(), [](const ScheduleEvent& e) {
        return e.action == EnvAction::program_finishes;
      });
      restart_soon_after_submission +=
          item.submitted_at - program->at <= config.model.shutdown_minutes + config.model.boot_minutes;
    }
  }
  EXPECT_GT(with_failure, 250);
  EXPECT_GT(nightly_off, 250);
  EXPECT_GT(restart_soon_after_submission, 250);
}

TEST(generators, schedules_keep_the_envelope) {
  const Config config = *find_preset("fix-short-retry");
  for (const auto& s : sample(config, 300)) {
    Minutes on = kNever;
    Minutes last_start = kNever;
    for (const auto& e : s.events) {
      if (e.action == EnvAction::power_on) {
        on = e.at;
        last_start = on + config.model.boot_minutes;
        const Minutes tod = e.at % kMinutesPerDay;
        EXPECT_GE(tod, config.env.on_from);
        EXPECT_LE(tod, config.env.on_until);
      }
      if (e.action == EnvAction::program_finishes)
        last_start = e.at + config.model.shutdown_minutes + config.model.boot_minutes;
      if (e.action == EnvAction::power_off) {
        ASSERT_NE(on, kNever);
        EXPECT_GE(e.at - last_start, config.env.min_session) << schedule_to_toml(s);
        EXPECT_LE(e.at - last_start, config.env.max_session);
      }
    }
  }
}

TEST(generators, shrinking_leads_to_the_kb_story) {
  // Every fix is judged on the same generator that finds the bug.
  const Config kb = *find_preset("kb-q292030");
  int violated = 0;
  for (const auto& s : sample(kb, 200)) {
    System system(kb);
    violated += violations_of(system, s, all_properties_mask()) != 0;
  }
  EXPECT_GT(violated, 0) << "the generator must reach the KB's failure";
}

TEST(generators, every_program_runs_on_day_0_and_days_away_keep_the_bound) {
  Config config = *find_preset("fix-short-retry");
  config.model.programs.push_back({AfterRunning::NoAction, MifResult::None});
  config.env.programs.push_back({600, 900, 700});
  config.env.max_days_off = 2;
  int with_a_day_away = 0;
  for (const auto& s : sample(config, 200)) {
    std::vector<int> finishes(2, 0);
    std::vector<bool> on_day(static_cast<std::size_t>(s.horizon / kMinutesPerDay + 2), false);
    for (const auto& e : s.events) {
      if (e.action == EnvAction::program_finishes) {
        ++finishes[static_cast<std::size_t>(e.program)];
        const auto& w = config.env.programs[static_cast<std::size_t>(e.program)];
        EXPECT_GE(e.at, w.from);
        EXPECT_LT(e.at, w.until);
      }
      if (e.action == EnvAction::power_on) on_day[static_cast<std::size_t>(e.at / kMinutesPerDay)] = true;
    }
    EXPECT_EQ(finishes, (std::vector<int>{1, 1}));
    int away = 0;
    for (std::size_t d = 0; d < static_cast<std::size_t>(s.horizon / kMinutesPerDay); ++d) {
      away = on_day[d] ? 0 : away + 1;
      EXPECT_LE(away, config.env.max_days_off) << schedule_to_toml(s);
      with_a_day_away += away > 0;
    }
  }
  EXPECT_GT(with_a_day_away, 0) << "the generator must use the days off the envelope allows";
}

// The same generators behind RapidCheck's own GoogleTest integration.
RC_GTEST_PROP(generated_schedules, fix_short_retry_keeps_every_property, ()) {
  static const Config config = *find_preset("fix-short-retry");
  const Habits h = *habits_gen(config);
  System system(config);
  RC_ASSERT(violations_of(system, schedule_of(config, h), all_properties_mask()) == 0u);
}

RC_GTEST_PROP(generated_schedules, fix_reconnect_keeps_every_property, ()) {
  static const Config config = *find_preset("fix-reconnect");
  const Habits h = *habits_gen(config);
  System system(config);
  RC_ASSERT(violations_of(system, schedule_of(config, h), all_properties_mask()) == 0u);
}

RC_GTEST_PROP(generated_schedules, workaround_always_on_keeps_every_property, ()) {
  static const Config config = *find_preset("workaround-always-on");
  const Habits h = *habits_gen(config);
  System system(config);
  RC_ASSERT(violations_of(system, schedule_of(config, h), all_properties_mask()) == 0u);
}

}  // namespace
}  // namespace cqm
