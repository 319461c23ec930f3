#pragma once
// A counterexample as files in one folder: trace.json (replayable) and Cqmgr32.log. Each file is written
// atomically; an unwritable folder is an OutputError.
#include <filesystem>
#include <string>
#include <vector>

#include "harness/counterexample.hpp"

namespace cqm {

/// Writes trace.json and Cqmgr32.log into `dir`; returns the paths written.
std::vector<std::filesystem::path> write_counterexample(const std::filesystem::path& dir, const Counterexample& cex);

}  // namespace cqm
