#pragma once
// A schedule: the environment's timed events (the user, Windows, the CAP, the programs finishing), and the
// outcome of CQM's initialisation at each start-up. `simulate` runs one; the random explorer generates them;
// counterexamples are reported as one.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/system.hpp"

namespace cqm {

struct ScheduleEvent {
  Minutes at = 0;
  EnvAction action = EnvAction::power_on;
  MifResult mif = MifResult::Success;  ///< program_finishes only
  int program = 0;                     ///< program_finishes only: which [[program]]
  int client = 0;                      ///< which client of the site (the CAP's outages are everyone's)
  bool operator==(const ScheduleEvent&) const = default;
};

struct Schedule {
  std::vector<ScheduleEvent> events;  ///< in time order; equal times keep their order
  std::vector<InitOutcome> init;      ///< the outcome at the 1st, 2nd, ... start-up of each client ...
  /// ... but of client k + 1, whose plan is client_init[k] when there is one
  std::vector<std::vector<InitOutcome>> client_init;
  InitOutcome init_otherwise = InitOutcome::ok;
  Minutes horizon = 0;  ///< run until; 0: the config's canonical horizon
  bool operator==(const Schedule&) const = default;
};

/// The preset's story as one timeline: the user's day every day, each program at its time, and CQM's init
/// failing at every start-up where the config allows it (UserDay::init_fails_when_possible) — on every client
/// of the site alike (time-synchronised clients: Q301352).
Schedule canonical_schedule(const Config& config);

/// Applies one environment event to the system at the system's current time.
void apply(System& system, const ScheduleEvent& event);

/// One step of a run as the hook sees it: an environment event, or the timers that fired at one minute.
struct StepInfo {
  std::string_view event;                    ///< the environment action's name, or "timer"
  const std::vector<int>* timers = nullptr;  ///< for "timer": the Timer instances that fired
};

/// Called after each environment event and each minute at which timers fired; returning false ends the run.
using StepHook = std::function<bool(const StepInfo& step)>;

/// Runs the schedule on a reset System up to its horizon, calling `hook` (when given) after every step.
/// `reset`: false when the caller has just reset the System itself (to snapshot its initial state).
void run_schedule(System& system, const Schedule& schedule, const StepHook& hook = {}, bool reset = true);

/// The horizon a schedule runs to under this config.
Minutes horizon_of(const Schedule& schedule, const Config& config);

/// "timer: wake-up" — what a timer step did, in the words traces use.
std::string timers_text(const System& system, const std::vector<int>& timers);

}  // namespace cqm
