#include "harness/counterexample.hpp"

namespace cqm {

std::string event_detail(const ScheduleEvent& e, int clients) {
  const bool cap = e.action == EnvAction::cap_outage_started || e.action == EnvAction::cap_outage_ended;
  const std::string whose = clients > 1 && !cap ? "client " + std::to_string(e.client) : "";
  if (e.action != EnvAction::program_finishes) return whose;
  return (whose.empty() ? "" : whose + ", ") + "program[" + std::to_string(e.program) +
         "], mif: " + std::string(enum_name(e.mif));
}

std::optional<Counterexample> replay(const Config& config, const Schedule& schedule, std::uint32_t mask) {
  Counterexample cex;
  cex.config = config;
  cex.schedule = schedule;
  System system(cex.config, &cex.log, &cex.refusals);
  system.reset();
  cex.initial = system.snapshot();
  SystemSnapshot before = cex.initial;
  std::optional<Violation> violation;
  std::size_t next_event = 0;
  run_schedule(system, cex.schedule, [&](const StepInfo& step) {
    TraceStep t{system.now(), std::string(step.event), "", system.snapshot(), cex.log.size()};
    if (step.timers) {
      t.detail = timers_text(system, *step.timers);
    } else {
      // The hook sees the environment events one by one, in schedule order.
      if (next_event < cex.schedule.events.size())
        t.detail = event_detail(cex.schedule.events[next_event++], cex.config.model.site.clients);
    }
    violation = first_violation(cex.config, before, t.state, mask);
    before = t.state;
    cex.steps.push_back(std::move(t));
    return !violation;
  });
  if (!violation && system.now() > before.now) {
    // The horizon is a step too: a deadline may pass while nothing happens (a status parked for good).
    TraceStep t{system.now(), "horizon", "", system.snapshot(), cex.log.size()};
    violation = first_violation(cex.config, before, t.state, mask);
    if (violation) cex.steps.push_back(std::move(t));
  }
  if (!violation) return std::nullopt;
  cex.property = std::string(violation->property->name);
  cex.reason = violation->reason;
  cex.at = violation->at;
  return cex;
}

std::uint32_t violations_of(System& system, const Schedule& schedule, std::uint32_t mask,
                            const EnvironmentModel* env) {
  // Two snapshots per thread, reused from run to run (the random explorer calls this for every schedule). A
  // step changes a few instances: `after` takes only those (System::snapshot_changes) before the step is
  // judged, and `before` takes them from `after` once it is (System::carry_changes), for the next step.
  thread_local SystemSnapshot before, after;
  system.reset();
  system.snapshot(before);
  after = before;
  struct Run {
    System& system;
    std::uint32_t mask;
    const EnvironmentModel* env;
    std::uint32_t found = 0;
    bool settled = false;
    bool step() {
      system.snapshot_changes(after);
      found |= check_step(system.config(), before, after, mask & ~found);
      system.carry_changes(after, before);
      if ((mask & ~found) == 0) return false;
      settled = env && env->settled(system);
      return !settled;
    }
  } run{system, mask, env};
  // The hook holds one reference: std::function keeps it without an allocation.
  run_schedule(
      system, schedule, [&run](const StepInfo&) { return run.step(); }, false);
  if (!run.settled && system.now() > before.now) {  // the horizon, as replay judges it
    system.snapshot_changes(after);
    run.found |= check_step(system.config(), before, after, mask & ~run.found);
  }
  return run.found;
}

}  // namespace cqm
