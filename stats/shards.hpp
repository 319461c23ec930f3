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

/// A shard file read: its JSON and its place in the run.
struct ParsedShard {
  const ShardFile* file = nullptr;
  nlohmann::ordered_json json;
  std::uint64_t index = 0;
  std::uint64_t count = 1;
};

/// Reads every file and checks what every kind of shard shares: JSON, a `format` among `formats` (else
/// `why`), `version`, and every index of 0..N-1 once with one N. In index order. Throws InputError naming the
/// file, the line and the key.
std::vector<ParsedShard> read_shards(const std::vector<ShardFile>& files,
                                     const std::vector<std::string>& formats, int version,
                                     const std::string& why);
/// A shard's complaint, at the line of the value `pointer` names.
[[noreturn]] void shard_error(const ShardFile& f, const std::string& pointer, const std::string& why);
/// The shard's value at `pointer` (missing: shard_error), and the same as a whole number.
const nlohmann::ordered_json& shard_at(const ShardFile& f, const nlohmann::ordered_json& j,
                                       const std::string& pointer);
std::uint64_t shard_whole(const ShardFile& f, const nlohmann::ordered_json& j, const std::string& pointer);

/// The shards of one run, in any order: every index of 0..N-1 once, all of one run (same header, seed, size).
/// Throws InputError naming the file, the line and the key of the first that is not.
Merged merge_shards(const std::vector<ShardFile>& shards);

}  // namespace cqm::stats
