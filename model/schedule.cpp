#include "model/schedule.hpp"

#include <algorithm>

#include "model/routes.hpp"

namespace cqm {

Minutes horizon_of(const Schedule& s, const Config& c) {
  return s.horizon > 0 ? s.horizon : canonical_horizon(c);
}

Schedule canonical_schedule(const Config& c) {
  Schedule s;
  s.horizon = canonical_horizon(c);
  const UserDay& day = c.env.day;
  const Minutes days = (s.horizon + kMinutesPerDay - 1) / kMinutesPerDay;
  for (int client = 0; client < c.model.site.clients; ++client) {
    for (Minutes d = 0; d < days; ++d) {
      const Minutes base = d * kMinutesPerDay;
      if (day.always_on && d > 0) break;
      s.events.push_back({base + day.on_at, EnvAction::power_on, MifResult::Success, 0, client});
      if (!day.always_on)
        s.events.push_back({base + day.off_at, EnvAction::power_off, MifResult::Success, 0, client});
    }
    for (int p = 0; p < c.programs(); ++p)
      s.events.push_back({c.env.programs[static_cast<std::size_t>(p)].at, EnvAction::program_finishes,
                          c.model.programs[static_cast<std::size_t>(p)].mif, p, client});
  }
  std::stable_sort(s.events.begin(), s.events.end(),
                   [](const ScheduleEvent& a, const ScheduleEvent& b) { return a.at < b.at; });
  s.init_otherwise = day.init_fails_when_possible ? InitOutcome::failed : InitOutcome::ok;
  return s;
}

void apply(System& system, const ScheduleEvent& e) {
  switch (e.action) {
    case EnvAction::power_on:
      system.power_on(e.client);
      break;
    case EnvAction::power_off:
      system.power_off(e.client);
      break;
    case EnvAction::program_finishes:
      system.finish_program(e.program, e.mif, e.client);
      break;
    case EnvAction::cap_outage_started:
      system.set_cap_outage(true);
      break;
    case EnvAction::cap_outage_ended:
      system.set_cap_outage(false);
      break;
    case EnvAction::logon:
      system.log_on(e.client);
      break;
  }
}

void run_schedule(System& system, const Schedule& schedule, const StepHook& hook, bool reset) {
  if (reset) system.reset();
  for (int c = 0; c < system.clients(); ++c) {
    const auto k = static_cast<std::size_t>(c - 1);
    system.plan_inits(c > 0 && k < schedule.client_init.size() ? &schedule.client_init[k] : &schedule.init,
                      schedule.init_otherwise, c);
  }
  const Minutes horizon = horizon_of(schedule, system.config());
  // Without a hook the clock may jump over several timers at once; with one, each minute with timers is a
  // step.
  auto advance = [&](Minutes t) {
    if (!hook) {
      system.advance_to(t);
      return true;
    }
    for (Minutes n = system.next_timer(); n <= t; n = system.next_timer()) {
      system.advance_to(n);
      if (!hook({"timer", &system.fired()})) return false;
    }
    system.advance_to(t);
    return true;
  };
  bool go_on = true;
  for (const auto& e : schedule.events) {
    if (e.at > horizon) break;
    if (!(go_on = advance(e.at))) break;
    apply(system, e);
    if (hook && !(go_on = hook({enum_name(e.action), nullptr}))) break;
  }
  if (go_on) advance(horizon);
  for (int c = 0; c < system.clients(); ++c) system.plan_inits(nullptr, InitOutcome::ok, c);
}

std::string timers_text(const System& system, const std::vector<int>& timers) {
  std::string out;
  const int focused = system.focused();
  for (const int global : timers) {
    // A client's timer by its place in the client's layout; the site's by its role.
    const int client = system.timer_client(global);
    std::string what(timer_role_name(system.timer_role_of(global)));
    if (client < system.clients()) {
      system.focus(client);
      const int t = global - client * system.timers().count();
      if (t == system.timers().power()) {
        // The power timer ends a boot or a shut-down: the state it left the client in says which.
        const auto state = system.state<Client>();
        what = state == Client::State::Up        ? "boot done"
               : state == Client::State::Booting ? "restart: shut-down done"
                                                 : "shut-down done";
      }
      if (system.timers().is_lifetime(t))
        what = "lifetime of " +
               std::string(enum_name(system.data<QueueItem>(system.timers().item_of(t)).status)) + " ends";
      if (system.clients() > 1) what = "client " + std::to_string(client) + ": " + what;
    }
    out += (out.empty() ? "" : ", ") + what;
  }
  system.focus(focused);
  return out;
}

}  // namespace cqm
