#pragma once
// The advertised program: it runs, writes its status .mif, and applies its After Running option.
// With "Program restarts computer" the status waits in AwaitingRestart and is submitted only after the next
// start-up — the KB's race with CQM's initialisation.
#include "model/events.hpp"
#include "model/machine_handle.hpp"

namespace cqm {

CQM_EVENT(program_started);
struct program_finished {
  static constexpr const char* name() { return "program_finished"; }
  MifResult mif;
};
/// The client came up again after the program restarted it.
CQM_EVENT(client_started);

namespace program_fsm {

CQM_STATE(Pending);
CQM_STATE(Running);
CQM_STATE(AwaitingRestart);
CQM_STATE(Finished);

/// The status message id SMS sends for a finished program (DESIGN §1: 10009 for a success .mif).
inline std::int32_t final_status_for(MifResult mif) {
  switch (mif) {
    case MifResult::Success:
      return kStatusSucceededMif;
    case MifResult::Failure:
      return kStatusFailedMif;
    case MifResult::None:
      return kStatusSucceededExitCode;
  }
  return kStatusSucceededExitCode;
}

struct submit_started_status {
  static constexpr const char* name() { return "submit_started_status"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.env->post(NoticeKind::status_submitted, kStatusProgramStarted);
  }
};

struct write_status_mif {
  static constexpr const char* name() { return "write_status_mif"; }
  template <class Fsm, class Src, class Tgt>
  void operator()(program_finished const& evt, Fsm& fsm, Src&, Tgt&) const {
    fsm.final_status = final_status_for(evt.mif);
  }
};

struct submit_final_status {
  static constexpr const char* name() { return "submit_final_status"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.env->post(NoticeKind::status_submitted, fsm.final_status);
  }
};

/// The program restarts the PC itself, before the SMS client has read its .mif.
struct restart_computer {
  static constexpr const char* name() { return "restart_computer"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.env->post(NoticeKind::restart_requested, 0);
  }
};

/// SMS restarts the PC after it has reported the status (workaround A).
struct sms_restart_computer {
  static constexpr const char* name() { return "sms_restart_computer"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.env->post(NoticeKind::restart_requested, 1);
  }
};

template <AfterRunning Option>
struct after_running_is {
  template <class Evt, class Fsm, class Src, class Tgt>
  bool operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    return fsm.env->config->after_running == Option;
  }
};
struct does_program_restart_computer : after_running_is<AfterRunning::ProgramRestarts> {
  static constexpr const char* name() { return "does_program_restart_computer"; }
};
struct does_sms_restart_computer : after_running_is<AfterRunning::SmsRestarts> {
  static constexpr const char* name() { return "does_sms_restart_computer"; }
};
/// "No action" and "SMS logs user off": on Win9x a log-off leaves CQM running, so both report at once.
struct does_computer_keep_running {
  static constexpr const char* name() { return "does_computer_keep_running"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  bool operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    const auto option = fsm.env->config->after_running;
    return option == AfterRunning::NoAction || option == AfterRunning::SmsLogsOff;
  }
};

using write_mif_and_restart = msmf::ActionSequence_<boost::mpl::vector<write_status_mif, restart_computer>>;
using report_and_sms_restart =
    msmf::ActionSequence_<boost::mpl::vector<write_status_mif, submit_final_status, sms_restart_computer>>;
using report = msmf::ActionSequence_<boost::mpl::vector<write_status_mif, submit_final_status>>;

struct program_ : machine_def<program_, MachineKind::program> {
  using initial_state = Pending;

  std::int32_t final_status = 0;

  // clang-format off
  struct transition_table : boost::mpl::vector<
  //         Start            | Event              | Next             | Action                  | Guard
  msmf::Row< Pending,           program_started,     Running,           submit_started_status,    msmf::none >,
  msmf::Row< Running,           program_finished,    AwaitingRestart,   write_mif_and_restart,    does_program_restart_computer >,
  msmf::Row< Running,           program_finished,    Finished,          report_and_sms_restart,   does_sms_restart_computer >,
  msmf::Row< Running,           program_finished,    Finished,          report,                   does_computer_keep_running >,
  msmf::Row< AwaitingRestart,   client_started,      Finished,          submit_final_status,      msmf::none >
  > {};
  // clang-format on
};

}  // namespace program_fsm

enum class ProgramState { Pending, Running, AwaitingRestart, Finished };
inline constexpr const char* kProgramStateNames[] = {
    program_fsm::Pending::name(), program_fsm::Running::name(), program_fsm::AwaitingRestart::name(),
    program_fsm::Finished::name()};
using Program = MachineHandle<program_fsm::program_>;

}  // namespace cqm
