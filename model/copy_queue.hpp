#pragma once
// The Copy Queue Manager: initialises its connection to the CAP at start-up (on Win9x this may fail, leaving
// the connection broken although the CAP is fine), and runs numbered copy cycles, triggered by start-up, by
// an item's 'OK to Process' event, and by its timers.
#include "model/events.hpp"
#include "model/machine_handle.hpp"

namespace cqm {

/// What started a copy cycle. Timed cycles come later than start-up, so they may re-initialise the
/// connection.
enum class CycleTrigger : std::uint8_t { startup, ok_to_process, wake_up, retry_timer, reconnect };

CQM_EVENT(cqm_started);
CQM_EVENT(init_succeeded);
CQM_EVENT(init_failed);
CQM_EVENT(ok_to_process_signalled);
struct copy_cycle_started {
  static constexpr const char* name() { return "copy_cycle_started"; }
  CycleTrigger trigger;
};
CQM_EVENT(copy_cycle_finished);

namespace copy_queue_fsm {

CQM_STATE(Stopped);
CQM_STATE(Initialising);
CQM_STATE(Ready);
CQM_STATE(InitFailed);

struct log_started {
  static constexpr const char* name() { return "log_started"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.started_at = fsm.env->now;
    fsm.cycle_no = 0;  // the log numbers copy cycles from 1 per CQM start
    fsm.ok_to_process = false;
    fsm.env->write(LogKind::cqm_started);
  }
};

struct log_init_failed {
  static constexpr const char* name() { return "log_init_failed"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.env->write(LogKind::init_failed);
  }
};

struct signal_ok_to_process {
  static constexpr const char* name() { return "signal_ok_to_process"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.ok_to_process = true;
  }
};

/// CQM waits on its auto-reset 'OK to Process' event; a cycle it wakes for resets (unsignals) it.
struct start_copy_cycle {
  static constexpr const char* name() { return "start_copy_cycle"; }
  template <class Fsm, class Src, class Tgt>
  void operator()(copy_cycle_started const& evt, Fsm& fsm, Src&, Tgt&) const {
    fsm.env->write(LogKind::cycle_started, ++fsm.cycle_no);
    if (evt.trigger == CycleTrigger::ok_to_process) {
      fsm.ok_to_process = false;
      fsm.env->write(LogKind::ok_to_process_unsignalled);
    }
  }
};

struct finish_copy_cycle {
  static constexpr const char* name() { return "finish_copy_cycle"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.env->write(LogKind::cycle_finished);
  }
};

struct log_reconnected {
  static constexpr const char* name() { return "log_reconnected"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.env->write(LogKind::reconnected);
  }
};

struct log_stopped {
  static constexpr const char* name() { return "log_stopped"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.ok_to_process = false;
    fsm.env->write(LogKind::cqm_stopped);
  }
};

struct copy_queue_ : machine_def<copy_queue_, MachineKind::copy_queue> {
  using initial_state = Stopped;

  Minutes started_at = 0;
  std::int32_t cycle_no = 0;
  bool ok_to_process = false;

  // clang-format off
  struct transition_table : boost::mpl::vector<
  //         Start          | Event                    | Next          | Action                | Guard
  msmf::Row< Stopped,         cqm_started,               Initialising,   log_started,            msmf::none >,
  msmf::Row< Initialising,    init_succeeded,            Ready,          msmf::none,             msmf::none >,
  msmf::Row< Initialising,    init_failed,               InitFailed,     log_init_failed,        msmf::none >,
  msmf::Row< Ready,           ok_to_process_signalled,   msmf::none,     signal_ok_to_process,   msmf::none >,
  msmf::Row< Ready,           copy_cycle_started,        msmf::none,     start_copy_cycle,       msmf::none >,
  msmf::Row< Ready,           copy_cycle_finished,       msmf::none,     finish_copy_cycle,      msmf::none >,
  msmf::Row< Ready,           cqm_stopped,               Stopped,        log_stopped,            msmf::none >,
  msmf::Row< InitFailed,      ok_to_process_signalled,   msmf::none,     signal_ok_to_process,   msmf::none >,
  msmf::Row< InitFailed,      copy_cycle_started,        msmf::none,     start_copy_cycle,       msmf::none >,
  msmf::Row< InitFailed,      copy_cycle_finished,       msmf::none,     finish_copy_cycle,      msmf::none >,
  msmf::Row< InitFailed,      reconnected,               Ready,          log_reconnected,        msmf::none >,
  msmf::Row< InitFailed,      cqm_stopped,               Stopped,        log_stopped,            msmf::none >
  > {};
  // clang-format on
};

}  // namespace copy_queue_fsm

enum class CopyQueueState { Stopped, Initialising, Ready, InitFailed };
inline constexpr const char* kCopyQueueStateNames[] = {
    copy_queue_fsm::Stopped::name(), copy_queue_fsm::Initialising::name(), copy_queue_fsm::Ready::name(),
    copy_queue_fsm::InitFailed::name()};
using CopyQueueManager = MachineHandle<copy_queue_fsm::copy_queue_>;

}  // namespace cqm
