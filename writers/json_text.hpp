#pragma once
// Every JSON output as text, the one way: pretty-printed, with a final newline, and any byte that is not
// UTF-8 (a file name on Linux may hold one, so may a --vary value) replaced by U+FFFD instead of throwing —
// the verdict and the files already written are never lost to a name.
#include <nlohmann/json.hpp>
#include <string>

namespace cqm {

inline std::string json_text(const nlohmann::ordered_json& j) {
  return j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace cqm
