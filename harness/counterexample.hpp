#pragma once
// A counterexample: a schedule, re-played through a fresh System with the log on, its property checked on
// every step. Explorers only propose schedules; nothing is reported as a violation unless its replay here
// violates the property again.
#include <optional>
#include <string>
#include <vector>

#include "harness/environment.hpp"
#include "model/schedule.hpp"
#include "properties/property.hpp"

namespace cqm {

struct TraceStep {
  Minutes at = 0;
  std::string event;        ///< the environment event, or "timer"
  std::string detail;       ///< for a program_finishes: "program[0], mif: success"; for a timer: which fired
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
  std::vector<Refusal> refusals;
};

/// Runs `schedule` on a fresh System under `config`, checking the properties of `mask` after every step;
/// stops at the first violation of one of them. Empty when they all hold to the horizon.
std::optional<Counterexample> replay(const Config& config, const Schedule& schedule,
                                     std::uint32_t mask = ~0u);

/// The properties of `mask` the schedule violates somewhere (the random explorer's fast path: no log, no
/// trace). The run stops once each of them has been found violated, and, with `env` given, at the first step
/// after which the System is settled (EnvironmentModel::settled): the rest of the schedule can change no
/// verdict.
std::uint32_t violations_of(System& system, const Schedule& schedule, std::uint32_t mask,
                            const EnvironmentModel* env = nullptr);

/// "program[1], mif: none" for a program_finishes step, after "client 2, " on a site of several clients;
/// empty for other events of a site of one client.
std::string event_detail(const ScheduleEvent& event, int clients = 1);

}  // namespace cqm
