#pragma once
// Connection's Boost.MSM front-end: its states, actions, guards and transition table. Included by
// connection.cpp (which instantiates the back-end) and its tests; everything else sees the machine through
// model/connection.hpp.
#include "model/connection.hpp"
#include "model/machine_def.hpp"

namespace cqm {

namespace connection_fsm {

CQM_STATE(Closed);
CQM_STATE(Established);
CQM_STATE(Broken);

struct open {
  static constexpr const char* name() { return "open"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.started_at = fsm.now();
  }
};

struct count_failure {
  static constexpr const char* name() { return "count_failure"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.failures_in_a_row = std::min(fsm.failures_in_a_row + 1, 1000);
    fsm.env->write(LogKind::init_failed);
  }
};

struct reset_failures {
  static constexpr const char* name() { return "reset_failures"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.failures_in_a_row = 0;
  }
};

struct log_reconnected {
  static constexpr const char* name() { return "log_reconnected"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.env->write(LogKind::reconnected);
  }
};

struct log_reinit_failed {
  static constexpr const char* name() { return "log_reinit_failed"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.env->write(LogKind::reinit_failed);
  }
};

/// The reconnect fix: the destinations' retry waits are void once the connection is repaired.
struct announce_reestablished {
  static constexpr const char* name() { return "announce_reestablished"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.announce(NoticeKind::connection_reestablished);
  }
};

struct arm_reconnect {
  static constexpr const char* name() { return "arm_reconnect"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    const auto& m = fsm.config().model;
    fsm.arm_timer(fsm.env->timers.reconnect(),
                  std::max(fsm.now(), fsm.started_at + m.race_window) + m.reconnect_delay);
  }
};

struct cancel_reconnect {
  static constexpr const char* name() { return "cancel_reconnect"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.cancel_timer(fsm.env->timers.reconnect());
  }
};

/// DESIGN §1: the failure needs Win9x, a planned failure, the mode's condition (race: work racing the
/// start-up; any_boot: none), and the environment's bound on failures in a row.
struct does_init_fail {
  static constexpr const char* name() { return "does_init_fail"; }
  template <class Fsm, class Src, class Tgt>
  bool operator()(connect_requested const& evt, Fsm& fsm, Src&, Tgt&) const {
    const Config& c = fsm.config();
    const InitFailure mode = c.model.init_failure;
    const bool mode_allows = mode == InitFailure::AnyBoot || (mode == InitFailure::Race && evt.work_racing);
    const int bound = c.env.max_init_failures_in_a_row;
    const bool within_bound = bound < 0 || fsm.failures_in_a_row < bound;
    return evt.planned_failure && c.model.os == Os::Win9x && mode_allows && within_bound;
  }
};

struct is_within_race {
  static constexpr const char* name() { return "is_within_race"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  bool operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    return fsm.now() - fsm.started_at < fsm.config().model.race_window;
  }
};

struct does_late_reinit_succeed {
  static constexpr const char* name() { return "does_late_reinit_succeed"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  bool operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    return fsm.config().model.late_reinit_succeeds;
  }
};

struct reconnects_when_broken {
  static constexpr const char* name() { return "reconnects_when_broken"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  bool operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    return fsm.config().model.reconnect_when_broken;
  }
};

using can_reinitialise = all_of<not_<is_within_race>, does_late_reinit_succeed>;
using reinit_fails = all_of<not_<is_within_race>, not_<does_late_reinit_succeed>>;

struct connection_ : machine_def<connection_, Connection>, ConnectionData {
  using initial_state = Closed;

  // clang-format off
  struct transition_table : boost::mpl::vector<
  //         Start          | Event                     | Next          | Action                                     | Guard
  msmf::Row< Closed,          connect_requested,          Broken,         actions<open, count_failure>,                does_init_fail >,
  msmf::Row< Closed,          connect_requested,          Established,    actions<open, reset_failures>,               not_<does_init_fail> >,
  msmf::Row< Broken,          reinit_requested,           Established,    log_reconnected,                             can_reinitialise >,
  msmf::Row< Broken,          reinit_requested,           msmf::none,     log_reinit_failed,                           reinit_fails >,
  msmf::Row< Broken,          reinit_requested,           msmf::none,     msmf::none,                                  is_within_race >,
  msmf::Row< Established,     reinit_requested,           msmf::none,     msmf::none,                                  msmf::none >,
  msmf::Row< Broken,          reconnect_timer_elapsed,    Established,    actions<log_reconnected, announce_reestablished>, can_reinitialise >,
  msmf::Row< Broken,          reconnect_timer_elapsed,    msmf::none,     log_reinit_failed,                           reinit_fails >,
  msmf::Row< Broken,          reconnect_timer_elapsed,    msmf::none,     msmf::none,                                  is_within_race >,
  msmf::Row< Established,     reconnect_timer_elapsed,    msmf::none,     msmf::none,                                  msmf::none >,
  msmf::Row< Broken,          link_found_down,            msmf::none,     arm_reconnect,                               reconnects_when_broken >,
  msmf::Row< Broken,          link_found_down,            msmf::none,     msmf::none,                                  not_<reconnects_when_broken> >,
  msmf::Row< Established,     link_found_down,            msmf::none,     msmf::none,                                  msmf::none >,
  msmf::Row< Established,     cqm_stopped,                Closed,         cancel_reconnect,                            msmf::none >,
  msmf::Row< Broken,          cqm_stopped,                Closed,         cancel_reconnect,                            msmf::none >
  > {};
  // clang-format on
};

}  // namespace connection_fsm

}  // namespace cqm
