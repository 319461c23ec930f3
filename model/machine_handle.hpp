#pragma once
// A machine as the System holds it: the Boost.MSM back-end lives in the machine's own translation unit
// (an MSM TU costs ~1 GB and seconds to compile), the System sees only this handle.
#include <memory>

#include "model/env.hpp"

namespace cqm {

template <class Front>
class MachineHandle {
 public:
  explicit MachineHandle(Env& env);
  ~MachineHandle();
  MachineHandle(const MachineHandle&) = delete;
  MachineHandle& operator=(const MachineHandle&) = delete;

  /// Processes one event through the MSM back-end (instantiated in the machine's .cpp for its events).
  template <class Event>
  void on(const Event& event);

  /// The active state's index: equal to its MSM state id, checked at compile time against the machine's enum.
  int state() const;
  /// Sets the active state without running actions: for explorers restoring a stored state and for tests.
  void restore(int state);
  /// Back to the initial state with default data.
  void reset();

  /// The machine's data lives in its front-end, as in MSM's own examples.
  Front& data();
  const Front& data() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cqm
