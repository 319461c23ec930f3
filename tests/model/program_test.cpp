#include "model/program.hpp"

#include "tests/model/machine_fixture.hpp"

namespace cqm {
namespace {

using program = test::MachineFixture<Program>;
using State = Program::State;

constexpr auto kStarted = static_cast<std::int32_t>(StatusId::program_started);

TEST_F(program, starts_pending) { EXPECT_EQ(state(), State::Pending); }

TEST_F(program, reports_started_status_when_it_starts) {
  config.model.programs[0].after_running = AfterRunning::NoAction;
  on(program_finished{MifResult::Success, true});
  const auto n = notices();
  ASSERT_FALSE(n.empty());
  EXPECT_EQ(n[0].kind, NoticeKind::status_submitted);
  EXPECT_EQ(n[0].arg, kStarted);
  EXPECT_EQ(n[0].index, 0);
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(program, program_restarts_computer_before_reporting_its_mif) {
  config.model.programs[0].after_running = AfterRunning::ProgramRestarts;
  on(program_finished{MifResult::Success, true});
  EXPECT_EQ(state(), State::AwaitingRestart) << "Running completes at once into its After Running option";
  EXPECT_EQ(data().final_status, StatusId::succeeded_mif);
  auto n = notices();
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0].kind, NoticeKind::status_submitted);
  EXPECT_EQ(n[0].arg, kStarted);
  EXPECT_EQ(n[1].kind, NoticeKind::restart_requested) << "the .mif is not reported before the restart";
  on(client_started{});
  EXPECT_EQ(state(), State::Finished);
  n = notices();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].kind, NoticeKind::status_submitted);
  EXPECT_EQ(n[0].arg, static_cast<std::int32_t>(StatusId::succeeded_mif));
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(program, sms_restarts_computer_after_reporting) {
  config.model.programs[0].after_running = AfterRunning::SmsRestarts;
  on(program_finished{MifResult::Success, true});
  EXPECT_EQ(state(), State::Finished);
  const auto n = notices();
  ASSERT_EQ(n.size(), 3u);
  EXPECT_EQ(n[0].arg, kStarted);
  EXPECT_EQ(n[1].kind, NoticeKind::status_submitted);
  EXPECT_EQ(n[1].arg, static_cast<std::int32_t>(StatusId::succeeded_mif));
  EXPECT_EQ(n[2].kind, NoticeKind::restart_requested);
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(program, no_action_reports_and_keeps_running) {
  config.model.programs[0].after_running = AfterRunning::NoAction;
  on(program_finished{MifResult::Failure, true});
  EXPECT_EQ(state(), State::Finished);
  const auto n = notices();
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[1].kind, NoticeKind::status_submitted);
  EXPECT_EQ(n[1].arg, static_cast<std::int32_t>(StatusId::failed_mif));
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(program, no_mif_reports_success_by_exit_code) {
  config.model.programs[0].after_running = AfterRunning::SmsLogsOff;
  on(program_finished{MifResult::None, true});
  EXPECT_EQ(state(), State::Finished);
  const auto n = notices();
  ASSERT_EQ(n.size(), 2u) << "on Win9x a log-off leaves CQM running: no restart";
  EXPECT_EQ(n[1].arg, static_cast<std::int32_t>(StatusId::succeeded_exit_code));
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(program, finishing_while_the_client_is_down_defers_the_run_to_the_next_start_up) {
  on(program_finished{MifResult::Success, false});
  EXPECT_EQ(state(), State::Deferred);
  EXPECT_TRUE(notices().empty());
  on(client_started{});
  EXPECT_EQ(state(), State::Deferred) << "it runs after the start-up's first copy cycle, not before";
  on(start_up_completed{});
  EXPECT_EQ(state(), State::AwaitingRestart);
  EXPECT_EQ(notice_kinds(), (std::vector{NoticeKind::status_submitted, NoticeKind::restart_requested}));
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(program, start_ups_concern_only_a_program_waiting_for_one) {
  on(client_started{});
  on(start_up_completed{});
  EXPECT_EQ(state(), State::Pending);
  set(State::Finished);
  on(client_started{});
  on(start_up_completed{});
  EXPECT_EQ(state(), State::Finished);
  EXPECT_TRUE(notices().empty());
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(program, each_program_follows_its_own_after_running_option) {
  config.model.programs.push_back(ProgramSpec{AfterRunning::SmsRestarts, MifResult::Success});
  machines.resize(2);
  on(program_finished{MifResult::Success, true}, 1);
  EXPECT_EQ(state(0), State::Pending);
  EXPECT_EQ(state(1), State::Finished);
  const auto n = notices();
  ASSERT_EQ(n.size(), 3u);
  for (const Notice& notice : n) EXPECT_EQ(notice.index, 1) << "the status is the second program's";
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(program, refuses_a_second_run) {
  set(State::Finished);
  on(program_finished{MifResult::Success, true});
  EXPECT_EQ(state(), State::Finished);
  EXPECT_TRUE(notices().empty());
  EXPECT_EQ(env.refusals, 1u);
  EXPECT_EQ(refusals.at(0).machine, "Program");
  EXPECT_EQ(refusals.at(0).state, "Finished");
  EXPECT_EQ(refusals.at(0).event, "program_finished");
}

}  // namespace
}  // namespace cqm
