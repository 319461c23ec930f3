// `cqmcheck simulate`: one deterministic timeline, its Cqmgr32.log and each queue item's fate.
#include <cstdio>

#include "apps/cqmcheck/commands.hpp"
#include "io/schedule_toml.hpp"
#include "io/trace_reader.hpp"
#include "results/simulate_result.hpp"
#include "writers/json_text.hpp"

namespace cqm::cli {
namespace {

struct SimulateOptions {
  ModelChoice model;
  std::string schedule_file;
  int days = 0;
  std::string format = "text";
};

void run_simulate(const SimulateOptions& o) {
  const Config config = o.model.load();
  Schedule schedule = o.schedule_file.empty() ? canonical_schedule(config) : read_schedule(o.schedule_file);
  if (!o.schedule_file.empty()) check_schedule_programs(schedule, config, o.schedule_file);
  if (o.days > 0) schedule.horizon = o.days * kMinutesPerDay;
  const SimulateResult r =
      simulate(config, schedule, o.schedule_file.empty() ? "canonical timeline" : o.schedule_file);
  if (o.format == "json")
    std::printf("%s", json_text(simulate_json(r)).c_str());
  else
    std::printf("%s", simulate_text(r).c_str());
}

}  // namespace

void add_simulate(CLI::App& app) {
  auto opts = std::make_shared<SimulateOptions>();
  auto* cmd = app.add_subcommand("simulate",
                                 "run one deterministic timeline; print Cqmgr32.log and each item's fate");
  opts->model.add_to(*cmd, "kb-q292030");
  cmd->add_option("--schedule", opts->schedule_file,
                  "a TOML schedule of environment events (doc/schedule.md)")
      ->check(name_given());
  cmd->add_option("--days", opts->days,
                  "run this many days (default: until every status's lifetime has ended)")
      ->check(CLI::Range(1, 3650));
  cmd->add_option("--format", opts->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([opts] { run_simulate(*opts); });
}

}  // namespace cqm::cli
