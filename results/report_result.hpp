#pragma once
// What `cqmcheck report` shows, as one value, and its writer: the data of the self-contained page
// (writers/report_page.hpp; the page's contract is writers/report/README.md).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/coverage.hpp"
#include "results/check_result.hpp"

namespace cqm {

struct ReportCounterexample {
  std::string id;  ///< counterexample_id(...)
  std::string preset;
  std::string property;
  ExplorerKind explorer = ExplorerKind::exhaustive;
  std::string trace_json;    ///< trace.json as `check --out` writes it
  std::string timeline_svg;  ///< trace.svg
};

struct ReportDiagram {
  std::string machine;
  std::string svg;  ///< the state diagram, the rows the presets fired marked
  int fired = 0;
  int rows = 0;
};

struct ReportPlot {
  std::string title;
  std::string svg;
};

struct ReportResult {
  std::string title;
  std::uint64_t seed = 1;  ///< the random explorer's
  std::vector<CheckResult> presets;
  std::vector<CoverageReport> coverage;  ///< per preset, every explorer's together
  CoverageReport suite_coverage;         ///< every preset's together
  std::vector<ReportCounterexample> counterexamples;
  std::vector<ReportDiagram> diagrams;
  std::vector<ReportPlot> plots;
};

/// "kb-q292030.delivered_before_expiry.exhaustive".
std::string counterexample_id(const std::string& preset, const std::string& property, ExplorerKind explorer);

/// The page's data. Nothing in it depends on the day; the times the searches took are the only figures that
/// vary from run to run.
nlohmann::ordered_json report_json(const ReportResult& result);

}  // namespace cqm
