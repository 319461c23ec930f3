#include "stats/shards.hpp"

#include <algorithm>
#include <charconv>

#include "io/input_error.hpp"
#include "io/json_pointer_line.hpp"

namespace cqm::stats {
namespace {

using json = nlohmann::ordered_json;
constexpr const char* kEstimateFormat = "cqm-model estimate shard";
constexpr const char* kSweepFormat = "cqm-model sweep shard";
constexpr int kVersion = 1;

[[noreturn]] void bad(const ShardFile& f, const std::string& pointer, const std::string& why) {
  shard_error(f, pointer, why);
}
const json& at(const ShardFile& f, const json& j, const std::string& pointer) {
  return shard_at(f, j, pointer);
}
std::uint64_t whole(const ShardFile& f, const json& j, const std::string& pointer) {
  return shard_whole(f, j, pointer);
}

checker::Outcome outcome_of(const ShardFile& f, const json& j, const std::string& pointer) {
  const json& v = at(f, j, pointer);
  for (auto o :
       {checker::Outcome::complete, checker::Outcome::violation, checker::Outcome::interrupted,
        checker::Outcome::limit_states, checker::Outcome::limit_memory, checker::Outcome::limit_time})
    if (v.is_string() && v.get<std::string>() == checker::outcome_name(o)) return o;
  bad(f, pointer, "not an outcome cqmcheck writes");
}

Estimate part_of(const ShardFile& f, const json& j) {
  Estimate e;
  e.outcome = outcome_of(f, j, "/part/outcome");
  e.requested = whole(f, j, "/requested_clients");
  e.clients = whole(f, j, "/part/clients");
  e.lost = whole(f, j, "/part/lost");
  const json& paths = at(f, j, "/part/lost_by_path");
  if (!paths.is_array() || paths.size() != e.lost_by_path.size())
    bad(f, "/part/lost_by_path", "must list " + std::to_string(e.lost_by_path.size()) + " counts");
  for (std::size_t p = 0; p < e.lost_by_path.size(); ++p)
    e.lost_by_path[p] = whole(f, j, "/part/lost_by_path/" + std::to_string(p));
  const json& violated = at(f, j, "/part/violated");
  if (!violated.is_array() || violated.size() != e.violated.size())
    bad(f, "/part/violated", "must list " + std::to_string(e.violated.size()) + " counts");
  for (std::size_t p = 0; p < e.violated.size(); ++p)
    e.violated[p] = whole(f, j, "/part/violated/" + std::to_string(p));
  e.bucket_minutes = static_cast<Minutes>(whole(f, j, "/part/bucket_minutes"));
  const std::uint64_t buckets = whole(f, j, "/part/buckets");
  if (e.bucket_minutes < 1 || buckets < 1 || buckets > (1u << 20)) bad(f, "/part/buckets", "out of range");
  e.delay_histogram.assign(buckets, 0);
  const json& histogram = at(f, j, "/part/histogram");
  if (!histogram.is_array()) bad(f, "/part/histogram", "must be a list of [bucket, clients] pairs");
  for (std::size_t k = 0; k < histogram.size(); ++k) {
    const std::string pair = "/part/histogram/" + std::to_string(k);
    const std::uint64_t b = whole(f, j, pair + "/0");
    if (b >= buckets) bad(f, pair, "bucket past /part/buckets");
    e.delay_histogram[b] = whole(f, j, pair + "/1");
  }
  e.delay.max = static_cast<Minutes>(whole(f, j, "/part/max_delay"));
  e.events = whole(f, j, "/part/events");
  // The tallies of one part hold together: what was lost and what arrived are its clients.
  if (e.clients > e.requested) bad(f, "/part/clients", "more clients than the run's /requested_clients");
  if (e.lost > e.clients) bad(f, "/part/lost", "more clients lost than the part's /part/clients");
  std::uint64_t by_path = 0, delivered = 0;
  for (auto n : e.lost_by_path) by_path += n;
  for (auto n : e.delay_histogram) delivered += n;
  if (by_path != e.lost) bad(f, "/part/lost_by_path", "does not add up to /part/lost");
  if (delivered != e.clients - e.lost) bad(f, "/part/histogram", "does not add up to the clients delivered");
  for (std::size_t p = 0; p < e.violated.size(); ++p)
    if (e.violated[p] > e.clients) bad(f, "/part/violated/" + std::to_string(p), "more than /part/clients");
  return e;
}

/// Everything of a shard but what differs between the shards of one run.
json run_of(const json& j, const std::string& format) {
  json out = j;
  out.erase("shard");
  if (format == kEstimateFormat)
    out.erase("part");
  else
    out["sweep"].erase("cells");
  return out;
}

}  // namespace

void shard_error(const ShardFile& f, const std::string& pointer, const std::string& why) {
  throw InputError(f.path, json_pointer_line(f.text, pointer), pointer, why);
}

const json& shard_at(const ShardFile& f, const json& j, const std::string& pointer) {
  const json::json_pointer p(pointer);
  if (!j.contains(p)) shard_error(f, pointer, "missing: not a shard written by cqmcheck --shard");
  return j.at(p);
}

std::uint64_t shard_whole(const ShardFile& f, const json& j, const std::string& pointer) {
  const json& v = shard_at(f, j, pointer);
  if (!v.is_number_unsigned()) shard_error(f, pointer, "must be a whole number");
  return v.get<std::uint64_t>();
}

std::vector<ParsedShard> read_shards(const std::vector<ShardFile>& files,
                                     const std::vector<std::string>& formats, int version,
                                     const std::string& why) {
  if (files.empty()) throw InputError("command line", 0, "SHARD", "name the shards' JSON files");
  std::vector<ParsedShard> parsed;
  for (const auto& f : files) {
    json j = json::parse(f.text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) throw InputError(f.path, 0, "", "not JSON, or not a JSON object");
    const json& format = shard_at(f, j, "/format");
    if (!format.is_string() ||
        std::find(formats.begin(), formats.end(), format.get<std::string>()) == formats.end())
      shard_error(f, "/format", why);
    if (shard_whole(f, j, "/version") != static_cast<std::uint64_t>(version))
      shard_error(f, "/version",
                  "written by another version of cqmcheck (this one reads " + std::to_string(version) + ")");
    const std::uint64_t index = shard_whole(f, j, "/shard/index"), count = shard_whole(f, j, "/shard/count");
    if (index >= count) shard_error(f, "/shard/index", "not below /shard/count");
    parsed.push_back({&f, std::move(j), index, count});
  }
  std::sort(parsed.begin(), parsed.end(),
            [](const ParsedShard& a, const ParsedShard& b) { return a.index < b.index; });
  const ParsedShard& first = parsed.front();
  for (std::size_t k = 0; k < parsed.size(); ++k) {
    const ParsedShard& p = parsed[k];
    if (p.json["format"] != first.json["format"])
      shard_error(*p.file, "/format", "a shard of another command than " + first.file->path);
    if (p.count != first.count)
      shard_error(*p.file, "/shard/count", "another count of shards than " + first.file->path + "'s");
    if (p.index != k)
      shard_error(*p.file, "/shard/index",
                  k > 0 && parsed[k - 1].index == p.index
                      ? "shard " + std::to_string(p.index) + " given twice"
                      : "shard " + std::to_string(k) + " is missing");
  }
  if (parsed.size() != first.count)
    shard_error(
        *parsed.back().file, "/shard/count",
        std::to_string(first.count) + " shards make the run; " + std::to_string(parsed.size()) + " given");
  return parsed;
}

Shard parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  Shard s;
  auto number = [&](std::string_view digits, std::uint64_t& out) {
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
    return ec == std::errc{} && end == digits.data() + digits.size() && !digits.empty();
  };
  if (slash == std::string::npos || !number(std::string_view(text).substr(0, slash), s.index) ||
      !number(std::string_view(text).substr(slash + 1), s.count) || s.count == 0 || s.index >= s.count ||
      s.count > 1'000'000)
    throw InputError("command line", 0, "--shard",
                     "'" + text + "' is not i/N with 0 <= i < N <= 1000000 (shard i of N, counted from 0)");
  return s;
}

