#pragma once
// Setting one key of a config or habits document from the command line (`sweep --vary KEY=LIST`). The base
// value is written out as TOML with every key (config_to_toml, habits_to_toml), the key is set there, and the
// document is read back by the ordinary reader — so a sweep value gets exactly the checks a file value gets.
#include <string>

namespace cqm::stats {

/// `toml_text` with `key` (dotted, as in the file) set to `value` (as typed), typed like the key's current
/// value: a string key takes the text as it is, an integer, number or boolean key must parse as one. Throws
/// InputError(file "command line", field `argument`) for a key the document lacks or a mistyped value.
std::string with_override(const std::string& toml_text, const std::string& key, const std::string& value,
                          const std::string& argument);

/// True when the document has a (non-table) value at `key`.
bool has_key(const std::string& toml_text, const std::string& key);

}  // namespace cqm::stats
