#include "model/connection.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "model/schedule.hpp"
#include "tests/model/machine_fixture.hpp"

namespace cqm {
namespace {

using connection = test::MachineFixture<Connection>;
using State = Connection::State;

constexpr Minutes kStart = 603;  // the KB's restart: CQM starts at 10:03

TEST_F(connection, starts_closed) { EXPECT_EQ(state(), State::Closed); }

TEST_F(connection, unplanned_failure_establishes_the_connection) {
  env.now = kStart;
  on(connect_requested{false, true});
  EXPECT_EQ(state(), State::Established);
  EXPECT_EQ(data().started_at, kStart);
  EXPECT_EQ(data().failures_in_a_row, 0);
  EXPECT_TRUE(log.empty());
  EXPECT_TRUE(notices().empty());
  EXPECT_EQ(env.refusals, 0u);
}

// does_init_fail: a planned failure, Win9x, the mode's condition, and the bound on failures in a row — all
// four.
struct InitCase {
  const char* name;
  Os os;
  InitFailure mode;
  bool planned;
  bool work_racing;
  int bound;  ///< environment.max_init_failures_in_a_row
  int failures_so_far;
  bool fails;
};

class connection_init : public test::MachineFixture<Connection>,
                        public ::testing::WithParamInterface<InitCase> {};

TEST_P(connection_init, fails_only_when_planned_on_win9x_as_the_mode_allows_within_the_bound) {
  const InitCase& c = GetParam();
  config.model.os = c.os;
  config.model.init_failure = c.mode;
  config.env.max_init_failures_in_a_row = c.bound;
  set(State::Closed, {kNever, c.failures_so_far});
  env.now = kStart;
  on(connect_requested{c.planned, c.work_racing});
  EXPECT_EQ(data().started_at, kStart);
  if (c.fails) {
    EXPECT_EQ(state(), State::Broken);
    EXPECT_EQ(data().failures_in_a_row, c.failures_so_far + 1);
    EXPECT_EQ(log_kinds(), (std::vector{LogKind::init_failed}));
  } else {
    EXPECT_EQ(state(), State::Established);
    EXPECT_EQ(data().failures_in_a_row, 0) << "a good start-up ends the run of failures";
    EXPECT_TRUE(log.empty());
  }
  EXPECT_TRUE(notices().empty());
  EXPECT_EQ(env.refusals, 0u);
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(cases, connection_init, ::testing::Values(
  //       name                            os         mode                  planned  racing  bound  so far  fails
  InitCase{"race_with_work_racing",        Os::Win9x, InitFailure::Race,    true,    true,   -1,    0,      true},
  InitCase{"race_without_work_racing",     Os::Win9x, InitFailure::Race,    true,    false,  -1,    0,      false},
  InitCase{"race_not_planned",             Os::Win9x, InitFailure::Race,    false,   true,   -1,    0,      false},
  InitCase{"any_boot_without_work_racing", Os::Win9x, InitFailure::AnyBoot, true,    false,  -1,    0,      true},
  InitCase{"any_boot_not_planned",         Os::Win9x, InitFailure::AnyBoot, false,   false,  -1,    0,      false},
  InitCase{"never",                        Os::Win9x, InitFailure::Never,   true,    true,   -1,    0,      false},
  InitCase{"winnt_race",                   Os::WinNT, InitFailure::Race,    true,    true,   -1,    0,      false},
  InitCase{"winnt_any_boot",               Os::WinNT, InitFailure::AnyBoot, true,    true,   -1,    0,      false},
  InitCase{"unbounded_after_many",         Os::Win9x, InitFailure::AnyBoot, true,    false,  -1,    50,     true},
  InitCase{"below_the_bound",              Os::Win9x, InitFailure::AnyBoot, true,    false,  2,     1,      true},
  InitCase{"at_the_bound",                 Os::Win9x, InitFailure::AnyBoot, true,    false,  2,     2,      false},
  InitCase{"bound_zero",                   Os::Win9x, InitFailure::Race,    true,    true,   0,     0,      false}
  ), [](const auto& info) { return std::string(info.param.name); });
// clang-format on

TEST_F(connection, reinit_within_the_race_window_does_nothing) {
  config.model.late_reinit_succeeds = true;
  set(State::Broken, {kStart, 1});
  env.now = kStart + config.model.race_window - 1;
  on(reinit_requested{});
  EXPECT_EQ(state(), State::Broken);
  EXPECT_TRUE(log.empty());
  EXPECT_TRUE(notices().empty());
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(connection, reinit_after_the_race_succeeds_when_late_reinit_succeeds) {
  config.model.late_reinit_succeeds = true;
  set(State::Broken, {kStart, 1});
  env.now = kStart + config.model.race_window;
  on(reinit_requested{});
  EXPECT_EQ(state(), State::Established);
  EXPECT_EQ(log_kinds(), (std::vector{LogKind::reconnected}));
  EXPECT_TRUE(notices().empty()) << "a timed cycle's own re-initialisation: its cycle follows anyway";
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(connection, reinit_after_the_race_fails_and_is_logged_otherwise) {
  config.model.late_reinit_succeeds = false;
  set(State::Broken, {kStart, 1});
  env.now = kStart + config.model.wake_up_cycle;
  on(reinit_requested{});
  EXPECT_EQ(state(), State::Broken);
  EXPECT_EQ(log_kinds(), (std::vector{LogKind::reinit_failed}));
  EXPECT_TRUE(notices().empty());
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(connection, reinit_of_an_established_connection_does_nothing) {
  set(State::Established, {kStart, 0});
  env.now = kStart + config.model.wake_up_cycle;
  on(reinit_requested{});
  EXPECT_EQ(state(), State::Established);
  EXPECT_TRUE(log.empty());
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(connection, reconnect_after_the_race_succeeds_and_announces_it_when_late_reinit_succeeds) {
  config.model.late_reinit_succeeds = true;
  set(State::Broken, {kStart, 1});
  env.now = kStart + config.model.race_window + config.model.reconnect_delay;
  on(reconnect_timer_elapsed{});
  EXPECT_EQ(state(), State::Established);
  EXPECT_EQ(log_kinds(), (std::vector{LogKind::reconnected}));
  EXPECT_EQ(notice_kinds(), (std::vector{NoticeKind::connection_reestablished}))
      << "the destination's retry wait is void";
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(connection, reconnect_after_the_race_fails_and_is_logged_otherwise) {
  config.model.late_reinit_succeeds = false;
  set(State::Broken, {kStart, 1});
  env.now = kStart + config.model.race_window + config.model.reconnect_delay;
  on(reconnect_timer_elapsed{});
  EXPECT_EQ(state(), State::Broken);
  EXPECT_EQ(log_kinds(), (std::vector{LogKind::reinit_failed}));
  EXPECT_TRUE(notices().empty());
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(connection, reconnect_of_an_established_connection_does_nothing) {
  set(State::Established, {kStart, 0});
  env.now = kStart + 10;
  on(reconnect_timer_elapsed{});
  EXPECT_EQ(state(), State::Established);
  EXPECT_TRUE(log.empty());
  EXPECT_TRUE(notices().empty());
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(connection, link_found_down_arms_the_reconnect_timer_after_the_race_with_the_fix) {
  config.model.reconnect_when_broken = true;
  config.model.reconnect_delay = 5;
  set(State::Broken, {kStart, 1});
  env.now = kStart;  // found inaccessible by the start-up cycle, inside the race window
  on(link_found_down{});
  EXPECT_EQ(state(), State::Broken);
  auto n = notices();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].kind, NoticeKind::timer_armed);
  EXPECT_EQ(n[0].arg, env.timers.reconnect());
  EXPECT_EQ(n[0].arg2, kStart + config.model.race_window + 5) << "never inside the race window";
  env.now = kStart + 60;  // found inaccessible later: the delay counts from now
  on(link_found_down{});
  n = notices();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].arg2, kStart + 60 + 5);
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(connection, link_found_down_arms_nothing_without_the_fix) {
  config.model.reconnect_when_broken = false;
  set(State::Broken, {kStart, 1});
  env.now = kStart;
  on(link_found_down{});
  EXPECT_EQ(state(), State::Broken);
  EXPECT_TRUE(notices().empty());
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(connection, link_found_down_arms_nothing_when_established) {
  config.model.reconnect_when_broken = true;
  set(State::Established, {kStart, 0});
  env.now = kStart + 10;  // the CAP itself is down: reconnecting would not help
  on(link_found_down{});
  EXPECT_EQ(state(), State::Established);
  EXPECT_TRUE(notices().empty());
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(connection, cqm_stop_closes_and_cancels_the_reconnect_timer) {
  for (State from : {State::Established, State::Broken}) {
    set(from, {kStart, from == State::Broken ? 1 : 0});
    on(cqm_stopped{});
    EXPECT_EQ(state(), State::Closed);
    EXPECT_EQ(data().failures_in_a_row, from == State::Broken ? 1 : 0) << "failures in a row span start-ups";
    const auto n = notices();
    ASSERT_EQ(n.size(), 1u);
    EXPECT_EQ(n[0].kind, NoticeKind::timer_cancelled);
    EXPECT_EQ(n[0].arg, env.timers.reconnect());
  }
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(connection, refuses_a_reinit_when_closed) {
  on(reinit_requested{});
  EXPECT_EQ(state(), State::Closed);
  EXPECT_TRUE(log.empty());
  EXPECT_EQ(env.refusals, 1u);
  ASSERT_EQ(refusals.size(), 1u);
  EXPECT_EQ(refusals[0].machine, "Connection");
  EXPECT_EQ(refusals[0].state, "Closed");
  EXPECT_EQ(refusals[0].event, "reinit_requested");
}

TEST_F(connection, refuses_a_second_connect_request) {
  set(State::Established, {kStart, 0});
  on(connect_requested{true, true});
  EXPECT_EQ(state(), State::Established);
  EXPECT_EQ(env.refusals, 1u);
  EXPECT_EQ(refusals.at(0).event, "connect_requested");
}

// ---- in the composed System
// -----------------------------------------------------------------------------------

struct connection_reconnect_fix : ::testing::Test {
  Config config = *find_preset("fix-reconnect");
  LogRecords log;
  std::vector<Refusal> refusals;
  System system{config, &log, &refusals};

  /// The KB's morning: up at 08:02, the program restarts the PC at 10:00, CQM's init fails in the race at
  /// 10:03.
  void break_the_connection_in_the_race() {
    system.advance_to(480);
    system.plan_next_init(InitOutcome::ok);
    system.power_on();
    system.advance_to(600);
    system.plan_next_init(InitOutcome::failed);
    system.finish_program(0, MifResult::Success);
    system.advance_to(kStart);
    ASSERT_EQ(system.state<Connection>(), State::Broken);
    ASSERT_EQ(system.state<QueueItem>(1), QueueItem::State::Queued);
    ASSERT_EQ(system.state<Destination>(), Destination::State::RetryPending);
  }
  Minutes reconnect_due() const { return kStart + config.model.race_window + config.model.reconnect_delay; }
  bool logged(LogKind kind, Minutes at) const {
    return std::any_of(log.begin(), log.end(),
                       [&](const LogRecord& r) { return r.kind == kind && r.at == at; });
  }
};

TEST_F(connection_reconnect_fix, reconnect_delivers_the_status_when_late_reinit_succeeds) {
  config.model.late_reinit_succeeds = true;
  break_the_connection_in_the_race();
  EXPECT_EQ(system.next_timer(), reconnect_due());
  system.advance_to(reconnect_due());
  EXPECT_EQ(system.fired(), (std::vector{system.timers().reconnect()}));
  EXPECT_EQ(system.state<Connection>(), State::Established);
  EXPECT_TRUE(logged(LogKind::reconnected, reconnect_due()));
  EXPECT_EQ(system.state<QueueItem>(1), QueueItem::State::Delivered);
  EXPECT_EQ(system.data<QueueItem>(1).delivered_at, reconnect_due());
  EXPECT_EQ(system.refusals(), 0u);
}

TEST_F(connection_reconnect_fix, failed_reconnect_reinit_does_not_deliver_the_status) {
  config.model.late_reinit_succeeds = false;
  break_the_connection_in_the_race();
  system.advance_to(reconnect_due());
  EXPECT_EQ(system.fired(), (std::vector{system.timers().reconnect()}));
  EXPECT_EQ(system.state<Connection>(), State::Broken);
  EXPECT_TRUE(logged(LogKind::reinit_failed, reconnect_due()));
  EXPECT_FALSE(logged(LogKind::reconnected, reconnect_due()));
  EXPECT_FALSE(logged(LogKind::item_copied, reconnect_due()));
  EXPECT_EQ(system.state<QueueItem>(1), QueueItem::State::Queued);
  EXPECT_EQ(system.state<Destination>(), Destination::State::RetryPending) << "still waiting for the wake-up";
  EXPECT_EQ(system.refusals(), 0u);
}

}  // namespace
}  // namespace cqm
