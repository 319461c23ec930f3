#pragma once
// AdvertisedProgramsManager's Boost.MSM front-end: its states, actions, guards and transition table. Included
// by apm.cpp (which instantiates the back-end) and its tests; everything else sees the machine through
// model/apm.hpp.
#include <boost/mpl/vector/vector30.hpp>

#include "model/apm.hpp"
#include "model/machine_def.hpp"
#include "model/service_packs.hpp"

namespace cqm {

namespace apm_fsm {

CQM_STATE(Pending);
CQM_STATE(Deferred);
CQM_STATE(Running);
CQM_STATE(AwaitingRestart);
CQM_STATE(ReportedAfterRestart);
CQM_STATE(Lingering);
CQM_STATE(Finished);

/// The status message SMS sends for a finished run (DESIGN §1; status ids of SMS 2.0's Advertised Programs
/// Manager: 10005 program started, 10007 failed per status .mif, 10008 succeeded per exit code, 10009
/// succeeded per status .mif — Q292030's query words "no 10008 10009 only 10005", Q272174's "two 10008
/// messages, or one 10008 and one 10009").
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

template <class Fsm>
void apm_log(Fsm& fsm, LogKind kind, std::int32_t arg = 0, int advertisement = -1) {
  fsm.env->write(kind, arg, Inbox::statmsgs,
                 static_cast<std::int16_t>(advertisement < 0 ? fsm.index : advertisement));
}

/// The status of a run names this job's advertisement...
struct report_for_itself {
  static constexpr const char* name() { return "report_for_itself"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.reports_for = fsm.index;
  }
};

/// ...or, before SP2, the first advertisement of the same program (Q247230).
struct report_for_first_advertisement {
  static constexpr const char* name() { return "report_for_first_advertisement"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    const auto& programs = fsm.config().model.programs;
    int first = fsm.index;
    while (programs[static_cast<std::size_t>(first)].same_program_as >= 0)
      first = programs[static_cast<std::size_t>(first)].same_program_as;
    fsm.reports_for = first;
  }
};

struct plan_run {
  static constexpr const char* name() { return "plan_run"; }
  template <class Fsm, class Src, class Tgt>
  void operator()(advertisement_due const& evt, Fsm& fsm, Src&, Tgt&) const {
    fsm.mif = evt.mif;
  }
};

struct log_deferred {
  static constexpr const char* name() { return "log_deferred"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    apm_log(fsm, LogKind::apm_deferred);
  }
};

/// Starts the program and reports 10005.
struct launch {
  static constexpr const char* name() { return "launch"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    ++fsm.runs;
    fsm.final_reported = false;
    fsm.final_status = StatusId::none;
    apm_log(fsm, LogKind::apm_started, fsm.runs);
    apm_log(fsm, LogKind::apm_status, static_cast<std::int32_t>(StatusId::program_started), fsm.reports_for);
    fsm.announce(NoticeKind::status_submitted, static_cast<std::int32_t>(StatusId::program_started),
                 fsm.reports_for);
    fsm.announce(NoticeKind::program_launch_requested, static_cast<std::int32_t>(fsm.mif));
  }
};

struct record_exit {
  static constexpr const char* name() { return "record_exit"; }
  template <class Fsm, class Src, class Tgt>
  void operator()(program_exited const& evt, Fsm& fsm, Src&, Tgt&) const {
    fsm.mif = evt.mif;
    fsm.final_status = final_status_for(evt.mif);
  }
};

struct submit_final_status {
  static constexpr const char* name() { return "submit_final_status"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.final_reported = true;
    apm_log(fsm, LogKind::apm_status, static_cast<std::int32_t>(fsm.final_status), fsm.reports_for);
    fsm.announce(NoticeKind::status_submitted, static_cast<std::int32_t>(fsm.final_status), fsm.reports_for);
  }
};

/// Q257280: "When a program reboots the computer, APM writes the schedule data file to the Complete folder
/// and then relies on the Unschedule event to remove the schedule data file from the Jobs folder."
struct write_complete_file {
  static constexpr const char* name() { return "write_complete_file"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    apm_log(fsm, LogKind::apm_complete_file);
  }
};

struct unschedule {
  static constexpr const char* name() { return "unschedule"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.job_scheduled = false;
    apm_log(fsm, LogKind::apm_unscheduled);
  }
};

struct remove_expired_job {
  static constexpr const char* name() { return "remove_expired_job"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.job_scheduled = false;
    apm_log(fsm, LogKind::apm_expired);
  }
};

/// "SMS restarts computer": SMS restarts the PC after it has reported the status (Q292030's workaround A).
struct sms_restart_computer {
  static constexpr const char* name() { return "sms_restart_computer"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.announce(NoticeKind::restart_requested);
  }
};

struct is_client_up {
  static constexpr const char* name() { return "is_client_up"; }
  template <class Fsm, class Src, class Tgt>
  bool operator()(advertisement_due const& evt, Fsm&, Src&, Tgt&) const {
    return evt.client_up;
  }
};
struct is_restarting {
  static constexpr const char* name() { return "is_restarting"; }
  template <class Fsm, class Src, class Tgt>
  bool operator()(program_exited const& evt, Fsm&, Src&, Tgt&) const {
    return evt.restarting;
  }
};
struct has_mif {
  static constexpr const char* name() { return "has_mif"; }
  template <class Fsm, class Src, class Tgt>
  bool operator()(program_exited const& evt, Fsm&, Src&, Tgt&) const {
    return evt.mif != MifResult::None;
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
struct does_sms_restart_computer : after_running_is<AfterRunning::SmsRestarts> {
  static constexpr const char* name() { return "does_sms_restart_computer"; }
};
/// Q257280: on Windows 9x before SP2 the restart terminates APM before it can unschedule the job.
struct survives_restart {
  static constexpr const char* name() { return "survives_restart"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  bool operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    return !restart_terminates_apm(fsm.config().model);
  }
};
/// Q247230: before SP2 the statuses of a second advertisement of a program name the first one.
struct reports_for_itself {
  static constexpr const char* name() { return "reports_for_itself"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  bool operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    const auto& m = fsm.config().model;
    return m.programs[static_cast<std::size_t>(fsm.index)].same_program_as < 0 ||
           !has_behaviour(m, KbBehaviour::status_for_first_advertisement);
  }
};
struct is_final_reported {
  static constexpr const char* name() { return "is_final_reported"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  bool operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    return fsm.final_reported;
  }
};
struct is_job_scheduled {
  static constexpr const char* name() { return "is_job_scheduled"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  bool operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    return fsm.job_scheduled;
  }
};
struct has_advertisement_expired {
  static constexpr const char* name() { return "has_advertisement_expired"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  bool operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    const Minutes expires = fsm.config().model.programs[static_cast<std::size_t>(fsm.index)].expires_at;
    return expires > 0 && fsm.now() >= expires;
  }
};

using due_and_up_for_itself = all_of<is_client_up, reports_for_itself>;
using due_and_up_for_the_first = all_of<is_client_up, not_<reports_for_itself>>;
using due_while_down_for_itself = all_of<not_<is_client_up>, reports_for_itself>;
using due_while_down_for_the_first = all_of<not_<is_client_up>, not_<reports_for_itself>>;
using exit_with_mif_unscheduled = all_of<is_restarting, has_mif, survives_restart>;
using exit_with_mif_killed = all_of<is_restarting, has_mif, not_<survives_restart>>;
using exit_without_mif_unscheduled = all_of<is_restarting, not_<has_mif>, survives_restart>;
using exit_without_mif_killed = all_of<is_restarting, not_<has_mif>, not_<survives_restart>>;
using exit_and_sms_restarts = all_of<not_<is_restarting>, does_sms_restart_computer>;
using exit_and_keep_running = all_of<not_<is_restarting>, not_<does_sms_restart_computer>>;
using report_and_finish = all_of<not_<is_final_reported>, not_<is_job_scheduled>>;
using report_and_linger = all_of<not_<is_final_reported>, is_job_scheduled>;
using finish = all_of<is_final_reported, not_<is_job_scheduled>>;
using linger = all_of<is_final_reported, is_job_scheduled>;

struct apm_ : machine_def<apm_, AdvertisedProgramsManager>, ApmData {
  using initial_state = Pending;

  // clang-format off
  struct transition_table : boost::mpl::vector24<
  //         Start                  | Event               | Next                  | Action                                                            | Guard
  msmf::Row< Pending,                 advertisement_due,    Running,                actions<plan_run, report_for_itself, launch>,                       due_and_up_for_itself >,
  msmf::Row< Pending,                 advertisement_due,    Running,                actions<plan_run, report_for_first_advertisement, launch>,          due_and_up_for_the_first >,
  msmf::Row< Pending,                 advertisement_due,    Deferred,               actions<plan_run, report_for_itself, log_deferred>,                 due_while_down_for_itself >,
  msmf::Row< Pending,                 advertisement_due,    Deferred,               actions<plan_run, report_for_first_advertisement, log_deferred>,    due_while_down_for_the_first >,
  msmf::Row< Pending,                 client_started,       msmf::none,             msmf::none,                                                         msmf::none >,
  msmf::Row< Pending,                 user_logged_on,   msmf::none,             msmf::none,                                                         msmf::none >,
  msmf::Row< Deferred,                user_logged_on,   Running,                launch,                                                             msmf::none >,
  msmf::Row< Deferred,                client_started,       msmf::none,             msmf::none,                                                         msmf::none >,
  // The run is over. A .mif is read after the restart; without one the exit code is reported now.
  msmf::Row< Running,                 program_exited,       AwaitingRestart,        actions<record_exit, write_complete_file, unschedule>,              exit_with_mif_unscheduled >,
  msmf::Row< Running,                 program_exited,       AwaitingRestart,        actions<record_exit, write_complete_file>,                          exit_with_mif_killed >,
  msmf::Row< Running,                 program_exited,       AwaitingRestart,        actions<record_exit, submit_final_status, write_complete_file, unschedule>, exit_without_mif_unscheduled >,
  msmf::Row< Running,                 program_exited,       AwaitingRestart,        actions<record_exit, submit_final_status, write_complete_file>,     exit_without_mif_killed >,
  msmf::Row< Running,                 program_exited,       Finished,               actions<record_exit, submit_final_status, unschedule, sms_restart_computer>, exit_and_sms_restarts >,
  msmf::Row< Running,                 program_exited,       Finished,               actions<record_exit, submit_final_status, unschedule>,              exit_and_keep_running >,
  // After the restart: report what the run left, and the job is done — or still scheduled (Q257280).
  msmf::Row< AwaitingRestart,         client_started,       Finished,               submit_final_status,                                                report_and_finish >,
  msmf::Row< AwaitingRestart,         client_started,       ReportedAfterRestart,   submit_final_status,                                                report_and_linger >,
  msmf::Row< AwaitingRestart,         client_started,       Finished,               msmf::none,                                                         finish >,
  msmf::Row< AwaitingRestart,         client_started,       ReportedAfterRestart,   msmf::none,                                                         linger >,
  // The start-up after the program's own restart is not a new logon; the next one runs the job again.
  msmf::Row< ReportedAfterRestart,    user_logged_on,   Lingering,              msmf::none,                                                         msmf::none >,
  msmf::Row< Lingering,               user_logged_on,   Running,                launch,                                                             not_<has_advertisement_expired> >,
  msmf::Row< Lingering,               user_logged_on,   Finished,               remove_expired_job,                                                 has_advertisement_expired >,
  msmf::Row< Lingering,               client_started,       msmf::none,             msmf::none,                                                         msmf::none >,
  msmf::Row< Finished,                client_started,       msmf::none,             msmf::none,                                                         msmf::none >,
  msmf::Row< Finished,                user_logged_on,   msmf::none,             msmf::none,                                                         msmf::none >
  > {};
  // clang-format on
};

}  // namespace apm_fsm

}  // namespace cqm
