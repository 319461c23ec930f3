#include "results/random_shards.hpp"

#include <algorithm>

#include "io/config_toml.hpp"
#include "io/input_error.hpp"

namespace cqm {
namespace {

using json = nlohmann::ordered_json;
constexpr const char* kFormat = "cqm-model random shard";
constexpr int kVersion = 1;

[[noreturn]] void bad(const stats::ShardFile& f, const std::string& pointer, const std::string& why) {
  stats::shard_error(f, pointer, why);
}
const json& at(const stats::ShardFile& f, const json& j, const std::string& pointer) {
  return stats::shard_at(f, j, pointer);
}
std::uint64_t whole(const stats::ShardFile& f, const json& j, const std::string& pointer) {
  return stats::shard_whole(f, j, pointer);
}

}  // namespace

json random_shard_json(const Config& config, const CheckOptions& o, checker::Shard shard,
                       const ExplorerReport& report) {
  json j;
  j["format"] = kFormat;
  j["version"] = kVersion;
  j["shard"] = {{"index", shard.index}, {"count", shard.count}};
  j["run"] = {{"preset", config.name},
              {"config", config_to_toml(config)},
              {"seed", o.seed},
              {"runs", o.runs ? o.runs : static_cast<std::uint64_t>(config.env.random_runs)},
              {"properties", o.properties & all_properties_mask()}};
  j["states"] = report.random_states;
  j["batches"] = json::array();
  for (const auto& b : report.batches)
    j["batches"].push_back({{"batch", b.batch}, {"passed", b.passed != 0}, {"states", b.states}});
  return j;
}

bool is_random_shard(const std::string& text) {
  const json j = json::parse(text, nullptr, false);
  return j.is_object() && j.contains("format") && j["format"] == kFormat;
}

std::unique_ptr<RandomMerge> read_random_shards(const std::vector<stats::ShardFile>& shards) {
  const auto parsed = stats::read_shards(
      shards, {kFormat}, kVersion, "not a shard of check --explorer random (and shards of one command only)");
  const stats::ParsedShard& first = parsed.front();
  for (const auto& p : parsed)
    if (at(*p.file, p.json, "/run") != first.json["run"])
      bad(*p.file, "/run",
          "a shard of another run than " + first.file->path + " (config, seed, runs or properties differ)");
  auto out = std::make_unique<RandomMerge>();
  const json& config_text = at(*first.file, first.json, "/run/config");
  if (!config_text.is_string()) bad(*first.file, "/run/config", "must be the config as TOML text");
  try {
    out->config = parse_config(config_text.get<std::string>(), first.file->path + " (config)");
  } catch (const InputError& e) {
    bad(*first.file, "/run/config", e.what());
  }
  out->options.explorers = {ExplorerKind::random};
  out->options.seed = whole(*first.file, first.json, "/run/seed");
  out->options.runs = whole(*first.file, first.json, "/run/runs");
  out->options.properties = static_cast<std::uint32_t>(whole(*first.file, first.json, "/run/properties"));
  out->options.threads = 1;  // the batches past the shards' are few: the failing one and what follows it
  for (const auto& p : parsed) {
    const json& batches = at(*p.file, p.json, "/batches");
    if (!batches.is_array()) bad(*p.file, "/batches", "must be a list");
    for (std::size_t k = 0; k < batches.size(); ++k) {
      const std::string at_k = "/batches/" + std::to_string(k);
      checker::BatchReport r;
      r.batch = whole(*p.file, p.json, at_k + "/batch");
      r.states = whole(*p.file, p.json, at_k + "/states");
      const json& passed = at(*p.file, p.json, at_k + "/passed");
      if (!passed.is_boolean()) bad(*p.file, at_k + "/passed", "must be true or false");
      r.passed = passed.get<bool>() ? 1 : 0;
      if (r.batch % p.count != p.index) bad(*p.file, at_k + "/batch", "not a batch of this shard");
      out->reports.push_back(r);
    }
  }
  out->options.random_reports = &out->reports;
  return out;
}

}  // namespace cqm
