#pragma once
// What the explorers reached, as the machines saw it: each event an instance was given, in which state, and
// the state it left the instance in (or that it refused it). Recorded by MachineGroup::on when the Env asks
// for it (Env::coverage; off, the cost is one test per event); on, one bit set per event.
// harness/coverage.hpp maps the hits to the tables' rows.
#include <cstdint>
#include <string_view>
#include <vector>

namespace cqm {

/// One (machine, state, event) a machine was given, and what came of it.
struct CoverageHit {
  std::string_view machine;  ///< the registry's name
  std::string_view event;
  std::uint8_t before = 0;  ///< MSM state ids
  std::uint8_t after = 0;
  bool refused = false;  ///< no row took the event (no_transition)
  bool operator==(const CoverageHit&) const = default;
  /// By machine, state, event, outcome: the order hits() lists them in, whatever order they were reached in.
  bool operator<(const CoverageHit& o) const;
};

class Coverage {
 public:
  /// Bounds of the bit table: the states a machine has, the events one takes; event_index throws past them.
  static constexpr int kStates = 32;
  static constexpr int kEvents = 64;

  /// The number of event `event` of registry machine `machine` in this process: given on first use, once per
  /// (machine, event) type (MachineGroup::on keeps it in a static).
  static int event_index(std::size_t machine, std::string_view event);

  void hit(std::size_t machine, int before, int event, int after, bool refused) {
    if (bits_.empty()) bits_.assign(kWords, 0);
    const std::size_t bit = (((machine * kStates + static_cast<std::size_t>(before)) * kEvents +
                              static_cast<std::size_t>(event)) *
                                 kStates +
                             static_cast<std::size_t>(after)) *
                                2 +
                            (refused ? 1 : 0);
    bits_[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  void merge(const Coverage& other);
  bool empty() const;
  /// Every distinct hit, sorted.
  std::vector<CoverageHit> hits() const;

 private:
  static constexpr std::size_t kMachinesBound = 16;
  static constexpr std::size_t kWords = kMachinesBound * kStates * kEvents * kStates * 2 / 64;
  std::vector<std::uint64_t> bits_;  ///< empty until the first hit
};

}  // namespace cqm
