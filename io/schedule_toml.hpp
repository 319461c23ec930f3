#pragma once
// Schedules as TOML: what a user writes to run `cqmcheck simulate --schedule FILE`. See doc/schedule.md.
#include <string>
#include <string_view>

#include "model/schedule.hpp"

namespace cqm {

/// Throws InputError naming the file, line and key: unknown key or action, bad time, events out of order.
Schedule parse_schedule(std::string_view text, const std::string& file);
Schedule read_schedule(const std::string& path);
/// `parse_schedule(schedule_to_toml(s))` gives s back.
std::string schedule_to_toml(const Schedule& schedule);

}  // namespace cqm
