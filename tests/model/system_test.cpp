#include "model/system.hpp"

#include <gtest/gtest.h>

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
    system.advance_to(t + config.boot_minutes);
  }
  void off_at(Minutes t) {
    system.advance_to(t);
    system.power_off();
    system.advance_to(t + config.shutdown_minutes);
  }
};

TEST_F(system_fixture, boot_completes_by_the_clock_and_starts_cqm) {
  system.plan_next_init(InitOutcome::ok);
  system.power_on();
  EXPECT_EQ(system.client_state(), ClientState::Booting);
  EXPECT_EQ(system.next_timer(), config.boot_minutes);
  system.advance_to(config.boot_minutes - 1);
  EXPECT_EQ(system.client_state(), ClientState::Booting);
  system.advance_to(config.boot_minutes);
  EXPECT_EQ(system.client_state(), ClientState::Up);
  EXPECT_EQ(system.cqm_state(), CopyQueueState::Ready);
}

TEST_F(system_fixture, race_mode_fails_init_only_with_work_racing_the_start_up) {
  boot_at(480, InitOutcome::failed);
  EXPECT_EQ(system.cqm_state(), CopyQueueState::Ready) << "nothing raced this start-up";
  system.advance_to(600);
  system.finish_program(MifResult::Success);  // program restarts the PC; its status waits for the start-up
  EXPECT_EQ(system.program_state(), ProgramState::AwaitingRestart);
  system.advance_to(610);
  EXPECT_EQ(system.cqm_state(), CopyQueueState::InitFailed);
  EXPECT_EQ(system.item_state(1), QueueItemState::Queued);
  EXPECT_EQ(system.destination_state(), DestinationState::RetryPending);
}

TEST_F(system_fixture, any_boot_mode_fails_even_an_idle_start_up) {
  config.init_failure = InitFailure::AnyBoot;
  boot_at(480, InitOutcome::failed);
  EXPECT_EQ(system.cqm_state(), CopyQueueState::InitFailed);
}

TEST_F(system_fixture, winnt_never_fails_init) {
  config.os = Os::WinNT;
  config.init_failure = InitFailure::AnyBoot;
  boot_at(480, InitOutcome::failed);
  EXPECT_EQ(system.cqm_state(), CopyQueueState::Ready);
}

TEST_F(system_fixture, bound_on_consecutive_failures_is_enforced) {
  config.init_failure = InitFailure::AnyBoot;
  config.env.max_init_failures_in_a_row = 2;
  for (int day = 0; day < 3; ++day) {
    boot_at(day * 1440 + 480, InitOutcome::failed);
    EXPECT_EQ(system.cqm_state(), day < 2 ? CopyQueueState::InitFailed : CopyQueueState::Ready) << day;
    off_at(day * 1440 + 1020);
  }
}

TEST_F(system_fixture, queue_survives_power_loss_and_restart) {
  boot_at(480, InitOutcome::ok);
  system.advance_to(600);
  system.plan_next_init(InitOutcome::failed);
  system.finish_program(MifResult::Success);
  system.advance_to(620);  // restarted; init failed in the race, item queued
  ASSERT_EQ(system.item_state(1), QueueItemState::Queued);
  off_at(1020);
  EXPECT_EQ(system.client_state(), ClientState::Off);
  EXPECT_EQ(system.item_state(1), QueueItemState::Queued) << "the queue is on disk";
  EXPECT_EQ(system.destination_state(), DestinationState::Accessible) << "retry state was in memory";
  boot_at(1440 + 480, InitOutcome::ok);
  EXPECT_EQ(system.cqm_state(), CopyQueueState::Ready);
  EXPECT_EQ(system.item_state(1), QueueItemState::Delivered) << "a good start-up delivers what was kept";
  EXPECT_EQ(system.item(1).delivered_at, 1440 + 480 + config.boot_minutes);
}

