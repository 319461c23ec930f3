#pragma once
// trace.json: a counterexample as data — what it violated and why, the assumptions, the config, the schedule
// (replayable with `cqmcheck replay`, read back by io/trace_reader.hpp), and each step's time, event, the
// state of every machine instance with its described data, and the log lines it wrote. doc/trace.md describes
// the format.
#include <nlohmann/json.hpp>
#include <string>

#include "harness/counterexample.hpp"

namespace cqm {

/// The trace as pretty-printed JSON; deterministic (no clock, no addresses).
std::string trace_to_json(const Counterexample& cex);

/// Every machine instance's state and data as JSON: {"Client": {"state": "Up", "up_since": 482, ...}, ...}.
nlohmann::ordered_json machines_json(const SystemSnapshot& s, const Config& config);

}  // namespace cqm
