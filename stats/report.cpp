#include "stats/report.hpp"

#include <fmt/format.h>

#include "io/habits_toml.hpp"
#include "properties/property.hpp"
#include "stats/population.hpp"

namespace cqm::stats {
namespace {

constexpr Minutes kMinutesPerHour = 60;
constexpr double kMillion = 1e6;

nlohmann::ordered_json paths_json(const Estimate& e) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (auto p : kAllLossPaths)
    j[std::string(loss_path_name(p))] = e.lost_by_path[static_cast<std::size_t>(p)];
  return j;
}

/// Each end-state property: clients that end violating it, the share, and its interval.
nlohmann::ordered_json properties_json(const Estimate& e) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto* prop : all_properties()) {
    const int p = property_index(prop->name);
    if (!(end_state_properties() >> p & 1u)) continue;
    const auto n = e.violated[static_cast<std::size_t>(p)];
    const Interval ci = wilson(n, e.clients);
    j[std::string(prop->name)] = {
        {"violated", n},
        {"p", e.clients ? static_cast<double>(n) / static_cast<double>(e.clients) : 0.0},
        {"interval", {{"method", "wilson"}, {"confidence", 0.95}, {"low", ci.low}, {"high", ci.high}}}};
  }
  return j;
}

nlohmann::ordered_json delay_json(const Estimate& e) {
  return {{"delivered", e.delay.delivered},
          {"median", e.delay.median},
          {"p95", e.delay.p95},
          {"max", e.delay.max}};
}

nlohmann::ordered_json interval_json(const Estimate& e) {
  return {{"method", "wilson"}, {"confidence", 0.95}, {"low", e.interval.low}, {"high", e.interval.high}};
}

nlohmann::ordered_json stats_json(const Estimate& e) {
  return {{"seconds", e.seconds},
          {"clients_per_second", e.clients_per_second()},
          {"events", e.events},
          {"threads", e.threads}};
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string interval_text(const Estimate& e) {
  return fmt::format("[{:.3g}, {:.3g}]", e.interval.low, e.interval.high);
}

}  // namespace

std::string duration_text(Minutes m) {
  const Minutes d = m / kMinutesPerDay, h = m % kMinutesPerDay / kMinutesPerHour, min = m % kMinutesPerHour;
  if (d > 0) return fmt::format("{} d {:02} h {:02} min", d, h, min);
  if (h > 0) return fmt::format("{} h {:02} min", h, min);
  return fmt::format("{} min", min);
}

std::string estimate_text(const Config& config, const HabitsSource& habits, const EstimateOptions& options,
                          const Estimate& e, bool with_stats) {
  std::string out = fmt::format("cqmcheck estimate: {} — {}\n", config.name, config.summary);
  out += fmt::format("habits: {}\n", habits.file.empty() ? "the defaults (doc/estimate.md)" : habits.file);
  const int per_site = config.model.site.clients;
  out += fmt::format("population: {} clients{}, seed {}\n", e.clients,
                     per_site > 1 ? fmt::format(" in sites of {} on one CAP", per_site) : "", options.seed);
  if (e.outcome != checker::Outcome::complete)
    out += fmt::format("INCONCLUSIVE ({}): {} of {} clients simulated; the figures below are theirs\n",
                       checker::outcome_name(e.outcome), e.clients, e.requested);
  out += fmt::format("P(status lost) = {:.4g}   95% CI {} (Wilson score interval)\n", e.p_loss(),
                     interval_text(e));
  out += fmt::format("lost: {} of {} clients\n", e.lost, e.clients);
  for (auto p : kAllLossPaths) {
    const auto n = e.lost_by_path[static_cast<std::size_t>(p)];
    if (n > 0) out += fmt::format("  {:<30} {:>9}  {}\n", loss_path_name(p), n, loss_path_text(p));
  }
  // Every other property a client's final state shows, with its interval (the rerun, the full registry, ...).
  for (const auto* prop : all_properties()) {
    const int p = property_index(prop->name);
    if (!(end_state_properties() >> p & 1u)) continue;
    const auto n = e.violated[static_cast<std::size_t>(p)];
    const Interval ci = wilson(n, e.clients);
    out += fmt::format("P({} violated) = {:.4g}   95% CI [{:.3g}, {:.3g}]\n", prop->name,
                       e.clients ? static_cast<double>(n) / static_cast<double>(e.clients) : 0.0, ci.low,
                       ci.high);
  }
  out += fmt::format("delivery delay ({} clients delivered in time): median {}, p95 {}, max {}\n",
                     e.delay.delivered, duration_text(e.delay.median), duration_text(e.delay.p95),
                     duration_text(e.delay.max));
  if (with_stats)
    out += fmt::format("stats: {:.3f} s, {:.0f} clients/s, {:.1f} M events ({:.1f} M events/s), {} threads\n",
                       e.seconds, e.clients_per_second(), static_cast<double>(e.events) / kMillion,
                       e.seconds > 0 ? static_cast<double>(e.events) / kMillion / e.seconds : 0.0, e.threads);
  return out;
}

