#include "stats/sweep.hpp"

#include <algorithm>
#include <chrono>
#include <utility>

#include "harness/check.hpp"
#include "io/config_toml.hpp"
#include "io/habits_toml.hpp"
#include "io/input_error.hpp"
#include "properties/property.hpp"
#include "stats/overrides.hpp"

namespace cqm::stats {
namespace {

constexpr std::string_view kHabitsPrefix = "habits.";

// Short names for the keys a sweep is most often about; any full config key and any habits.KEY works too.
constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
    {"cycle", "cqm.wake_up_cycle"},
    {"lifetime", "cqm.item_lifetime"},
    {"retry_policy", "cqm.retry_policy"},
    {"retry_interval", "cqm.retry_interval"},
    {"reconnect", "cqm.reconnect_when_broken"},
    {"reconnect_delay", "cqm.reconnect_delay"},
    {"service_pack", "client.service_pack"},
    {"init_failure", "init.failure"},
    {"race_window", "init.race_window"},
    {"after_running", "program[0].after_running"},
    {"os", "client.os"},
    {"clients", "site.clients"},
    {"assistant_interval", "site.assistant_interval"},
    {"p_init_failure", "habits.init.failure_probability"},
    {"leave_on", "habits.day.leave_on"},
    {"absent", "habits.day.absent"},
    {"weekends_off", "habits.day.weekends_off"},
    {"skew", "habits.clock.skew"},
    {"program_at", "habits.program.at"},
};

[[noreturn]] void fail(const std::string& argument, const std::string& why) {
  throw InputError("command line", 0, "--vary " + argument, why);
}

std::vector<std::string> split(const std::string& list, const std::string& argument) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (true) {
    const auto comma = list.find(',', from);
    std::string v = list.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
    if (v.empty()) fail(argument, "empty value in the list");
    out.push_back(std::move(v));
    if (comma == std::string::npos) break;
    from = comma + 1;
  }
  return out;
}

}  // namespace

Axis parse_axis(const std::string& argument) {
  Axis a;
  a.argument = argument;
  const auto eq = argument.find('=');
  if (eq == std::string::npos) fail(argument, "expected KEY=V1,V2,... (e.g. cycle=60,240,720,1380)");
  a.given = argument.substr(0, eq);
  if (a.given.empty()) fail(argument, "missing key before '='");
  if (eq + 1 == argument.size()) fail(argument, "empty list of values for '" + a.given + "'");
  a.values = split(argument.substr(eq + 1), argument);
  a.key = a.given;
  for (auto [alias, key] : kAliases)
    if (alias == a.given) a.key = key;
  return a;
}

std::string alias_help() {
  std::string out;
  for (auto [alias, key] : kAliases) out += std::string(alias) + " = " + std::string(key) + "\n";
  return out;
}

std::size_t grid_size(const std::vector<Axis>& axes) {
  std::size_t total = 1;
  for (const auto& a : axes) total *= std::min(a.values.size(), kMaxCells + 1);
  return total;
}

