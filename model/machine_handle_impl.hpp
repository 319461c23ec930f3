#pragma once
// Definitions of MachineGroup: included only by a machine's .cpp, which instantiates its back-end once.
#include <algorithm>
#include <boost/msm/back/state_machine.hpp>
#include <memory>

#include "model/machine_handle.hpp"
#include "model/machines.hpp"

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

template <class Machine>
struct MachineGroup<Machine>::Impl {
  using Back = boost::msm::back::state_machine<Front>;
  Env* env;
  // One array, built in place once per resize: MSM back-ends are never moved, and an instance is found by a
  // pointer's offset on every event (a deque's two-level lookup was 3 % of an exhaustive search).
  std::unique_ptr<Back[]> fsms;
  /// Builds n back-ends in place.
  void build(int n) {
    fsms.reset();
    fsms = std::make_unique<Back[]>(static_cast<std::size_t>(n));
  }
};

template <class Machine>
MachineGroup<Machine>::MachineGroup(Env& env) : impl_(std::make_unique<Impl>()) {
  impl_->env = &env;
}

template <class Machine>
MachineGroup<Machine>::~MachineGroup() = default;

template <class Machine>
void MachineGroup<Machine>::resize(int n) {
  impl_->build(n);
  for (int i = 0; i < n; ++i) {
    auto& fsm = impl_->fsms[static_cast<std::size_t>(i)];
    fsm.env = impl_->env;
    fsm.index = i;
    fsm.start();
  }
  size_ = n;
  make_views();
}

template <class Machine>
void MachineGroup<Machine>::resize(int per_block, int blocks, int tail, Env* const* envs) {
  const int n = per_block * blocks + tail;
  impl_->build(n);
  for (int i = 0; i < n; ++i) {
    auto& fsm = impl_->fsms[static_cast<std::size_t>(i)];
    const int block = per_block > 0 ? std::min(i / per_block, blocks) : blocks;
    fsm.env = envs[block];
    fsm.index = i - block * per_block;
    fsm.start();
  }
  size_ = n;
  make_views();
}

template <class Machine>
void MachineGroup<Machine>::reset() {
  const Instance<Data> initial{
      static_cast<std::uint8_t>(msm_state_id<typename Impl::Back, typename Front::initial_state>), Data{}};
  for (int i = 0; i < size(); ++i) set(i, initial);
  forget_touched();
}

template <class Machine>
template <class Event>
void MachineGroup<Machine>::on(int i, const Event& event) {
  auto& fsm = impl_->fsms[static_cast<std::size_t>(i)];
  Env& env = *fsm.env;
  touch(i);
  if (!env.coverage) [[likely]] {
    fsm.process_event(event);
    return;
  }
  static const std::size_t machine = machine_of(Machine::name);
  static const int event_number = Coverage::event_index(machine, event_name<Event>());
  const int before = *fsm.current_state();
  const std::uint32_t refusals = env.refusals;
  fsm.process_event(event);
  env.coverage->hit(machine, before, event_number, *fsm.current_state(), env.refusals != refusals);
}

template <class Machine>
void MachineGroup<Machine>::make_views() {
  views_.clear();
  for (int i = 0; i < size_; ++i) {
    auto& fsm = impl_->fsms[static_cast<std::size_t>(i)];
    views_.push_back({fsm.current_state(), &static_cast<Data&>(fsm)});
  }
  touched_.clear();
  touched_.reserve(views_.size());
  is_touched_.assign(views_.size(), 0);
}

template <class Machine>
void MachineGroup<Machine>::set(int i, const Instance<Data>& in) {
  auto& fsm = impl_->fsms[static_cast<std::size_t>(i)];
  detail::ActiveStateWriter writer{in.state};
  fsm.serialize(writer, 0);
  static_cast<Data&>(fsm) = in.data;
}

}  // namespace cqm

/// Instantiates the group and its `on` for each event the machine's table names.
#define CQM_INSTANTIATE_GROUP(Machine) template class ::cqm::MachineGroup<Machine>;
#define CQM_ACCEPTS(Machine, Event) template void ::cqm::MachineGroup<Machine>::on<Event>(int, const Event&);