TEST_F(system_fixture, wake_up_cycle_reconnects_and_delivers_when_left_on) {
  boot_at(480, InitOutcome::ok);
  system.advance_to(600);
  system.plan_next_init(InitOutcome::failed);
  system.finish_program(MifResult::Success);
  system.advance_to(620);
  const Minutes started = system.cqm().started_at;
  ASSERT_EQ(system.cqm_state(), CopyQueueState::InitFailed);
  system.advance_to(started + config.wake_up_cycle - 1);
  EXPECT_EQ(system.item_state(1), QueueItemState::Queued);
  system.advance_to(started + config.wake_up_cycle);
  EXPECT_EQ(system.item_state(1), QueueItemState::Delivered);
  EXPECT_EQ(system.cqm_state(), CopyQueueState::Ready);
}

TEST_F(system_fixture, item_expires_exactly_at_its_lifetime_while_up) {
  config.day.always_on = true;
  config.late_reinit_succeeds = false;  // nothing can repair the connection: the item must expire
  boot_at(480, InitOutcome::ok);
  system.advance_to(600);
  system.plan_next_init(InitOutcome::failed);
  system.finish_program(MifResult::Success);
  system.advance_to(620);
  const Minutes deadline = system.item(1).deadline(config.item_lifetime);
  system.advance_to(deadline - 1);
  EXPECT_EQ(system.item_state(1), QueueItemState::Queued);
  system.advance_to(deadline);
  EXPECT_EQ(system.item_state(1), QueueItemState::Expired);
  EXPECT_EQ(system.item(1).expired_at, deadline);
}

TEST_F(system_fixture, item_past_its_lifetime_while_off_is_deleted_at_the_next_start) {
  config.init_failure = InitFailure::AnyBoot;
  boot_at(480, InitOutcome::ok);
  system.advance_to(600);
  system.plan_next_init(InitOutcome::failed);
  system.finish_program(MifResult::Success);
  system.advance_to(620);
  off_at(1020);
  const Minutes deadline = system.item(1).deadline(config.item_lifetime);
  system.advance_to(deadline + 60);
  EXPECT_EQ(system.item_state(1), QueueItemState::Queued) << "CQM is not running to delete it";
  boot_at(deadline + 120, InitOutcome::ok);
  EXPECT_EQ(system.item_state(1), QueueItemState::Expired) << "deleted before the start-up cycle copies";
}

TEST_F(system_fixture, cap_outage_makes_a_healthy_cqm_find_the_destination_inaccessible) {
  config.after_running = AfterRunning::NoAction;
  boot_at(480, InitOutcome::ok);
  system.set_cap_outage(true);
  system.advance_to(600);
  system.finish_program(MifResult::Success);
  EXPECT_EQ(system.item_state(1), QueueItemState::Queued);
  EXPECT_EQ(system.destination_state(), DestinationState::RetryPending);
}

TEST_F(system_fixture, program_finishing_while_off_runs_at_the_next_start_up) {
  system.finish_program(MifResult::Success);
  EXPECT_TRUE(system.program_deferred());
  boot_at(480, InitOutcome::ok);
  EXPECT_FALSE(system.program_deferred());
  EXPECT_NE(system.program_state(), ProgramState::Pending);
}

TEST_F(system_fixture, snapshot_restores_the_whole_state) {
  boot_at(480, InitOutcome::ok);
  system.advance_to(600);
  system.plan_next_init(InitOutcome::failed);
  system.finish_program(MifResult::Success);
  system.advance_to(620);
  const SystemSnapshot saved = system.snapshot();
  system.advance_to(3000);
  off_at(3100);
  system.restore(saved);
  const SystemSnapshot again = system.snapshot();
  EXPECT_TRUE(saved == again);
  EXPECT_EQ(system.cqm_state(), CopyQueueState::InitFailed);
  EXPECT_EQ(system.item_state(1), QueueItemState::Queued);
}

}  // namespace
}  // namespace cqm
