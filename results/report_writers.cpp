#include <fmt/format.h>

#include <cmath>

#include "results/report_result.hpp"

namespace cqm {
namespace {

/// What a verdict rests on, in one line.
std::string bounds_text(const Config& c, const ExplorerReport& e, const PropertyResult& p,
                        std::uint64_t seed) {
  std::string out;
  if (e.kind == ExplorerKind::exhaustive) {
    out = fmt::format("{} search, {} min grid, horizon {} min, queue bound {}, key {} bits ({})",
                      checker::outcome_name(e.outcome), c.env.quantum, exploration_horizon(c), e.queue_bound,
                      e.key_bits, e.exact_states ? "exact" : "declared abstractions");
    if (e.fingerprints) out += fmt::format(", fingerprints (collision p ≤ {:.1e})", e.collision_probability);
  } else {
    out = fmt::format("{} random schedules, seed {}", e.runs, seed);
  }
  if (!p.note.empty()) out += "; " + p.note;
  return out;
}

}  // namespace

std::string counterexample_id(const std::string& preset, const std::string& property, ExplorerKind explorer) {
  return preset + "." + property + "." + explorer_name(explorer);
}

nlohmann::ordered_json report_json(const ReportResult& r) {
  using json = nlohmann::ordered_json;
  json j;
  j["title"] = r.title;
  int failing = 0;
  json rows = json::array();
  for (const auto& check : r.presets) {
    const Config& c = check.report.config;
    for (const auto& e : check.report.explorers)
      for (const auto& p : e.properties) {
        const std::string property(p.property->name);
        const Verdict expected = c.expected.of(property);
        failing += p.verdict != expected;
        json row;
        row["preset"] = c.name;
        row["article"] = c.article;
        row["property"] = property;
        row["explorer"] = explorer_name(e.kind);
        row["verdict"] = std::string(enum_name(p.verdict));
        row["expected"] = std::string(enum_name(expected));
        row["bounds"] = bounds_text(c, e, p, r.seed);
        row["states"] = e.kind == ExplorerKind::exhaustive ? json(e.search.states) : json(nullptr);
        row["runs"] = e.kind == ExplorerKind::random ? json(e.runs) : json(nullptr);
        row["seconds"] = std::round(e.seconds * 1000) / 1000;
        row["counterexample"] =
            p.counterexample ? json(counterexample_id(c.name, property, e.kind)) : json(nullptr);
        rows.push_back(std::move(row));
      }
  }
  j["summary"] = {{"presets", r.presets.size()}, {"failing", failing}};
  j["rows"] = std::move(rows);
  j["counterexamples"] = json::array();
  for (const auto& cx : r.counterexamples)
    j["counterexamples"].push_back({{"id", cx.id},
                                    {"preset", cx.preset},
                                    {"property", cx.property},
                                    {"explorer", explorer_name(cx.explorer)},
                                    {"timeline_svg", cx.timeline_svg},
                                    {"trace", json::parse(cx.trace_json)}});
  j["diagrams"] = json::array();
  for (const auto& d : r.diagrams)
    j["diagrams"].push_back(
        {{"machine", d.machine}, {"svg", d.svg}, {"reached_rows", d.fired}, {"total_rows", d.rows}});
  json presets = json::array();
  for (std::size_t i = 0; i < r.presets.size() && i < r.coverage.size(); ++i)
    presets.push_back(
        {{"preset", r.presets[i].report.config.name}, {"unreached", r.coverage[i].never_fired()}});
  j["coverage"] = {{"presets", std::move(presets)}, {"never_reached", r.suite_coverage.never_fired()}};
  j["plots"] = json::array();
  for (const auto& p : r.plots) j["plots"].push_back({{"title", p.title}, {"svg", p.svg}});
  return j;
}

}  // namespace cqm
