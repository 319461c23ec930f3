#pragma once
// CapInbox's Boost.MSM front-end: its states, actions, guards and transition table. Included by cap_inbox.cpp
// (which instantiates the back-end) and its tests; everything else sees the machine through
// model/cap_inbox.hpp.
#include <stdexcept>

#include "model/cap_inbox.hpp"
#include "model/machine_def.hpp"

namespace cqm {

namespace cap_inbox_fsm {

CQM_STATE(Empty);
CQM_STATE(Holding);

/// Drops the names no client can draw any more, then takes the new one.
struct take_name {
  static constexpr const char* name() { return "take_name"; }
  template <class Fsm, class Src, class Tgt>
  void operator()(file_landed const& evt, Fsm& fsm, Src&, Tgt&) const {
    if (fsm.names != 0 && fsm.minute < evt.earliest) {
      const Minutes gone = evt.earliest - fsm.minute;
      fsm.names = gone >= kMaxClockSpread ? 0 : fsm.names >> (kNameKinds * gone);
      fsm.minute = evt.earliest;
    }
    if (fsm.names == 0) fsm.minute = evt.minute;
    if (evt.minute < fsm.minute) {
      fsm.names <<= kNameKinds * (fsm.minute - evt.minute);
      fsm.minute = evt.minute;
    }
    // System::set_clock_offset keeps the clocks within kMaxClockSpread minutes of each other.
    if (evt.minute - fsm.minute >= kMaxClockSpread)
      throw std::logic_error("model bug: the CAP's inbox holds names of more than kMaxClockSpread minutes");
    fsm.names |= CapInbox::name_mask(evt.minute - fsm.minute, evt.bit);
  }
};

struct free_name {
  static constexpr const char* name() { return "free_name"; }
  template <class Fsm, class Src, class Tgt>
  void operator()(file_collected const& evt, Fsm& fsm, Src&, Tgt&) const {
    if (evt.minute >= fsm.minute && evt.minute - fsm.minute < kMaxClockSpread)
      fsm.names &= ~CapInbox::name_mask(evt.minute - fsm.minute, evt.bit);
    if (fsm.names == 0) fsm.minute = kNever;
  }
};

/// An inventory file goes to another inbox: no status file's name.
struct names_a_status {
  static constexpr const char* name() { return "names_a_status"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  bool operator()(Evt const& evt, Fsm&, Src&, Tgt&) const {
    return evt.bit != 0;
  }
};

struct frees_the_last_name {
  static constexpr const char* name() { return "frees_the_last_name"; }
  template <class Fsm, class Src, class Tgt>
  bool operator()(file_collected const& evt, Fsm& fsm, Src&, Tgt&) const {
    const std::uint64_t left = evt.minute >= fsm.minute && evt.minute - fsm.minute < kMaxClockSpread
                                   ? fsm.names & ~CapInbox::name_mask(evt.minute - fsm.minute, evt.bit)
                                   : fsm.names;
    return left == 0;
  }
};

struct cap_inbox_ : machine_def<cap_inbox_, CapInbox>, CapInboxData {
  using initial_state = Empty;

  // clang-format off
  struct transition_table : boost::mpl::vector<
  //         Start      | Event            | Next         | Action       | Guard
  msmf::Row< Empty,       file_landed,       Holding,       take_name,     names_a_status >,
  msmf::Row< Empty,       file_landed,       msmf::none,    msmf::none,    not_<names_a_status> >,
  msmf::Row< Holding,     file_landed,       msmf::none,    take_name,     names_a_status >,
  msmf::Row< Holding,     file_landed,       msmf::none,    msmf::none,    not_<names_a_status> >,
  msmf::Row< Holding,     file_collected,    Empty,         free_name,     frees_the_last_name >,
  msmf::Row< Holding,     file_collected,    msmf::none,    free_name,     not_<frees_the_last_name> >,
  msmf::Row< Empty,       file_collected,    msmf::none,    msmf::none,    msmf::none >
  > {};
  // clang-format on
};

}  // namespace cap_inbox_fsm

}  // namespace cqm
