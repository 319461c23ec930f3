// `cqmcheck merge`: the shards of a sharded estimate or sweep (`--shard i/N`) into the JSON the unsharded run
// prints, byte for byte. See doc/cluster.md.
#include <cstdio>

#include "apps/cqmcheck/commands.hpp"
#include "io/input_error.hpp"
#include "io/toml_fields.hpp"
#include "properties/assumptions.hpp"
#include "results/random_shards.hpp"
#include "stats/shards.hpp"
#include "writers/json_text.hpp"

namespace cqm::cli {
namespace {

struct MergeFlags {
  std::vector<std::string> shards;
  std::string out;
};

/// A random search's shards: their passing batches taken as done, the search run on from the first that did
/// not pass, here (results/random_shards.hpp).
void merge_random(const std::vector<stats::ShardFile>& files, const std::string& out) {
  const auto run = read_random_shards(files);
  CheckOptions options = run->options;
  options.limits.interrupted = interrupt_flag();
  CheckResult result;
  result.report = check(run->config, options);
  result.assumptions = assumption_lines(run->config);
  result.interrupted = interrupt_flag()->load();
  const std::string text = json_text(check_json(result));
  OutputSet set;
  set.add(std::filesystem::path(out) / "check.json", text);
  set.commit();
  std::printf("%s", text.c_str());
  const Verdict v = result.report.verdict();
  if (exit_code(v) != kExitOk) throw ExitCode{exit_code(v)};
}

void run_merge(const MergeFlags& f) {
  check_output_dir(f.out);
  std::vector<stats::ShardFile> files;
  for (const auto& path : f.shards)
    files.push_back({path, toml_io::read_file_text(path)});  // capped, as every reader
  if (is_random_shard(files.front().text)) return merge_random(files, f.out);
  const stats::Merged merged = stats::merge_shards(files);
  const std::string text = json_text(merged.json);
  OutputSet set;
  set.add(std::filesystem::path(f.out) / merged.name, text);
  set.commit();
  // The same text on stdout: a scheduler's log of the merge job holds the result too.
  std::printf("%s", text.c_str());
  if (!merged.complete) throw ExitCode{kExitInconclusive};
}

}  // namespace

void add_merge(CLI::App& app) {
  auto f = std::make_shared<MergeFlags>();
  auto* cmd = app.add_subcommand(
      "merge", "combine the JSON of a sharded estimate or sweep (--shard i/N) into the unsharded run's JSON");
  cmd->add_option("shards", f->shards, "every shard's JSON file, in any order")
      ->required()
      ->check(name_given());
  cmd->add_option("--out", f->out, "write estimate.json or sweep.json into this folder (created if missing)")
      ->required()
      ->check(name_given());
  cmd->callback([f] { run_merge(*f); });
}

}  // namespace cqm::cli
