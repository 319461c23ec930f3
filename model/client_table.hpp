#pragma once
// Client's Boost.MSM front-end: its states, actions, guards and transition table. Included by client.cpp
// (which instantiates the back-end) and its tests; everything else sees the machine through model/client.hpp.
#include "model/client.hpp"
#include "model/machine_def.hpp"

namespace cqm {

namespace client_fsm {

CQM_STATE(Off);
CQM_STATE(Booting);
CQM_STATE(Up);
CQM_STATE(ShuttingDown);
CQM_STATE(Restarting);

struct start_boot {
  static constexpr const char* name() { return "start_boot"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.arm_timer(fsm.env->timers.power(), fsm.now() + fsm.config().model.boot_minutes);
  }
};

/// The user switched the PC on today (the envelope's habits ask when they last did).
struct record_power_on {
  static constexpr const char* name() { return "record_power_on"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.last_on_day = fsm.now() / kMinutesPerDay;
  }
};

struct start_shutdown {
  static constexpr const char* name() { return "start_shutdown"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.arm_timer(fsm.env->timers.power(), fsm.now() + fsm.config().model.shutdown_minutes);
  }
};

/// Start-up is where CQM's initialisation races the status submission, so it is announced.
struct announce_up {
  static constexpr const char* name() { return "announce_up"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.up_since = fsm.now();
    ++fsm.start_ups;
    fsm.announce(NoticeKind::client_up);
  }
};

/// Leaving Up stops CQM: its queue is on disk, its retry state is not.
struct announce_stopping {
  static constexpr const char* name() { return "announce_stopping"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.announce(NoticeKind::client_stopping);
  }
};

/// A logon without a restart: only an Up client has a user to log on.
struct announce_logon {
  static constexpr const char* name() { return "announce_logon"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.announce(NoticeKind::client_logged_on);
  }
};

struct client_ : machine_def<client_, Client>, ClientData {
  using initial_state = Off;

  // clang-format off
  struct transition_table : boost::mpl::vector<
  //         Start         | Event                | Next          | Action                                      | Guard
  msmf::Row< Off,            powered_on,            Booting,        actions<record_power_on, start_boot>,         msmf::none >,
  msmf::Row< Booting,        power_timer_elapsed,   Up,             announce_up,                                  msmf::none >,
  msmf::Row< Up,             shutdown_requested,    ShuttingDown,   actions<announce_stopping, start_shutdown>,   msmf::none >,
  msmf::Row< Up,             restart_requested,     Restarting,     actions<announce_stopping, start_shutdown>,   msmf::none >,
  msmf::Row< ShuttingDown,   power_timer_elapsed,   Off,            msmf::none,                                   msmf::none >,
  msmf::Row< Restarting,     power_timer_elapsed,   Booting,        start_boot,                                   msmf::none >,
  msmf::Row< Up,             logon_requested,       msmf::none,     announce_logon,                               msmf::none >,
  msmf::Row< Off,            logon_requested,       msmf::none,     msmf::none,                                   msmf::none >,
  msmf::Row< Booting,        logon_requested,       msmf::none,     msmf::none,                                   msmf::none >,
  msmf::Row< ShuttingDown,   logon_requested,       msmf::none,     msmf::none,                                   msmf::none >,
  msmf::Row< Restarting,     logon_requested,       msmf::none,     msmf::none,                                   msmf::none >
  > {};
  // clang-format on
};

}  // namespace client_fsm

}  // namespace cqm
