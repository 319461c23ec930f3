#pragma once
// Simulated time: whole minutes since day 0 00:00. The KB's figures (1380, 11520) are minutes, so is the
// clock.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cqm {

using Minutes = std::int32_t;

inline constexpr Minutes kMinutesPerDay = 1440;
inline constexpr Minutes kNever = INT32_MAX;  // a timer that is not armed
/// The longest duration and the latest time any reader accepts (about 19 years): every sum the model forms of
/// a few of them stays far inside 32 bits, so no explorer meets a time it cannot hold.
inline constexpr Minutes kMaxMinutes = 10'000'000;

/// "day 3 08:00" — the form every log line, fate line and trace uses.
std::string format_time(Minutes t);

/// Accepts "day D hh:mm", "D hh:mm" and "hh:mm" (day 0). Empty on anything else, including minutes >= 60.
std::optional<Minutes> parse_time(std::string_view text);

/// "08:00" for a time of day; used for user-day settings.
std::string format_clock(Minutes minute_of_day);

}  // namespace cqm
