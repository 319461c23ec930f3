#pragma once
// Reading the habits of a user population from TOML (`cqmcheck estimate --habits FILE.toml`). Every key is
// optional: a missing one keeps the default of stats/habits.hpp. See doc/estimate.md for every key.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "model/habits.hpp"

namespace cqm {

/// Throws InputError naming the file, line and key on a syntax error, an unknown key, a wrong type, a
/// probability outside [0, 1], or a value stats::validate rejects.
stats::Habits parse_habits(std::string_view text, const std::string& file);
stats::Habits read_habits(const std::string& path);

/// The habits as TOML, every key written: `parse_habits(habits_to_toml(h))` gives h back.
std::string habits_to_toml(const stats::Habits& habits);

/// The habits as JSON, sections and keys in the file's order: {"day": {"start_from": "07:30", ...}, ...}.
nlohmann::ordered_json habits_to_json(const stats::Habits& habits);

}  // namespace cqm
