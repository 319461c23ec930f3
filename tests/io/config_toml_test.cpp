#include "io/config_toml.hpp"

#include <gtest/gtest.h>

#include "io/input_error.hpp"

namespace cqm {
namespace {

const std::string kData = CQM_TEST_DATA;

InputError error_of(const std::string& text) {
  try {
    parse_config(text, "x.toml");
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for:\n" << text;
  return InputError("", 0, "", "");
}

TEST(config_toml, starts_from_a_preset_and_overrides) {
  const Config c = read_config(kData + "/configs/fix_short_retry_60.toml");
  EXPECT_EQ(c.name, "fix-short-retry-60");
  EXPECT_EQ(c.model.retry_policy, RetryPolicy::Interval);
  EXPECT_EQ(c.model.retry_interval, 60);
  EXPECT_EQ(c.model.init_failure, InitFailure::AnyBoot);
  EXPECT_EQ(c.expected.assumptions_not_needed,
            find_preset("fix-short-retry")->expected.assumptions_not_needed);
}

TEST(config_toml, reads_every_section) {
  const Config c = parse_config(R"(
[client]
os = "winnt"
site_code = "LAB"
[init]
failure = "any_boot"
race_window = 3
[day]
on_at = "07:30"
[environment]
max_init_failures_in_a_row = 3
max_days_off = 1
max_queue = 3
[[program]]
after_running = "sms_restarts"
runs_at = "day 1 09:15"
[[program]]
after_running = "no_action"
mif = "none"
runs_from = "10:00"
runs_until = "12:00"
[expected]
delivered_before_expiry = "VIOLATED"
assumptions_not_needed = ["environment.min_session"]
)",
                                "x.toml");
  EXPECT_EQ(c.model.os, Os::WinNT);
  EXPECT_EQ(c.model.site_code, "LAB");
  EXPECT_EQ(c.model.race_window, 3);
  EXPECT_EQ(c.env.day.on_at, 450);
  EXPECT_EQ(c.env.max_init_failures_in_a_row, 3);
  EXPECT_EQ(c.env.max_days_off, 1);
  EXPECT_EQ(c.env.max_queue, 3);
  ASSERT_EQ(c.programs(), 2);
  EXPECT_EQ(c.model.programs[0].after_running, AfterRunning::SmsRestarts);
  EXPECT_EQ(c.env.programs[0].at, 1440 + 555);
  EXPECT_EQ(c.env.programs[0].from, ProgramWindow{}.from) << "a key not given keeps its default";
  EXPECT_EQ(c.model.programs[1].mif, MifResult::None);
  EXPECT_EQ(c.env.programs[1].until, 720);
  EXPECT_EQ(c.expected.of("delivered_before_expiry"), Verdict::Violated);
  EXPECT_EQ(c.expected.of("no_silent_loss"), Verdict::Holds) << "a property not named is expected to hold";
  EXPECT_TRUE(c.expected.not_needed("environment.min_session"));
  EXPECT_EQ(c.source.file, "x.toml");
  EXPECT_EQ(c.source.line_of("init.race_window"), 7);
  EXPECT_EQ(c.source.line_of("program[1].runs_until"), 21);
}

TEST(config_toml, a_program_table_starts_from_the_presets_program) {
  const Config c = parse_config("preset = \"fix-reconnect\"\n[[program]]\nmif = \"failure\"\n", "x.toml");
  ASSERT_EQ(c.programs(), 1);
  EXPECT_EQ(c.model.programs[0].mif, MifResult::Failure);
  EXPECT_EQ(c.env.programs[0].until, 2 * kMinutesPerDay) << "the preset's window stays";
}

TEST(config_toml, keys_of_the_first_version_say_where_they_moved) {
  auto e = error_of("[client]\nafter_running = \"sms_restarts\"\n");
  EXPECT_EQ(e.line(), 2);
  EXPECT_EQ(e.field(), "client.after_running");
  EXPECT_NE(e.why().find("[[program]] after_running"), std::string::npos) << e.why();
  e = error_of("expected = \"VIOLATED\"\n");
  EXPECT_EQ(e.field(), "expected");
  EXPECT_EQ(error_of("[environment]\nprogram_until = \"12:00\"\n").field(), "environment.program_until");
}

TEST(config_toml, expectations_are_checked) {
  EXPECT_EQ(error_of("[expected]\ndelivered_before_expiri = \"VIOLATED\"\n").field(),
            "expected.delivered_before_expiri");
  EXPECT_EQ(error_of("[expected]\nno_silent_loss = \"INCONCLUSIVE\"\n").field(), "expected.no_silent_loss");
  const auto e =
      error_of("preset = \"fix-reconnect\"\n[expected]\nassumptions_not_needed = [\"init.failure\"]\n");
  EXPECT_EQ(e.field(), "expected.assumptions_not_needed")
      << "any_boot is no assumption that could be dropped";
  EXPECT_EQ(e.line(), 3);
}

TEST(config_toml, programs_are_checked) {
  EXPECT_EQ(error_of("[[program]]\nruns_from = \"12:00\"\nruns_until = \"11:00\"\n").field(),
            "program[0].runs_until");
  EXPECT_EQ(error_of("[[program]]\nafter_running = \"reboot\"\n").field(), "program[0].after_running");
  EXPECT_EQ(error_of("program = 3\n").field(), "program");
  std::string nine;
  for (int i = 0; i < 9; ++i) nine += "[[program]]\n";
  EXPECT_EQ(error_of(nine).field(), "program");
}

TEST(config_toml, durations_longer_than_the_readers_accept_are_refused) {
  const auto e = error_of("[cqm]\nitem_lifetime = 10000001\n");
  EXPECT_EQ(e.field(), "cqm.item_lifetime");
  EXPECT_NO_THROW(parse_config("[cqm]\nitem_lifetime = 10000000\n", "x.toml"));
  EXPECT_EQ(error_of("[[program]]\nruns_until = \"day 9999 00:00\"\n").field(), "program[0].runs_until");
}

TEST(config_toml, round_trips_every_preset) {
  for (const auto& p : presets()) {
    const Config back = parse_config(config_to_toml(p), "round-trip.toml");
    EXPECT_EQ(config_to_toml(back), config_to_toml(p)) << p.name;
  }
}

TEST(config_toml, negative_duration_names_file_line_and_key) {
  try {
    read_config(kData + "/configs/negative_cycle.toml");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 4);
    EXPECT_EQ(e.field(), "cqm.wake_up_cycle");
    EXPECT_NE(std::string(e.what()).find("negative_cycle.toml:4: cqm.wake_up_cycle:"), std::string::npos)
        << e.what();
  }
}

TEST(config_toml, unknown_key_is_an_error) {
  try {
    read_config(kData + "/configs/unknown_key.toml");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 5);
    EXPECT_EQ(e.field(), "cqm.retry_intervall");
  }
}

