// `cqmcheck simulate`: one deterministic timeline, its Cqmgr32.log and each queue item's fate.
#include <cstdio>

#include "apps/cqmcheck/commands.hpp"
#include "io/input_error.hpp"
#include "io/schedule_toml.hpp"
#include "model/schedule.hpp"

namespace cqm::cli {
namespace {

struct SimulateOptions {
  ModelChoice model;
  std::string schedule_file;
  int days = 0;
};

std::string fate_line(const System& system, int i) {
  const auto& item = system.item(i);
  const std::string what =
      "status " + std::to_string(item.status) + " (" + std::string(status_meaning(item.status)) + ")";
  const std::string submitted = "submitted " + format_time(item.submitted_at);
  switch (system.item_state(i)) {
    case QueueItemState::Delivered:
      return what + ": Delivered at " + format_time(item.delivered_at) + ", " + submitted;
    case QueueItemState::Expired:
      return what + ": Expired at " + format_time(item.expired_at) + ", " + submitted + ", lifetime " +
             std::to_string(system.config().item_lifetime) + " min";
    default:
      return what + ": still Queued at the horizon, " + submitted;
  }
}

void simulate(const SimulateOptions& o) {
  const Config config = o.model.load();
  Schedule schedule = o.schedule_file.empty() ? canonical_schedule(config) : read_schedule(o.schedule_file);
  if (o.days > 0) schedule.horizon = o.days * kMinutesPerDay;
  LogRecords log;
  std::vector<Refusal> refusals;
  System system(config, &log, &refusals);
  run_schedule(system, schedule);

  std::printf("# cqmcheck simulate: %s — %s\n", config.name.c_str(), config.summary.c_str());
  std::printf("# %s, until %s\n", o.schedule_file.empty() ? "canonical timeline" : o.schedule_file.c_str(),
              format_time(horizon_of(schedule, config)).c_str());
  std::printf("\n== Cqmgr32.log ==\n%s", render_log(log, config.site_code).c_str());
  std::printf("\n== Queue items ==\n");
  if (system.items_submitted() == 0) std::printf("no status message was submitted\n");
  for (int i = 0; i < system.items_submitted(); ++i) std::printf("%s\n", fate_line(system, i).c_str());
  if (!refusals.empty()) {
    std::printf("\n== Refused events (the state did not accept them) ==\n");
    for (const auto& r : refusals)
      std::printf("%s: %s refused %s in %s\n", format_time(r.at).c_str(), machine_name(r.machine), r.event,
                  state_name(r.machine, r.state));
  }
}

}  // namespace

void add_simulate(CLI::App& app) {
  auto opts = std::make_shared<SimulateOptions>();
  auto* cmd = app.add_subcommand("simulate",
                                 "run one deterministic timeline; print Cqmgr32.log and each item's fate");
  opts->model.add_to(*cmd, "kb-q292030");
  cmd->add_option("--schedule", opts->schedule_file,
                  "a TOML schedule of environment events (doc/schedule.md)");
  cmd->add_option("--days", opts->days, "run this many days (default: until the item's lifetime has ended)")
      ->check(CLI::Range(1, 3650));
  cmd->callback([opts] { simulate(*opts); });
}

}  // namespace cqm::cli
