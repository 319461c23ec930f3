// `cqmcheck check` and `cqmcheck replay`: the verdicts of one configuration, and the re-run of a saved trace.
#include <cstdio>

#include "apps/cqmcheck/commands.hpp"
#include "apps/cqmcheck/progress.hpp"
#include "io/input_error.hpp"
#include "properties/assumptions.hpp"
#include "results/check_result.hpp"
#include "results/random_shards.hpp"
#include "results/replay_result.hpp"
#include "writers/counterexample_files.hpp"
#include "writers/json_text.hpp"

namespace cqm::cli {

std::vector<Evidence> add_evidence(OutputSet& set, const CheckReport& report,
                                   const std::filesystem::path& out, bool first_straight_in,
                                   const RenderAhead& ahead) {
  // The first violated property's counterexamples go into `out` (check: the first explorer's straight in, and
  // another explorer's in a sub-folder named after it; suite: each explorer's in its sub-folder); another
  // property's into out/PROPERTY/EXPLORER.
  std::vector<Evidence> written;
  std::vector<const Counterexample*> all;
  std::vector<std::filesystem::path> dirs;
  std::string first;
  for (const auto& e : report.explorers)
    for (const auto& p : e.properties) {
      if (!p.counterexample) continue;
      const std::string property(p.property->name);
      if (first.empty()) first = property;
      std::filesystem::path dir = out / explorer_name(e.kind);
      if (property != first)
        dir = out / property / explorer_name(e.kind);
      else if (first_straight_in && written.empty())
        dir = out;
      written.push_back({property, e.kind, {}});
      all.push_back(&*p.counterexample);
      dirs.push_back(dir);
    }
  auto files = ahead.files(all);  // two counterexamples at a time
  for (std::size_t i = 0; i < written.size(); ++i)
    written[i].files = add_files(set, dirs[i], std::move(files[i]));
  return written;
}

namespace {

struct CheckFlags {
  ModelChoice model;
  SearchFlags search;
  std::string explorer = "all";
  std::string out;
  std::string shard;  ///< random only: "i/N"
};

/// `check --explorer random --shard i/N`: the shard's batch reports as JSON, for `cqmcheck merge`.
void run_random_shard(const CheckFlags& f) {
  if (f.explorer != "random")
    throw InputError("command line", 0, "--shard", "only with --explorer random (doc/cluster.md)");
  if (!f.out.empty())
    throw InputError("command line", 0, "--out", "not with --shard: merge the shards, then replay");
  if (f.search.coverage) throw InputError("command line", 0, "--coverage", "not with --shard");
  const auto shard = stats::parse_shard(f.shard);
  const Config config = f.model.load();
  CheckOptions options = f.search.options(interrupt_flag());
  options.explorers = {ExplorerKind::random};
  options.random_shard = shard;
  ProgressPrinter progress("check " + config.name + " shard " + f.shard, f.search.quiet);
  options.limits.progress = progress.callback();
  const CheckReport report = check(config, options);
  std::printf("%s", json_text(random_shard_json(config, options, shard, report.explorers.front())).c_str());
  if (interrupt_flag()->load()) throw ExitCode{kExitInconclusive};
}

std::vector<ExplorerKind> explorers_of(const std::string& name) {
  if (name == "exhaustive") return {ExplorerKind::exhaustive};
  if (name == "random") return {ExplorerKind::random};
  return {ExplorerKind::exhaustive, ExplorerKind::random};
}

void run_check(const CheckFlags& f) {
  if (!f.shard.empty()) return run_random_shard(f);
  const Config config = f.model.load();
  RenderAhead ahead;
  CheckOptions options = f.search.options(interrupt_flag());
  if (!f.out.empty()) {
    check_output_dir(f.out);  // before the search, not after it
    start_graphviz();         // on the other core while the search runs
    // and each counterexample's picture as soon as the search has it (the search goes on past it)
    options.on_counterexample = ahead.starter();
  }
  options.explorers = explorers_of(f.explorer);
  ProgressPrinter progress("check " + config.name, f.search.quiet);
  options.limits.progress = progress.callback();
  CheckResult result;
  result.report = check(config, options);
  result.assumptions = assumption_lines(config);
  if (!f.out.empty()) {
    // Every explorer's evidence is one set: all of it is written, or (say on a full disk) none.
    OutputSet set;
    result.evidence = add_evidence(set, result.report, f.out, true, ahead);
    set.commit();
  }
  result.interrupted = interrupt_flag()->load();
  if (f.search.format == "json")
    std::printf("%s", json_text(check_json(result)).c_str());
  else
    std::printf("%s", check_text(result).c_str());
  const Verdict v = result.report.verdict();
  if (result.interrupted) throw ExitCode{v == Verdict::Violated ? kExitInterrupted : kExitInconclusive};
  if (exit_code(v) != kExitOk) throw ExitCode{exit_code(v)};
}

struct ReplayFlags {
  std::string trace;
  std::string out;
  std::string format = "text";
  bool svg = false;
};

void run_replay(const ReplayFlags& f) {
  if (!f.out.empty()) check_output_dir(f.out);
  ReplayResult r;
  r.trace = f.trace;
  r.input = read_trace(f.trace);
  r.counterexample = replay(r.input.config, r.input.schedule);
  if (r.counterexample) {
    r.counterexample->explorer = r.input.explorer;
    r.counterexample->seed = r.input.seed;
    const auto parent = std::filesystem::path(f.trace).parent_path();
    if (!f.out.empty())
      r.files = write_counterexample(f.out, *r.counterexample);  // the picture included
    else if (f.svg)
      r.files = write_trace_diagram(parent.empty() ? std::filesystem::path(".") : parent, *r.counterexample);
  }
  if (f.format == "json")
    std::printf("%s", json_text(replay_json(r)).c_str());
  else
    std::printf("%s", replay_text(r).c_str());
  if (r.counterexample) throw ExitCode{kExitViolated};
}

}  // namespace

void add_check(CLI::App& app) {
  auto f = std::make_shared<CheckFlags>();
  auto* cmd = app.add_subcommand("check",
                                 "check every property on one configuration (exit 0 holds, 1 violated, "
                                 "2 bad input, 3 inconclusive)");
  f->model.add_to(*cmd, "kb-q292030");
  f->search.add_to(*cmd);
  cmd->add_option("--explorer", f->explorer, "random, exhaustive or all")
      ->check(CLI::IsMember({"random", "exhaustive", "all"}));
  cmd->add_option(
         "--out", f->out,
         "write each counterexample (trace.json, Cqmgr32.log, trace.dot, trace.svg): the first straight "
         "into this folder, a second explorer's into a sub-folder named after it, another property's "
         "into PROPERTY/EXPLORER")
      ->check(name_given());
  cmd->add_option(
      "--shard", f->shard,
      "i/N, with --explorer random: run only shard i of N of the search's batches and print their "
      "reports as JSON, the input of `cqmcheck merge` (doc/cluster.md)");
  cmd->callback([f] { run_check(*f); });
}

void add_replay(CLI::App& app) {
  auto f = std::make_shared<ReplayFlags>();
  auto* cmd =
      app.add_subcommand("replay", "re-run a counterexample's trace.json through the model and re-check it");
  cmd->add_option("trace", f->trace, "a trace.json written by check or suite")
      ->required()
      ->check(name_given());
  cmd->add_option("--out", f->out, "write the replayed counterexample into this folder")->check(name_given());
  cmd->add_option("--format", f->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_flag(
      "--svg", f->svg,
      "draw the replayed counterexample: trace.dot and trace.svg into --out, else next to the trace "
      "file");
  cmd->callback([f] { run_replay(*f); });
}

}  // namespace cqm::cli
