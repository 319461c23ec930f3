#pragma once
// What every machine's front-end shares: the MSM front-end base, MSM's lighter policies, the Env pointer and
// the instance's index, an explicit no_transition that records the refused event instead of asserting, and
// guard combinators whose names say what they test (the generated diagrams show them).
#include <boost/msm/front/functor_row.hpp>
#include <boost/msm/front/state_machine_def.hpp>
#include <string>

#include "model/env.hpp"
#include "model/event.hpp"

namespace cqm {

namespace msmf = boost::msm::front;

/// `Derived` is the front-end, `Machine` its registry entry (model/machines.hpp), which names the machine and
/// its states; it may be incomplete here, as no_transition is instantiated only in the machine's .cpp.
template <class Derived, class Machine>
struct machine_def : msmf::state_machine_def<Derived> {
  // Events are processed synchronously and never thrown from: no event queue, no exception handling.
  using no_exception_thrown = int;
  using no_message_queue = int;

  Env* env = nullptr;
  int index = 0;  ///< which instance of the machine this is (a program, a queue item, a timer)

  template <class Fsm, class Event>
  void no_transition(Event const&, Fsm&, int state) {
    env->refuse(Machine::name, index, Machine::states[static_cast<std::size_t>(state)], event_name<Event>());
  }

  const Config& config() const { return *env->config; }
  Minutes now() const { return env->now; }
  void announce(NoticeKind kind, std::int32_t arg = 0, std::int32_t arg2 = 0) {
    env->post(kind, index, arg, arg2);
  }
  /// A site machine's notice about one client's machines (Status Manager's verdict on a client's file).
  void announce_for(int client, NoticeKind kind, std::int32_t arg = 0, std::int32_t arg2 = 0) {
    env->post(kind, index, arg, arg2, client);
  }
  void arm_timer(int timer, Minutes due) { announce(NoticeKind::timer_armed, timer, due); }
  void cancel_timer(int timer) { announce(NoticeKind::timer_cancelled, timer); }
};

/// A state with a readable name for logs, traces and diagrams.
#define CQM_STATE(Name)                                   \
  struct Name : ::cqm::msmf::state<> {                    \
    static constexpr const char* name() { return #Name; } \
  }

/// Guards that hold together; the diagram shows "a && b".
template <class... Guards>
struct all_of {
  static std::string name() {
    std::string out;
    ((out += (out.empty() ? "" : " && ") + std::string(Guards::name())), ...);
    return out;
  }
  template <class Evt, class Fsm, class Src, class Tgt>
  bool operator()(Evt const& e, Fsm& f, Src& s, Tgt& t) const {
    return (Guards{}(e, f, s, t) && ...);
  }
};

/// The guard's negation; the diagram shows "!a".
template <class Guard>
struct not_ {
  static std::string name() { return "!" + std::string(Guard::name()); }
  template <class Evt, class Fsm, class Src, class Tgt>
  bool operator()(Evt const& e, Fsm& f, Src& s, Tgt& t) const {
    return !Guard{}(e, f, s, t);
  }
};

/// Several actions, in order; the diagram lists them.
template <class... Actions>
using actions = msmf::ActionSequence_<boost::mpl::vector<Actions...>>;

}  // namespace cqm
