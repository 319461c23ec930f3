#include "model/system.hpp"

#include <gtest/gtest.h>

#include "model/routes.hpp"
#include "model/schedule.hpp"

namespace cqm {
namespace {

Config preset(const char* name) { return *find_preset(name); }

struct system_fixture : ::testing::Test {
  Config config = preset("kb-q292030");
  LogRecords log;
  std::vector<Refusal> refusals;
  System system{config, &log, &refusals};

  void boot_at(Minutes t, InitOutcome init) {
    system.advance_to(t);
    system.plan_next_init(init);
    system.power_on();
    system.advance_to(t + config.model.boot_minutes);
  }
  void off_at(Minutes t) {
    system.advance_to(t);
    system.power_off();
    system.advance_to(t + config.model.shutdown_minutes);
  }
  /// The KB's morning: up at 08:02, the program restarts the PC at 10:00 and CQM's initialisation fails in
  /// the start-up race at 10:03, with the program's final status queued.
  void restart_with_failed_init() {
    boot_at(480, InitOutcome::ok);
    system.advance_to(600);
    system.plan_next_init(InitOutcome::failed);
    system.finish_program(0, MifResult::Success);
    system.advance_to(620);
  }
  Connection::State connection() const { return system.state<Connection>(); }
  QueueItem::State item_state(int i) const { return system.state<QueueItem>(i); }
  const QueueItemData& item(int i) const { return system.data<QueueItem>(i); }
};

// The System routes a notice where it lies in the outbox, so the outbox has a fixed capacity: one notice
// more is a model bug, thrown, not a move of the notices being routed.
TEST(env_outbox, a_notice_past_its_capacity_is_a_model_bug) {
  Env env;
  env.client = 3;
  for (std::size_t k = 0; k < kOutbox; ++k)
    env.post(NoticeKind::timer_armed, 1, static_cast<std::int32_t>(k), 7);
  const Notice* first = env.outbox.data();
  EXPECT_THROW(env.post(NoticeKind::timer_armed, 1, 0, 0), std::logic_error);
  ASSERT_EQ(env.outbox.size(), kOutbox);
  EXPECT_EQ(env.outbox.data(), first);
  const Notice& last = env.outbox.back();
  EXPECT_EQ(last.kind, NoticeKind::timer_armed);
  EXPECT_EQ(last.index, 1);
  EXPECT_EQ(last.arg, static_cast<std::int32_t>(kOutbox - 1));
  EXPECT_EQ(last.arg2, 7);
  EXPECT_EQ(last.client, 3);
  env.outbox.pop_back();
  env.post(NoticeKind::timer_armed, 1, 0, 0, 5);  // a site machine's notice names its client
  EXPECT_EQ(env.outbox.back().client, 5);
}

TEST_F(system_fixture, boot_completes_by_the_clock_and_starts_cqm) {
  system.plan_next_init(InitOutcome::ok);
  system.power_on();
  EXPECT_EQ(system.state<Client>(), Client::State::Booting);
  EXPECT_EQ(system.next_timer(), config.model.boot_minutes);
  system.advance_to(config.model.boot_minutes - 1);
  EXPECT_EQ(system.state<Client>(), Client::State::Booting);
  system.advance_to(config.model.boot_minutes);
  EXPECT_EQ(system.fired(), (std::vector{system.timers().power()}));
  EXPECT_EQ(system.state<Client>(), Client::State::Up);
  EXPECT_EQ(system.state<CopyQueueManager>(), CopyQueueManager::State::Running);
  EXPECT_EQ(connection(), Connection::State::Established);
  EXPECT_EQ(system.next_timer(), config.model.boot_minutes + config.model.wake_up_cycle) << "the wake-up";
  EXPECT_EQ(system.refusals(), 0u);
}

struct Seen {
  std::vector<std::pair<std::size_t, std::string>> events;
  static void note(void* self, std::size_t machine, int, std::string_view event) {
    static_cast<Seen*>(self)->events.emplace_back(machine, std::string(event));
  }
};

TEST_F(system_fixture, an_observer_of_one_machine_sees_exactly_its_events) {
  // The KB's morning twice: once with every event observed, once with CQM's only.
  Seen all, cqm_only;
  system.observe(&Seen::note, &all);
  restart_with_failed_init();
  system.reset();
  system.observe(&Seen::note, &cqm_only, machine_index<CopyQueueManager>);
  restart_with_failed_init();
  std::erase_if(all.events, [](const auto& e) { return e.first != machine_index<CopyQueueManager>; });
  EXPECT_FALSE(all.events.empty());
  EXPECT_EQ(cqm_only.events, all.events);
}

TEST_F(system_fixture, race_mode_fails_init_only_with_work_racing_the_start_up) {
  boot_at(480, InitOutcome::failed);
  EXPECT_EQ(connection(), Connection::State::Established) << "nothing raced this start-up";
  system.advance_to(600);
  system.finish_program(0, MifResult::Success);  // program restarts the PC; its status waits for the start-up
  EXPECT_EQ(system.state<AdvertisedProgramsManager>(), AdvertisedProgramsManager::State::AwaitingRestart);
  system.advance_to(610);
  EXPECT_EQ(connection(), Connection::State::Broken);
  EXPECT_EQ(item_state(0), QueueItem::State::Delivered) << "10005 went before the restart";
  EXPECT_EQ(item_state(1), QueueItem::State::Queued);
  EXPECT_EQ(system.state<Destination>(), Destination::State::RetryPending);
  EXPECT_EQ(system.refusals(), 0u);
}

TEST_F(system_fixture, any_boot_mode_fails_even_an_idle_start_up) {
  config.model.init_failure = InitFailure::AnyBoot;
  boot_at(480, InitOutcome::failed);
  EXPECT_EQ(connection(), Connection::State::Broken);
}

TEST_F(system_fixture, winnt_never_fails_init) {
  config.model.os = Os::WinNT;
  config.model.init_failure = InitFailure::AnyBoot;
  boot_at(480, InitOutcome::failed);
  EXPECT_EQ(connection(), Connection::State::Established);
}

TEST_F(system_fixture, bound_on_consecutive_failures_is_enforced) {
  config.model.init_failure = InitFailure::AnyBoot;
  config.env.max_init_failures_in_a_row = 2;
  for (int day = 0; day < 3; ++day) {
    boot_at(day * kMinutesPerDay + 480, InitOutcome::failed);
    EXPECT_EQ(connection(), day < 2 ? Connection::State::Broken : Connection::State::Established) << day;
    off_at(day * kMinutesPerDay + 1020);
  }
  EXPECT_EQ(system.refusals(), 0u);
}

TEST_F(system_fixture, queue_survives_power_loss_and_restart) {
  restart_with_failed_init();
  ASSERT_EQ(item_state(1), QueueItem::State::Queued);
  off_at(1020);
  EXPECT_EQ(system.state<Client>(), Client::State::Off);
  EXPECT_EQ(connection(), Connection::State::Closed);
  EXPECT_EQ(item_state(1), QueueItem::State::Queued) << "the queue is on disk";
  EXPECT_EQ(system.state<Destination>(), Destination::State::Accessible) << "retry state was in memory";
  boot_at(kMinutesPerDay + 480, InitOutcome::ok);
  EXPECT_EQ(connection(), Connection::State::Established);
  EXPECT_EQ(item_state(1), QueueItem::State::Delivered) << "a good start-up delivers what was kept";
  EXPECT_EQ(item(1).delivered_at, kMinutesPerDay + 480 + config.model.boot_minutes);
  EXPECT_EQ(system.refusals(), 0u);
}

TEST_F(system_fixture, wake_up_cycle_reconnects_and_delivers_when_left_on) {
  restart_with_failed_init();
  const Minutes started = system.data<Connection>().started_at;
  ASSERT_EQ(connection(), Connection::State::Broken);
  system.advance_to(started + config.model.wake_up_cycle - 1);
  EXPECT_EQ(item_state(1), QueueItem::State::Queued);
  system.advance_to(started + config.model.wake_up_cycle);
  EXPECT_EQ(system.fired(), (std::vector{system.timers().wake_up()}));
  EXPECT_EQ(item_state(1), QueueItem::State::Delivered);
  EXPECT_EQ(connection(), Connection::State::Established);
  EXPECT_EQ(system.refusals(), 0u);
}

TEST_F(system_fixture, item_expires_exactly_at_its_lifetime_while_up) {
  config.model.late_reinit_succeeds = false;  // nothing can repair the connection: the item must expire
  restart_with_failed_init();
  const Minutes deadline = item(1).deadline(config.model.item_lifetime);
  system.advance_to(deadline - 1);
  EXPECT_EQ(item_state(1), QueueItem::State::Queued);
  system.advance_to(deadline);
  EXPECT_EQ(item_state(1), QueueItem::State::Expired);
  EXPECT_EQ(item(1).expired_at, deadline);
  EXPECT_EQ(system.refusals(), 0u);
}

TEST_F(system_fixture, item_past_its_lifetime_while_off_is_deleted_at_the_next_start) {
  config.model.init_failure = InitFailure::AnyBoot;
  restart_with_failed_init();
  off_at(1020);
  const Minutes deadline = item(1).deadline(config.model.item_lifetime);
  system.advance_to(deadline + 60);
  EXPECT_EQ(item_state(1), QueueItem::State::Overdue) << "CQM is not running to delete it";
  EXPECT_TRUE(system.any_in_queue());
  boot_at(deadline + 120, InitOutcome::ok);
  EXPECT_EQ(item_state(1), QueueItem::State::Expired) << "deleted before the start-up cycle copies";
  EXPECT_EQ(item(1).expired_at, deadline + 120 + config.model.boot_minutes);
  EXPECT_EQ(system.data<Destination>().received, 1) << "only 10005";
  EXPECT_EQ(system.refusals(), 0u);
}

TEST_F(system_fixture, cap_outage_makes_a_healthy_cqm_find_the_destination_inaccessible) {
  config.model.programs[0].after_running = AfterRunning::NoAction;
  boot_at(480, InitOutcome::ok);
  system.set_cap_outage(true);
  system.advance_to(600);
  system.finish_program(0, MifResult::Success);
  EXPECT_EQ(connection(), Connection::State::Established);
  EXPECT_EQ(item_state(0), QueueItem::State::Queued);
  EXPECT_EQ(item_state(1), QueueItem::State::Queued);
  EXPECT_EQ(system.state<Destination>(), Destination::State::RetryPending);
  EXPECT_EQ(system.refusals(), 0u);
}

TEST_F(system_fixture, program_finishing_while_off_runs_at_the_next_start_up) {
  system.finish_program(0, MifResult::Success);
  EXPECT_EQ(system.state<AdvertisedProgramsManager>(), AdvertisedProgramsManager::State::Deferred);
  EXPECT_EQ(system.items_submitted(), 0);
  boot_at(480, InitOutcome::ok);
  EXPECT_NE(system.state<AdvertisedProgramsManager>(), AdvertisedProgramsManager::State::Deferred);
  EXPECT_NE(system.state<AdvertisedProgramsManager>(), AdvertisedProgramsManager::State::Pending);
  EXPECT_EQ(system.items_submitted(), 1) << "10005, once the start-up's first cycle is over";
  EXPECT_EQ(system.refusals(), 0u);
}

TEST_F(system_fixture, finish_program_names_an_existing_program) {
  EXPECT_THROW(system.finish_program(1, MifResult::Success), std::out_of_range);
}

TEST_F(system_fixture, every_program_submits_its_own_statuses) {
  config.model.programs = {ProgramSpec{AfterRunning::NoAction, MifResult::Success},
                           ProgramSpec{AfterRunning::NoAction, MifResult::Failure}};
  config.env.programs = {ProgramWindow{}, ProgramWindow{}};
  system.reset();
  ASSERT_EQ(system.group<Program>().size(), 2);
  ASSERT_EQ(system.group<AdvertisedProgramsManager>().size(), 2);
  ASSERT_EQ(system.group<QueueItem>().size(), 4);
  boot_at(480, InitOutcome::ok);
  system.advance_to(600);
  system.finish_program(0, MifResult::Success);
  system.finish_program(1, MifResult::Failure);
  EXPECT_EQ(system.items_submitted(), 4);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(item_state(i), QueueItem::State::Delivered) << i;
  EXPECT_EQ(item(3).status, StatusId::failed_mif);
  EXPECT_EQ(system.data<Destination>().received, 4);
  EXPECT_EQ(system.refusals(), 0u);
}

TEST_F(system_fixture, snapshot_restores_the_whole_state) {
  restart_with_failed_init();
  const SystemSnapshot saved = system.snapshot();
  system.advance_to(3000);
  off_at(3100);
  system.restore(saved);
  const SystemSnapshot again = system.snapshot();
  EXPECT_TRUE(saved == again);
  EXPECT_EQ(system.now(), 620);
  EXPECT_EQ(connection(), Connection::State::Broken);
  EXPECT_EQ(item_state(1), QueueItem::State::Queued);
  EXPECT_EQ(system.next_timer(), 603 + config.model.wake_up_cycle) << "the timers are restored too";
}

TEST_F(system_fixture, refused_events_are_counted_and_recorded) {
  system.power_on();
  system.power_on();  // the client is booting: a second power-on is not an event it takes
  EXPECT_EQ(system.refusals(), 1u);
  ASSERT_EQ(refusals.size(), 1u);
  EXPECT_EQ(refusals[0].machine, "Client");
  EXPECT_EQ(refusals[0].state, "Booting");
  EXPECT_EQ(refusals[0].event, "powered_on");
}

}  // namespace
}  // namespace cqm

namespace cqm {
namespace {

TEST_F(system_fixture, a_logon_without_restart_reruns_a_job_left_scheduled_before_sp2) {
  using S = AdvertisedProgramsManager::State;
  for (int sp : {1, 2}) {
    config.model.service_pack = sp;
    config.model.init_failure = InitFailure::Never;
    system.reset();
    boot_at(480, InitOutcome::ok);
    system.advance_to(600);
    system.finish_program(0, MifResult::Success);
    system.advance_to(700);
    EXPECT_EQ(system.state<AdvertisedProgramsManager>(), sp < 2 ? S::Lingering : S::Finished) << "SP" << sp;
    system.log_on();
    EXPECT_EQ(system.data<AdvertisedProgramsManager>().runs, sp < 2 ? 2 : 1) << "SP" << sp;
    EXPECT_EQ(system.refusals(), 0u);
  }
}

TEST_F(system_fixture, a_logon_while_the_pc_is_not_up_changes_nothing) {
  config.model.service_pack = 1;
  system.reset();
  system.log_on();
  EXPECT_EQ(system.state<Client>(), Client::State::Off);
  EXPECT_EQ(system.refusals(), 0u);
}

}  // namespace
}  // namespace cqm
