// `cqmcheck estimate` and `cqmcheck sweep`: quantitative answers. estimate: P(status lost) over a population
// of simulated users (habits), with its 95 % interval, the delivery delays and the loss paths; sweep: a grid
// over settings, each cell with the exhaustive verdict and the estimate. See doc/estimate.md.
#include <chrono>
#include <cstdio>

#include "apps/cqmcheck/commands.hpp"
#include "apps/cqmcheck/progress.hpp"
#include "io/habits_toml.hpp"
#include "io/input_error.hpp"
#include "stats/figures.hpp"
#include "stats/report.hpp"
#include "stats/shards.hpp"
#include "writers/atomic_file.hpp"
#include "writers/json_text.hpp"

namespace cqm::cli {
namespace {

struct PopulationFlags {
  ModelChoice model;
  std::string habits_file;
  std::uint64_t clients = 0;
  std::uint64_t seed = 1;
  int threads = 2;
  std::string out;
  std::string format = "text";
  bool stats = false;
  std::string shard;   ///< "i/N", empty: the whole run
  SearchFlags limits;  ///< only --max-states / --max-memory / --max-seconds / --quiet are offered

  void add_to(CLI::App& cmd, std::uint64_t default_clients) {
    clients = default_clients;
    model.add_to(cmd, "kb-q292030");
    cmd.add_option("--habits", habits_file,
                   "the population's habits (TOML; default: an office, doc/estimate.md)")
        ->check(name_given());
    cmd.add_option("--clients", clients, "simulated clients (per cell, for sweep)")
        ->capture_default_str()
        ->check(whole_number(1, 1'000'000'000'000));
    cmd.add_option("--seed", seed, "seed: the same seed gives the same numbers, whatever --threads")
        ->capture_default_str()
        ->check(whole_number(0, UINT64_MAX));
    cmd.add_option("--threads", threads, "threads for the simulation and the exhaustive explorer")
        ->capture_default_str()
        ->check(whole_number(1, 64));
    cmd.add_option("--format", format, "text or json")->check(CLI::IsMember({"text", "json"}));
    cmd.add_flag("--stats", stats, "also print the time taken and the throughput");
    cmd.add_option("--shard", shard,
                   "i/N: do only part i of N (counted from 0) and print that part's JSON, the input of "
                   "`cqmcheck merge` (doc/cluster.md)");
    cmd.add_option("--max-states", limits.max_states,
                   "stop after simulating this many model events: INCONCLUSIVE")
        ->check(whole_number(1, UINT64_MAX));
    add_memory_option(
        cmd, limits.max_memory,
        "stop when the process holds more than this (e.g. 512M; default: half the RAM): INCONCLUSIVE");
    cmd.add_option("--max-seconds", limits.max_seconds, "stop after this long: INCONCLUSIVE")
        ->check(seconds());
    cmd.add_flag("--quiet", limits.quiet, "no progress line on stderr");
  }

  stats::HabitsSource habits() const {
    if (habits_file.empty()) return {stats::Habits{}, ""};
    return {read_habits(habits_file), habits_file};
  }