TEST(config_toml, wrong_type_is_an_error) {
  const auto e = error_of("[client]\nboot_minutes = \"two\"\n");
  EXPECT_EQ(e.line(), 2);
  EXPECT_EQ(e.field(), "client.boot_minutes");
}

TEST(config_toml, unknown_enum_value_lists_the_choices) {
  const auto e = error_of("[[program]]\nafter_running = \"reboot\"\n");
  EXPECT_NE(std::string(e.what()).find("program_restarts"), std::string::npos);
}

TEST(config_toml, unknown_preset_is_an_error) {
  EXPECT_EQ(error_of("preset = \"nope\"\n").field(), "preset");
}

TEST(config_toml, zero_cycle_is_rejected_by_validation_at_its_line) {
  const auto e = error_of("\n[cqm]\nwake_up_cycle = 0\n");
  EXPECT_EQ(e.field(), "cqm.wake_up_cycle");
  EXPECT_EQ(e.line(), 3);
}

TEST(config_toml, syntax_error_names_the_line) {
  const auto e = error_of("[cqm]\nwake_up_cycle = = 3\n");
  EXPECT_EQ(e.line(), 2);
}

TEST(config_toml, missing_file_is_an_error) {
  EXPECT_THROW(read_config(kData + "/configs/does_not_exist.toml"), InputError);
}

}  // namespace
}  // namespace cqm
