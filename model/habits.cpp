#include "model/habits.hpp"

namespace cqm::stats {

std::optional<std::pair<std::string, std::string>> validate(const Habits& h) {
  using Problem = std::pair<std::string, std::string>;
  if (h.start_until < h.start_from)
    return Problem{"day.start_until", "must not be earlier than day.start_from"};
  if (h.hours_min <= 0) return Problem{"day.hours_min", "must be a positive number of minutes"};
  if (h.hours_max < h.hours_min) return Problem{"day.hours_max", "must not be less than day.hours_min"};
  // The latest a day can end: the user switches off before midnight, so each day is one session. Blame the
  // key that tips it: the jitter when the day fits without it.
  if (h.start_until + h.hours_max + 2 * h.jitter >= kMinutesPerDay)
    return Problem{h.start_until + h.hours_max < kMinutesPerDay ? "day.jitter" : "day.hours_max",
                   "the latest day (start_until + hours_max + 2 x jitter) must end before midnight"};
  if (h.program_until < h.program_from)
    return Problem{"program.after_start_until", "must not be earlier than program.after_start_from"};
  if (h.program_at != kNever && (h.program_at < 0 || h.program_at >= kMinutesPerDay))
    return Problem{"program.at", "a time of day must lie within one day (00:00 to 23:59)"};
  if (h.clock_skew < 0 || h.clock_skew > kMaxClockSkew)
    return Problem{"clock.skew", "must be 0 to " + std::to_string(kMaxClockSkew) +
                                     " minutes (the CAP's inbox tells apart the names of 16 minutes)"};
  const std::pair<const char*, double> probabilities[] = {{"day.leave_on", h.leave_on},
                                                          {"day.absent", h.absent},
                                                          {"day.logon", h.logon},
                                                          {"init.failure_probability", h.init_failure}};
  for (auto [key, p] : probabilities)
    if (!(p >= 0.0 && p <= 1.0)) return Problem{key, "a probability must lie in [0, 1]"};
  return std::nullopt;
}

}  // namespace cqm::stats
