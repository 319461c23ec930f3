#pragma once
// CopyQueueManager's Boost.MSM front-end: its states, actions, guards and transition table. Included by
// copy_queue.cpp (which instantiates the back-end) and its tests; everything else sees the machine through
// model/copy_queue.hpp.
#include "model/copy_queue.hpp"
#include "model/machine_def.hpp"

namespace cqm {

namespace copy_queue_fsm {

CQM_STATE(Stopped);
CQM_STATE(StartingUp);
CQM_STATE(Running);

struct begin_start_up {
  static constexpr const char* name() { return "begin_start_up"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.cycle_no = 0;
    fsm.ok_to_process = false;
    fsm.env->write(LogKind::cqm_started);
    fsm.arm_timer(fsm.env->timers.wake_up(), fsm.now() + fsm.config().model.wake_up_cycle);
    fsm.announce(NoticeKind::connection_requested);
    // Items whose lifetime ended while the PC was off are deleted before anything is copied.
    fsm.announce(NoticeKind::queue_check_requested);
  }
};

struct signal_ok_to_process {
  static constexpr const char* name() { return "signal_ok_to_process"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.ok_to_process = true;
  }
};

template <CycleTrigger Trigger>
struct request_cycle {
  static constexpr const char* name() {
    switch (Trigger) {
      case CycleTrigger::startup:
        return "request_startup_cycle";
      case CycleTrigger::ok_to_process:
        return "request_ok_to_process_cycle";
      case CycleTrigger::wake_up:
        return "request_wake_up_cycle";
      case CycleTrigger::retry_timer:
        return "request_retry_cycle";
      case CycleTrigger::reconnect:
        return "request_reconnect_cycle";
    }
    return "request_cycle";
  }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.announce(NoticeKind::copy_cycle_requested, static_cast<std::int32_t>(Trigger));
  }
};

struct request_pending_check {
  static constexpr const char* name() { return "request_pending_check"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.announce(NoticeKind::pending_check_requested);
  }
};

/// A timed cycle comes later than start-up: it re-initialises a broken connection first (model/connection.hpp
/// decides whether that works).
struct request_reinit {
  static constexpr const char* name() { return "request_reinit"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.announce(NoticeKind::reinit_requested);
  }
};

struct request_queue_check {
  static constexpr const char* name() { return "request_queue_check"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.announce(NoticeKind::queue_check_requested);
  }
};

/// KB: "Starting Copy Cycle no. N", and for a cycle the auto-reset event woke, "'OK to Process' event
/// unsignalled". The cycle deletes expired items, services the destination, then logs its end.
struct start_copy_cycle {
  static constexpr const char* name() { return "start_copy_cycle"; }
  template <class Fsm, class Src, class Tgt>
  void operator()(copy_cycle_started const& evt, Fsm& fsm, Src&, Tgt&) const {
    fsm.env->write(LogKind::cycle_started, ++fsm.cycle_no);
    if (evt.trigger == CycleTrigger::ok_to_process) {
      fsm.ok_to_process = false;
      fsm.env->write(LogKind::ok_to_process_unsignalled);
    }
    fsm.announce(NoticeKind::queue_check_requested);
    fsm.announce(NoticeKind::destination_service_requested);
    fsm.announce(NoticeKind::copy_cycle_ended);
  }
};

struct finish_copy_cycle {
  static constexpr const char* name() { return "finish_copy_cycle"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.env->write(LogKind::cycle_finished);
  }
};

struct log_woke_up_and_rearm {
  static constexpr const char* name() { return "log_woke_up_and_rearm"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.env->write(LogKind::woke_up);
    fsm.arm_timer(fsm.env->timers.wake_up(), fsm.now() + fsm.config().model.wake_up_cycle);
  }
};

struct stop {
  static constexpr const char* name() { return "stop"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.ok_to_process = false;
    fsm.env->write(LogKind::cqm_stopped);
    fsm.cancel_timer(fsm.env->timers.wake_up());
  }
};

struct does_run_startup_cycle {
  static constexpr const char* name() { return "does_run_startup_cycle"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  bool operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    return fsm.config().model.startup_cycle;
  }
};

struct is_ok_to_process_signalled {
  static constexpr const char* name() { return "is_ok_to_process_signalled"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  bool operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    return fsm.ok_to_process;
  }
};

using startup_cycle = request_cycle<CycleTrigger::startup>;
using ok_cycle = request_cycle<CycleTrigger::ok_to_process>;

struct copy_queue_ : machine_def<copy_queue_, CopyQueueManager>, CopyQueueData {
  using initial_state = Stopped;

  // clang-format off
  struct transition_table : boost::mpl::vector<
  //         Start         | Event                     | Next         | Action                                                                         | Guard
  msmf::Row< Stopped,        cqm_started,                StartingUp,    begin_start_up,                                                                  msmf::none >,
  msmf::Row< StartingUp,     ok_to_process_signalled,    msmf::none,    signal_ok_to_process,                                                            msmf::none >,
  msmf::Row< StartingUp,     start_up_cycle_due,         Running,       actions<startup_cycle, request_pending_check>,                                   does_run_startup_cycle >,
  msmf::Row< StartingUp,     start_up_cycle_due,         Running,       request_pending_check,                                                           not_<does_run_startup_cycle> >,
  msmf::Row< Running,        ok_to_process_signalled,    msmf::none,    actions<signal_ok_to_process, ok_cycle>,                                         msmf::none >,
  msmf::Row< Running,        pending_checked,            msmf::none,    ok_cycle,                                                                        is_ok_to_process_signalled >,
  msmf::Row< Running,        pending_checked,            msmf::none,    msmf::none,                                                                      not_<is_ok_to_process_signalled> >,
  msmf::Row< Running,        copy_cycle_started,         msmf::none,    start_copy_cycle,                                                                msmf::none >,
  msmf::Row< Running,        copy_cycle_finished,        msmf::none,    finish_copy_cycle,                                                               msmf::none >,
  msmf::Row< Running,        wake_up_due,                msmf::none,    actions<log_woke_up_and_rearm, request_reinit, request_cycle<CycleTrigger::wake_up>>, msmf::none >,
  msmf::Row< Running,        retry_due,                  msmf::none,    actions<request_reinit, request_cycle<CycleTrigger::retry_timer>>,              msmf::none >,
  msmf::Row< Running,        reconnect_due,              msmf::none,    request_cycle<CycleTrigger::reconnect>,                                          msmf::none >,
  msmf::Row< Running,        overdue_item_found,         msmf::none,    request_queue_check,                                                             msmf::none >,
  msmf::Row< Stopped,        overdue_item_found,         msmf::none,    msmf::none,                                                                      msmf::none >,
  msmf::Row< Running,        cqm_stopped,                Stopped,       stop,                                                                            msmf::none >
  > {};
  // clang-format on
};

}  // namespace copy_queue_fsm

}  // namespace cqm
