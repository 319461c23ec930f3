#pragma once
// What `cqmcheck suite` found, as one value — every preset's verdict per property and explorer against the
// one it expects — and its writers: the text table, --format json, and JUnit XML for CI.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "results/check_result.hpp"

namespace cqm {

struct SuiteEntry {
  CheckResult check;
  /// Every checked property of every explorer has its expected verdict (INCONCLUSIVE never has).
  bool as_expected() const;
  bool as_expected(const PropertyResult& p) const;
};

struct SuiteResult {
  std::vector<SuiteEntry> presets;  ///< in `presets()` order, those run
  std::size_t of = 0;               ///< presets the suite has
  bool interrupted = false;
  bool all_as_expected() const;
  /// Some verdict that was reached (HOLDS or VIOLATED) is not the expected one: the regression guard fails.
  /// When the only misses are INCONCLUSIVE, a limit stopped the search: the suite is inconclusive, not
  /// failed.
  bool any_conclusive_miss() const;
};

std::string suite_text(const SuiteResult& result);
nlohmann::ordered_json suite_json(const SuiteResult& result);
/// One test case per preset, explorer and property: any CI shows the regression guard's results.
std::string suite_junit(const SuiteResult& result);

}  // namespace cqm
