// The Advertised Programs Manager alone: what each transition reports, and when a job is unscheduled.
#include "model/apm.hpp"

#include "tests/model/machine_fixture.hpp"

namespace cqm {
namespace {

using apm = test::MachineFixture<AdvertisedProgramsManager>;
using State = AdvertisedProgramsManager::State;

constexpr auto kStarted = static_cast<std::int32_t>(StatusId::program_started);
constexpr auto id(StatusId s) { return static_cast<std::int32_t>(s); }

TEST_F(apm, starts_pending) { EXPECT_EQ(state(), State::Pending); }

TEST_F(apm, reports_10005_and_launches_the_program_when_due) {
  on(advertisement_due{MifResult::Failure, true});
  EXPECT_EQ(state(), State::Running);
  const auto n = notices();
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0].kind, NoticeKind::status_submitted);
  EXPECT_EQ(n[0].arg, kStarted);
  EXPECT_EQ(n[1].kind, NoticeKind::program_launch_requested);
  EXPECT_EQ(n[1].arg, static_cast<std::int32_t>(MifResult::Failure));
  EXPECT_EQ(data().runs, 1);
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(apm, reads_a_mif_only_after_the_restart_and_then_unschedules) {
  config.model.service_pack = 2;
  on(advertisement_due{MifResult::Success, true});
  notices();
  on(program_exited{MifResult::Success, true});
  EXPECT_EQ(state(), State::AwaitingRestart);
  EXPECT_TRUE(notices().empty()) << "the .mif is not reported before the restart";
  EXPECT_FALSE(data().job_scheduled) << "SP2: unscheduled before the restart";
  on(client_started{});
  EXPECT_EQ(state(), State::Finished);
  const auto n = notices();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].arg, id(StatusId::succeeded_mif));
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(apm, without_a_mif_the_exit_code_is_reported_before_the_restart) {
  // Why Q292030's loss "only occurs when the program successfully creates a status .mif file".
  on(advertisement_due{MifResult::None, true});
  notices();
  on(program_exited{MifResult::None, true});
  const auto n = notices();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].arg, id(StatusId::succeeded_exit_code));
  on(client_started{});
  EXPECT_EQ(state(), State::Finished);
  EXPECT_TRUE(notices().empty()) << "nothing is left to report after the restart";
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(apm, win9x_before_sp2_leaves_the_job_scheduled_and_runs_it_at_the_next_logon) {
  config.model.service_pack = 1;
  on(advertisement_due{MifResult::Success, true});
  notices();
  on(program_exited{MifResult::Success, true});
  EXPECT_TRUE(data().job_scheduled) << "terminated before it could unschedule";
  EXPECT_EQ(log_kinds(),
            (std::vector{LogKind::apm_started, LogKind::apm_status, LogKind::apm_complete_file}));
  on(client_started{});
  EXPECT_EQ(state(), State::ReportedAfterRestart);
  EXPECT_EQ(notices().size(), 1u) << "the status itself is reported";
  on(user_logged_on{});
  EXPECT_EQ(state(), State::Lingering) << "not at the restart's own start-up";
  EXPECT_TRUE(notices().empty());
  on(client_started{});
  on(user_logged_on{});
  EXPECT_EQ(state(), State::Running) << "the next logon runs it again";
  EXPECT_EQ(data().runs, 2);
  EXPECT_EQ(notices().front().arg, kStarted);
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(apm, the_rerun_stops_when_the_advertisement_expires) {
  config.model.service_pack = 1;
  config.model.programs[0].expires_at = 2 * kMinutesPerDay;
  set(State::Lingering, {MifResult::Success, StatusId::succeeded_mif, true, true, 1, 0});
  env.now = 2 * kMinutesPerDay + 480;
  on(user_logged_on{});
  EXPECT_EQ(state(), State::Finished);
  EXPECT_FALSE(data().job_scheduled);
  EXPECT_TRUE(notices().empty());
}

TEST_F(apm, winnt_sp1_unschedules_before_the_restart) {
  config.model.service_pack = 1;
  config.model.os = Os::WinNT;
  on(advertisement_due{MifResult::Success, true});
  on(program_exited{MifResult::Success, true});
  EXPECT_FALSE(data().job_scheduled) << "Q257280 is a Windows 95/98 problem";
}

TEST_F(apm, sms_restarts_computer_after_reporting) {
  config.model.programs[0].after_running = AfterRunning::SmsRestarts;
  on(advertisement_due{MifResult::Success, true});
  notices();
  on(program_exited{MifResult::Success, false});
  EXPECT_EQ(state(), State::Finished);
  EXPECT_EQ(notice_kinds(), (std::vector{NoticeKind::status_submitted, NoticeKind::restart_requested}));
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(apm, a_job_due_while_the_client_is_down_runs_after_the_next_start_up_cycle) {
  on(advertisement_due{MifResult::Success, false});
  EXPECT_EQ(state(), State::Deferred);
  EXPECT_TRUE(notices().empty());
  on(client_started{});
  EXPECT_EQ(state(), State::Deferred);
  on(user_logged_on{});
  EXPECT_EQ(state(), State::Running);
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(apm, refuses_a_second_advertisement_of_a_finished_job) {
  set(State::Finished);
  on(advertisement_due{MifResult::Success, true});
  EXPECT_EQ(state(), State::Finished);
  EXPECT_EQ(env.refusals, 1u);
  EXPECT_EQ(refusals.at(0).machine, "AdvertisedProgramsManager");
  EXPECT_EQ(refusals.at(0).event, "advertisement_due");
}

}  // namespace
}  // namespace cqm

namespace cqm {
namespace {

TEST_F(apm, before_sp2_a_second_advertisement_reports_for_the_first) {
  // Q247230: two advertisements of one program.
  config.model.service_pack = 1;
  config.model.programs.push_back(config.model.programs[0]);
  config.model.programs[1].same_program_as = 0;
  config.model.programs[1].after_running = AfterRunning::NoAction;
  machines.resize(2);
  on(advertisement_due{MifResult::Success, true}, 1);
  EXPECT_EQ(data(1).reports_for, 0);
  const auto n = notices();
  ASSERT_FALSE(n.empty());
  EXPECT_EQ(n[0].kind, NoticeKind::status_submitted);
  EXPECT_EQ(n[0].arg2, 0) << "the 10005 names advertisement 0";
  config.model.service_pack = 2;
  set(State::Pending, {}, 1);
  on(advertisement_due{MifResult::Success, true}, 1);
  EXPECT_EQ(data(1).reports_for, 1) << "SP2: its own";
}

}  // namespace
}  // namespace cqm
