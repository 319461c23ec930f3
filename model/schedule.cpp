#include "model/schedule.hpp"

#include <algorithm>

namespace cqm {

Minutes horizon_of(const Schedule& s, const Config& c) {
  return s.horizon > 0 ? s.horizon : canonical_horizon(c);
}

Schedule canonical_schedule(const Config& c) {
  Schedule s;
  s.horizon = canonical_horizon(c);
  const Minutes days = (s.horizon + kMinutesPerDay - 1) / kMinutesPerDay;
  for (Minutes d = 0; d < days; ++d) {
    const Minutes base = d * kMinutesPerDay;
    if (c.day.always_on && d > 0) break;
    s.events.push_back({base + c.day.on_at, EnvAction::power_on});
    if (d == 0) s.events.push_back({c.day.program_at, EnvAction::program_finishes, c.mif});
    if (!c.day.always_on) s.events.push_back({base + c.day.off_at, EnvAction::power_off});
  }
  std::stable_sort(s.events.begin(), s.events.end(),
                   [](const ScheduleEvent& a, const ScheduleEvent& b) { return a.at < b.at; });
  s.init_otherwise = c.day.init_fails_when_possible ? InitOutcome::failed : InitOutcome::ok;
  return s;
}

void apply(System& system, const ScheduleEvent& e) {
  switch (e.action) {
    case EnvAction::power_on:
      system.power_on();
      break;
    case EnvAction::power_off:
      system.power_off();
      break;
    case EnvAction::program_finishes:
      system.finish_program(e.mif);
      break;
    case EnvAction::cap_outage_started:
      system.set_cap_outage(true);
      break;
    case EnvAction::cap_outage_ended:
      system.set_cap_outage(false);
      break;
  }
}

void run_schedule(System& system, const Schedule& schedule, const StepHook& hook) {
  system.reset();
  system.plan_inits(&schedule.init, schedule.init_otherwise);
  const Minutes horizon = horizon_of(schedule, system.config());
  // Without a hook the clock may jump over several timers at once; with one, each timer is its own step.
  auto advance = [&](Minutes t) {
    if (!hook) {
      system.advance_to(t);
      return true;
    }
    for (Minutes n = system.next_timer(); n <= t; n = system.next_timer()) {
      system.advance_to(n);
      if (!hook("timer")) return false;
    }
    system.advance_to(t);
    return true;
  };
  bool go_on = true;
  for (const auto& e : schedule.events) {
    if (e.at > horizon) break;
    if (!(go_on = advance(e.at))) break;
    apply(system, e);
    if (hook && !(go_on = hook(enum_name(e.action)))) break;
  }
  if (go_on) advance(horizon);
  system.plan_inits(nullptr, InitOutcome::ok);
}

void run_schedule(System& system, const Schedule& schedule, std::vector<Step>& steps) {
  run_schedule(system, schedule, [&](std::string_view event) {
    steps.push_back({system.now(), std::string(event), system.snapshot()});
    return true;
  });
}

}  // namespace cqm
