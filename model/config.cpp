#include "model/config.hpp"

#include <algorithm>

#include "model/service_packs.hpp"

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
    if (i < static_cast<int>(m.programs.size()))
      durations.emplace_back(program_key(i, "expires_at"),
                             m.programs[static_cast<std::size_t>(i)].expires_at);
  }
  for (const auto& [key, v] : durations) {
    if (v < 0) return problem(key, "must not be negative");
    if (v > kMaxMinutes) return problem(key, "must be at most " + std::to_string(kMaxMinutes) + " minutes");
  }
  if (m.programs.empty() || m.programs.size() > static_cast<std::size_t>(kMaxPrograms))
    return problem("program", "give 1 to " + std::to_string(kMaxPrograms) + " [[program]] tables");
  if (m.programs.size() != e.programs.size())
    return problem("program", "every program needs its window (a model bug if the reader let this through)");
  for (int i = 0; i < static_cast<int>(e.programs.size()); ++i) {
    const ProgramWindow& w = e.programs[static_cast<std::size_t>(i)];
    if (w.until <= w.from) return problem(program_key(i, "runs_until"), "must be later than runs_from");
    const int same = m.programs[static_cast<std::size_t>(i)].same_program_as;
    if (same < -1 || same >= i)
      return problem(program_key(i, "same_program_as"),
                     "must be -1 (its own program) or the index of an earlier [[program]]");
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
  if (m.service_pack < 0 || m.service_pack > 4)
    return problem("client.service_pack", "must be 0 (the release) to 4");
  for (auto [key, v] : {std::pair{"inventory.hardware_interval", m.hardware_inventory_interval},
                        std::pair{"inventory.software_interval", m.software_inventory_interval}})
    if (v < 0 || v > kMaxMinutes)
      return problem(key, "must be 0 (no inventory) to " + std::to_string(kMaxMinutes) + " minutes");
  if (m.registry_capacity < 1 || m.registry_capacity > kMaxRegistryCapacity)
    return problem(
        "client.registry_capacity",
        "must be 1 to " + std::to_string(kMaxRegistryCapacity) +
            " items (the model holds at most that many; past SP1 the queue grows by a fixed number "
            "of items a week whatever the capacity)");
  if (m.clock_offset < -kMinutesPerDay * 7 || m.clock_offset > kMinutesPerDay * 7)
    return problem("client.clock_offset", "must be within a week (-10080 to 10080 minutes) of the site's");
  if (m.site.clients < 1 || m.site.clients > kMaxClients)
    return problem("site.clients", "must be 1 to " + std::to_string(kMaxClients) + " clients");
  if (m.site.service_pack < 0 || m.site.service_pack > 4)
    return problem("site.service_pack", "must be 0 (the release) to 4");
  if (m.site.status_file_bytes < 1) return problem("site.status_file_bytes", "must be at least 1 byte");
  if (m.site.link_kbps < 1) return problem("site.link_kbps", "must be at least 1 kbit/s");
  if (m.site.open_error != 5 && m.site.open_error != 32)
    return problem("site.open_error", "must be 5 (access denied) or 32 (in use), the errors Q311212 gives");
  if (m.site_copy_minutes() > kMinutesPerDay)
    return problem("site.status_file_bytes", "a copy over site.link_kbps would take more than a day");
  for (auto [key, v] : {std::pair{"site.assistant_interval", m.site.assistant_interval},
                        std::pair{"site.executive_restart_every", m.site.executive_restart_every},
                        std::pair{"site.status_deadline", m.site.status_deadline}})
    if (v < 0 || v > kMaxMinutes)
      return problem(key, "must be 0 to " + std::to_string(kMaxMinutes) + " minutes");
  if (m.site.status_deadline <= 0)
    return problem("site.status_deadline", "must be a positive number of minutes");
  if (m.site_code.empty() || m.site_code.size() > 8)
    return problem("client.site_code", "must be 1 to 8 characters");
  return std::nullopt;
}

int ModelSettings::max_runs(int program) const {
  const ProgramSpec& p = programs[static_cast<std::size_t>(program)];
  const bool left_scheduled =
      p.after_running == AfterRunning::ProgramRestarts && restart_terminates_apm(*this);
  if (!left_scheduled) return 1;
  // One run a start-up; the user starts up at most once a day.
  return p.expires_at > 0 ? std::min(kMaxRuns, p.expires_at / kMinutesPerDay + 2) : kMaxRuns;
}

