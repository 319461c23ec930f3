#pragma once
// `check` as a library call: run the explorers on one config, re-play what they find, and give verdicts.
#include <atomic>
#include <optional>
#include <string>
#include <vector>

#include "checker/search.hpp"
#include "harness/counterexample.hpp"

namespace cqm {

enum class ExplorerKind { exhaustive, random };

struct CheckOptions {
  std::vector<ExplorerKind> explorers{ExplorerKind::exhaustive, ExplorerKind::random};
  std::uint64_t seed = 1;
  std::uint64_t runs = 0;  ///< random runs; 0: the config's environment.random_runs
  int threads = 2;
  checker::Limits limits;
};

struct ExplorerReport {
  ExplorerKind kind = ExplorerKind::exhaustive;
  Verdict verdict = Verdict::Holds;
  checker::Outcome outcome = checker::Outcome::complete;
  checker::SearchStats search;      ///< exhaustive
  std::uint64_t runs = 0;           ///< random
  std::uint64_t shrink_steps = 0;   ///< random
  std::uint64_t shrink_tries = 0;   ///< random
  std::uint64_t batch_seed = 0;     ///< random: RapidCheck's seed of the failing batch
  std::uint64_t random_states = 0;  ///< random: steps simulated over all runs (what --max-states caps)
  std::size_t path_length = 0;      ///< exhaustive: environment decisions in the counterexample
  double seconds = 0;
  std::optional<Counterexample> counterexample;
};

struct CheckReport {
  Config config;
  std::vector<ExplorerReport> explorers;
  Verdict verdict() const;
};

const char* explorer_name(ExplorerKind kind);

/// Throws InputError when the config cannot be explored (e.g. a horizon beyond the state encoding).
CheckReport check(const Config& config, const CheckOptions& options);

ExplorerReport check_exhaustive(const Config& config, const CheckOptions& options);
ExplorerReport check_random(const Config& config, const CheckOptions& options);

}  // namespace cqm
