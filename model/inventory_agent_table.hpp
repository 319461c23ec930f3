#pragma once
// InventoryAgent's Boost.MSM front-end: its states, actions, guards and transition table. Included by
// inventory_agent.cpp (which instantiates the back-end) and its tests; everything else sees the machine
// through model/inventory_agent.hpp.
#include "model/inventory_agent.hpp"
#include "model/machine_def.hpp"

namespace cqm {

namespace inventory_agent_fsm {

CQM_STATE(NotStarted);
CQM_STATE(Scheduled);
CQM_STATE(Missed);

struct schedule_next_run {
  static constexpr const char* name() { return "schedule_next_run"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.arm_timer(fsm.env->timers.inventory(fsm.index),
                  fsm.now() + fsm.config().model.agent_interval(fsm.index));
  }
};

/// The inventory file is handed to CQM for the agent's inbox.
struct collect_inventory {
  static constexpr const char* name() { return "collect_inventory"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.announce(NoticeKind::inventory_collected, fsm.config().model.agent_destination(fsm.index));
  }
};

struct is_client_up {
  static constexpr const char* name() { return "is_client_up"; }
  template <class Fsm, class Src, class Tgt>
  bool operator()(inventory_due const& evt, Fsm&, Src&, Tgt&) const {
    return evt.client_up;
  }
};

struct inventory_agent_ : machine_def<inventory_agent_, InventoryAgent>, InventoryAgentData {
  using initial_state = NotStarted;

  // clang-format off
  struct transition_table : boost::mpl::vector<
  //         Start         | Event             | Next          | Action                                          | Guard
  msmf::Row< NotStarted,     client_started,     Scheduled,      schedule_next_run,                                msmf::none >,
  msmf::Row< Scheduled,      inventory_due,      msmf::none,     actions<collect_inventory, schedule_next_run>,    is_client_up >,
  msmf::Row< Scheduled,      inventory_due,      Missed,         msmf::none,                                       not_<is_client_up> >,
  msmf::Row< Missed,         client_started,     Scheduled,      actions<collect_inventory, schedule_next_run>,    msmf::none >,
  // A start-up concerns only an agent that has not started or missed its run.
  msmf::Row< Scheduled,      client_started,     msmf::none,     msmf::none,                                       msmf::none >
  > {};
  // clang-format on
};

}  // namespace inventory_agent_fsm

}  // namespace cqm
