#pragma once
// A schedule: the environment's timed events (the user, Windows, the CAP), and the outcome of CQM's
// initialisation at each start-up. `simulate` runs one; the random explorer generates them; counterexamples
// are reported as one.
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
  bool operator==(const ScheduleEvent&) const = default;
};

struct Schedule {
  std::vector<ScheduleEvent> events;  ///< in time order; equal times keep their order
  std::vector<InitOutcome> init;      ///< the outcome at the 1st, 2nd, ... start-up
  InitOutcome init_otherwise = InitOutcome::ok;
  Minutes horizon = 0;  ///< run until; 0: the config's canonical horizon
  bool operator==(const Schedule&) const = default;
};

/// The preset's story as one timeline: the user's day every day, the program at its time, and CQM's init
/// failing at every start-up where the config allows it (UserDay::init_fails_when_possible).
Schedule canonical_schedule(const Config& config);

/// One step of a run, as writers and properties see it.
struct Step {
  Minutes at;
  std::string event;  ///< the environment event or the timer that fired
  SystemSnapshot after;
};

/// Applies one environment event to the system at the system's current time.
void apply(System& system, const ScheduleEvent& event);

/// Called after each environment event and each timer that fired, with the event's name ("timer" for timers);
/// returning false ends the run there.
using StepHook = std::function<bool(std::string_view event)>;

/// Runs the schedule on a reset System up to its horizon, calling `hook` (when given) after every step.
void run_schedule(System& system, const Schedule& schedule, const StepHook& hook = {});
/// The same, collecting one Step per environment event and per timer that fired.
void run_schedule(System& system, const Schedule& schedule, std::vector<Step>& steps);

/// The horizon a schedule runs to under this config.
Minutes horizon_of(const Schedule& schedule, const Config& config);

}  // namespace cqm