nlohmann::ordered_json estimate_header(const Config& config, const HabitsSource& habits) {
  nlohmann::ordered_json j;
  j["preset"] = config.name;
  j["summary"] = config.summary;
  j["habits_file"] = habits.file;
  j["habits"] = habits_to_json(habits.habits);
  return j;
}

nlohmann::ordered_json estimate_json(const Config& config, const HabitsSource& habits,
                                     const EstimateOptions& options, const Estimate& e, bool with_stats) {
  return estimate_json(estimate_header(config, habits), options.seed, e, with_stats);
}

nlohmann::ordered_json estimate_json(const nlohmann::ordered_json& header, std::uint64_t seed,
                                     const Estimate& e, bool with_stats) {
  nlohmann::ordered_json j = header;
  j["clients"] = e.clients;
  j["requested_clients"] = e.requested;
  j["outcome"] = checker::outcome_name(e.outcome);
  j["seed"] = seed;
  j["p_loss"] = e.p_loss();
  j["interval"] = interval_json(e);
  j["lost"] = e.lost;
  j["lost_by_path"] = paths_json(e);
  j["properties"] = properties_json(e);
  j["delay_minutes"] = delay_json(e);
  if (with_stats) j["stats"] = stats_json(e);
  return j;
}

std::string sweep_text(const Config& base, const std::vector<Axis>& axes, const std::vector<Cell>& cells,
                       const std::vector<CellResult>& results, bool with_stats) {
  const std::uint64_t clients = results.empty() ? 0 : results.front().estimate.clients;
  std::string out = fmt::format(
      "cqmcheck sweep: {} — {} cells; verdict: exhaustive, within the config's envelope; "
      "P(loss): {} simulated clients per cell\n",
      base.name, cells.size(), clients);
  std::vector<std::size_t> widths;
  for (const auto& a : axes) {
    std::size_t w = a.given.size();
    for (const auto& v : a.values) w = std::max(w, v.size());
    widths.push_back(w);
  }
  for (std::size_t i = 0; i < axes.size(); ++i) out += fmt::format("{:<{}}  ", axes[i].given, widths[i]);
  out += fmt::format("{:<24} {:<10} {:<22} {:>9}", "delivered_before_expiry", "P(loss)", "95% CI (Wilson)",
                     "states");
  out += with_stats ? fmt::format(" {:>9} {:>9}\n", "check s", "est. s") : "\n";
  for (std::size_t c = 0; c < cells.size(); ++c) {
    const auto& r = results[c];
    for (std::size_t i = 0; i < axes.size(); ++i)
      out += fmt::format("{:<{}}  ", cells[c].values[i], widths[i]);
    out += fmt::format("{:<24} {:<10.4g} {:<22} {:>9}", enum_name(r.check.verdict), r.estimate.p_loss(),
                       interval_text(r.estimate), r.check.states);
    if (with_stats) out += fmt::format(" {:>9.3f} {:>9.3f}", r.check.seconds, r.estimate.seconds);
    if (!r.check.note.empty()) out += "  (" + r.check.note + ")";
    out += "\n";
  }
  return out;
}

