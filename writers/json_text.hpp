#pragma once
// Every JSON output as text, the one way: pretty-printed, with a final newline, and any byte that is not
// UTF-8 (a file name on Linux may hold one, so may a --vary value) replaced by U+FFFD instead of throwing —
// the verdict and the files already written are never lost to a name.
#include <nlohmann/json.hpp>
#include <string>

namespace cqm {

/// `j` printed with `indent` spaces a level (-1: on one line), bytes that are not UTF-8 as U+FFFD.
inline std::string json_dump(const nlohmann::ordered_json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

inline std::string json_text(const nlohmann::ordered_json& j) { return json_dump(j, 2) + "\n"; }

}  // namespace cqm
