#pragma once
// What every machine's front-end shares: the MSM front-end base, MSM's lighter policies, the Env pointer,
// and an explicit no_transition that records the refused event instead of asserting.
#include <boost/msm/front/functor_row.hpp>
#include <boost/msm/front/state_machine_def.hpp>

#include "model/env.hpp"

namespace cqm {

namespace msmf = boost::msm::front;

template <class Derived, MachineKind Kind>
struct machine_def : msmf::state_machine_def<Derived> {
  // Events are processed synchronously and never thrown from: no event queue, no exception handling.
  using no_exception_thrown = int;
  using no_message_queue = int;
  static constexpr MachineKind kind = Kind;

  Env* env = nullptr;

  template <class Fsm, class Event>
  void no_transition(Event const&, Fsm&, int state) {
    env->refuse(Kind, state, Event::name());
  }
};

/// A state with a readable name for logs, traces and diagrams.
#define CQM_STATE(Name)                                   \
  struct Name : ::cqm::msmf::state<> {                    \
    static constexpr const char* name() { return #Name; } \
  }

/// An event without payload.
#define CQM_EVENT(name_)                                   \
  struct name_ {                                           \
    static constexpr const char* name() { return #name_; } \
  }

}  // namespace cqm