  stats::EstimateOptions options() const {
    stats::EstimateOptions o{clients, seed, threads, {}, limits.options(interrupt_flag()).limits};
    if (!shard.empty()) o.shard = stats::parse_shard(shard);
    return o;
  }
  /// A shard prints its JSON, for merge: figures of a part, files and timings would mislead.
  void check_shard() const {
    if (shard.empty()) return;
    if (!out.empty())
      throw InputError("command line", 0, "--out", "not with --shard: write the files from the merged run");
    if (stats)
      throw InputError("command line", 0, "--stats", "not with --shard: a shard prints its tallies only");
  }
};

// ---- estimate
// ----------------------------------------------------------------------------------------------

struct EstimateFlags {
  PopulationFlags population;
  std::uint64_t curve_clients = 20'000;
};

void run_estimate(const EstimateFlags& f) {
  const auto& p = f.population;
  p.check_shard();
  const Config config = p.model.load();
  const stats::HabitsSource habits = p.habits();
  const stats::EstimateOptions options = p.options();
  if (!p.out.empty()) check_output_dir(p.out);  // before the estimate, not after it
  ProgressPrinter progress("estimate " + config.name, p.limits.quiet);
  stats::EstimateOptions run_options = options;
  run_options.limits.progress = progress.callback();
  const stats::Estimate e = stats::estimate(config, habits.habits, run_options);
  if (!p.shard.empty()) {  // 0/1 too: a shard's JSON is what merge takes
    std::printf("%s", json_text(stats::estimate_shard_json(config, habits, options, e)).c_str());
    if (e.outcome != checker::Outcome::complete) throw ExitCode{kExitInconclusive};
    return;
  }
  std::vector<std::filesystem::path> files;
  checker::Outcome curve_outcome = checker::Outcome::complete;
  if (!p.out.empty() && e.outcome == checker::Outcome::complete) {
    // The limits bound the whole command: the curve gets what the estimate left.
    stats::EstimateOptions curve_options = run_options;
    curve_options.clients = std::min(options.clients, f.curve_clients);
    auto& limits = curve_options.limits;
    if (limits.max_seconds > 0)
      limits.max_seconds = std::max(limits.max_seconds - e.seconds, stats::kSpentSeconds);
    if (limits.max_states > 0)
      limits.max_states = limits.max_states > e.events ? limits.max_states - e.events : 1;
    const auto ps = stats::curve_probabilities();
    const auto curve = stats::loss_against_init_failure(config, habits.habits, ps, curve_options);
    if (curve.size() < ps.size() || curve.back().outcome != checker::Outcome::complete) {
      // Figures from a truncated curve would mislead: none are written, and the verdict says why.
      curve_outcome = curve.empty() ? checker::Outcome::interrupted : curve.back().outcome;
    } else {
      OutputSet set;
      files = stats::add_estimate_figures(set, p.out, config, habits.habits, e, curve);
      set.commit();
    }
  }
  const stats::EstimateResult result{config, habits, options, e, files, p.stats, curve_outcome};
  if (p.format == "json")
    std::printf("%s", json_text(stats::estimate_json(result)).c_str());
  else
    std::printf("%s", stats::estimate_text(result).c_str());
  if (e.outcome != checker::Outcome::complete || curve_outcome != checker::Outcome::complete)
    throw ExitCode{kExitInconclusive};
}

// ---- sweep
// -------------------------------------------------------------------------------------------------

struct SweepFlags {
  PopulationFlags population;
  std::vector<std::string> vary;
  double max_seconds_per_cell = 10;
};

void run_sweep(const SweepFlags& f) {
  const auto& p = f.population;
  p.check_shard();
  const Config base = p.model.load();
  const stats::HabitsSource habits = p.habits();
  if (!p.out.empty()) check_output_dir(p.out);  // before the sweep, not after hours of it
  const auto started = std::chrono::steady_clock::now();
  std::vector<stats::Axis> axes;
  for (const auto& v : f.vary) axes.push_back(stats::parse_axis(v));
  const auto grid = stats::make_grid(base, habits.habits, axes, interrupt_flag());
  // A shard sweeps its part of the cells, in grid order.
  const stats::Shard shard = p.options().shard;
  const std::uint64_t first_cell = shard.first(grid.size());
  const std::vector<stats::Cell> cells(grid.begin() + static_cast<std::ptrdiff_t>(first_cell),
                                       grid.begin() + static_cast<std::ptrdiff_t>(shard.last(grid.size())));
  const double building = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  stats::SweepOptions options;
  options.estimate = p.options();
  options.estimate.shard = {};  // a sweep's shard is a part of its cells; each cell's estimate is whole
  options.threads = p.threads;
  // The whole sweep, the grid's building (up to a second or so for the largest) included.
  options.max_seconds =
      p.limits.max_seconds > 0 ? std::max(p.limits.max_seconds - building, stats::kSpentSeconds) : 0;
  // The checker's own defaults (half the RAM) for everything but time, which is per cell.
  SearchFlags search = p.limits;
  search.max_seconds = f.max_seconds_per_cell;
  options.limits = search.options(interrupt_flag()).limits;
  ProgressPrinter progress("sweep " + base.name, p.limits.quiet);
  options.limits.progress = progress.callback();
  const auto run = grid.size() < stats::grid_size(axes) ? stats::SweepRun{{}, checker::Outcome::interrupted}
                                                        // while the grid was built
                                                        : stats::run_sweep(cells, options);
  const auto& results = run.results;
  if (run.stop != checker::Outcome::complete) {
    // Report what was done, write nothing partial.
    std::fprintf(stderr, "cqmcheck sweep: INCONCLUSIVE (%s) after %zu of %zu cells; nothing written\n",
                 checker::outcome_name(run.stop), results.size(), cells.size());
    throw ExitCode{kExitInconclusive};
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!p.shard.empty()) {
    auto sweep = stats::sweep_json(base, habits, options, axes, cells, results, false);
    std::printf("%s",
                json_text(stats::sweep_shard_json(std::move(sweep), shard, first_cell, grid.size())).c_str());
    return;
  }
  std::vector<std::filesystem::path> files;
  if (!p.out.empty()) {
    const std::filesystem::path dir(p.out);
    OutputSet set;
    files.push_back(set.add(dir / "sweep.csv", stats::sweep_csv(axes, cells, results)));
    files.push_back(set.add(dir / "sweep.json", json_text(stats::sweep_json(base, habits, options, axes,
                                                                            cells, results, false))));
    const auto figures = stats::add_sweep_figures(set, dir, base, axes, cells, results);
    files.insert(files.end(), figures.begin(), figures.end());
    set.commit();
  }
  const stats::SweepResult result{base, habits, options, axes, cells, results, files, p.stats, seconds};
  if (p.format == "json")
    std::printf("%s", json_text(stats::sweep_json(result)).c_str());
  else
    std::printf("%s", stats::sweep_text(result).c_str());
}

}  // namespace

void add_estimate(CLI::App& app) {
  auto f = std::make_shared<EstimateFlags>();
  auto* cmd = app.add_subcommand(
      "estimate",
      "Monte Carlo over a population of users: P(status lost) with its 95% interval, delivery delays");
  f->population.add_to(*cmd, 100'000);
  cmd->add_option("--out", f->population.out,
                  "write delay_histogram and loss_vs_init_failure (SVG and PNG) into this folder")
      ->check(name_given());
  cmd->add_option("--curve-clients", f->curve_clients,
                  "clients per point of the P(loss)-against-init-failure curve (at most --clients)")
      ->capture_default_str()
      ->check(whole_number(1, 1'000'000'000'000));
  cmd->callback([f] { run_estimate(*f); });
}

void add_sweep(CLI::App& app) {
  auto f = std::make_shared<SweepFlags>();
  auto* cmd = app.add_subcommand(
      "sweep", "a grid over settings: each cell's exhaustive verdict of delivered_before_expiry and P(loss)");
  f->population.add_to(*cmd, 20'000);
  cmd->add_option(
         "--vary", f->vary,
         "KEY=V1,V2,..., once or twice. KEY: a config key (cqm.wake_up_cycle), habits.KEY, or an alias:\n" +
             stats::alias_help())
      ->required()
      ->take_all();
  cmd->add_option("--max-seconds-per-cell", f->max_seconds_per_cell,
                  "stop a cell's exhaustive search after this long: INCONCLUSIVE")
      ->capture_default_str()
      ->check(seconds());
  cmd->add_option(
         "--out", f->population.out,
         "write sweep.csv, sweep.json, heatmap and, over a numeric first axis, loss_lines (SVG and PNG) here")
      ->check(name_given());
  cmd->callback([f] { run_sweep(*f); });
}

}  // namespace cqm::cli
