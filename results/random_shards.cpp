#include "results/random_shards.hpp"

#include <algorithm>

#include "io/config_toml.hpp"
#include "io/input_error.hpp"
#include "io/json_pointer_line.hpp"

namespace cqm {
namespace {

using json = nlohmann::ordered_json;
constexpr const char* kFormat = "cqm-model random shard";
constexpr int kVersion = 1;

[[noreturn]] void bad(const stats::ShardFile& f, const std::string& pointer, const std::string& why) {
  throw InputError(f.path, json_pointer_line(f.text, pointer), pointer, why);
}

const json& at(const stats::ShardFile& f, const json& j, const std::string& pointer) {
  const json::json_pointer p(pointer);
  if (!j.contains(p)) bad(f, pointer, "missing: not a shard written by cqmcheck check --shard");
  return j.at(p);
}

std::uint64_t whole(const stats::ShardFile& f, const json& j, const std::string& pointer) {
  const json& v = at(f, j, pointer);
  if (!v.is_number_unsigned()) bad(f, pointer, "must be a whole number");
  return v.get<std::uint64_t>();
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
  struct Parsed {
    const stats::ShardFile* file;
    json j;
    std::uint64_t index, count;
  };
  std::vector<Parsed> parsed;
  for (const auto& f : shards) {
    json j = json::parse(f.text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) throw InputError(f.path, 0, "", "not JSON, or not a JSON object");
    if (!j.contains("format") || j["format"] != kFormat)
      bad(f, "/format", "not a shard of check --explorer random (and shards of one command only)");
    if (whole(f, j, "/version") != kVersion)
      bad(f, "/version",
          "written by another version of cqmcheck (this one reads " + std::to_string(kVersion) + ")");
    const std::uint64_t index = whole(f, j, "/shard/index"), count = whole(f, j, "/shard/count");
    if (index >= count) bad(f, "/shard/index", "not below /shard/count");
    parsed.push_back({&f, std::move(j), index, count});
  }
  std::sort(parsed.begin(), parsed.end(), [](const Parsed& a, const Parsed& b) { return a.index < b.index; });
  const Parsed& first = parsed.front();
  for (std::size_t k = 0; k < parsed.size(); ++k) {
    const Parsed& p = parsed[k];
    if (p.count != first.count)
      bad(*p.file, "/shard/count", "another count of shards than " + first.file->path + "'s");
    if (p.index != k)
      bad(*p.file, "/shard/index",
          k > 0 && parsed[k - 1].index == p.index ? "shard " + std::to_string(p.index) + " given twice"
                                                  : "shard " + std::to_string(k) + " is missing");
    if (at(*p.file, p.j, "/run") != first.j["run"])
      bad(*p.file, "/run",
          "a shard of another run than " + first.file->path + " (config, seed, runs or properties differ)");
  }
  if (parsed.size() != first.count)
    bad(*parsed.back().file, "/shard/count",
        std::to_string(first.count) + " shards make the run; " + std::to_string(parsed.size()) + " given");
  auto out = std::make_unique<RandomMerge>();
  const json& run = first.j["run"];
  const json& config_text = at(*first.file, first.j, "/run/config");
  if (!config_text.is_string()) bad(*first.file, "/run/config", "must be the config as TOML text");
  try {
    out->config = parse_config(config_text.get<std::string>(), first.file->path + " (config)");
  } catch (const InputError& e) {
    bad(*first.file, "/run/config", e.what());
  }
  out->options.explorers = {ExplorerKind::random};
  out->options.seed = whole(*first.file, first.j, "/run/seed");
  out->options.runs = whole(*first.file, first.j, "/run/runs");
  out->options.properties = static_cast<std::uint32_t>(whole(*first.file, first.j, "/run/properties"));
  out->options.threads = 1;  // the batches past the shards' are few: the failing one and what follows it
  (void)run;
  for (const auto& p : parsed) {
    const json& batches = at(*p.file, p.j, "/batches");
    if (!batches.is_array()) bad(*p.file, "/batches", "must be a list");
    for (std::size_t k = 0; k < batches.size(); ++k) {
      const std::string at_k = "/batches/" + std::to_string(k);
      checker::BatchReport r;
      r.batch = whole(*p.file, p.j, at_k + "/batch");
      r.states = whole(*p.file, p.j, at_k + "/states");
      const json& passed = at(*p.file, p.j, at_k + "/passed");
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
