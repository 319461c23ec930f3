// The inventory agents, several destinations and the registry: Q263594's story from the machines.
#include <gtest/gtest.h>

#include <algorithm>

#include "model/system.hpp"

namespace cqm {
namespace {

struct inventory_fixture : ::testing::Test {
  Config config = *find_preset("kb-q263594");
  LogRecords log;
  std::vector<Refusal> refusals;
  std::unique_ptr<System> system;

  void start() { system = std::make_unique<System>(config, &log, &refusals); }
  /// The user's day: on at 08:00, off at 17:00, `days` days; the program runs on day 0 at 10:00.
  void office_days(int days) {
    for (int d = 0; d < days; ++d) {
      const Minutes base = d * kMinutesPerDay;
      system->advance_to(base + 480);
      system->plan_next_init(InitOutcome::ok);
      system->power_on();
      if (d == 0) {
        system->advance_to(base + 600);
        system->finish_program(0, MifResult::Success);
      }
      system->advance_to(base + 1020);
      system->power_off();
    }
    system->advance_to(days * kMinutesPerDay);
  }
  int count(QueueItem::State state) const {
    int n = 0;
    for (int i = 0; i < system->group<QueueItem>().size(); ++i) n += system->state<QueueItem>(i) == state;
    return n;
  }
  std::string text() const { return render_log(log, config.model.site_code); }
};

TEST_F(inventory_fixture, each_agent_feeds_its_own_inbox_and_each_destination_keeps_its_retry) {
  start();
  ASSERT_EQ(system->group<Destination>().size(), 3);
  ASSERT_EQ(system->group<InventoryAgent>().size(), 2);
  office_days(7);
  // Day 7: both agents' first run comes at 08:02, as the PC comes up; every destination is found
  // inaccessible.
  system->plan_next_init(InitOutcome::ok);
  system->power_on();
  system->advance_to(7 * kMinutesPerDay + 540);
  const std::string out = text();
  EXPECT_NE(out.find("Queued inventory file for Destination[CAP List for site W2K,inventry.box\\]"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("Queued inventory file for Destination[CAP List for site W2K,sinv.box\\]"),
            std::string::npos);
  EXPECT_NE(out.find("Destination[CAP List for site W2K,sinv.box\\] is inaccessible"), std::string::npos);
  for (int d = 0; d < 3; ++d)
    EXPECT_EQ(system->state<Destination>(d), Destination::State::RetryPending) << "destination " << d;
  EXPECT_EQ(system->refusals(), 0u);
}

TEST_F(inventory_fixture, sp1_keeps_expired_items_until_the_registry_is_full) {
  start();
  office_days(30);
  EXPECT_EQ(count(QueueItem::State::Expired), 0) << text();
  EXPECT_GT(count(QueueItem::State::Kept), 0);
  EXPECT_EQ(system->state<Registry>(), Registry::State::Full);
  EXPECT_NE(text().find("The registry is full (7 Copy Queue items)"), std::string::npos) << text();
  EXPECT_EQ(system->refusals(), 0u);
}

TEST_F(inventory_fixture, sp2_deletes_them_and_the_queue_stays_small) {
  config.model.service_pack = 2;
  start();
  office_days(30);
  EXPECT_EQ(count(QueueItem::State::Kept), 0);
  EXPECT_GT(count(QueueItem::State::Expired), 0);
  EXPECT_EQ(system->state<Registry>(), Registry::State::HasRoom);
  EXPECT_LE(system->items_in_queue(), 4) << "two agents a week, eight days' lifetime";
  EXPECT_EQ(system->refusals(), 0u);
}

TEST_F(inventory_fixture, a_run_missed_while_off_is_taken_at_the_next_start_up) {
  config.model.software_inventory_interval = 0;
  config.model.hardware_inventory_interval = 600;  // due at 18:02, after the user has left
  start();
  office_days(1);
  EXPECT_EQ(system->state<InventoryAgent>(), InventoryAgent::State::Missed);
  const int queued = system->items_in_queue();
  system->plan_next_init(InitOutcome::ok);
  system->power_on();
  system->advance_to(kMinutesPerDay + 480 + config.model.boot_minutes);
  EXPECT_EQ(system->state<InventoryAgent>(), InventoryAgent::State::Scheduled);
  EXPECT_EQ(system->items_in_queue(), queued + 1);
}

TEST_F(inventory_fixture, a_slot_an_inventory_file_left_takes_the_next) {
  config.model.service_pack = 2;
  config.env.cap_reachable = true;
  start();
  office_days(40);
  // Copied at once every week: the hardware file is copied before the software file is queued, so one slot
  // serves every inventory file; the status messages keep theirs.
  int used = 0;
  for (int i = 0; i < system->group<QueueItem>().size(); ++i)
    used += system->state<QueueItem>(i) != QueueItem::State::Empty;
  EXPECT_EQ(used, 3) << text();
  EXPECT_FALSE(system->queue_overflowed());
  EXPECT_EQ(system->data<Destination>(0).received, 2) << "status messages only";
}

}  // namespace
}  // namespace cqm
