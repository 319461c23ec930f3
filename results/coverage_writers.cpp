#include <fmt/format.h>

#include "results/coverage_result.hpp"

namespace cqm {
namespace {

std::string row_only(const RowCoverage& r) {
  // The machine is the heading the row is listed under.
  std::string text = row_text("", r.row).substr(2);
  if (r.alike > 1) text += fmt::format("  ({} rows alike: same source, event and target)", r.alike);
  return text;
}

}  // namespace

std::string coverage_text(const CoverageReport& report, const std::string& explorers) {
  int refused = 0;
  for (const auto& m : report.machines) refused += static_cast<int>(m.refused.size());
  std::string out = fmt::format(
      "coverage ({}): {} of {} table rows fired; {} (machine, state, event) triples reached, {} of them "
      "refused\n",
      explorers, report.fired(), report.rows(), report.triples(), refused);
  for (const auto& m : report.machines) {
    out += fmt::format("  {}: {} of {} rows fired\n", m.machine, m.fired(), m.rows.size());
    for (const auto& r : m.rows) out += fmt::format("    {}  {}\n", r.fired ? "fired" : "never", row_only(r));
    for (const auto& t : m.refused) out += fmt::format("    refused  {}\n", t);
  }
  return out;
}

nlohmann::ordered_json coverage_json(const CoverageReport& report) {
  nlohmann::ordered_json j;
  j["rows"] = report.rows();
  j["fired"] = report.fired();
  j["triples"] = report.triples();
  j["machines"] = nlohmann::ordered_json::array();
  for (const auto& m : report.machines) {
    nlohmann::ordered_json mj;
    mj["machine"] = m.machine;
    mj["fired"] = m.fired();
    mj["rows"] = nlohmann::ordered_json::array();
    for (const auto& r : m.rows) {
      nlohmann::ordered_json rj;
      rj["row"] = row_text(m.machine, r.row);
      rj["fired"] = r.fired;
      if (r.alike > 1) rj["alike"] = r.alike;
      mj["rows"].push_back(std::move(rj));
    }
    mj["reached"] = m.reached;
    mj["refused"] = m.refused;
    j["machines"].push_back(std::move(mj));
  }
  return j;
}

}  // namespace cqm
