#include "model/program.hpp"

#include "tests/model/machine_fixture.hpp"

namespace cqm {
namespace {

using program = test::MachineFixture<Program>;

TEST_F(program, reports_started_status_when_it_starts) {
  machine.on(program_started{});
  EXPECT_EQ(ProgramState(machine.state()), ProgramState::Running);
  const auto n = notices();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].kind, NoticeKind::status_submitted);
  EXPECT_EQ(n[0].arg, kStatusProgramStarted);
}

TEST_F(program, program_restarts_computer_before_reporting_its_mif) {
  config.after_running = AfterRunning::ProgramRestarts;
  machine.restore(int(ProgramState::Running));
  machine.on(program_finished{MifResult::Success});
  EXPECT_EQ(ProgramState(machine.state()), ProgramState::AwaitingRestart);
  auto n = notices();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].kind, NoticeKind::restart_requested);
  machine.on(client_started{});
  EXPECT_EQ(ProgramState(machine.state()), ProgramState::Finished);
  n = notices();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].kind, NoticeKind::status_submitted);
  EXPECT_EQ(n[0].arg, kStatusSucceededMif);
}

TEST_F(program, sms_restarts_computer_after_reporting) {
  config.after_running = AfterRunning::SmsRestarts;
  machine.restore(int(ProgramState::Running));
  machine.on(program_finished{MifResult::Success});
  EXPECT_EQ(ProgramState(machine.state()), ProgramState::Finished);
  const auto n = notices();
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0].kind, NoticeKind::status_submitted);
  EXPECT_EQ(n[1].kind, NoticeKind::restart_requested);
  EXPECT_EQ(n[1].arg, 1);
}

TEST_F(program, no_action_reports_and_keeps_running) {
  config.after_running = AfterRunning::NoAction;
  machine.restore(int(ProgramState::Running));
  machine.on(program_finished{MifResult::Failure});
  const auto n = notices();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].arg, kStatusFailedMif);
}

TEST_F(program, no_mif_reports_success_by_exit_code) {
  config.after_running = AfterRunning::SmsLogsOff;
  machine.restore(int(ProgramState::Running));
  machine.on(program_finished{MifResult::None});
  EXPECT_EQ(notices().at(0).arg, kStatusSucceededExitCode);
}

TEST_F(program, refuses_a_second_run) {
  machine.restore(int(ProgramState::Finished));
  machine.on(program_started{});
  EXPECT_EQ(ProgramState(machine.state()), ProgramState::Finished);
  EXPECT_EQ(env.refusals, 1u);
  EXPECT_STREQ(refusals.at(0).event, "program_started");
}

}  // namespace
}  // namespace cqm
