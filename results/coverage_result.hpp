#pragma once
// Coverage's writers: `check --coverage`'s text (every table row, fired or never) and the JSON that check,
// suite and the report carry.
#include <nlohmann/json.hpp>
#include <string>

#include "harness/coverage.hpp"

namespace cqm {

/// `explorers`: which explorers' hits these are ("exhaustive, random").
std::string coverage_text(const CoverageReport& report, const std::string& explorers);
nlohmann::ordered_json coverage_json(const CoverageReport& report);

}  // namespace cqm
