#include "model/copy_queue.hpp"

#include "tests/model/machine_fixture.hpp"

namespace cqm {
namespace {

using copy_queue = test::MachineFixture<CopyQueueManager>;

TEST_F(copy_queue, initialises_to_ready) {
  env.now = 100;
  machine.on(cqm_started{});
  EXPECT_EQ(CopyQueueState(machine.state()), CopyQueueState::Initialising);
  EXPECT_EQ(machine.data().started_at, 100);
  machine.on(init_succeeded{});
  EXPECT_EQ(CopyQueueState(machine.state()), CopyQueueState::Ready);
}

TEST_F(copy_queue, failed_init_is_logged_and_leaves_connection_broken) {
  machine.on(cqm_started{});
  machine.on(init_failed{});
  EXPECT_EQ(CopyQueueState(machine.state()), CopyQueueState::InitFailed);
  EXPECT_EQ(log.back().kind, LogKind::init_failed);
}

TEST_F(copy_queue, numbers_cycles_from_one_per_start) {
  machine.restore(int(CopyQueueState::Ready));
  machine.on(copy_cycle_started{CycleTrigger::startup});
  machine.on(copy_cycle_finished{});
  machine.on(copy_cycle_started{CycleTrigger::wake_up});
  EXPECT_EQ(machine.data().cycle_no, 2);
  machine.on(cqm_stopped{});
  machine.on(cqm_started{});
  machine.on(init_succeeded{});
  machine.on(copy_cycle_started{CycleTrigger::startup});
  EXPECT_EQ(machine.data().cycle_no, 1);
}

TEST_F(copy_queue, ok_to_process_cycle_unsignals_the_event) {
  machine.restore(int(CopyQueueState::InitFailed));
  machine.on(ok_to_process_signalled{});
  EXPECT_TRUE(machine.data().ok_to_process);
  machine.on(copy_cycle_started{CycleTrigger::startup});
  EXPECT_TRUE(machine.data().ok_to_process) << "only a cycle woken by the event resets it";
  machine.on(copy_cycle_started{CycleTrigger::ok_to_process});
  EXPECT_FALSE(machine.data().ok_to_process);
  ASSERT_GE(log.size(), 2u);
  EXPECT_EQ(log[log.size() - 2].kind, LogKind::cycle_started);
  EXPECT_EQ(log.back().kind, LogKind::ok_to_process_unsignalled);
}

TEST_F(copy_queue, reconnect_repairs_a_broken_connection) {
  machine.restore(int(CopyQueueState::InitFailed));
  machine.on(reconnected{});
  EXPECT_EQ(CopyQueueState(machine.state()), CopyQueueState::Ready);
}

TEST_F(copy_queue, refuses_cycles_when_stopped) {
  machine.on(copy_cycle_started{CycleTrigger::wake_up});
  EXPECT_EQ(CopyQueueState(machine.state()), CopyQueueState::Stopped);
  EXPECT_EQ(env.refusals, 1u);
  EXPECT_STREQ(refusals.at(0).event, "copy_cycle_started");
}

TEST_F(copy_queue, refuses_reconnect_when_ready) {
  machine.restore(int(CopyQueueState::Ready));
  machine.on(reconnected{});
  EXPECT_EQ(env.refusals, 1u);
}

}  // namespace
}  // namespace cqm
