#include <fmt/format.h>

#include "harness/coverage.hpp"
#include "results/suite_result.hpp"
#include "writers/dot_text.hpp"  // dot::html escapes XML text

namespace cqm {
namespace {

std::string expected_text(const Config& c) {
  std::string out;
  for (const auto* p : all_properties())
    if (c.expected.of(p->name) != Verdict::Holds)
      out += (out.empty() ? "" : ", ") + std::string(enum_name(c.expected.of(p->name))) + " " +
             std::string(p->name);
  return out.empty() ? "HOLDS" : out;
}

std::string verdicts_text(const ExplorerReport& e) {
  std::string out;
  for (const auto& p : e.properties)
    if (p.verdict != Verdict::Holds)
      out +=
          (out.empty() ? "" : ", ") + std::string(enum_name(p.verdict)) + " " + std::string(p.property->name);
  return out.empty() ? "HOLDS" : out;
}

std::string size_text(const ExplorerReport& e) {
  return e.kind == ExplorerKind::exhaustive ? fmt::format("{} states", e.search.states)
                                            : fmt::format("{} runs", e.runs);
}

/// Every preset's coverage together, when the suite recorded it (--coverage).
std::optional<CoverageReport> suite_coverage(const SuiteResult& r) {
  std::optional<Coverage> all;
  for (const auto& entry : r.presets)
    if (const auto c = entry.check.report.coverage()) {
      if (!all) all.emplace();
      all->merge(*c);
    }
  if (!all) return std::nullopt;
  return coverage_report(*all);
}

}  // namespace

bool SuiteEntry::as_expected(const PropertyResult& p) const {
  return p.verdict == check.report.config.expected.of(p.property->name);
}

bool SuiteEntry::as_expected() const {
  for (const auto& e : check.report.explorers)
    for (const auto& p : e.properties)
      if (!as_expected(p)) return false;
  return true;
}

bool SuiteResult::all_as_expected() const {
  if (interrupted || presets.size() < of) return false;
  for (const auto& p : presets)
    if (!p.as_expected()) return false;
  return true;
}

bool SuiteResult::any_conclusive_miss() const {
  for (const auto& entry : presets)
    for (const auto& e : entry.check.report.explorers)
      for (const auto& p : e.properties)
        if (p.verdict != Verdict::Inconclusive && !entry.as_expected(p)) return true;
  return false;
}

std::string suite_text(const SuiteResult& r) {
  std::string out = fmt::format("{:<34} {:<10} {:<34} {:<34} {:<14} {:<10} {}\n", "preset", "explorer",
                                "verdict", "expected", "states/runs", "time", "counterexample");
  for (const auto& entry : r.presets) {
    const Config& c = entry.check.report.config;
    for (const auto& e : entry.check.report.explorers) {
      bool ok = true;
      for (const auto& p : e.properties) ok &= entry.as_expected(p);
      std::string evidence = "-";
      for (const auto& ev : entry.check.evidence)
        if (ev.explorer == e.kind && !ev.files.empty()) {
          evidence = ev.files.front().parent_path().string();
          break;
        }
      out += fmt::format("{:<34} {:<10} {:<34} {:<34} {:<14} {:<10} {}{}\n", c.name, explorer_name(e.kind),
                         verdicts_text(e), expected_text(c), size_text(e), seconds_text(e.seconds), evidence,
                         ok ? "" : "   <-- NOT AS EXPECTED");
      for (const auto& p : e.properties)
        if (!entry.as_expected(p))
          out += fmt::format("    {}: {} (expected {}){}\n", p.property->name, enum_name(p.verdict),
                             enum_name(c.expected.of(p.property->name)), p.note.empty() ? "" : ": " + p.note);
    }
    for (const auto& why : entry.check.report.not_run) out += fmt::format("{:<34} {}\n", c.name, why);
  }
  out += "\nAssumptions the verdicts rest on:\n";
  for (const auto& entry : r.presets) {
    out += "  " + entry.check.report.config.name + ":";
    for (const auto& a : entry.check.assumptions) out += " " + a + ";";
    out += "\n";
  }
  if (const auto coverage = suite_coverage(r)) {
    // A row no preset fires is dead, or a scenario the presets miss.
    const auto never = coverage->never_fired();
    out += fmt::format("\nCoverage over the suite: {} of {} table rows fired; never by any preset ({}):\n",
                       coverage->fired(), coverage->rows(), never.size());
    for (const auto& row : never) out += "  " + row + "\n";
  }
  out += r.all_as_expected() ? "\nsuite: every verdict as expected\n"
                             : "\nsuite: SOME VERDICTS NOT AS EXPECTED\n";
  return out;
}

nlohmann::ordered_json suite_json(const SuiteResult& r) {
  nlohmann::ordered_json j;
  j["presets"] = nlohmann::ordered_json::array();
  for (const auto& entry : r.presets) {
    const Config& c = entry.check.report.config;
    nlohmann::ordered_json pj;
    pj["preset"] = c.name;
    nlohmann::ordered_json expected = nlohmann::ordered_json::object();
    for (const auto* p : all_properties())
      expected[std::string(p->name)] = std::string(enum_name(c.expected.of(p->name)));
    pj["expected"] = expected;
    pj["assumptions"] = entry.check.assumptions;
    pj["explorers"] = nlohmann::ordered_json::array();
    for (const auto& e : entry.check.report.explorers) {
      auto ej = explorer_json(e, &entry.check);
      for (std::size_t i = 0; i < e.properties.size(); ++i)
        ej["properties"][i]["as_expected"] = entry.as_expected(e.properties[i]);
      pj["explorers"].push_back(ej);
    }
    pj["as_expected"] = entry.as_expected();
    j["presets"].push_back(pj);
  }
  if (const auto coverage = suite_coverage(r))
    j["coverage"] = {
        {"rows", coverage->rows()}, {"fired", coverage->fired()}, {"never_fired", coverage->never_fired()}};
  j["interrupted"] = r.interrupted;
  j["all_as_expected"] = r.all_as_expected();
  return j;
}

std::string suite_junit(const SuiteResult& r) {
  // No wall-clock times: the same seed gives the same bytes (the text and JSON reports carry the timings).
  int cases = 0, failures = 0;
  for (const auto& entry : r.presets)
    for (const auto& e : entry.check.report.explorers)
      for (const auto& p : e.properties) ++cases, failures += !entry.as_expected(p);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites><testsuite name=\"cqmcheck suite\" tests=\"{}\" failures=\"{}\">\n", cases,
                     failures);
  for (const auto& entry : r.presets) {
    const Config& c = entry.check.report.config;
    for (const auto& e : entry.check.report.explorers)
      for (const auto& p : e.properties) {
        const std::string verdict(enum_name(p.verdict));
        const std::string expected(enum_name(c.expected.of(p.property->name)));
        const std::string story = p.counterexample ? cqm::story(*p.counterexample) : p.note;
        out += fmt::format("  <testcase classname=\"cqmcheck.suite.{}.{}\" name=\"{}\">\n", dot::html(c.name),
                           explorer_name(e.kind), dot::html(p.property->name));
        if (!entry.as_expected(p))
          out += fmt::format("    <failure message=\"{} (expected {})\">{}</failure>\n", verdict, expected,
                             dot::html(story));
        out += fmt::format("    <system-out>verdict {}, expected {}, {}{}</system-out>\n", verdict, expected,
                           size_text(e), story.empty() ? "" : "\n" + dot::html(story));
        out += "  </testcase>\n";
      }
  }
  return out + "</testsuite></testsuites>\n";
}

}  // namespace cqm
