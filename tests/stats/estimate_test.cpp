// The estimator: a case whose loss probability is known exactly lands inside its interval, the loss paths are
// what the runs did, and the numbers do not depend on the number of threads.
#include "stats/estimate.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "io/habits_toml.hpp"
#include "io/input_error.hpp"
#include "properties/property.hpp"

namespace cqm::stats {
namespace {

const std::string kData = CQM_TEST_DATA "/habits/";

Config preset(const char* name) { return *find_preset(name); }

// Every user the same, every day the same (tests/data/habits/fixed_day.toml): on at 08:00 (up 08:02) for 9 h,
// no weekends, never absent, never left on; the program finishes at 10:02 on day 0. Under kb-q292030:
//  - the morning start-up of day 0 has nothing racing it, so its init cannot fail: "program started" (10005)
//  is
//    copied at 10:02;
//  - the program restarts the PC; at the start-up at 10:05 the final status (10009) races CQM's init, which
//    fails with probability p — start-up 1;
//  - every later start-up (08:02 on days 1..8) has the status queued, so it races again and fails with p,
//    independently; one success copies the status. Day 8's 08:02 start-up is before the deadline, day 8
//    10:05: start-ups 2..9;
//  - no session lasts the 23 h a wake-up needs (9 h at most), so nothing else can copy it.
// So the status is lost iff all 9 start-ups fail: P(loss) = p^9 exactly.
constexpr int kStartUpsWhileQueued = 9;

Habits fixed_day(double p) {
  Habits h = read_habits(kData + "fixed_day.toml");
  h.init_failure = p;
  return h;
}

EstimateOptions options(std::uint64_t clients, std::uint64_t seed, int threads = 2) {
  EstimateOptions o;
  o.clients = clients;
  o.seed = seed;
  o.threads = threads;
  return o;
}

TEST(estimate, known_probability_lands_inside_its_95_percent_interval) {
  const Config config = preset("kb-q292030");
  for (double p : {0.5, 0.7}) {
    const double truth = std::pow(p, kStartUpsWhileQueued);
    // A 95 % interval misses 1 time in 20: over five seeds, at least four must hold the truth.
    int inside = 0;
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
      const Estimate e = estimate(config, fixed_day(p), options(100'000, seed));
      inside += e.interval.contains(truth);
      EXPECT_EQ(e.lost, e.lost_by_path[static_cast<std::size_t>(LossPath::every_init_failed)]);
    }
    EXPECT_GE(inside, 4) << "p = " << p << ", truth " << truth;
  }
}

TEST(estimate, certain_failure_loses_everyone_and_no_failure_no_one) {
  const Config config = preset("kb-q292030");
  EXPECT_EQ(estimate(config, fixed_day(1.0), options(2'000, 1)).lost, 2'000u);
  const Estimate none = estimate(config, fixed_day(0.0), options(2'000, 1));
  EXPECT_EQ(none.lost, 0u);
  EXPECT_EQ(none.delay.max, 0);  // copied by the start-up cycle at once
}

TEST(estimate, delays_are_whole_days_to_a_later_morning) {
  // With p = 0.5 and the fixed day, a status delivered on morning k waited from 10:05 to 08:02: k days - 123
  // min.
  const Estimate e = estimate(preset("kb-q292030"), fixed_day(0.5), options(20'000, 3));
  EXPECT_EQ(e.delay.median, 0);  // half the restarts' inits succeed
  for (std::size_t b = 1; b < e.delay_histogram.size(); ++b)
    if (e.delay_histogram[b] > 0) {
      EXPECT_EQ((static_cast<Minutes>(b) + 123) % kMinutesPerDay, 0) << b;
    }
}

TEST(estimate, is_the_same_for_one_two_or_three_threads) {
  const Config config = preset("kb-q292030");
  const Habits habits;  // the office defaults: every draw matters
  const Estimate one = estimate(config, habits, options(30'001, 42, 1));
  for (int threads : {2, 3}) {
    const Estimate e = estimate(config, habits, options(30'001, 42, threads));
    EXPECT_EQ(e.lost, one.lost);
    EXPECT_EQ(e.lost_by_path, one.lost_by_path);
    EXPECT_EQ(e.delay_histogram, one.delay_histogram);
    EXPECT_EQ(e.delay.max, one.delay.max);
    EXPECT_EQ(e.events, one.events);
  }
  EXPECT_GT(one.lost, 0u);
  EXPECT_NE(estimate(config, habits, options(30'001, 43, 2)).lost, one.lost);  // the seed matters
}

// A client's draws come in the order doc/estimate.md gives (its habits, its init plan, then each day's),
// whenever its days are planned: the runner plans a day only when the run gets to it. These figures are those
// of the planner that planned every day up front (444b7d4), with every daily draw in use (log-ons, absences,
// PCs left on); a planner that skipped or reordered a day's draws moves them.
TEST(estimate, plans_each_day_with_the_draws_of_an_up_front_plan) {
  Habits habits;
  habits.logon = 0.4;
  habits.absent = 0.2;
  habits.leave_on = 0.3;
  const Estimate e = estimate(preset("kb-q292030"), habits, options(20'000, 7));
  EXPECT_EQ(e.lost, 116u);
  EXPECT_EQ(e.lost_by_path[static_cast<std::size_t>(LossPath::every_init_failed)], 113u);
  EXPECT_EQ(e.lost_by_path[static_cast<std::size_t>(LossPath::no_start_up_after_submission)], 3u);
  EXPECT_EQ(e.delay.max, 11'513);
  EXPECT_EQ(e.events, 153'842u);
}

TEST(estimate, a_client_depends_only_on_seed_and_index) {
  const Config config = preset("kb-q292030");
  const Habits habits;
  ClientRunner a(config, habits), b(config, habits);
  for (std::uint64_t i = 0; i < 50; ++i) a.run(7, i);  // a has run other clients first
  for (std::uint64_t i : {50u, 3u, 1000u}) {
    const ClientOutcome x = a.run(7, i), y = b.run(7, i);
    EXPECT_EQ(x.lost, y.lost);
    EXPECT_EQ(x.delay, y.delay);
    EXPECT_EQ(x.start_ups_queued, y.start_ups_queued);
  }
}

TEST(estimate, workaround_sms_restarts_loses_nothing) {
  const Estimate e = estimate(preset("workaround-sms-restarts"), Habits{}, options(20'000, 1));
  EXPECT_EQ(e.lost, 0u);
  EXPECT_LT(e.interval.high, 0.001);
}

TEST(estimate, users_who_never_switch_off_get_the_wake_up) {
  const Estimate e = estimate(preset("workaround-always-on"), fixed_day(1.0), options(2'000, 1));
  EXPECT_EQ(e.lost, 0u);
  EXPECT_EQ(e.delay.max, find_preset("kb-q292030")->model.wake_up_cycle);  // the restart's start-up + 23 h
}

TEST(estimate, a_lifetime_shorter_than_the_evening_is_lost_before_the_next_start_up) {
  Config config = preset("kb-q292030");
  config.model.item_lifetime = 300;  // 10:05 + 5 h = 15:05: before anyone starts the PC again
  const Estimate e = estimate(config, fixed_day(1.0), options(1'000, 1));
  EXPECT_EQ(e.lost_by_path[static_cast<std::size_t>(LossPath::no_start_up_after_submission)], 1'000u);
}

TEST(estimate, timed_retries_that_cannot_reconnect_are_their_own_path) {
  Config config = preset("workaround-always-on");
  config.model.late_reinit_succeeds = false;  // the wake-up comes but finds the connection still broken
  const Estimate e = estimate(config, fixed_day(1.0), options(1'000, 1));
  EXPECT_EQ(e.lost_by_path[static_cast<std::size_t>(LossPath::timed_retries_failed)], 1'000u);
}

TEST(estimate, refuses_zero_clients) {
  EXPECT_THROW(estimate(preset("kb-q292030"), Habits{}, options(0, 1)), InputError);
}

TEST(estimate, curve_rises_with_the_init_failure_probability) {
  const auto curve = loss_against_init_failure(preset("kb-q292030"), fixed_day(0.5), {0.0, 0.5, 0.9, 1.0},
                                               options(5'000, 1));
  ASSERT_EQ(curve.size(), 4u);
  EXPECT_EQ(curve[0].lost, 0u);
  EXPECT_LT(curve[1].lost, curve[2].lost);
  EXPECT_EQ(curve[3].lost, 5'000u);
}

}  // namespace
}  // namespace cqm::stats

namespace cqm::stats {
namespace {

TEST(estimate, gives_each_end_state_property_its_failure_probability) {
  // Q257280 at SP1: every client of the fixed day reruns its job the next morning; at SP2 none does.
  const int rerun = property_index("completed_job_never_reruns");
  const Estimate sp1 = estimate(preset("kb-q257280"), fixed_day(0.0), options(2'000, 1));
  EXPECT_EQ(sp1.violated[static_cast<std::size_t>(rerun)], 2'000u);
  const Estimate sp2 = estimate(preset("kb-q257280-sp2"), fixed_day(0.0), options(2'000, 1));
  EXPECT_EQ(sp2.violated[static_cast<std::size_t>(rerun)], 0u);
  // The KB's own preset reruns nothing and overflows nothing, whatever its losses.
  const Estimate kb = estimate(preset("kb-q292030"), fixed_day(0.5), options(2'000, 1));
  for (const char* name :
       {"completed_job_never_reruns", "queue_bounded", "every_advertisement_gets_its_status"})
    EXPECT_EQ(kb.violated[static_cast<std::size_t>(property_index(name))], 0u) << name;
}

}  // namespace
}  // namespace cqm::stats

namespace cqm::stats {
namespace {

TEST(estimate, logons_rerun_a_job_left_scheduled_on_a_pc_never_switched_off) {
  // kb-q257280 on a PC left on: the program's own restart is its only start-up, so only a logon reruns it.
  Config config = preset("kb-q257280");
  config.env.user_powers_off = false;
  const int rerun = property_index("completed_job_never_reruns");
  Habits habits = fixed_day(0.0);
  EXPECT_EQ(estimate(config, habits, options(1'000, 1)).violated[static_cast<std::size_t>(rerun)], 0u);
  habits.logon = 1.0;
  EXPECT_EQ(estimate(config, habits, options(1'000, 1)).violated[static_cast<std::size_t>(rerun)], 1'000u);
}

}  // namespace
}  // namespace cqm::stats
