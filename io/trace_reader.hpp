#pragma once
// Reading a counterexample's trace.json back (`cqmcheck replay`): the config, the schedule, and what the
// trace claims. Parsed by nlohmann-json; every member is checked against the format (doc/trace.md): an
// unknown or misspelt member is an error, never ignored. The steps are not read back: replay recomputes them.
#include <cstdint>
#include <string>
#include <string_view>

#include "model/schedule.hpp"

namespace cqm {

/// The trace format's version; writers/trace_json.cpp writes it.
inline constexpr int kTraceVersion = 3;

/// What `cqmcheck replay` needs from a trace file.
struct TraceInput {
  Config config;
  Schedule schedule;
  std::string property;  ///< the property the trace claims is violated
  std::string explorer;
  std::uint64_t seed = 0;
};

/// Throws InputError naming the file, line and member on a malformed trace.
TraceInput parse_trace(std::string_view text, const std::string& file);
TraceInput read_trace(const std::string& path);

/// Throws InputError when the schedule names a program the config does not have.
void check_schedule_programs(const Schedule& schedule, const Config& config, const std::string& file);

}  // namespace cqm
