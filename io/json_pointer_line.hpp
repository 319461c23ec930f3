#pragma once
// The line a JSON value starts on, by its JSON pointer ("/schedule/events/3/at"). nlohmann-json reads our
// JSON files, but keeps no source positions (3.11, as Debian ships it); this small scanner is kept only for
// that: it is run on the error path, over the text once, in memory that does not grow with the document.
#include <string_view>

namespace cqm {

/// 0 when the pointer names no value of the text (or the text is not JSON).
int json_pointer_line(std::string_view text, std::string_view pointer);

}  // namespace cqm
