#pragma once
// The instances of one machine as the System holds them: the Boost.MSM back-ends live in the machine's own
// translation unit (an MSM TU costs ~1 GB and seconds to compile); the System sees only this group.
#include <cstdint>
#include <memory>
#include <vector>

#include "model/env.hpp"

namespace cqm {

/// One instance's whole state: its active state (its MSM state id) and its described data.
template <class Data>
struct Instance {
  std::uint8_t state = 0;
  Data data{};
  bool operator==(const Instance&) const = default;
};

/// `Machine` is a registry entry (model/machines.hpp): it names the front-end, the data and the states.
template <class Machine>
class MachineGroup {
 public:
  using Front = typename Machine::Front;
  using Data = typename Machine::Data;

  explicit MachineGroup(Env& env);
  ~MachineGroup();
  MachineGroup(const MachineGroup&) = delete;
  MachineGroup& operator=(const MachineGroup&) = delete;

  /// `n` instances, each in its initial state with default data.
  void resize(int n);
  /// `blocks` blocks of `per_block` instances, then `tail` more: block b's instances see envs[b] and are
  /// numbered from 0 within it (a client's machines), the tail's see envs[blocks] (the site's).
  void resize(int per_block, int blocks, int tail, Env* const* envs);
  int size() const { return size_; }
  /// Every instance back to its initial state with default data.
  void reset();

  /// Processes one event on instance i through the MSM back-end (instantiated in the machine's .cpp for each
  /// event its table takes).
  template <class Event>
  void on(int i, const Event& event);

  /// The active state's index: its MSM state id, checked at compile time against Machine::State.
  int state(int i) const { return *views_[static_cast<std::size_t>(i)].state; }
  const Data& data(int i) const { return *views_[static_cast<std::size_t>(i)].data; }
  /// For tests of one transition from a chosen state: the data to change before the event.
  Data& data(int i) { return *views_[static_cast<std::size_t>(i)].data; }

  void get(int i, Instance<Data>& out) const {
    out.state = static_cast<std::uint8_t>(state(i));
    out.data = data(i);
  }
  /// Sets instance i's state and data without running actions: explorers restoring a stored state, tests.
  void set(int i, const Instance<Data>& in);

  /// The instances given an event since the last forget_touched(), each once: only these can differ from
  /// what the group was last set to (an event changes only the instance it is given; the System snapshots
  /// and restores a step's changes through this list instead of every instance).
  const std::vector<int>& touched() const { return touched_; }
  void forget_touched() {
    for (const int i : touched_) is_touched_[static_cast<std::size_t>(i)] = 0;
    touched_.clear();
  }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int size_ = 0;  ///< kept here, not behind the pointer: loops over the instances ask for it often
  /// Where each instance keeps its active state and its data inside its back-end (which never moves): the
  /// System, the snapshots and the routes read them inline, not through a call into the machine's unit.
  struct View {
    const int* state;
    Data* data;
  };
  std::vector<View> views_;
  std::vector<int> touched_;
  std::vector<std::uint8_t> is_touched_;
  void touch(int i) {
    auto& t = is_touched_[static_cast<std::size_t>(i)];
    if (!t) {
      t = 1;
      touched_.push_back(i);
    }
  }
  void make_views();
};

}  // namespace cqm
