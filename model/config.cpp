#include "model/config.hpp"

#include <algorithm>

namespace cqm {
namespace {

using Problem = std::optional<std::pair<std::string, std::string>>;

Problem problem(std::string key, std::string why) { return std::pair{std::move(key), std::move(why)}; }

}  // namespace

Verdict Expectations::of(std::string_view property) const {
  const auto it = verdicts.find(property);
  return it == verdicts.end() ? Verdict::Holds : it->second;
}

bool Expectations::not_needed(std::string_view key) const {
  return std::find(assumptions_not_needed.begin(), assumptions_not_needed.end(), key) !=
         assumptions_not_needed.end();
}

int ConfigSource::line_of(std::string_view key) const {
  const auto it = lines.find(key);
  return it == lines.end() ? 0 : it->second;
}

std::string program_key(int program, std::string_view key) {
  return "program[" + std::to_string(program) + "]." + std::string(key);
}

Problem validate(const Config& c) {
  const ModelSettings& m = c.model;
  const Envelope& e = c.env;
  if (c.name.size() > kMaxName)
    return problem("name", "longer than " + std::to_string(kMaxName) + " characters (it heads every report)");
  if (c.summary.size() > kMaxSummary)
    return problem("summary",
                   "longer than " + std::to_string(kMaxSummary) + " characters (it heads every report)");
  const std::pair<const char*, Minutes> positives[] = {{"cqm.wake_up_cycle", m.wake_up_cycle},
                                                       {"cqm.item_lifetime", m.item_lifetime},
                                                       {"cqm.retry_interval", m.retry_interval},
                                                       {"environment.quantum", e.quantum}};
  for (auto [key, v] : positives)
    if (v <= 0) return problem(key, "must be a positive number of minutes");
  std::vector<std::pair<std::string, Minutes>> durations = {{"client.boot_minutes", m.boot_minutes},
                                                            {"client.shutdown_minutes", m.shutdown_minutes},
                                                            {"cqm.wake_up_cycle", m.wake_up_cycle},
                                                            {"cqm.item_lifetime", m.item_lifetime},
                                                            {"cqm.retry_interval", m.retry_interval},
                                                            {"cqm.reconnect_delay", m.reconnect_delay},
                                                            {"init.race_window", m.race_window},
                                                            {"day.on_at", e.day.on_at},
                                                            {"day.off_at", e.day.off_at},
                                                            {"environment.quantum", e.quantum},
                                                            {"environment.min_session", e.min_session},
                                                            {"environment.max_session", e.max_session},
                                                            {"environment.max_outage", e.max_outage},
                                                            {"environment.on_from", e.on_from},
                                                            {"environment.on_until", e.on_until}};
  for (int i = 0; i < static_cast<int>(e.programs.size()); ++i) {
    durations.emplace_back(program_key(i, "runs_from"), e.programs[static_cast<std::size_t>(i)].from);
    durations.emplace_back(program_key(i, "runs_until"), e.programs[static_cast<std::size_t>(i)].until);
    durations.emplace_back(program_key(i, "runs_at"), e.programs[static_cast<std::size_t>(i)].at);
  }
  for (const auto& [key, v] : durations) {
    if (v < 0) return problem(key, "must not be negative");
    if (v > kMaxMinutes) return problem(key, "must be at most " + std::to_string(kMaxMinutes) + " minutes");
  }
  if (m.programs.empty() || m.programs.size() > 8)
    return problem("program", "give 1 to 8 [[program]] tables");
  if (m.programs.size() != e.programs.size())
    return problem("program", "every program needs its window (a model bug if the reader let this through)");
  for (int i = 0; i < static_cast<int>(e.programs.size()); ++i) {
    const ProgramWindow& w = e.programs[static_cast<std::size_t>(i)];
    if (w.until <= w.from) return problem(program_key(i, "runs_until"), "must be later than runs_from");
  }
  if (e.day.on_at >= kMinutesPerDay) return problem("day.on_at", "a time of day must lie within one day");
  if (e.day.off_at > kMinutesPerDay) return problem("day.off_at", "a time of day must lie within one day");
  if (!e.day.always_on && e.day.off_at <= e.day.on_at)
    return problem("day.off_at", "must be later than day.on_at");
  if (e.day.days < 0) return problem("day.days", "must not be negative");
  if (e.on_until < e.on_from || e.on_until >= kMinutesPerDay)
    return problem("environment.on_until", "must lie within the day, not before on_from");
  if (e.max_session != 0 && e.max_session < e.min_session)
    return problem("environment.max_session", "must be 0 or at least min_session");
  if (e.max_days_off < 0) return problem("environment.max_days_off", "must not be negative");
  if (e.max_init_failures_in_a_row < -1)
    return problem("environment.max_init_failures_in_a_row", "must be -1 (unbounded) or a count");
  if (e.max_cap_outages < 0) return problem("environment.max_cap_outages", "must not be negative");
  if (e.random_runs <= 0) return problem("environment.random_runs", "must be positive");
  if (e.max_queue < 0)
    return problem("environment.max_queue", "must be 0 (every status a run submits) or more");
  if (m.site_code.empty() || m.site_code.size() > 8)
    return problem("client.site_code", "must be 1 to 8 characters");
  return std::nullopt;
}

Minutes canonical_horizon(const Config& c) {
  if (c.env.day.days > 0) return c.env.day.days * kMinutesPerDay;
  // One day past the day the last status expires, so every fate is decided inside the horizon.
  Minutes last = 0;
  for (const auto& w : c.env.programs) last = std::max(last, w.at);
  const Minutes expiry = last + c.model.shutdown_minutes + c.model.boot_minutes + c.model.item_lifetime;
  return (expiry / kMinutesPerDay + 2) * kMinutesPerDay;
}

std::optional<Config> find_preset(std::string_view name) {
  const auto& all = presets();
  auto it = std::find_if(all.begin(), all.end(), [&](const Config& c) { return c.name == name; });
  if (it == all.end()) return std::nullopt;
  return *it;
}

}  // namespace cqm
