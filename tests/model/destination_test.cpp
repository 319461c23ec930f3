#include "model/destination.hpp"

#include "tests/model/machine_fixture.hpp"

namespace cqm {
namespace {

using destination = test::MachineFixture<Destination>;
using State = Destination::State;

constexpr Minutes kWakeUp = 603 + 1380;  // the KB's wake-up: 23 hours after CQM started at 10:03

/// A copy cycle's service request: items queued, and what decides whether they can be copied.
service_requested with_items(bool connection_ok, bool cap_up = true, Minutes next_wake_up = kWakeUp) {
  return {true, connection_ok, cap_up, next_wake_up};
}

TEST_F(destination, starts_accessible) {
  EXPECT_EQ(state(), State::Accessible);
  EXPECT_EQ(data().retry_count, 0);
  EXPECT_EQ(data().retry_due, kNever);
}

TEST_F(destination, nothing_queued_nothing_serviced) {
  on(service_requested{false, false, true, kWakeUp});
  EXPECT_EQ(state(), State::Accessible);
  EXPECT_TRUE(log.empty());
  EXPECT_TRUE(notices().empty());
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(destination, copies_queued_items_when_connection_and_cap_are_up) {
  on(with_items(true));
  EXPECT_EQ(state(), State::Accessible);
  EXPECT_EQ(log_kinds(), (std::vector{LogKind::servicing}));
  EXPECT_EQ(notice_kinds(), (std::vector{NoticeKind::copy_requested}));
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(destination, inaccessible_attempt_sets_retry_and_logs_as_the_kb) {
  env.now = 603;
  on(with_items(false));
  EXPECT_EQ(state(), State::RetryPending);
  EXPECT_EQ(data().retry_count, 1);
  EXPECT_EQ(data().retry_due, kWakeUp);
  EXPECT_EQ(log_kinds(), (std::vector{LogKind::servicing, LogKind::inaccessible, LogKind::retry_set}));
  EXPECT_EQ(log.back().arg, 1);
  EXPECT_EQ(notice_kinds(), (std::vector{NoticeKind::found_inaccessible}))
      << "the retry waits for the wake-up: no timer of its own";
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(destination, a_cap_outage_makes_it_inaccessible_too) {
  on(with_items(true, false));
  EXPECT_EQ(state(), State::RetryPending);
  EXPECT_EQ(data().retry_count, 1);
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(destination, waits_for_the_due_time_before_retrying) {
  set(State::RetryPending, {1, kWakeUp, 0});
  env.now = 605;
  on(with_items(false));
  EXPECT_EQ(state(), State::RetryPending);
  EXPECT_EQ(log_kinds(), (std::vector{LogKind::servicing, LogKind::not_ready_for_retry, LogKind::retry_set}));
  EXPECT_EQ(log.back().arg, 1) << "KB: the count is repeated, not increased";
  EXPECT_TRUE(notices().empty());
  on(with_items(true));
  EXPECT_EQ(state(), State::RetryPending) << "not before the retry is due, even with the connection up";
  EXPECT_TRUE(notices().empty());
  env.now = kWakeUp;
  on(with_items(true));
  EXPECT_EQ(state(), State::Accessible);
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(destination, a_second_failure_increments_the_count) {
  set(State::RetryPending, {1, kWakeUp, 0});
  env.now = kWakeUp;
  on(with_items(false, true, kWakeUp + 1380));
  EXPECT_EQ(state(), State::RetryPending);
  EXPECT_EQ(data().retry_count, 2);
  EXPECT_EQ(data().retry_due, kWakeUp + 1380);
  EXPECT_EQ(log.back().kind, LogKind::retry_set);
  EXPECT_EQ(log.back().arg, 2);
  EXPECT_EQ(notice_kinds(), (std::vector{NoticeKind::found_inaccessible}));
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(destination, short_retry_fix_arms_a_retry_timer_of_the_interval) {
  config.model.retry_policy = RetryPolicy::Interval;
  config.model.retry_interval = 15;
  env.now = 603;
  on(with_items(false));
  EXPECT_EQ(state(), State::RetryPending);
  EXPECT_EQ(data().retry_due, 618);
  const auto n = notices();
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0].kind, NoticeKind::timer_armed);
  EXPECT_EQ(n[0].arg, env.timers.retry());
  EXPECT_EQ(n[0].arg2, 618);
  EXPECT_EQ(n[1].kind, NoticeKind::found_inaccessible);
  env.now = 618;
  on(with_items(false));
  EXPECT_EQ(data().retry_count, 2);
  EXPECT_EQ(data().retry_due, 633) << "a failed retry waits another interval";
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(destination, nothing_queued_while_waiting_logs_nothing) {
  set(State::RetryPending, {1, kWakeUp, 0});
  on(service_requested{false, false, true, kWakeUp});
  EXPECT_EQ(state(), State::RetryPending);
  EXPECT_TRUE(log.empty());
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(destination, copy_clears_the_retry_and_counts_deliveries) {
  set(State::RetryPending, {3, kWakeUp, 0});
  env.now = kWakeUp;
  on(with_items(true));
  EXPECT_EQ(state(), State::Accessible);
  EXPECT_EQ(data().retry_count, 0);
  EXPECT_EQ(data().retry_due, kNever);
  const auto n = notices();
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0].kind, NoticeKind::timer_cancelled) << "the short-retry fix's timer, if armed";
  EXPECT_EQ(n[0].arg, env.timers.retry());
  EXPECT_EQ(n[1].kind, NoticeKind::copy_requested);
  on(item_received{});
  on(item_received{});
  EXPECT_EQ(data().received, 2);
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(destination, reconnect_voids_the_retry_wait) {
  set(State::RetryPending, {1, kWakeUp, 0});
  on(reconnected{});
  EXPECT_EQ(state(), State::Accessible);
  EXPECT_EQ(data().retry_count, 0);
  EXPECT_EQ(data().retry_due, kNever);
  EXPECT_EQ(notice_kinds(), (std::vector{NoticeKind::timer_cancelled}));
  on(reconnected{});
  EXPECT_EQ(state(), State::Accessible);
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(destination, cqm_stop_forgets_the_in_memory_retry_state) {
  set(State::RetryPending, {1, kWakeUp, 1});
  on(cqm_stopped{});
  EXPECT_EQ(state(), State::Accessible);
  EXPECT_EQ(data().retry_count, 0);
  EXPECT_EQ(data().retry_due, kNever);
  EXPECT_EQ(data().received, 1) << "what reached the CAP stays there";
  on(cqm_stopped{});
  EXPECT_EQ(state(), State::Accessible);
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(destination, refuses_a_delivery_while_waiting_to_retry) {
  set(State::RetryPending, {1, kWakeUp, 0});
  on(item_received{});
  EXPECT_EQ(state(), State::RetryPending);
  EXPECT_EQ(data().received, 0);
  EXPECT_EQ(env.refusals, 1u);
  EXPECT_EQ(refusals.at(0).machine, "Destination");
  EXPECT_EQ(refusals.at(0).state, "RetryPending");
  EXPECT_EQ(refusals.at(0).event, "item_received");
}

}  // namespace
}  // namespace cqm
