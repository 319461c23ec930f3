#pragma once
// A strict JSON reader that remembers the line of every value, so a bad trace file is reported as
// "trace.json:42: schedule.events[3].at: ..." like every other input. Values are built as nlohmann::json.
// Bounded: nesting depth and document size are capped, so no input can exhaust the stack or memory.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace cqm {

struct JsonDocument {
  nlohmann::json root;
  std::map<std::string, int> lines;  ///< JSON pointer ("/schedule/events/3/at") -> line
  int line_of(const std::string& pointer) const;
};

/// Throws InputError(file, line, "", why) on any syntax error.
JsonDocument parse_json_with_lines(std::string_view text, const std::string& file);

}  // namespace cqm
