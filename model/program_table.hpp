#pragma once
// Program's Boost.MSM front-end: its states, actions, guards and transition table. Included by program.cpp
// (which instantiates the back-end) and its tests; everything else sees the machine through
// model/program.hpp.
#include "model/machine_def.hpp"
#include "model/program.hpp"

namespace cqm {

namespace program_fsm {

CQM_STATE(Idle);
CQM_STATE(Running);
CQM_STATE(Exited);

struct start_run {
  static constexpr const char* name() { return "start_run"; }
  template <class Fsm, class Src, class Tgt>
  void operator()(program_launched const& evt, Fsm& fsm, Src&, Tgt&) const {
    fsm.mif = evt.mif;
  }
};

/// The run is over: APM hears how (the .mif it left, and whether the program is restarting the PC).
template <bool Restarting>
struct exit_run {
  static constexpr const char* name() { return Restarting ? "exit_restarting" : "exit"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.announce(NoticeKind::program_exited, static_cast<std::int32_t>(fsm.mif), Restarting ? 1 : 0);
  }
};

/// The program restarts the PC itself, before the SMS client has read its .mif (after APM heard of the exit).
struct restart_computer {
  static constexpr const char* name() { return "restart_computer"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.announce(NoticeKind::restart_requested);
  }
};

struct does_program_restart_computer {
  static constexpr const char* name() { return "does_program_restart_computer"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  bool operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    return fsm.config().model.programs[static_cast<std::size_t>(fsm.index)].after_running ==
           AfterRunning::ProgramRestarts;
  }
};

struct program_ : machine_def<program_, Program>, ProgramData {
  using initial_state = Idle;

  // clang-format off
  struct transition_table : boost::mpl::vector<
  //         Start     | Event              | Next      | Action                                     | Guard
  msmf::Row< Idle,       program_launched,    Running,    start_run,                                   msmf::none >,
  msmf::Row< Running,    msmf::none,          Exited,     actions<exit_run<true>, restart_computer>,   does_program_restart_computer >,
  msmf::Row< Running,    msmf::none,          Exited,     exit_run<false>,                             not_<does_program_restart_computer> >,
  msmf::Row< Exited,     program_launched,    Running,    start_run,                                   msmf::none >
  > {};
  // clang-format on
};

}  // namespace program_fsm

}  // namespace cqm
