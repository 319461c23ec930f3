#include "model/client.hpp"

#include "tests/model/machine_fixture.hpp"

namespace cqm {
namespace {

using client = test::MachineFixture<Client>;
using State = Client::State;

TEST_F(client, starts_off) {
  EXPECT_EQ(state(), State::Off);
  EXPECT_EQ(data().start_ups, 0);
  EXPECT_EQ(data().up_since, kNever);
}

TEST_F(client, power_on_arms_the_power_timer_for_the_boot) {
  env.now = 480;
  on(powered_on{});
  EXPECT_EQ(state(), State::Booting);
  const auto n = notices();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].kind, NoticeKind::timer_armed);
  EXPECT_EQ(n[0].arg, env.timers.power());
  EXPECT_EQ(n[0].arg2, 480 + config.model.boot_minutes);
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(client, boots_and_announces_start_up) {
  set(State::Booting);
  env.now = 482;
  on(power_timer_elapsed{});
  EXPECT_EQ(state(), State::Up);
  EXPECT_EQ(data().up_since, 482);
  EXPECT_EQ(data().start_ups, 1);
  EXPECT_EQ(notice_kinds(), (std::vector{NoticeKind::client_up}));
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(client, shutdown_stops_cqm_then_powers_off) {
  set(State::Up);
  env.now = 1020;
  on(shutdown_requested{});
  EXPECT_EQ(state(), State::ShuttingDown);
  const auto n = notices();
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0].kind, NoticeKind::client_stopping) << "CQM stops before the power timer is armed";
  EXPECT_EQ(n[1].kind, NoticeKind::timer_armed);
  EXPECT_EQ(n[1].arg, env.timers.power());
  EXPECT_EQ(n[1].arg2, 1020 + config.model.shutdown_minutes);
  on(power_timer_elapsed{});
  EXPECT_EQ(state(), State::Off);
  EXPECT_TRUE(notices().empty());
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(client, restart_goes_back_to_booting) {
  set(State::Up);
  env.now = 600;
  on(restart_requested{});
  EXPECT_EQ(state(), State::Restarting);
  EXPECT_EQ(notice_kinds(), (std::vector{NoticeKind::client_stopping, NoticeKind::timer_armed}));
  env.now = 600 + config.model.shutdown_minutes;
  on(power_timer_elapsed{});
  EXPECT_EQ(state(), State::Booting);
  const auto n = notices();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].kind, NoticeKind::timer_armed);
  EXPECT_EQ(n[0].arg2, env.now + config.model.boot_minutes) << "the restart boots again";
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(client, counts_start_ups) {
  for (Minutes t : {482, 1922}) {
    set(State::Booting, data());
    env.now = t;
    on(power_timer_elapsed{});
  }
  EXPECT_EQ(data().start_ups, 2);
  EXPECT_EQ(data().up_since, 1922);
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(client, refuses_power_on_when_up_and_records_it) {
  set(State::Up);
  env.now = 700;
  on(powered_on{});
  EXPECT_EQ(state(), State::Up);
  EXPECT_TRUE(notices().empty());
  EXPECT_EQ(env.refusals, 1u);
  ASSERT_EQ(refusals.size(), 1u);
  EXPECT_EQ(refusals[0].at, 700);
  EXPECT_EQ(refusals[0].machine, "Client");
  EXPECT_EQ(refusals[0].instance, 0);
  EXPECT_EQ(refusals[0].state, "Up");
  EXPECT_EQ(refusals[0].event, "powered_on");
}

TEST_F(client, refuses_shutdown_while_booting) {
  on(powered_on{});
  notices();
  on(shutdown_requested{});
  EXPECT_EQ(state(), State::Booting);
  EXPECT_TRUE(notices().empty());
  EXPECT_EQ(env.refusals, 1u);
  EXPECT_EQ(refusals.at(0).state, "Booting");
  EXPECT_EQ(refusals.at(0).event, "shutdown_requested");
}

TEST_F(client, reset_returns_to_off_with_fresh_data) {
  on(powered_on{});
  on(power_timer_elapsed{});
  ASSERT_EQ(state(), State::Up);
  machines.reset();
  EXPECT_EQ(state(), State::Off);
  EXPECT_EQ(data().start_ups, 0);
  EXPECT_EQ(data().up_since, kNever);
  EXPECT_EQ(env.refusals, 0u);
}

}  // namespace
}  // namespace cqm
