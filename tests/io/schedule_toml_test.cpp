#include "io/schedule_toml.hpp"

#include <gtest/gtest.h>

#include "io/input_error.hpp"
#include "io/trace_reader.hpp"

namespace cqm {
namespace {

const std::string kData = CQM_TEST_DATA;

TEST(schedule_toml, reads_a_hand_written_schedule) {
  const Schedule s = read_schedule(kData + "/schedules/kb_week.toml");
  ASSERT_EQ(s.events.size(), 5u);
  EXPECT_EQ(s.events[1].action, EnvAction::program_finishes);
  EXPECT_EQ(s.events[1].at, 600);
  EXPECT_EQ(s.init_otherwise, InitOutcome::failed);
}

TEST(schedule_toml, hand_written_kb_week_keeps_the_status_queued) {
  const Config config = *find_preset("kb-q292030");
  Schedule s = read_schedule(kData + "/schedules/kb_week.toml");
  System system(config);
  run_schedule(system, s);
  EXPECT_TRUE(QueueItem::in_queue(system.group<QueueItem>().state(1)));
}

TEST(schedule_toml, round_trips_the_canonical_schedules) {
  for (const auto& p : presets()) {
    const Schedule s = canonical_schedule(p);
    EXPECT_EQ(parse_schedule(schedule_to_toml(s), "rt.toml"), s) << p.name;
  }
}

TEST(schedule_toml, round_trips_each_clients_events_and_init_plan) {
  Schedule s = canonical_schedule(*find_preset("kb-q301352"));
  ASSERT_EQ(s.events.back().client, 2) << "every client's day, client by client at equal times";
  s.client_init = {{InitOutcome::failed}, {InitOutcome::ok, InitOutcome::failed}};
  const std::string text = schedule_to_toml(s);
  EXPECT_NE(text.find("client = 2"), std::string::npos);
  EXPECT_NE(text.find("client_init = [[\"failed\"], [\"ok\", \"failed\"]]"), std::string::npos) << text;
  EXPECT_EQ(parse_schedule(text, "rt.toml"), s);
}

TEST(schedule_toml, a_client_the_config_lacks_names_the_event) {
  Schedule s = canonical_schedule(*find_preset("kb-q301352"));
  try {
    check_schedule_programs(s, *find_preset("kb-q292030"), "x.toml");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("client"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("site.clients = 1"), std::string::npos) << e.what();
  }
}

TEST(schedule_toml, typo_in_an_action_names_the_line) {
  try {
    read_schedule(kData + "/schedules/typo_action.toml");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 7);
    EXPECT_EQ(e.field(), "event[2].do");
    EXPECT_NE(std::string(e.what()).find("power_of"), std::string::npos);
  }
}

TEST(schedule_toml, events_out_of_order_are_an_error) {
  try {
    read_schedule(kData + "/schedules/out_of_order.toml");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 6);
  }
}

TEST(schedule_toml, names_the_program_that_finishes) {
  const Schedule s = parse_schedule(
      "[[event]]\nat = \"10:00\"\ndo = \"program_finishes\"\nprogram = 1\nmif = \"none\"\n", "x");
  ASSERT_EQ(s.events.size(), 1u);
  EXPECT_EQ(s.events[0].program, 1);
  EXPECT_EQ(s.events[0].mif, MifResult::None);
  EXPECT_THROW(parse_schedule("[[event]]\nat = \"10:00\"\ndo = \"power_on\"\nprogram = 1\n", "x"),
               InputError);
  EXPECT_THROW(parse_schedule("[[event]]\nat = \"10:00\"\ndo = \"program_finishes\"\nprogram = 9\n", "x"),
               InputError);
  // A program the config does not have is refused before the run, naming the event.
  try {
    check_schedule_programs(s, *find_preset("kb-q292030"), "x.toml");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.field(), "event[1].program");
  }
}

TEST(schedule_toml, rejects_bad_times_unknown_keys_and_misplaced_mif) {
  EXPECT_THROW(parse_schedule("[[event]]\nat = \"day 0 25:00\"\ndo = \"power_on\"\n", "x"), InputError);
  EXPECT_THROW(parse_schedule("[[event]]\nat = \"08:00\"\ndo = \"power_on\"\nwhen = 3\n", "x"), InputError);
  EXPECT_THROW(parse_schedule("[[event]]\nat = \"08:00\"\ndo = \"power_on\"\nmif = \"success\"\n", "x"),
               InputError);
  EXPECT_THROW(parse_schedule("[[event]]\ndo = \"power_on\"\n", "x"), InputError);
  EXPECT_THROW(parse_schedule("init = [\"ok\", \"maybe\"]\n", "x"), InputError);
  EXPECT_THROW(parse_schedule("event = 3\n", "x"), InputError);
}

}  // namespace
}  // namespace cqm
