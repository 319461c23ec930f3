#pragma once
// A counterexample as a picture: a timeline table, one row per step that shows something, one column (lane)
// per machine instance the registry shows in timelines (every program and queue item its own). Nine days of
// the KB's story would not fit a screen, so a run of identical days becomes one row "× N days: …". The
// timeline is data first (tests check the folding on it), DOT second.
#include <string>
#include <vector>

#include "harness/counterexample.hpp"

namespace cqm {

/// The state a lane entered at a step, and a short note that tells same-named states apart ("10009",
/// "retry 1"); `summary` is its phrase in a folded day's gist. Empty state: the lane did not change.
struct LaneChange {
  std::string state;
  std::string note;
  std::string summary;
  bool operator==(const LaneChange&) const = default;
};

/// A step worth a row: it changed a lane, wrote to the log, is an environment event, or is the violation.
struct TimelineStep {
  Minutes at = 0;
  std::string event;  ///< "power_on", "program_finishes", ... or "timer"
  std::string
      detail;  ///< "program[0], mif: success", or which timer fired ("power", "lifetime of 10009 ends")
  std::vector<LaneChange> lanes;
  std::vector<std::string>
      log;  ///< Cqmgr32.log lines, the destination's long name shortened to "Destination"
  bool violating = false;
};

/// One day, or a run of `days` identical consecutive days folded into one row (days > 1). Identical: the
/// same steps at the same times of day with the same changes and log lines.
struct TimelineDay {
  int first_day = 0;
  int days = 1;
  std::vector<TimelineStep> steps;  ///< the first day's, for a folded run
  std::string summary;              ///< a folded run's gist: "on 08:00, init failed, off 19:00"
  bool folded() const { return days > 1; }
};

struct Timeline {
  std::vector<std::string> lanes;   ///< "Client", "Program[0]", ..., "QueueItem[1]"
  std::vector<LaneChange> initial;  ///< every lane's state at day 0 00:00
  std::vector<TimelineDay> days;
};

/// The lanes of a snapshot, in registry order.
std::vector<std::string> timeline_lanes(const SystemSnapshot& s, const Config* config = nullptr);

/// The counterexample's steps as rows, grouped into days, identical runs folded. The day of the violating
/// step is never folded.
Timeline trace_timeline(const Counterexample& cex);

/// The timeline as DOT: one HTML-like table, the title (preset, explorer, seed, property) above it and the
/// violating step and the property's reason in red. Deterministic: the same trace gives the same text.
std::string trace_dot(const Counterexample& cex);

}  // namespace cqm
