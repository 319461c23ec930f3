#pragma once
// How check, replay and suite print: fixed text summaries (SPIN-style) and --format json.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/check.hpp"

namespace cqm::cli {

/// The counterexample's story in a few lines: the violation, the environment events and the init outcomes.
std::string story(const Counterexample& cex);

/// One explorer's result as text, its summary line and (for the exhaustive explorer) SPIN's fixed statistics.
std::string explorer_text(const ExplorerReport& e, const std::vector<std::filesystem::path>& files);

/// One explorer's result as JSON.
nlohmann::ordered_json explorer_json(const ExplorerReport& e,
                                     const std::vector<std::filesystem::path>& files);

/// "12.3 ms", "4.56 s".
std::string seconds_text(double seconds);

/// Exit code for a verdict: 0 holds, 1 violated, 3 inconclusive.
int exit_code(Verdict verdict);

}  // namespace cqm::cli
