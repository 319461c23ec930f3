#include "model/copy_queue.hpp"

#include "tests/model/machine_fixture.hpp"

namespace cqm {
namespace {

using copy_queue = test::MachineFixture<CopyQueueManager>;
using State = CopyQueueManager::State;

std::int32_t trigger(CycleTrigger t) { return static_cast<std::int32_t>(t); }

TEST_F(copy_queue, starts_stopped) { EXPECT_EQ(state(), State::Stopped); }

TEST_F(copy_queue, start_arms_the_wake_up_asks_for_its_connection_and_checks_the_queue) {
  env.now = 100;
  on(cqm_started{});
  EXPECT_EQ(state(), State::StartingUp);
  EXPECT_EQ(log_kinds(), (std::vector{LogKind::cqm_started}));
  const auto n = notices();
  ASSERT_EQ(n.size(), 3u);
  EXPECT_EQ(n[0].kind, NoticeKind::timer_armed);
  EXPECT_EQ(n[0].arg, env.timers.wake_up());
  EXPECT_EQ(n[0].arg2, 100 + config.model.wake_up_cycle);
  EXPECT_EQ(n[1].kind, NoticeKind::connection_requested);
  EXPECT_EQ(n[2].kind, NoticeKind::queue_check_requested)
      << "items whose lifetime ended while the PC was off go before anything is copied";
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(copy_queue, start_up_cycle_then_the_pending_check) {
  set(State::StartingUp);
  on(start_up_cycle_due{});
  EXPECT_EQ(state(), State::Running);
  const auto n = notices();
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0].kind, NoticeKind::copy_cycle_requested);
  EXPECT_EQ(n[0].arg, trigger(CycleTrigger::startup));
  EXPECT_EQ(n[1].kind, NoticeKind::pending_check_requested);
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(copy_queue, without_a_start_up_cycle_only_the_pending_check) {
  config.model.startup_cycle = false;
  set(State::StartingUp);
  on(start_up_cycle_due{});
  EXPECT_EQ(state(), State::Running);
  EXPECT_EQ(notice_kinds(), (std::vector{NoticeKind::pending_check_requested}));
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(copy_queue, an_item_queued_during_start_up_waits_for_the_pending_check) {
  set(State::StartingUp);
  on(ok_to_process_signalled{});
  EXPECT_TRUE(data().ok_to_process);
  EXPECT_TRUE(notices().empty()) << "no cycle before the start-up cycle";
  set(State::Running, data());
  on(pending_checked{});
  const auto n = notices();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].kind, NoticeKind::copy_cycle_requested);
  EXPECT_EQ(n[0].arg, trigger(CycleTrigger::ok_to_process)) << "KB: cycle no. 2, woken by 'OK to Process'";
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(copy_queue, pending_check_without_the_event_requests_nothing) {
  set(State::Running);
  on(pending_checked{});
  EXPECT_TRUE(notices().empty());
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(copy_queue, an_item_queued_while_running_requests_a_cycle) {
  set(State::Running);
  on(ok_to_process_signalled{});
  EXPECT_TRUE(data().ok_to_process);
  const auto n = notices();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].kind, NoticeKind::copy_cycle_requested);
  EXPECT_EQ(n[0].arg, trigger(CycleTrigger::ok_to_process));
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(copy_queue, a_cycle_checks_the_queue_services_the_destination_and_ends) {
  set(State::Running);
  on(copy_cycle_started{CycleTrigger::wake_up});
  EXPECT_EQ(log_kinds(), (std::vector{LogKind::cycle_started}));
  EXPECT_EQ(notice_kinds(),
            (std::vector{NoticeKind::queue_check_requested, NoticeKind::destination_service_requested,
                         NoticeKind::copy_cycle_ended}));
  on(copy_cycle_finished{});
  EXPECT_EQ(log_kinds(), (std::vector{LogKind::cycle_started, LogKind::cycle_finished}));
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(copy_queue, numbers_cycles_from_one_per_start) {
  set(State::Running);
  on(copy_cycle_started{CycleTrigger::startup});
  on(copy_cycle_finished{});
  on(copy_cycle_started{CycleTrigger::wake_up});
  EXPECT_EQ(data().cycle_no, 2);
  EXPECT_EQ(log.back().arg, 2);
  on(cqm_stopped{});
  on(cqm_started{});
  on(start_up_cycle_due{});
  on(copy_cycle_started{CycleTrigger::startup});
  EXPECT_EQ(data().cycle_no, 1);
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(copy_queue, ok_to_process_cycle_unsignals_the_event) {
  set(State::Running);
  on(ok_to_process_signalled{});
  EXPECT_TRUE(data().ok_to_process);
  on(copy_cycle_started{CycleTrigger::startup});
  EXPECT_TRUE(data().ok_to_process) << "only a cycle woken by the event resets it";
  on(copy_cycle_started{CycleTrigger::ok_to_process});
  EXPECT_FALSE(data().ok_to_process);
  ASSERT_GE(log.size(), 2u);
  EXPECT_EQ(log[log.size() - 2].kind, LogKind::cycle_started);
  EXPECT_EQ(log.back().kind, LogKind::ok_to_process_unsignalled);
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(copy_queue, wake_up_rearms_and_reinitialises_before_its_cycle) {
  set(State::Running);
  env.now = 1983;
  on(wake_up_due{});
  EXPECT_EQ(log_kinds(), (std::vector{LogKind::woke_up}));
  const auto n = notices();
  ASSERT_EQ(n.size(), 3u);
  EXPECT_EQ(n[0].kind, NoticeKind::timer_armed);
  EXPECT_EQ(n[0].arg, env.timers.wake_up());
  EXPECT_EQ(n[0].arg2, 1983 + config.model.wake_up_cycle);
  EXPECT_EQ(n[1].kind, NoticeKind::reinit_requested);
  EXPECT_EQ(n[2].kind, NoticeKind::copy_cycle_requested);
  EXPECT_EQ(n[2].arg, trigger(CycleTrigger::wake_up));
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(copy_queue, retry_timer_reinitialises_before_its_cycle) {
  set(State::Running);
  on(retry_due{});
  const auto n = notices();
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0].kind, NoticeKind::reinit_requested);
  EXPECT_EQ(n[1].kind, NoticeKind::copy_cycle_requested);
  EXPECT_EQ(n[1].arg, trigger(CycleTrigger::retry_timer));
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(copy_queue, reconnect_timer_requests_a_cycle_only) {
  set(State::Running);
  on(reconnect_due{});
  const auto n = notices();
  ASSERT_EQ(n.size(), 1u) << "the connection re-initialised itself on the same timer";
  EXPECT_EQ(n[0].kind, NoticeKind::copy_cycle_requested);
  EXPECT_EQ(n[0].arg, trigger(CycleTrigger::reconnect));
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(copy_queue, an_overdue_item_is_deleted_at_once_only_while_running) {
  set(State::Running);
  on(overdue_item_found{});
  EXPECT_EQ(notice_kinds(), (std::vector{NoticeKind::queue_check_requested}));
  set(State::Stopped);
  on(overdue_item_found{});
  EXPECT_TRUE(notices().empty()) << "deleted when CQM next starts";
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(copy_queue, stop_cancels_the_wake_up_and_forgets_the_event) {
  set(State::Running, {3, true});
  on(cqm_stopped{});
  EXPECT_EQ(state(), State::Stopped);
  EXPECT_FALSE(data().ok_to_process);
  EXPECT_EQ(log_kinds(), (std::vector{LogKind::cqm_stopped}));
  const auto n = notices();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].kind, NoticeKind::timer_cancelled);
  EXPECT_EQ(n[0].arg, env.timers.wake_up());
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(copy_queue, refuses_cycles_when_stopped) {
  on(copy_cycle_started{CycleTrigger::wake_up});
  EXPECT_EQ(state(), State::Stopped);
  EXPECT_TRUE(log.empty());
  EXPECT_TRUE(notices().empty());
  EXPECT_EQ(env.refusals, 1u);
  EXPECT_EQ(refusals.at(0).machine, "CopyQueueManager");
  EXPECT_EQ(refusals.at(0).state, "Stopped");
  EXPECT_EQ(refusals.at(0).event, "copy_cycle_started");
}

TEST_F(copy_queue, refuses_a_second_start) {
  set(State::Running);
  on(cqm_started{});
  EXPECT_EQ(state(), State::Running);
  EXPECT_EQ(env.refusals, 1u);
  EXPECT_EQ(refusals.at(0).event, "cqm_started");
}

}  // namespace
}  // namespace cqm