std::vector<Cell> make_grid(const Config& base, const Habits& habits, const std::vector<Axis>& axes,
                            const std::atomic<bool>* interrupted) {
  if (axes.empty()) throw InputError("command line", 0, "--vary", "give at least one --vary KEY=LIST");
  if (axes.size() > kMaxAxes)
    fail(axes[kMaxAxes].argument,
         "at most " + std::to_string(kMaxAxes) + " --vary keys (a heat map has two axes)");
  const std::string config_text = config_to_toml(base);
  const std::string habits_text = habits_to_toml(habits);
  for (std::size_t i = 0; i < axes.size(); ++i) {
    const Axis& a = axes[i];
    for (std::size_t j = 0; j < i; ++j)
      if (axes[j].key == a.key) fail(a.argument, "the key " + a.key + " is varied twice");
    const bool habit = a.key.rfind(kHabitsPrefix, 0) == 0;
    const bool known =
        habit ? has_key(habits_text, a.key.substr(kHabitsPrefix.size())) : has_key(config_text, a.key);
    if (!known)
      fail(a.argument, "unknown key '" + a.given +
                           "' (a config key such as cqm.wake_up_cycle, habits.KEY, or an alias: see --help)");
  }
  std::size_t total = 1;
  for (const auto& a : axes) {
    // Checked axis by axis so that the product cannot wrap.
    if (a.values.size() > kMaxCells || total * a.values.size() > kMaxCells)
      fail(a.argument, "the grid would have more than " + std::to_string(kMaxCells) +
                           " cells (doc/estimate.md): sweep fewer values");
    total *= a.values.size();
  }
  std::vector<Cell> cells;
  cells.reserve(total);
  for (std::size_t n = 0; n < total; ++n) {
    if (interrupted && interrupted->load()) break;
    Cell cell;
    std::string ctext = config_text;
    std::string htext = habits_text;
    std::size_t rest = n;
    for (std::size_t i = axes.size(); i-- > 0;) {
      const Axis& a = axes[i];
      const std::string& v = a.values[rest % a.values.size()];
      rest /= a.values.size();
      cell.values.insert(cell.values.begin(), v);
      const bool habit = a.key.rfind(kHabitsPrefix, 0) == 0;
      std::string& text = habit ? htext : ctext;
      text =
          with_override(text, habit ? a.key.substr(kHabitsPrefix.size()) : a.key, v, "--vary " + a.argument);
    }
    for (std::size_t i = 0; i < axes.size(); ++i)
      cell.label += (i ? " " : "") + axes[i].given + "=" + cell.values[i];
    // The ordinary readers check every value as if it came from a file; name the argument, not a file.
    try {
      cell.config = parse_config(ctext, "sweep");
      cell.habits = parse_habits(htext, "sweep");
    } catch (const InputError& e) {
      std::string args;
      for (const auto& a : axes) args += (args.empty() ? "" : " ") + a.argument;
      throw InputError("command line", 0, "--vary " + args,
                       e.field() + ": " + e.why() + " (in cell " + cell.label + ")");
    }
    cell.config.name = base.name + " [" + cell.label + "]";
    cells.push_back(std::move(cell));
  }
  return cells;
}

CellVerdict exhaustive_verdict(const Config& config, const checker::Limits& limits, int threads) {
  CheckOptions o;
  o.explorers = {ExplorerKind::exhaustive};
  o.threads = threads;
  o.limits = limits;
  o.properties = 1u << property_index(delivered_before_expiry().name);
  CellVerdict v;
  try {
    const ExplorerReport r = check_exhaustive(config, o);
    v.states = r.search.states;
    v.seconds = r.seconds;
    const PropertyResult& p = r.properties.front();
    v.verdict = p.verdict;
    v.note = p.note;
  } catch (const InputError& e) {
    v.verdict = Verdict::Inconclusive;
    v.note = e.why();
  }
  return v;
}

SweepRun run_sweep(const std::vector<Cell>& cells, const SweepOptions& options) {
  using checker::Outcome;
  SweepRun run;
  run.results.reserve(cells.size());
  const auto started = std::chrono::steady_clock::now();
  const auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };
  const auto interrupted = [&] { return options.limits.interrupted && options.limits.interrupted->load(); };
  const auto out_of_time = [&] { return options.max_seconds > 0 && elapsed() >= options.max_seconds; };
  // Each part of a cell gets at most what is left of the sweep's time.
  const auto within = [&](double cap) {
    if (options.max_seconds <= 0) return cap;
    const double left = std::max(options.max_seconds - elapsed(), kSpentSeconds);
    return cap > 0 ? std::min(cap, left) : left;
  };
  for (const Cell& c : cells) {
    if (options.limits.progress)
      options.limits.progress({"cells", run.results.size(),
                               static_cast<double>(run.results.size()) / static_cast<double>(cells.size()),
                               elapsed()});
    checker::Limits cell_limits = options.limits;
    cell_limits.progress = {};  // one line for the sweep, not one per cell
    cell_limits.max_seconds = within(cell_limits.max_seconds);
    CellVerdict verdict = exhaustive_verdict(c.config, cell_limits, options.threads);
    // A search cut short by the sweep's own end is not the cell's verdict: the sweep stops instead.
    if (interrupted()) run.stop = Outcome::interrupted;
    if (run.stop == Outcome::complete && out_of_time()) run.stop = Outcome::limit_time;
    if (run.stop != Outcome::complete) break;
    EstimateOptions estimate_options = options.estimate;
    estimate_options.limits.max_seconds = within(estimate_options.limits.max_seconds);
    Estimate e = estimate(c.config, c.habits, estimate_options);
    if (e.outcome != Outcome::complete) {
      run.stop = e.outcome;
      break;
    }
    run.results.push_back({std::move(verdict), std::move(e)});
  }
  return run;
}

}  // namespace cqm::stats
