#pragma once
// Definitions of MachineHandle: included only by a machine's .cpp, which instantiates the back-end once.
#include <boost/msm/back/state_machine.hpp>

#include "model/machine_handle.hpp"

namespace cqm {

/// The MSM id of a state in a back-end's transition table (what MSM's current_state() reports).
template <class Back, class State>
inline constexpr int msm_state_id = boost::msm::back::get_state_id<typename Back::stt, State>::value;

namespace detail {
// MSM's state machines expose Boost.Serialization's `serialize(ar, version)`; a minimal "archive" that writes
// only the active-state array restores a stored state through MSM's own public hook.
struct ActiveStateWriter {
  int state;
  template <class T>
  ActiveStateWriter& operator&(T&) {
    return *this;  // history, flags, sub-machine data: nothing to restore for our flat machines
  }
  template <std::size_t N>
  ActiveStateWriter& operator&(int (&states)[N]) {
    static_assert(N == 1, "our machines have one region");
    states[0] = state;
    return *this;
  }
};
}  // namespace detail

template <class Front>
struct MachineHandle<Front>::Impl {
  boost::msm::back::state_machine<Front> fsm;
};

template <class Front>
MachineHandle<Front>::MachineHandle(Env& env) : impl_(std::make_unique<Impl>()) {
  impl_->fsm.env = &env;
  impl_->fsm.start();
}

template <class Front>
MachineHandle<Front>::~MachineHandle() = default;

template <class Front>
template <class Event>
void MachineHandle<Front>::on(const Event& event) {
  impl_->fsm.process_event(event);
}

template <class Front>
int MachineHandle<Front>::state() const {
  return impl_->fsm.current_state()[0];
}

template <class Front>
void MachineHandle<Front>::restore(int state) {
  detail::ActiveStateWriter writer{state};
  impl_->fsm.serialize(writer, 0);
}

template <class Front>
void MachineHandle<Front>::reset() {
  Env* env = impl_->fsm.env;
  static_cast<Front&>(impl_->fsm) = Front{};
  impl_->fsm.env = env;
  restore(msm_state_id<boost::msm::back::state_machine<Front>, typename Front::initial_state>);
}

template <class Front>
Front& MachineHandle<Front>::data() {
  return impl_->fsm;
}

template <class Front>
const Front& MachineHandle<Front>::data() const {
  return impl_->fsm;
}

}  // namespace cqm

/// Instantiates the handle and its `on` for each event the machine's table names.
#define CQM_INSTANTIATE_HANDLE(Front) template class ::cqm::MachineHandle<Front>;
#define CQM_ACCEPTS(Front, Event) template void ::cqm::MachineHandle<Front>::on<Event>(const Event&);
