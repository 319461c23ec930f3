#pragma once
// trace.json: a counterexample as data — what it violated and why, the assumptions, the config, the schedule
// (replayable with `cqmcheck replay`, read back by io/trace_reader.hpp), and each step's time, event, the
// state of every machine instance with its described data, and the log lines it wrote. doc/trace.md describes
// the format.
#include <string>

#include "harness/counterexample.hpp"

namespace cqm {

/// The trace as pretty-printed JSON; deterministic (no clock, no addresses).
std::string trace_to_json(const Counterexample& cex);

}  // namespace cqm
