#pragma once
// Registry's Boost.MSM front-end: its states, actions, guards and transition table. Included by registry.cpp
// (which instantiates the back-end) and its tests; everything else sees the machine through
// model/registry.hpp.
#include "model/machine_def.hpp"
#include "model/registry.hpp"

namespace cqm {

namespace registry_fsm {

CQM_STATE(HasRoom);
CQM_STATE(Full);

struct lose_profile {
  static constexpr const char* name() { return "lose_profile"; }
  template <class Fsm, class Src, class Tgt>
  void operator()(item_stored const& evt, Fsm& fsm, Src&, Tgt&) const {
    fsm.env->write(LogKind::registry_full, evt.items);
  }
};

struct exceeds_capacity {
  static constexpr const char* name() { return "exceeds_capacity"; }
  template <class Fsm, class Src, class Tgt>
  bool operator()(item_stored const& evt, Fsm& fsm, Src&, Tgt&) const {
    return evt.items > fsm.config().model.registry_capacity;
  }
};

struct registry_ : machine_def<registry_, Registry>, RegistryData {
  using initial_state = HasRoom;

  // clang-format off
  struct transition_table : boost::mpl::vector<
  //         Start      | Event          | Next         | Action         | Guard
  msmf::Row< HasRoom,     item_stored,     Full,          lose_profile,    exceeds_capacity >,
  msmf::Row< HasRoom,     item_stored,     msmf::none,    msmf::none,      not_<exceeds_capacity> >,
  msmf::Row< Full,        item_stored,     msmf::none,    msmf::none,      msmf::none >
  > {};
  // clang-format on
};

}  // namespace registry_fsm

}  // namespace cqm
