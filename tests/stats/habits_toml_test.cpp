// Reading habits files: every key, the defaults for missing ones, and one-line errors naming file, line and
// key.
#include "io/habits_toml.hpp"

#include <gtest/gtest.h>

#include "io/input_error.hpp"

namespace cqm {
namespace {

const std::string kData = CQM_TEST_DATA "/habits/";

std::string error_of(const std::string& file) {
  try {
    read_habits(kData + file);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(habits_toml, office_file_spells_out_the_defaults) {
  const stats::Habits h = read_habits(kData + "office.toml");
  const stats::Habits d;
  EXPECT_EQ(h.start_from, d.start_from);
  EXPECT_EQ(h.start_until, d.start_until);
  EXPECT_EQ(h.hours_min, d.hours_min);
  EXPECT_EQ(h.hours_max, d.hours_max);
  EXPECT_EQ(h.jitter, d.jitter);
  EXPECT_EQ(h.leave_on, d.leave_on);
  EXPECT_EQ(h.absent, d.absent);
  EXPECT_EQ(h.weekends_off, d.weekends_off);
  EXPECT_EQ(h.program_from, d.program_from);
  EXPECT_EQ(h.program_until, d.program_until);
  EXPECT_EQ(h.init_failure, d.init_failure);
  EXPECT_EQ(h.program_at, d.program_at);
  EXPECT_EQ(h.clock_skew, d.clock_skew);
}

TEST(habits_toml, missing_keys_keep_their_defaults) {
  const stats::Habits h = parse_habits("[init]\nfailure_probability = 0.25\n", "x.toml");
  EXPECT_EQ(h.init_failure, 0.25);
  EXPECT_EQ(h.start_from, stats::Habits{}.start_from);
}

TEST(habits_toml, round_trips_through_toml) {
  stats::Habits h = read_habits(kData + "fixed_day.toml");
  h.init_failure = 1;  // written as 1.0, read back as a float
  const stats::Habits back = parse_habits(habits_to_toml(h), "round-trip");
  EXPECT_EQ(habits_to_toml(back), habits_to_toml(h));
  EXPECT_EQ(back.init_failure, 1.0);
  EXPECT_EQ(back.start_from, 480);
}

TEST(habits_toml, unknown_key_is_named_with_its_file_and_line) {
  EXPECT_EQ(error_of("unknown_key.toml"), kData + "unknown_key.toml:3: day.hours_mn: unknown key");
}

TEST(habits_toml, probability_outside_zero_one_is_refused) {
  EXPECT_EQ(error_of("bad_probability.toml"),
            kData + "bad_probability.toml:5: init.failure_probability: a probability must lie in [0, 1]");
}

TEST(habits_toml, wrong_type_is_refused) {
  EXPECT_EQ(error_of("wrong_type.toml"),
            kData + "wrong_type.toml:2: program.after_start_from: expected an integer");
}

TEST(habits_toml, inconsistent_values_are_placed_on_their_key) {
  EXPECT_EQ(error_of("hours_reversed.toml"),
            kData + "hours_reversed.toml:3: day.hours_max: must not be less than day.hours_min");
}

TEST(habits_toml, syntax_error_names_the_line) {
  EXPECT_NE(error_of("syntax_error.toml").find("syntax_error.toml:3:"), std::string::npos);
}

TEST(habits_toml, a_day_past_midnight_is_refused) {
  EXPECT_THROW(parse_habits("[day]\nstart_until = \"14:00\"\nhours_max = 720\n", "x.toml"), InputError);
  EXPECT_THROW(parse_habits("[day]\nstart_from = \"25:00\"\n", "x.toml"), InputError);
}

TEST(habits_toml, a_sites_advertisement_time_and_clock_skew_round_trip_and_are_checked) {
  const stats::Habits h = parse_habits("[program]\nat = \"10:00\"\n[clock]\nskew = 3\n", "x.toml");
  EXPECT_EQ(h.program_at, 600);
  EXPECT_EQ(h.clock_skew, 3);
  EXPECT_EQ(habits_to_toml(parse_habits(habits_to_toml(h), "round-trip")), habits_to_toml(h));
  EXPECT_EQ(parse_habits("[program]\nat = \"start-up\"\n", "x.toml").program_at, kNever);
  try {
    parse_habits("[clock]\nskew = 8\n", "x.toml");
    ADD_FAILURE() << "a skew past 7 minutes was taken";
  } catch (const InputError& e) {
    EXPECT_EQ(
        std::string(e.what()),
        "x.toml:2: clock.skew: must be 0 to 7 minutes (the CAP's inbox tells apart the names of 16 minutes)");
  }
  EXPECT_THROW(parse_habits("[program]\nat = \"noon\"\n", "x.toml"), InputError);
}

}  // namespace
}  // namespace cqm
