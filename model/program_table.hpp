#pragma once
// Program's Boost.MSM front-end: its states, actions, guards and transition table. Included by program.cpp
// (which instantiates the back-end) and its tests; everything else sees the machine through
// model/program.hpp.
#include "model/machine_def.hpp"
#include "model/program.hpp"

namespace cqm {

namespace program_fsm {

CQM_STATE(Pending);
CQM_STATE(Deferred);
CQM_STATE(Running);
CQM_STATE(AwaitingRestart);
CQM_STATE(Finished);

/// The status message SMS sends for a finished program (DESIGN §1: 10009 for a success .mif).
constexpr StatusId final_status_for(MifResult mif) {
  switch (mif) {
    case MifResult::Success:
      return StatusId::succeeded_mif;
    case MifResult::Failure:
      return StatusId::failed_mif;
    case MifResult::None:
      return StatusId::succeeded_exit_code;
  }
  return StatusId::succeeded_exit_code;
}

struct record_result {
  static constexpr const char* name() { return "record_result"; }
  template <class Fsm, class Src, class Tgt>
  void operator()(program_finished const& evt, Fsm& fsm, Src&, Tgt&) const {
    fsm.mif = evt.mif;
    fsm.final_status = final_status_for(evt.mif);
  }
};

struct submit_started_status {
  static constexpr const char* name() { return "submit_started_status"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.announce(NoticeKind::status_submitted, static_cast<std::int32_t>(StatusId::program_started));
  }
};

struct submit_final_status {
  static constexpr const char* name() { return "submit_final_status"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.announce(NoticeKind::status_submitted, static_cast<std::int32_t>(fsm.final_status));
  }
};

/// The program restarts the PC itself, before the SMS client has read its .mif.
struct restart_computer {
  static constexpr const char* name() { return "restart_computer"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.announce(NoticeKind::restart_requested);
  }
};

/// SMS restarts the PC after it has reported the status (workaround A).
using sms_restart_computer = restart_computer;

struct is_client_up {
  static constexpr const char* name() { return "is_client_up"; }
  template <class Fsm, class Src, class Tgt>
  bool operator()(program_finished const& evt, Fsm&, Src&, Tgt&) const {
    return evt.client_up;
  }
};

template <AfterRunning... Options>
struct after_running_is {
  template <class Evt, class Fsm, class Src, class Tgt>
  bool operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    const auto option = fsm.config().model.programs[static_cast<std::size_t>(fsm.index)].after_running;
    return ((option == Options) || ...);
  }
};
struct does_program_restart_computer : after_running_is<AfterRunning::ProgramRestarts> {
  static constexpr const char* name() { return "does_program_restart_computer"; }
};
struct does_sms_restart_computer : after_running_is<AfterRunning::SmsRestarts> {
  static constexpr const char* name() { return "does_sms_restart_computer"; }
};
/// "No action" and "SMS logs user off": on Win9x a log-off leaves CQM running, so both report at once.
struct does_computer_keep_running : after_running_is<AfterRunning::NoAction, AfterRunning::SmsLogsOff> {
  static constexpr const char* name() { return "does_computer_keep_running"; }
};

struct program_ : machine_def<program_, Program>, ProgramData {
  using initial_state = Pending;

  // clang-format off
  struct transition_table : boost::mpl::vector<
  //         Start             | Event               | Next              | Action                                                | Guard
  msmf::Row< Pending,            program_finished,     Running,            actions<record_result, submit_started_status>,          is_client_up >,
  msmf::Row< Pending,            program_finished,     Deferred,           record_result,                                          not_<is_client_up> >,
  msmf::Row< Deferred,           start_up_completed,   Running,            submit_started_status,                                  msmf::none >,
  msmf::Row< Running,            msmf::none,           AwaitingRestart,    restart_computer,                                       does_program_restart_computer >,
  msmf::Row< Running,            msmf::none,           Finished,           actions<submit_final_status, sms_restart_computer>,     does_sms_restart_computer >,
  msmf::Row< Running,            msmf::none,           Finished,           submit_final_status,                                    does_computer_keep_running >,
  msmf::Row< AwaitingRestart,    client_started,       Finished,           submit_final_status,                                    msmf::none >,
  // A start-up concerns only the programs waiting for one.
  msmf::Row< Pending,            client_started,       msmf::none,         msmf::none,                                             msmf::none >,
  msmf::Row< Deferred,           client_started,       msmf::none,         msmf::none,                                             msmf::none >,
  msmf::Row< Finished,           client_started,       msmf::none,         msmf::none,                                             msmf::none >,
  msmf::Row< Pending,            start_up_completed,   msmf::none,         msmf::none,                                             msmf::none >,
  msmf::Row< Finished,           start_up_completed,   msmf::none,         msmf::none,                                             msmf::none >
  > {};
  // clang-format on
};

}  // namespace program_fsm

}  // namespace cqm
