#pragma once
// `check` as a library call: run the explorers on one config, re-play what they find, and give a verdict per
// property and explorer.
#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "checker/random_workers.hpp"
#include "checker/search.hpp"
#include "harness/counterexample.hpp"
#include "model/coverage.hpp"

namespace cqm {

enum class ExplorerKind { exhaustive, random };

struct CheckOptions {
  std::vector<ExplorerKind> explorers{ExplorerKind::exhaustive, ExplorerKind::random};
  std::uint64_t seed = 1;
  std::uint64_t runs = 0;  ///< random runs; 0: the config's environment.random_runs
  int threads = 2;
  bool exact_states = false;       ///< exhaustive: the key is the full state, no declared abstraction
  bool symmetry = true;            ///< exhaustive: a site's identical clients stored in canonical order
  bool fingerprints = false;       ///< exhaustive: store 64-bit fingerprints of the states (as TLC)
  bool uncompressed = false;       ///< exhaustive: store each key whole (StateStore), not tree-compressed
  std::uint32_t properties = ~0u;  ///< the properties to check (bits of all_properties())
  /// Record what the machines were given (harness/coverage.hpp). The random explorer then runs in one
  /// process: its workers' hits would stay in theirs.
  bool coverage = false;
  /// Random: run only this shard of the search's batches, without shrinking, and report them (batches
  /// below); the verdicts are then left to the merge (`cqmcheck merge`, results/random_shards.hpp).
  std::optional<checker::Shard> random_shard;
  /// Random: batch reports of every shard, taken as done (checker::RandomParams::reports).
  const std::vector<checker::BatchReport>* random_reports = nullptr;
  checker::Limits limits;
  /// Exhaustive: told of each counterexample as soon as the search has fixed and replayed it, on the search's
  /// thread while the search goes on (`check --out` starts drawing it); the report holds the same
  /// counterexample in the end.
  std::function<void(const Counterexample&)> on_counterexample;
};

/// One property's verdict from one explorer.
struct PropertyResult {
  const Property* property = nullptr;
  Verdict verdict = Verdict::Holds;
  std::string note;  ///< why a verdict is INCONCLUSIVE
  std::optional<Counterexample> counterexample;
  std::size_t path_length = 0;  ///< exhaustive: environment decisions in the counterexample
};

struct ExplorerReport {
  ExplorerKind kind = ExplorerKind::exhaustive;
  checker::Outcome outcome = checker::Outcome::complete;  ///< how the search ended
  std::vector<PropertyResult> properties;                 ///< those checked, in all_properties() order
  checker::SearchStats search;                            ///< exhaustive
  std::size_t key_bits = 0;                               ///< exhaustive: bits per stored state's key
  bool exact_states = false;                              ///< exhaustive: no abstraction in the key
  bool symmetry = true;       ///< exhaustive: whether the site's clients were stored in canonical order
  bool fingerprints = false;  ///< exhaustive: states stored as 64-bit fingerprints
  bool uncompressed = false;  ///< exhaustive: keys stored whole (else tree-compressed, unless fingerprints)
  double collision_probability = 0;  ///< exhaustive, fingerprints: TLC's optimistic estimate
  int queue_bound = 0;               ///< exhaustive: queue items the search could hold
  std::uint64_t truncated = 0;       ///< exhaustive: successors past the queue bound
  std::uint64_t runs = 0;            ///< random
  std::uint64_t shrink_steps = 0;    ///< random
  std::uint64_t shrink_tries = 0;    ///< random
  std::uint64_t batch_seed = 0;      ///< random: RapidCheck's seed of the first failing batch
  std::uint64_t random_states = 0;   ///< random: steps simulated over all runs (what --max-states caps)
  double seconds = 0;
  std::optional<Coverage> coverage;  ///< when asked for: what the machines were given during the search
  std::vector<checker::BatchReport> batches;  ///< random, a shard: its batches' reports

  /// The worst verdict of its properties: VIOLATED, else INCONCLUSIVE, else HOLDS.
  Verdict verdict() const;
  const PropertyResult* result_of(std::string_view property) const;
  /// The first violated property's result (all_properties() order), or null.
  const PropertyResult* first_violation() const;
};

struct CheckReport {
  Config config;
  std::vector<ExplorerReport> explorers;
  /// Explorers asked for and not run, each with why (the exhaustive one on a site of several clients).
  std::vector<std::string> not_run;
  /// A property's verdict over every explorer: VIOLATED when one found a counterexample, INCONCLUSIVE when
  /// one could not finish, else HOLDS.
  Verdict verdict_of(std::string_view property) const;
  Verdict verdict() const;
  /// Every explorer's coverage together, or none when none recorded it.
  std::optional<Coverage> coverage() const;
};

const char* explorer_name(ExplorerKind kind);

/// Throws InputError when the config cannot be explored (e.g. an envelope with no point on the quantum grid).
CheckReport check(const Config& config, const CheckOptions& options);

ExplorerReport check_exhaustive(const Config& config, const CheckOptions& options);
ExplorerReport check_random(const Config& config, const CheckOptions& options);

/// The worse of two verdicts (VIOLATED > INCONCLUSIVE > HOLDS).
Verdict worse(Verdict a, Verdict b);

}  // namespace cqm
