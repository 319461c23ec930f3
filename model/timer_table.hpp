#pragma once
// Timer's Boost.MSM front-end: its states, actions, guards and transition table. Included by timer.cpp (which
// instantiates the back-end) and its tests; everything else sees the machine through model/timer.hpp.
#include "model/machine_def.hpp"
#include "model/timer.hpp"

namespace cqm {

namespace timer_fsm {

CQM_STATE(Idle);
CQM_STATE(Armed);

struct set_due {
  static constexpr const char* name() { return "set_due"; }
  template <class Fsm, class Src, class Tgt>
  void operator()(timer_armed const& evt, Fsm& fsm, Src&, Tgt&) const {
    fsm.due = evt.due;
  }
};

struct clear_due {
  static constexpr const char* name() { return "clear_due"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.due = kNever;
  }
};

struct announce_elapsed {
  static constexpr const char* name() { return "announce_elapsed"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.announce(NoticeKind::timer_elapsed);
  }
};

struct timer_ : machine_def<timer_, Timer>, TimerData {
  using initial_state = Idle;

  // clang-format off
  struct transition_table : boost::mpl::vector<
  //         Start   | Event            | Next        | Action                               | Guard
  msmf::Row< Idle,     timer_armed,       Armed,        set_due,                               msmf::none >,
  msmf::Row< Armed,    timer_armed,       msmf::none,   set_due,                               msmf::none >,
  msmf::Row< Armed,    timer_cancelled,   Idle,         clear_due,                             msmf::none >,
  msmf::Row< Idle,     timer_cancelled,   msmf::none,   msmf::none,                            msmf::none >,
  msmf::Row< Armed,    clock_reached,     Idle,         actions<clear_due, announce_elapsed>,  msmf::none >
  > {};
  // clang-format on
};

}  // namespace timer_fsm

}  // namespace cqm
