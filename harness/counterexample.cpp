#include "harness/counterexample.hpp"

namespace cqm {

std::optional<Counterexample> replay(const Config& config, const Schedule& schedule) {
  Counterexample cex;
  cex.config = config;
  cex.schedule = schedule;
  std::vector<Refusal> refusals;
  System system(cex.config, &cex.log, &refusals);
  system.reset();
  cex.initial = system.snapshot();
  SystemSnapshot before = cex.initial;
  std::optional<Violation> violation;
  run_schedule(system, cex.schedule, [&](std::string_view event) {
    const SystemSnapshot after = system.snapshot();
    cex.steps.push_back({system.now(), std::string(event), after, cex.log.size()});
    violation = check_step(cex.config, before, after);
    before = after;
    return !violation;
  });
  if (!violation) return std::nullopt;
  cex.property = std::string(violation->property->name);
  cex.reason = violation->reason;
  cex.at = violation->at;
  return cex;
}

bool holds_everywhere(System& system, const Schedule& schedule) {
  SystemSnapshot before = (system.reset(), system.snapshot());
  bool ok = true;
  run_schedule(system, schedule, [&](std::string_view) {
    const SystemSnapshot after = system.snapshot();
    ok = !check_step(system.config(), before, after);
    before = after;
    return ok;
  });
  return ok;
}

}  // namespace cqm
