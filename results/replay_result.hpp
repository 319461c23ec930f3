#pragma once
// What `cqmcheck replay` found, as one value, and its writers (text, --format json).
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "harness/counterexample.hpp"
#include "io/trace_reader.hpp"

namespace cqm {

struct ReplayResult {
  std::string trace;  ///< the file replayed
  TraceInput input;
  std::optional<Counterexample> counterexample;  ///< the replay's first violation, if any
  std::vector<std::filesystem::path> files;
  Verdict verdict() const { return counterexample ? Verdict::Violated : Verdict::Holds; }
};

std::string replay_text(const ReplayResult& result);
nlohmann::ordered_json replay_json(const ReplayResult& result);

}  // namespace cqm