json estimate_shard_json(const Config& config, const HabitsSource& habits, const EstimateOptions& options,
                         const Estimate& part) {
  json j;
  j["format"] = kEstimateFormat;
  j["version"] = kVersion;
  j["shard"] = {{"index", options.shard.index}, {"count", options.shard.count}};
  j["header"] = estimate_header(config, habits);
  j["seed"] = options.seed;
  j["requested_clients"] = options.clients;
  json histogram = json::array();
  for (std::size_t b = 0; b < part.delay_histogram.size(); ++b)
    if (part.delay_histogram[b]) histogram.push_back({b, part.delay_histogram[b]});
  j["part"] = {{"outcome", checker::outcome_name(part.outcome)},
               {"clients", part.clients},
               {"lost", part.lost},
               {"lost_by_path", part.lost_by_path},
               {"violated", part.violated},
               {"bucket_minutes", part.bucket_minutes},
               {"buckets", part.delay_histogram.size()},
               {"histogram", std::move(histogram)},
               {"max_delay", part.delay.max},
               {"events", part.events}};
  return j;
}

json sweep_shard_json(json sweep, Shard shard, std::uint64_t first, std::uint64_t cells_total) {
  json j;
  j["format"] = kSweepFormat;
  j["version"] = kVersion;
  j["shard"] = {
      {"index", shard.index}, {"count", shard.count}, {"first_cell", first}, {"cells", cells_total}};
  sweep.erase("files");
  j["sweep"] = std::move(sweep);
  return j;
}

