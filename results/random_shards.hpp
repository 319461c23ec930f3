#pragma once
// The random explorer in shards (`check --explorer random --shard i/N`) and their merge: each shard runs its
// share of the search's batches without shrinking and prints their reports; `cqmcheck merge` takes every
// shard's, commits the passing ones in batch order and runs the search on from the first batch that did not
// pass (shrinking included). The result is the unsharded run's: same runs, states, counterexamples and shrink
// steps; only the seconds differ (doc/cluster.md).
#include <nlohmann/json.hpp>
#include <vector>

#include "harness/check.hpp"
#include "stats/shards.hpp"

namespace cqm {

/// What a shard prints: the run (the config as TOML, seed, runs, properties) and its batches' reports.
nlohmann::ordered_json random_shard_json(const Config& config, const CheckOptions& options,
                                         checker::Shard shard, const ExplorerReport& report);

/// Whether the JSON text is a random shard's (so `merge` hands it here, not to stats::merge_shards).
bool is_random_shard(const std::string& text);

struct RandomMerge {
  Config config;
  CheckOptions options;  ///< the run's, with random_reports pointing at `reports`
  std::vector<checker::BatchReport> reports;
};

/// Every shard of one run, each index once. Throws InputError naming the file, line and key of the first
/// that does not fit. The returned options point into the returned value: keep it in place.
std::unique_ptr<RandomMerge> read_random_shards(const std::vector<stats::ShardFile>& shards);

}  // namespace cqm
