#include "model/config.hpp"

#include <algorithm>

namespace cqm {

std::optional<std::pair<std::string, std::string>> validate(const Config& c) {
  using R = std::optional<std::pair<std::string, std::string>>;
  auto positive = [](const char* field, Minutes v) -> R {
    if (v <= 0) return std::pair<std::string, std::string>{field, "must be a positive number of minutes"};
    return std::nullopt;
  };
  auto non_negative = [](const char* field, Minutes v) -> R {
    if (v < 0) return std::pair<std::string, std::string>{field, "must not be negative"};
    return std::nullopt;
  };
  const std::pair<const char*, Minutes> positives[] = {{"cqm.wake_up_cycle", c.wake_up_cycle},
                                                       {"cqm.item_lifetime", c.item_lifetime},
                                                       {"cqm.retry_interval", c.retry_interval},
                                                       {"environment.quantum", c.env.quantum}};
  for (auto [f, v] : positives)
    if (auto e = positive(f, v)) return e;
  const std::pair<const char*, Minutes> non_negatives[] = {{"client.boot_minutes", c.boot_minutes},
                                                           {"client.shutdown_minutes", c.shutdown_minutes},
                                                           {"cqm.reconnect_delay", c.reconnect_delay},
                                                           {"init.race_window", c.race_window},
                                                           {"day.on_at", c.day.on_at},
                                                           {"day.off_at", c.day.off_at},
                                                           {"day.program_at", c.day.program_at},
                                                           {"environment.min_session", c.env.min_session},
                                                           {"environment.max_session", c.env.max_session},
                                                           {"environment.program_from", c.env.program_from},
                                                           {"environment.program_until", c.env.program_until},
                                                           {"environment.max_outage", c.env.max_outage},
                                                           {"environment.on_from", c.env.on_from},
                                                           {"environment.on_until", c.env.on_until}};
  for (auto [f, v] : non_negatives)
    if (auto e = non_negative(f, v)) return e;
  if (c.day.on_at >= kMinutesPerDay || c.day.off_at > kMinutesPerDay)
    return std::pair<std::string, std::string>{"day.off_at", "times of day must lie within one day"};
  if (!c.day.always_on && c.day.off_at <= c.day.on_at)
    return std::pair<std::string, std::string>{"day.off_at", "must be later than day.on_at"};
  if (c.day.days < 0) return std::pair<std::string, std::string>{"day.days", "must not be negative"};
  if (c.env.program_until <= c.env.program_from)
    return std::pair<std::string, std::string>{"environment.program_until",
                                               "must be later than program_from"};
  if (c.env.on_until < c.env.on_from || c.env.on_until >= kMinutesPerDay)
    return std::pair<std::string, std::string>{"environment.on_until",
                                               "must lie within the day, not before on_from"};
  if (c.env.max_session != 0 && c.env.max_session < c.env.min_session)
    return std::pair<std::string, std::string>{"environment.max_session",
                                               "must be 0 or at least min_session"};
  if (c.env.max_init_failures_in_a_row < -1)
    return std::pair<std::string, std::string>{"environment.max_init_failures_in_a_row",
                                               "must be -1 (unbounded) or a count"};
  if (c.env.max_cap_outages < 0 || c.env.random_runs <= 0)
    return std::pair<std::string, std::string>{"environment", "counts must be positive"};
  if (c.site_code.empty() || c.site_code.size() > 8)
    return std::pair<std::string, std::string>{"client.site_code", "must be 1 to 8 characters"};
  return std::nullopt;
}

Minutes canonical_horizon(const Config& c) {
  if (c.day.days > 0) return c.day.days * kMinutesPerDay;
  // One day past the day the item expires, so its fate is always decided inside the horizon.
  const Minutes expiry = c.day.program_at + c.item_lifetime;
  return (expiry / kMinutesPerDay + 2) * kMinutesPerDay;
}

std::optional<Config> find_preset(std::string_view name) {
  const auto& all = presets();
  auto it = std::find_if(all.begin(), all.end(), [&](const Config& c) { return c.name == name; });
  if (it == all.end()) return std::nullopt;
  return *it;
}

}  // namespace cqm