Merged merge_shards(const std::vector<ShardFile>& shards) {
  const auto parsed = read_shards(shards, {kEstimateFormat, kSweepFormat}, kVersion,
                                  "not a shard of estimate or sweep (run them with --shard i/N)");
  const ParsedShard& first = parsed.front();
  const std::string format = first.json["format"];
  // The shape the merge below relies on, before it relies on it; then one run.
  for (const auto& p : parsed) {
    const ShardFile& f = *p.file;
    if (format == kEstimateFormat) {
      if (!at(f, p.json, "/header").is_object()) bad(f, "/header", "must be an object");
      (void)whole(f, p.json, "/seed");
      (void)whole(f, p.json, "/requested_clients");
    } else {
      if (!at(f, p.json, "/sweep").is_object()) bad(f, "/sweep", "must be an object");
      if (!at(f, p.json, "/sweep/cells").is_array()) bad(f, "/sweep/cells", "must be a list");
    }
  }
  const json run = run_of(first.json, format);
  for (const auto& p : parsed)
    if (run_of(p.json, format) != run)
      bad(*p.file, "/shard",
          "a shard of another run than " + first.file->path +
              " (preset, habits, seed, clients or settings differ)");
  Merged out;
  if (format == kEstimateFormat) {
    std::vector<Estimate> parts;
    for (const auto& p : parsed) parts.push_back(part_of(*p.file, p.json));
    for (const auto& p : parts)
      if (p.bucket_minutes != parts.front().bucket_minutes ||
          p.delay_histogram.size() != parts.front().delay_histogram.size())
        bad(*parsed.back().file, "/part/buckets", "other delay buckets than the first shard's");
    const Estimate e = combine(parts);
    out.name = "estimate.json";
    out.json = estimate_json(first.json["header"], first.json["seed"].get<std::uint64_t>(), e, false);
    out.json["files"] = json::array();
    out.complete = e.outcome == checker::Outcome::complete;
    return out;
  }
  // A sweep: the shards' cells in order make the grid.
  json cells = json::array();
  for (const auto& p : parsed) {
    if (whole(*p.file, p.json, "/shard/first_cell") != cells.size())
      bad(*p.file, "/shard/first_cell", "does not follow the shard before it");
    const json& own = at(*p.file, p.json, "/sweep/cells");
    if (!own.is_array()) bad(*p.file, "/sweep/cells", "must be a list");
    for (const auto& c : own) cells.push_back(c);
  }
  if (cells.size() != whole(*first.file, first.json, "/shard/cells"))
    bad(*parsed.back().file, "/shard/cells", "the shards' cells do not make the grid");
  out.name = "sweep.json";
  out.json = first.json["sweep"];
  out.json["cells"] = std::move(cells);
  out.json["files"] = json::array();
  return out;
}

}  // namespace cqm::stats
