#pragma once
// What `cqmcheck check` found, as one value, and its writers: the SPIN-style text summary and --format json.
// Commands build the value; nothing else prints.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/check.hpp"

namespace cqm {

/// A counterexample written to files.
struct Evidence {
  std::string property;
  ExplorerKind explorer = ExplorerKind::exhaustive;
  std::vector<std::filesystem::path> files;
};

struct CheckResult {
  CheckReport report;
  std::vector<std::string> assumptions;  ///< what the verdicts rest on (properties/assumptions.hpp)
  std::vector<Evidence> evidence;
  bool interrupted = false;
  /// The files written for one property and explorer, or null.
  const Evidence* evidence_of(std::string_view property, ExplorerKind explorer) const;
};

/// The counterexample's story in a few lines: the violation, the environment events and the init outcomes.
std::string story(const Counterexample& cex);

/// "12.3 ms", "4.56 s".
std::string seconds_text(double seconds);

/// One explorer's summary line(s) and each property's verdict, as the check and suite texts show them.
std::string explorer_text(const ExplorerReport& e, const CheckResult* files);
nlohmann::ordered_json explorer_json(const ExplorerReport& e, const CheckResult* files);

std::string check_text(const CheckResult& result);
nlohmann::ordered_json check_json(const CheckResult& result);

/// Exit code for a verdict: 0 holds, 1 violated, 3 inconclusive.
int exit_code(Verdict verdict);

}  // namespace cqm
