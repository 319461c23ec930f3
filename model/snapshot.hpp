#pragma once
// The System's whole state as a value: the clock, the environment's inputs, and every instance of every
// machine in the registry (its active state and its described data). Derived from the registry and the
// descriptions, never written out by hand: a field added to a machine's data is in the snapshot, its
// equality, the trace and the explorer's key without another line.
#include <boost/describe/class.hpp>
#include <boost/mp11/algorithm.hpp>
#include <tuple>
#include <vector>

#include "model/machines.hpp"

namespace cqm {

/// What the environment has set that no machine holds: a real CAP outage, and the outcome planned for CQM's
/// initialisation at each client's next start-up (bit c: client c's fails).
struct Inputs {
  bool cap_outage = false;
  std::int32_t next_init_fails = 0;
  bool operator==(const Inputs&) const = default;
};
BOOST_DESCRIBE_STRUCT(Inputs, (), (cap_outage, next_init_fails))

template <class M>
using InstancesOf = std::vector<Instance<typename M::Data>>;
using MachineStates = boost::mp11::mp_rename<boost::mp11::mp_transform<InstancesOf, Machines>, std::tuple>;

struct SystemSnapshot {
  Minutes now = 0;
  Inputs inputs;
  std::uint32_t refusals = 0;  ///< events refused since the System was reset: judged on the step, never keyed
  bool queue_overflowed = false;  ///< a status found no free queue slot (environment.max_queue): never keyed
  MachineStates machines;

  template <class M>
  const InstancesOf<M>& all() const {
    return std::get<machine_index<M>>(machines);
  }
  template <class M>
  InstancesOf<M>& all() {
    return std::get<machine_index<M>>(machines);
  }
  template <class M>
  const Instance<typename M::Data>& one(int i = 0) const {
    return all<M>()[static_cast<std::size_t>(i)];
  }
  template <class M>
  typename M::State state(int i = 0) const {
    return static_cast<typename M::State>(one<M>(i).state);
  }

  bool operator==(const SystemSnapshot&) const = default;
};

}  // namespace cqm
