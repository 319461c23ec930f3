#pragma once
// What `cqmcheck simulate` ran, as one value — the log, each status's fate, the refused events — and its
// writers (text, --format json).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/schedule.hpp"

namespace cqm {

struct Fate {
  StatusId status = StatusId::none;  ///< none: an inventory file
  Inbox inbox = Inbox::statmsgs;     ///< the CAP inbox it is for
  std::string
      state;  ///< "Delivered", "Expired", "Removed", or still "Queued" (or "Overdue", "Kept") at the horizon
  Minutes submitted = kNever;
  Minutes settled = kNever;  ///< delivered or deleted at
  int client = 0;            ///< whose queue it was in
};

struct SimulateResult {
  Config config;
  std::string schedule;  ///< "canonical timeline" or the schedule's file
  Minutes horizon = 0;
  LogRecords log;
  std::vector<Fate> fates;
  std::vector<Refusal> refusals;
  bool queue_overflowed = false;
};

/// Runs the schedule on a fresh System with the log on.
SimulateResult simulate(const Config& config, const Schedule& schedule, std::string schedule_name);

std::string fate_text(const Fate& fate, Minutes lifetime);
std::string simulate_text(const SimulateResult& result);
nlohmann::ordered_json simulate_json(const SimulateResult& result);

}  // namespace cqm
