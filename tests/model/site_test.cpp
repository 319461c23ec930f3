// The site past the CAP: the status file's path (the Inbox Manager Assistant's copy, Status Manager's inbox,
// its future queue) and Status Manager's decisions, from the presets of Q311212 and Q246749 and variations of
// them; each case drives a whole System through one program run.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "model/schedule.hpp"
#include "model/system.hpp"

namespace cqm {
namespace {

struct site_fixture : ::testing::Test {
  LogRecords log;
  std::vector<Refusal> refusals;
  Config config;
  std::unique_ptr<System> system;

  /// The PC on at 08:00 and never off; the program (No action after running) finishes at 10:00.
  void run(const Config& c, Minutes until = 2 * kMinutesPerDay) {
    config = c;
    system = std::make_unique<System>(config, &log, &refusals);
    system->advance_to(480);
    system->power_on();
    system->advance_to(600);
    system->finish_program(0, MifResult::Success);
    system->advance_to(until);
  }
  StatusFile::State file(int i) const { return system->state<StatusFile>(i); }
  std::string statmgr() const { return render_log(log, config.model.site_code, LogFile::statmgr); }
  std::string cqmgr() const { return render_log(log, config.model.site_code, LogFile::cqmgr32); }
};

TEST_F(site_fixture, a_fast_copy_reaches_the_database_at_once) {
  Config c = *find_preset("kb-q311212");
  c.model.site.status_file_bytes = 1024;  // the default: well under a minute
  run(c);
  for (int i : {0, 1}) EXPECT_EQ(file(i), StatusFile::State::Processed) << i;
  EXPECT_NE(statmgr().find("Processed status message 10005 (program started)"), std::string::npos)
      << statmgr();
  EXPECT_EQ(statmgr().find("ERROR"), std::string::npos);
  EXPECT_EQ(refusals.size(), 0u);
}

TEST_F(site_fixture, q311212_before_the_hotfix_deletes_the_half_copied_file) {
  run(*find_preset("kb-q311212"));
  EXPECT_EQ(config.model.site_copy_minutes(), 2);
  for (int i : {0, 1}) {
    EXPECT_EQ(system->state<QueueItem>(i), QueueItem::State::Delivered) << "CQM copied it";
    EXPECT_EQ(file(i), StatusFile::State::DeletedAsCorrupt) << i;
  }
  EXPECT_NE(cqmgr().find("-Copied status message 10005 to"), std::string::npos);
  // Q311212's first entry, word for word but the file's name.
  const std::string f = "\"C:\\SMS\\inboxes\\statmgr.box\\statmsgs\\" + svf_name(0) + "\"";
  EXPECT_NE(statmgr().find("ERROR: Could not open file " + f +
                           ", the file is assumed to be corrupt. The operating system reported error 5: "
                           "Access is denied. Deleted corrupt file " +
                           f + "."),
            std::string::npos)
      << statmgr();
  EXPECT_EQ(system->state<Timer>(system->timers().file(0)), Timer::State::Idle)
      << "the deleted file's copy timer is cancelled";
  EXPECT_EQ(refusals.size(), 0u);
}

TEST_F(site_fixture, q311212_error_32_leaves_the_file_and_it_is_processed_when_whole) {
  Config c = *find_preset("kb-q311212");
  c.model.site.open_error = 32;
  run(c, 600 + 1);
  EXPECT_EQ(file(0), StatusFile::State::CopyingVisible);
  EXPECT_NE(
      statmgr().find("The operating system reported error 32: The process cannot access the file because "
                     "it is being used by another process. ERROR: Could not delete corrupt file"),
      std::string::npos)
      << statmgr();
  system->advance_to(600 + 2);
  EXPECT_EQ(file(0), StatusFile::State::Processed) << "our assumption: opened again once whole";
}

TEST_F(site_fixture, q311212_hotfix_copies_as_tmp_and_status_manager_sees_it_whole) {
  run(*find_preset("kb-q311212-hotfix"), 600 + 1);
  EXPECT_EQ(file(0), StatusFile::State::CopyingAsTmp);
  EXPECT_EQ(statmgr(), "") << "Status Manager has not seen the .tmp file";
  system->advance_to(600 + 2);
  EXPECT_EQ(file(0), StatusFile::State::Processed);
}

TEST_F(site_fixture, q246749_at_sp1_parks_a_message_from_the_future_for_good) {
  run(*find_preset("kb-q246749"), 20 * kMinutesPerDay);
  EXPECT_EQ(file(0), StatusFile::State::Parked);
  EXPECT_NE(statmgr().find("is time-stamped day 0 11:00, later than the site server's time: moved to "
                           "C:\\SMS\\inboxes\\statmgr.box\\futureq"),
            std::string::npos)
      << statmgr();
  EXPECT_EQ(system->state<Timer>(system->timers().file(0)), Timer::State::Idle)
      << "nothing looks at it again";
  EXPECT_EQ(system->state<Timer>(system->timers().executive_restart()), Timer::State::Idle);
}

TEST_F(site_fixture, q246749_at_sp2_processes_it_when_its_time_comes) {
  run(*find_preset("kb-q246749-sp2"), 600 + 59);
  EXPECT_EQ(file(0), StatusFile::State::Parked);
  system->advance_to(600 + 60);
  EXPECT_EQ(file(0), StatusFile::State::Processed);
}

TEST_F(site_fixture, q246749_workaround_a_restart_of_the_executive_releases_the_future_queue) {
  run(*find_preset("workaround-q246749-restart-executive"), kMinutesPerDay - 1);
  EXPECT_EQ(file(0), StatusFile::State::Parked);
  system->advance_to(kMinutesPerDay);
  EXPECT_EQ(file(0), StatusFile::State::Processed);
  EXPECT_NE(statmgr().find("SMS Executive restarted"), std::string::npos);
}

TEST_F(site_fixture, a_client_behind_the_site_server_is_never_parked) {
  Config c = *find_preset("kb-q246749");
  c.model.clock_offset = -60;
  run(c);
  EXPECT_EQ(file(0), StatusFile::State::Processed);
}

TEST_F(site_fixture, an_inventory_file_is_not_status_managers) {
  Config c = *find_preset("kb-q263594-sp2");
  c.env.cap_reachable = true;
  run(c, 9 * kMinutesPerDay);
  bool inventory_delivered = false;
  for (int i = 0; i < system->group<QueueItem>().size(); ++i)
    if (system->data<QueueItem>(i).status == StatusId::none &&
        system->state<QueueItem>(i) == QueueItem::State::Delivered) {
      inventory_delivered = true;
      EXPECT_EQ(file(i), StatusFile::State::Absent) << i;
    }
  EXPECT_TRUE(inventory_delivered);
}

// Q301352: three time-synchronised clients on one CAP run the advertisement at the same minute.
struct collision_fixture : ::testing::Test {
  LogRecords log;
  std::vector<Refusal> refusals;
  Config config;
  std::unique_ptr<System> system;

