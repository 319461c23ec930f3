#pragma once
// A counterexample: a schedule, re-played through a fresh System with the log on, every property checked on
// every step. Explorers only propose schedules; nothing is reported as a violation unless its replay here
// violates a property again.
#include <optional>
#include <string>
#include <vector>

#include "model/schedule.hpp"
#include "properties/property.hpp"

namespace cqm {

struct TraceStep {
  Minutes at = 0;
  std::string event;        ///< the environment event, or the timer that fired
  SystemSnapshot state{};   ///< after the step
  std::size_t log_end = 0;  ///< log records [previous step's log_end, log_end) were written by this step
};

struct Counterexample {
  Config config;
  Schedule schedule;
  std::string explorer;  ///< "exhaustive", "random" or "replay"
  std::uint64_t seed = 0;
  std::string property;  ///< the violated property's name
  std::string reason;
  Minutes at = 0;
  SystemSnapshot initial{};
  std::vector<TraceStep> steps;  ///< up to and including the violating step (the last one)
  LogRecords log;
};

/// Runs `schedule` on a fresh System under `config`, checking every property after every step; stops at the
/// first violation. Empty when every property holds to the horizon.
std::optional<Counterexample> replay(const Config& config, const Schedule& schedule);

/// Whether the schedule keeps every property (the random explorer's fast path: no log, no trace).
bool holds_everywhere(System& system, const Schedule& schedule);

}  // namespace cqm
