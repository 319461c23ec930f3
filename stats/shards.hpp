#pragma once
// Sharded runs (`--shard i/N`) and their merge (`cqmcheck merge`): shard i of N of an estimate simulates its
// part of the population's sites, of a sweep its part of the cells; each prints a shard's JSON with the
// tallies, not the figures, and merge adds the tallies up, in shard order, into exactly the JSON the
// unsharded run prints (doc/cluster.md). A cluster scheduler runs the shards (scripts/slurm/, scripts/k8s/).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "stats/report.hpp"

namespace cqm::stats {

/// "i/N", 0 <= i < N. Throws InputError naming `--shard`.
Shard parse_shard(const std::string& text);

/// A shard of an estimate: the header of estimate_json, the seed, the whole population's size and this
/// part's tallies (the delay histogram as [bucket, clients] pairs of its non-empty buckets).
nlohmann::ordered_json estimate_shard_json(const Config& config, const HabitsSource& habits,
                                           const EstimateOptions& options, const Estimate& part);

/// A shard of a sweep: sweep_json of its cells [first, first + its cells) of `cells_total`.
nlohmann::ordered_json sweep_shard_json(nlohmann::ordered_json sweep, Shard shard, std::uint64_t first,
                                        std::uint64_t cells_total);

struct ShardFile {
  std::string path;
  std::string text;
};

struct Merged {
  std::string name;  ///< "estimate.json", "sweep.json"
  nlohmann::ordered_json json;
  bool complete = true;  ///< false: some shard stopped early (INCONCLUSIVE)
};

/// The shards of one run, in any order: every index of 0..N-1 once, all of one run (same header, seed, size).
/// Throws InputError naming the file, the line and the key of the first that is not.
Merged merge_shards(const std::vector<ShardFile>& shards);

}  // namespace cqm::stats