  void run(const Config& c) {
    config = c;
    system = std::make_unique<System>(config, &log, &refusals);
    run_schedule(*system, canonical_schedule(config));
  }
  QueueItem::State item(int client, int slot) const {
    return static_cast<QueueItem::State>(
        system->group<QueueItem>().state(QueueItem::instances(config) * client + slot));
  }
  std::string cqmgr(int client) const {
    return render_log(log, config.model.site_code, LogFile::cqmgr32, client);
  }
};

TEST_F(collision_fixture, a_site_holds_a_block_of_machines_per_client_and_its_own_once) {
  run(*find_preset("kb-q301352"));
  EXPECT_EQ(system->clients(), 3);
  EXPECT_EQ(system->group<Client>().size(), 3);
  EXPECT_EQ(system->group<QueueItem>().size(), 3 * QueueItem::instances(config));
  EXPECT_EQ(system->group<StatusManager>().size(), 1);
  EXPECT_EQ(system->group<CapInbox>().size(), 1);
  EXPECT_EQ(system->group<Timer>().size(), 3 * system->timers().count() + 1);
  EXPECT_EQ(instance_label(config, machine_index<QueueItem>, QueueItem::instances(config) + 1),
            "client 1: QueueItem[1]");
  EXPECT_EQ(instance_label(config, machine_index<CapInbox>, 0), "CapInbox");
}

TEST_F(collision_fixture, sp3_the_first_client_copies_the_others_find_the_name_in_use) {
  run(*find_preset("kb-q301352"));
  for (int slot : {0, 1}) {
    EXPECT_EQ(item(0, slot), QueueItem::State::Delivered) << slot;
    EXPECT_EQ(item(1, slot), QueueItem::State::Removed) << slot;
    EXPECT_EQ(item(2, slot), QueueItem::State::Removed) << slot;
  }
  // The article's seven lines, in order (the item's number is ours).
  const std::string name = item_name(1, 0);
  const std::string lines[] = {"--Validating Item '" + name + "'",
                               "--Servicing Item '" + name + "'",
                               "--Inserted Item[" + name + "] into list",
                               "--Trying to copy Item[" + name + "], copy try no. 1",
                               "--Item[" + name + "] NOT copied, already exists, set status to Remove",
                               "--Skipping Item '" + name + "', it is marked for deletion",
                               "--Removing Item '" + name + "'"};
  const std::string log1 = cqmgr(1);
  std::size_t at = 0;
  for (const auto& line : lines) {
    at = log1.find(line + "  $$<Copy Queue Manager>", at);
    ASSERT_NE(at, std::string::npos) << line << "\n" << log1;
  }
  EXPECT_EQ(cqmgr(0).find("NOT copied"), std::string::npos) << "the first client's names were free";
  EXPECT_EQ(refusals.size(), 0u);
}

TEST_F(collision_fixture, sp4_names_do_not_come_from_the_time) {
  run(*find_preset("kb-q301352-sp4"));
  for (int client : {0, 1, 2})
    for (int slot : {0, 1}) EXPECT_EQ(item(client, slot), QueueItem::State::Delivered) << client << slot;
}

TEST_F(collision_fixture, retry_as_the_article_says_copies_under_a_new_name) {
  Config c = *find_preset("kb-q301352");
  c.model.name_collision = NameCollision::Retry;
  run(c);
  for (int client : {0, 1, 2})
    for (int slot : {0, 1}) EXPECT_EQ(item(client, slot), QueueItem::State::Delivered) << client << slot;
  EXPECT_NE(cqmgr(2).find("copy try no. 2"), std::string::npos) << cqmgr(2);
}

TEST_F(collision_fixture, files_the_assistant_takes_at_once_never_collide) {
  Config c = *find_preset("kb-q301352");
  c.model.site.assistant_interval = 0;
  run(c);
  for (int client : {0, 1, 2}) EXPECT_EQ(item(client, 0), QueueItem::State::Delivered) << client;
}

TEST_F(collision_fixture, clients_a_minute_apart_never_collide) {
  Config c = *find_preset("kb-q301352");
  Schedule s = canonical_schedule(c);
  for (auto& e : s.events)
    if (e.action == EnvAction::program_finishes) e.at += e.client;  // 10:00, 10:01, 10:02
  std::stable_sort(s.events.begin(), s.events.end(),
                   [](const ScheduleEvent& a, const ScheduleEvent& b) { return a.at < b.at; });
  config = c;
  system = std::make_unique<System>(config, &log, &refusals);
  run_schedule(*system, s);
  for (int client : {0, 1, 2}) EXPECT_EQ(item(client, 0), QueueItem::State::Delivered) << client;
}

// Clocks apart: client 1's program finishes a minute after client 0's, but its clock is a minute behind, so
// its file takes the same name while the assistant (every 5 minutes) has not taken client 0's yet.
TEST_F(collision_fixture, clients_whose_clocks_differ_collide_when_their_names_meet) {
  Config c = *find_preset("kb-q301352");
  c.model.site.clients = 2;
  c.model.site.assistant_interval = 5;
  Schedule s = canonical_schedule(c);
  for (auto& e : s.events)
    if (e.action == EnvAction::program_finishes) e.at += e.client;  // 10:00 and 10:01 on the site's clock
  std::stable_sort(s.events.begin(), s.events.end(),
                   [](const ScheduleEvent& a, const ScheduleEvent& b) { return a.at < b.at; });
  config = c;
  system = std::make_unique<System>(config, &log, &refusals);
  system->set_clock_offset(1, -1);
  run_schedule(*system, s);
  EXPECT_EQ(item(0, 0), QueueItem::State::Delivered);
  EXPECT_EQ(item(1, 0), QueueItem::State::Removed) << cqmgr(1);
  // Without the offset the names are a minute apart.
  system->set_clock_offset(1, 0);
  run_schedule(*system, s);
  EXPECT_EQ(item(1, 0), QueueItem::State::Delivered);
  // Clocks further apart than the minutes of names the inbox tells apart are refused.
  EXPECT_THROW(system->set_clock_offset(0, kMaxClockSpread), std::invalid_argument);
}

}  // namespace
}  // namespace cqm
