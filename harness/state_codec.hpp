#pragma once
// The exhaustive explorer's state key, derived from the described state: the clock, the environment's inputs
// and bookkeeping, and every instance of every machine in the registry — its active state and each field of
// its Boost.Describe'd data — packed to the bits each needs. Nothing is listed here by hand: a field added to
// a machine's data is in the key.
//
// Exactness: a field is stored as it is unless its struct declares a rule for it next to the field
// (model/key_rules.hpp: kept only as far as the future can tell, or not stored and restored), with the reason
// that is sound for every property. `exact` ignores every rule: the key is then the full state, and
// tests/harness/differential_test.cpp holds the two to the same verdicts. Integers are stored in a range
// derived from the config (the exploration horizon plus every duration, twice over); a value outside it is a
// model bug and throws, never a silent truncation.
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "harness/environment.hpp"

namespace cqm {

/// The rule of a machine's state field that takes no bits: the machine has one state (Status Manager).
inline constexpr const char* kOneState = "the machine has one state: there is nothing to store";

class StateCodec {
 public:
  StateCodec(const Config& config, Minutes horizon, bool exact);

  std::size_t words() const { return words_; }  ///< 64-bit words per key
  std::size_t bits() const { return bits_; }
  /// The key's first bits hold the clock, the environment's inputs and its bookkeeping; the machines follow.
  std::size_t environment_bits() const { return environment_bits_; }
  bool exact() const { return exact_; }

  void pack(const SystemSnapshot& s, const EnvBook& book, std::uint64_t* key) const;
  /// For each machine (registry index), the instances a step gave an event (System::group<M>().touched()).
  using Touched = std::array<std::span<const int>, kMachines>;
  /// pack(s, book, key) for a state `s` one step from the state `parent` is the key of, that step having
  /// changed only the clock, the inputs, the book and the `touched` instances: the parent's key with those
  /// re-encoded, and the instances of every machine with a rule that reads the clock (key::reads_clock).
  /// Every instance of a machine takes the same bits, so instance i lies at a fixed place. A step touches a
  /// few of a key's hundreds of fields; tests/harness/incremental_key_test.cpp holds the result equal to
  /// pack() on every successor of every preset's search.
  /// `parent_state`, when given, is the state `parent` is the key of, as unpack() reads it back: a touched
  /// instance equal to its own there keeps its bits, which are what packing it would write (every rule is
  /// idempotent). A step gives many an event that changes nothing: a timer cancelled that was not armed.
  void pack_step(const std::uint64_t* parent, const SystemSnapshot& s, const EnvBook& book,
                 const Touched& touched, std::uint64_t* key,
                 const SystemSnapshot* parent_state = nullptr) const;
  void unpack(const std::uint64_t* key, SystemSnapshot& s, EnvBook& book) const;
  /// pack(s, book, key) for `s` the state `key` stands for with its clients moved: order[j] is the client now
  /// at position j, as canonical_order() gives it. An instance's bits do not depend on where it lies, so each
  /// client's block of each machine is moved as it is, and only the header is packed again, from `s` and
  /// `book`: `s`'s inputs must hold the init plan in the new order (reorder_init_plan); its blocks are not
  /// read.
  void reorder_clients(std::uint64_t* key, const SystemSnapshot& s, const EnvBook& book,
                       std::span<const int> order) const;
  /// For each machine (registry index), the instances an unpack_step read back, in order.
  using Changed = std::array<std::vector<int>, kMachines>;
  /// unpack(key, s, book) for `s` and `book` holding unpack(previous): reads back the clock, the inputs, the
  /// book, the instances whose bits differ between the two keys and those of every machine with a rule that
  /// reads the clock; lists the instances read back in `changed` (whatever else is in `s` is as it was). A
  /// frontier's states follow their parents in order, so consecutive keys are mostly siblings' and differ in
  /// a few words; tests/harness/incremental_key_test.cpp holds the result equal to unpack() on every state.
  void unpack_step(const std::uint64_t* previous, const std::uint64_t* key, SystemSnapshot& s, EnvBook& book,
                   Changed& changed) const;

  /// One field of the layout: "QueueItem[1].submitted_at", its bits, and the declared rule's reason (empty
  /// when stored exactly).
  struct Field {
    std::string name;
    int bits = 0;
    std::string rule;
  };
  std::vector<Field> layout() const;

  /// The integers a key holds: -1 up to this (and kNever).
  Minutes int_max() const { return int_max_; }

 private:
  Config config_;  ///< a copy: the codec outlives any config it was made from
  bool exact_;
  Minutes int_max_;
  int int_bits_;
  std::size_t bits_ = 0;
  std::size_t environment_bits_ = 0;
  std::size_t words_ = 1;
  std::array<int, kMachines> totals_{};  ///< each machine's instances (total_instances), by registry index
  std::array<std::size_t, kMachines> offsets_{};  ///< where each machine's instances start, in bits
  std::array<std::size_t, kMachines> widths_{};   ///< the bits of one instance of each machine
  /// For each word of the key, the instances (registry index, instance) with bits in it: those of machines
  /// whose rules read the clock left out (unpack_step reads them back whole).
  std::vector<std::vector<std::pair<std::uint8_t, int>>> in_word_;
  /// Where each machine with instances per client starts in the key, and the bits of one client's instances.
  std::vector<std::pair<std::size_t, std::size_t>> client_blocks_;
};

}  // namespace cqm
