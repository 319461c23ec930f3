#pragma once
// Coverage as the tables show it: which rows of each machine's transition table fired, and which (machine,
// state, event) triples the explorers reached, from the hits the machines recorded (model/coverage.hpp).
//
// Declared abstraction: the back-end reports the state before and after an event, not the row it took. Rows
// of one machine with the same source, event and target (they differ by guard or action) cannot be told
// apart: when one of them fires, all are counted as fired, and each says how many it shares with (`alike`).
// Completion rows (no event) an event led through count when they lie on a path from the event's row to the
// state the instance was left in.
#include <mutex>
#include <string>
#include <vector>

#include "model/coverage.hpp"
#include "model/description.hpp"

namespace cqm {

struct RowCoverage {
  TransitionDescription row;
  bool fired = false;
  int alike = 1;  ///< rows of the table with this row's source, event and target, itself included
};

struct MachineCoverage {
  std::string machine;
  std::vector<RowCoverage> rows;  ///< in table order (model/describe.hpp)
  /// "State + event" given to an instance: every one reached, and those no row took (refused).
  std::vector<std::string> reached, refused;
  int fired() const;
};

struct CoverageReport {
  std::vector<MachineCoverage> machines;  ///< registry order
  int rows() const;
  int fired() const;
  int triples() const;
  /// The rows that never fired, as row_text writes them, in registry and table order.
  std::vector<std::string> never_fired() const;
};

/// Every machine's table against the hits.
CoverageReport coverage_report(const Coverage& coverage);

/// "CopyQueueManager: Running + copy_cycle_due [guard] -> Running", as the report and `check --coverage` list
/// a row.
std::string row_text(const std::string& machine, const TransitionDescription& row);

/// Where the exhaustive explorer's threads leave what they reached: each merges its own set once, at its end.
struct CoverageSink {
  std::mutex mutex;
  Coverage coverage;
  void merge(const Coverage& c) {
    const std::lock_guard lock(mutex);
    coverage.merge(c);
  }
};

}  // namespace cqm
