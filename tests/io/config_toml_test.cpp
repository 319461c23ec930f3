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
  EXPECT_EQ(c.retry_policy, RetryPolicy::Interval);
  EXPECT_EQ(c.retry_interval, 60);
  EXPECT_EQ(c.init_failure, InitFailure::AnyBoot);
}

TEST(config_toml, reads_every_section) {
  const Config c = parse_config(R"(
[client]
os = "winnt"
after_running = "sms_restarts"
site_code = "LAB"
[init]
failure = "any_boot"
race_window = 3
[day]
on_at = "07:30"
program_at = "day 1 09:15"
[environment]
max_init_failures_in_a_row = 3
)",
                                "x.toml");
  EXPECT_EQ(c.os, Os::WinNT);
  EXPECT_EQ(c.after_running, AfterRunning::SmsRestarts);
  EXPECT_EQ(c.site_code, "LAB");
  EXPECT_EQ(c.race_window, 3);
  EXPECT_EQ(c.day.on_at, 450);
  EXPECT_EQ(c.day.program_at, 1440 + 555);
  EXPECT_EQ(c.env.max_init_failures_in_a_row, 3);
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
  const auto e = error_of("[client]\nafter_running = \"reboot\"\n");
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