int ModelSettings::statuses() const {
  int n = 0;
  for (int p = 0; p < static_cast<int>(programs.size()); ++p) n += 2 * max_runs(p);
  return n;
}

Inbox ModelSettings::inbox(int destination) const {
  if (destination == 0) return Inbox::statmsgs;
  return destination == 1 && hardware_inventory_interval > 0 ? Inbox::inventry : Inbox::sinv;
}

Minutes ModelSettings::agent_interval(int agent) const {
  return agent == 0 && hardware_inventory_interval > 0 ? hardware_inventory_interval
                                                       : software_inventory_interval;
}

Minutes inventory_horizon(const Config& c, Minutes first_up, int days_off) {
  const ModelSettings& m = c.model;
  const int agents = m.inventory_agents();
  if (agents == 0) return 0;
  // Enough runs to pass the registry's capacity, each at most one interval plus the days the PC may stay off
  // (a missed run is taken at the next start-up) after the one before; then one lifetime and one wake-up
  // cycle for the last item's fate.
  const Minutes interval = std::max(m.hardware_inventory_interval, m.software_inventory_interval);
  const std::int64_t runs = (m.registry_capacity + 1 + agents - 1) / agents;
  const std::int64_t t = first_up + m.boot_minutes +
                         runs * (interval + std::int64_t{days_off + 1} * kMinutesPerDay) + m.item_lifetime +
                         m.wake_up_cycle;
  return static_cast<Minutes>(std::min<std::int64_t>(t, kMaxMinutes));
}

Minutes ModelSettings::site_copy_minutes() const {
  const std::int64_t bits = static_cast<std::int64_t>(site.status_file_bytes) * 8;
  const std::int64_t bits_per_minute = static_cast<std::int64_t>(site.link_kbps) * 1000 * 60;
  return static_cast<Minutes>(bits / bits_per_minute);
}

Minutes exploration_horizon(const Config& c) {
  const Minutes q = c.env.quantum;
  // The last status can be submitted a restart after the latest window ends; give it its whole lifetime, and
  // end on the grid.
  Minutes last = 0;
  for (const auto& w : c.env.programs) last = std::max(last, w.until);
  const Minutes last_submit = last + c.model.shutdown_minutes + c.model.boot_minutes;
  const Minutes inventory = inventory_horizon(c, c.env.on_until, c.env.max_days_off);
  // ... and every status the site may process late (its deadline) its whole deadline.
  const Minutes life = std::max(c.model.item_lifetime, c.model.site.status_deadline);
  return (std::max(last_submit + life, inventory) / q + 2) * q;
}

Minutes canonical_horizon(const Config& c) {
  if (c.env.day.days > 0) return c.env.day.days * kMinutesPerDay;
  if (const int agents = c.model.inventory_agents(); agents > 0) {
    // The user's day runs every agent on time: the day after the run that passes the registry's capacity.
    const Minutes interval =
        std::max(c.model.hardware_inventory_interval, c.model.software_inventory_interval);
    const std::int64_t runs = (c.model.registry_capacity + agents) / agents;
    const std::int64_t t = c.env.day.on_at + c.model.boot_minutes + runs * interval;
    return static_cast<Minutes>(
        std::min<std::int64_t>((t / kMinutesPerDay + 2) * kMinutesPerDay, kMaxMinutes));
  }
  // One day past the day the last status expires, so every fate is decided inside the horizon.
  Minutes last = 0;
  for (const auto& w : c.env.programs) last = std::max(last, w.at);
  const Minutes expiry = last + c.model.shutdown_minutes + c.model.boot_minutes +
                         std::max(c.model.item_lifetime, c.model.site.status_deadline);
  return (expiry / kMinutesPerDay + 2) * kMinutesPerDay;
}

std::optional<Config> find_preset(std::string_view name) {
  const auto& all = presets();
  auto it = std::find_if(all.begin(), all.end(), [&](const Config& c) { return c.name == name; });
  if (it == all.end()) return std::nullopt;
  return *it;
}

}  // namespace cqm
