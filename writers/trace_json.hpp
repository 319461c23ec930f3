#pragma once
// trace.json: a counterexample as data — what it violated, the config, the schedule (replayable with
// `cqmcheck replay`), and each step's time, event, every machine's state and the log lines it wrote.
#include <string>

#include "harness/counterexample.hpp"

namespace cqm {

/// The trace as pretty-printed JSON; deterministic (no clock, no addresses).
std::string trace_to_json(const Counterexample& cex);

/// What `cqmcheck replay` needs from a trace file.
struct TraceInput {
  Config config;
  Schedule schedule;
  std::string property;  ///< the property the trace claims is violated
  std::string explorer;
  std::uint64_t seed = 0;
};

/// Throws InputError naming the file, line and field on a malformed trace.
TraceInput parse_trace(std::string_view text, const std::string& file);
TraceInput read_trace(const std::string& path);

}  // namespace cqm
