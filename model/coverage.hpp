#pragma once
// What the explorers reached, as the machines saw it: each event an instance was given, in which state, and
// the state it left the instance in (or that it refused it). Recorded by MachineGroup::on when the Env asks
// for it (Env::coverage; off, the cost is one test per event). harness/coverage.hpp maps the hits to the
// tables' rows.
#include <cstdint>
#include <string_view>
#include <unordered_set>
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
  void hit(const CoverageHit& h) { hits_.insert(h); }
  void merge(const Coverage& other) { hits_.insert(other.hits_.begin(), other.hits_.end()); }
  bool empty() const { return hits_.empty(); }
  /// Every distinct hit, sorted.
  std::vector<CoverageHit> hits() const;

 private:
  struct Hash {
    std::size_t operator()(const CoverageHit& h) const noexcept;
  };
  std::unordered_set<CoverageHit, Hash> hits_;
};

}  // namespace cqm
