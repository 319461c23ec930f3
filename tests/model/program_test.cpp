#include "model/program.hpp"

#include "tests/model/machine_fixture.hpp"

namespace cqm {
namespace {

using program = test::MachineFixture<Program>;
using State = Program::State;

TEST_F(program, starts_idle) { EXPECT_EQ(state(), State::Idle); }

TEST_F(program, restarting_the_computer_comes_after_apm_hears_of_the_exit) {
  config.model.programs[0].after_running = AfterRunning::ProgramRestarts;
  on(program_launched{MifResult::Success});
  EXPECT_EQ(state(), State::Exited) << "the run completes at once";
  const auto n = notices();
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0].kind, NoticeKind::program_exited);
  EXPECT_EQ(n[0].arg, static_cast<std::int32_t>(MifResult::Success));
  EXPECT_EQ(n[0].arg2, 1) << "restarting";
  EXPECT_EQ(n[1].kind, NoticeKind::restart_requested);
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(program, any_other_option_exits_and_leaves_the_rest_to_sms) {
  for (auto option : {AfterRunning::NoAction, AfterRunning::SmsRestarts, AfterRunning::SmsLogsOff}) {
    config.model.programs[0].after_running = option;
    set(State::Idle);
    on(program_launched{MifResult::None});
    const auto n = notices();
    ASSERT_EQ(n.size(), 1u) << enum_name(option);
    EXPECT_EQ(n[0].kind, NoticeKind::program_exited);
    EXPECT_EQ(n[0].arg2, 0);
    EXPECT_EQ(data().mif, MifResult::None);
  }
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(program, runs_again_when_launched_again) {
  config.model.programs[0].after_running = AfterRunning::NoAction;
  on(program_launched{MifResult::Success});
  notices();
  on(program_launched{MifResult::Failure});
  EXPECT_EQ(state(), State::Exited);
  EXPECT_EQ(data().mif, MifResult::Failure);
  EXPECT_EQ(notices().size(), 1u);
  EXPECT_EQ(env.refusals, 0u);
}

}  // namespace
}  // namespace cqm