std::string sweep_csv(const std::vector<Axis>& axes, const std::vector<Cell>& cells,
                      const std::vector<CellResult>& results) {
  std::string out;
  for (const auto& a : axes) out += csv_field(a.key) + ",";
  out +=
      "verdict,note,p_loss,ci_low,ci_high,lost,clients,delay_median_min,delay_p95_min,delay_max_min,states";
  for (auto p : kAllLossPaths) out += ",lost_" + std::string(loss_path_name(p));
  out += "\n";
  for (std::size_t c = 0; c < cells.size(); ++c) {
    const auto& r = results[c];
    const auto& e = r.estimate;
    for (const auto& v : cells[c].values) out += csv_field(v) + ",";
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{}", enum_name(r.check.verdict),
                       csv_field(r.check.note), e.p_loss(), e.interval.low, e.interval.high, e.lost,
                       e.clients, e.delay.median, e.delay.p95, e.delay.max, r.check.states);
    for (auto p : kAllLossPaths) out += fmt::format(",{}", e.lost_by_path[static_cast<std::size_t>(p)]);
    out += "\n";
  }
  return out;
}

nlohmann::ordered_json sweep_json(const Config& base, const HabitsSource& habits, const SweepOptions& options,
                                  const std::vector<Axis>& axes, const std::vector<Cell>& cells,
                                  const std::vector<CellResult>& results, bool with_stats) {
  nlohmann::ordered_json j;
  j["preset"] = base.name;
  j["habits_file"] = habits.file;
  j["habits"] = habits_to_json(habits.habits);
  j["clients"] = options.estimate.clients;
  j["seed"] = options.estimate.seed;
  j["max_seconds_per_cell"] = options.limits.max_seconds;
  j["axes"] = nlohmann::ordered_json::array();
  for (const auto& a : axes) j["axes"].push_back({{"key", a.key}, {"given", a.given}, {"values", a.values}});
  j["cells"] = nlohmann::ordered_json::array();
  for (std::size_t c = 0; c < cells.size(); ++c) {
    const auto& r = results[c];
    nlohmann::ordered_json cj;
    nlohmann::ordered_json values = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < axes.size(); ++i) values[axes[i].key] = cells[c].values[i];
    cj["values"] = values;
    cj["verdict"] = std::string(enum_name(r.check.verdict));
    cj["note"] = r.check.note;
    cj["states"] = r.check.states;
    cj["p_loss"] = r.estimate.p_loss();
    cj["interval"] = interval_json(r.estimate);
    cj["lost"] = r.estimate.lost;
    cj["lost_by_path"] = paths_json(r.estimate);
    cj["delay_minutes"] = delay_json(r.estimate);
    if (with_stats) cj["stats"] = stats_json(r.estimate), cj["check_seconds"] = r.check.seconds;
    j["cells"].push_back(cj);
  }
  return j;
}

namespace {
std::string files_text(const std::vector<std::filesystem::path>& files) {
  std::string out;
  for (const auto& f : files) out += "wrote " + f.string() + "\n";
  return out;
}
nlohmann::ordered_json files_json(const std::vector<std::filesystem::path>& files) {
  auto j = nlohmann::ordered_json::array();
  for (const auto& f : files) j.push_back(f.string());
  return j;
}
}  // namespace

std::string estimate_text(const EstimateResult& r) {
  std::string out = estimate_text(r.config, r.habits, r.options, r.estimate, r.with_stats);
  if (r.curve != checker::Outcome::complete)
    out += fmt::format("INCONCLUSIVE ({}): the loss-vs-init-failure curve was stopped; no figures written\n",
                       checker::outcome_name(r.curve));
  return out + files_text(r.files);
}

nlohmann::ordered_json estimate_json(const EstimateResult& r) {
  auto j = estimate_json(r.config, r.habits, r.options, r.estimate, r.with_stats);
  if (r.curve != checker::Outcome::complete) j["curve_outcome"] = checker::outcome_name(r.curve);
  j["files"] = files_json(r.files);
  return j;
}

std::string sweep_text(const SweepResult& r) {
  std::string out = sweep_text(r.base, r.axes, r.cells, r.results, r.with_stats);
  if (r.with_stats) out += fmt::format("stats: {} cells in {:.3f} s\n", r.cells.size(), r.seconds);
  return out + files_text(r.files);
}

nlohmann::ordered_json sweep_json(const SweepResult& r) {
  auto j = sweep_json(r.base, r.habits, r.options, r.axes, r.cells, r.results, r.with_stats);
  if (r.with_stats) j["seconds"] = r.seconds;
  j["files"] = files_json(r.files);
  return j;
}

}  // namespace cqm::stats
