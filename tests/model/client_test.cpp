#include "model/client.hpp"

#include "tests/model/machine_fixture.hpp"

namespace cqm {
namespace {

using client = test::MachineFixture<Client>;

TEST_F(client, starts_off) { EXPECT_EQ(ClientState(machine.state()), ClientState::Off); }

TEST_F(client, boots_and_announces_start_up) {
  machine.on(powered_on{});
  EXPECT_EQ(ClientState(machine.state()), ClientState::Booting);
  env.now = 482;
  machine.on(boot_completed{});
  EXPECT_EQ(ClientState(machine.state()), ClientState::Up);
  EXPECT_EQ(machine.data().up_since, 482);
  EXPECT_EQ(machine.data().start_ups, 1);
  const auto n = notices();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].kind, NoticeKind::client_up);
}

TEST_F(client, shutdown_stops_cqm_then_powers_off) {
  machine.restore(int(ClientState::Up));
  machine.on(shutdown_requested{});
  EXPECT_EQ(ClientState(machine.state()), ClientState::ShuttingDown);
  ASSERT_EQ(notices().at(0).kind, NoticeKind::client_stopping);
  machine.on(shutdown_completed{});
  EXPECT_EQ(ClientState(machine.state()), ClientState::Off);
}

TEST_F(client, restart_goes_back_to_booting) {
  machine.restore(int(ClientState::Up));
  machine.on(restart_requested{});
  EXPECT_EQ(ClientState(machine.state()), ClientState::Restarting);
  machine.on(shutdown_completed{});
  EXPECT_EQ(ClientState(machine.state()), ClientState::Booting);
}

TEST_F(client, refuses_power_on_when_up_and_records_it) {
  machine.restore(int(ClientState::Up));
  machine.on(powered_on{});
  EXPECT_EQ(ClientState(machine.state()), ClientState::Up);
  EXPECT_EQ(env.refusals, 1u);
  ASSERT_EQ(refusals.size(), 1u);
  EXPECT_EQ(refusals[0].machine, MachineKind::client);
  EXPECT_EQ(refusals[0].state, int(ClientState::Up));
  EXPECT_STREQ(refusals[0].event, "powered_on");
}

TEST_F(client, refuses_shutdown_while_booting) {
  machine.on(powered_on{});
  machine.on(shutdown_requested{});
  EXPECT_EQ(ClientState(machine.state()), ClientState::Booting);
  EXPECT_EQ(env.refusals, 1u);
}

TEST_F(client, reset_returns_to_off_with_fresh_data) {
  machine.on(powered_on{});
  machine.on(boot_completed{});
  machine.reset();
  EXPECT_EQ(ClientState(machine.state()), ClientState::Off);
  EXPECT_EQ(machine.data().start_ups, 0);
}

}  // namespace
}  // namespace cqm
