#include "writers/trace_json.hpp"

#include <nlohmann/json.hpp>

#include "io/config_toml.hpp"
#include "io/input_error.hpp"
#include "io/json_lines.hpp"
#include "io/toml_fields.hpp"

namespace cqm {
namespace {

using Json = nlohmann::ordered_json;

Json states_of(const SystemSnapshot& s) {
  Json j;
  j["Client"] = kClientStateNames[s.client];
  j["Program"] = kProgramStateNames[s.program];
  j["CopyQueueManager"] = kCopyQueueStateNames[s.cqm];
  j["Destination"] = kDestinationStateNames[s.destination];
  for (int i = 0; i < System::kItems; ++i)
    j["QueueItem[" + std::to_string(i) + "]"] = kQueueItemStateNames[s.item_state[i]];
  return j;
}

}  // namespace

std::string trace_to_json(const Counterexample& cex) {
  Json j;
  j["format"] = "cqm-model trace";
  j["version"] = 1;
  j["preset"] = cex.config.name;
  j["summary"] = cex.config.summary;
  j["explorer"] = cex.explorer;
  j["seed"] = cex.seed;
  j["property"] = cex.property;
  j["reason"] = cex.reason;
  j["violated_at"] = format_time(cex.at);
  if (const Property* p = find_property(cex.property)) j["assumptions"] = p->assumptions(cex.config);
  j["config"] = config_to_toml(cex.config);
  Json schedule;
  schedule["horizon"] = format_time(cex.schedule.horizon);
  schedule["init"] = Json::array();
  for (auto o : cex.schedule.init) schedule["init"].push_back(std::string(enum_name(o)));
  schedule["init_otherwise"] = std::string(enum_name(cex.schedule.init_otherwise));
  schedule["events"] = Json::array();
  for (const auto& e : cex.schedule.events) {
    Json ev;
    ev["at"] = format_time(e.at);
    ev["do"] = std::string(enum_name(e.action));
    if (e.action == EnvAction::program_finishes) ev["mif"] = std::string(enum_name(e.mif));
    schedule["events"].push_back(ev);
  }
  j["schedule"] = schedule;
  Json steps = Json::array();
  std::size_t log_begin = 0;
  for (const auto& s : cex.steps) {
    Json step;
    step["at"] = format_time(s.at);
    step["event"] = s.event;
    step["states"] = states_of(s.state);
    step["log"] = Json::array();
    for (std::size_t i = log_begin; i < s.log_end; ++i)
      step["log"].push_back(log_text(cex.log[i], cex.config.site_code));
    log_begin = s.log_end;
    steps.push_back(step);
  }
  j["steps"] = steps;
  return j.dump(2) + "\n";
}

namespace {

struct Reader {
  const JsonDocument& doc;
  const std::string& file;

  [[noreturn]] void fail(const std::string& pointer, const std::string& field, const std::string& why) const {
    throw InputError(file, doc.line_of(pointer), field, why);
  }
  static std::string field_of(const std::string& pointer) {
    std::string out;
    std::size_t i = 1;
    while (i <= pointer.size()) {
      const std::size_t next = pointer.find('/', i);
      const std::string part = pointer.substr(i, next == std::string::npos ? std::string::npos : next - i);
      const bool index = !part.empty() && part.find_first_not_of("0123456789") == std::string::npos;
      out += index ? "[" + part + "]" : (out.empty() ? "" : ".") + part;
      if (next == std::string::npos) break;
      i = next + 1;
    }
    return out;
  }
  const nlohmann::json& get(const nlohmann::json& parent, const std::string& pointer, const char* key) const {
    if (!parent.is_object() || !parent.contains(key)) fail(pointer, field_of(pointer + "/" + key), "missing");
    return parent.at(key);
  }
  std::string text(const nlohmann::json& v, const std::string& pointer) const {
    if (!v.is_string()) fail(pointer, field_of(pointer), "expected a string");
    return v.get<std::string>();
  }
  Minutes time(const nlohmann::json& v, const std::string& pointer) const {
    const std::string s = text(v, pointer);
    if (auto t = parse_time(s)) return *t;
    fail(pointer, field_of(pointer), "bad time '" + s + "'");
  }
  template <class E>
  E choice(const nlohmann::json& v, const std::string& pointer) const {
    const std::string s = text(v, pointer);
    if (auto e = enum_from_name<E>(s)) return *e;
    fail(pointer, field_of(pointer),
         "unknown value '" + s + "' (expected one of: " + enum_choices<E>() + ")");
  }
};

}  // namespace

TraceInput parse_trace(std::string_view text, const std::string& file) {
  const JsonDocument doc = parse_json_with_lines(text, file);
  const Reader r{doc, file};
  const auto& root = doc.root;
  if (!root.is_object()) r.fail("", "", "expected a JSON object");
  if (r.text(r.get(root, "", "format"), "/format") != "cqm-model trace")
    r.fail("/format", "format", "not a cqm-model trace");
  const auto& version = r.get(root, "", "version");
  if (!version.is_number_integer() || version.get<long long>() != 1)
    r.fail("/version", "version", "expected 1");
  TraceInput in;
  in.property = r.text(r.get(root, "", "property"), "/property");
  if (!find_property(in.property)) r.fail("/property", "property", "unknown property '" + in.property + "'");
  in.explorer = r.text(r.get(root, "", "explorer"), "/explorer");
  const auto& seed = r.get(root, "", "seed");
  if (!seed.is_number_unsigned()) r.fail("/seed", "seed", "expected a non-negative integer");
  in.seed = seed.get<std::uint64_t>();
  const std::string config_text = r.text(r.get(root, "", "config"), "/config");
  try {
    in.config = parse_config(config_text, file + " (config)");
  } catch (const InputError& e) {
    // The config is one JSON string: place the error on its line, name the key inside it.
    r.fail("/config", "config" + (e.field().empty() ? "" : "." + e.field()),
           (e.line() > 0 ? "line " + std::to_string(e.line()) + " of the embedded config: " : std::string()) +
               e.why());
  }
  const auto& sched = r.get(root, "", "schedule");
  in.schedule.horizon = r.time(r.get(sched, "/schedule", "horizon"), "/schedule/horizon");
  const auto& init = r.get(sched, "/schedule", "init");
  if (!init.is_array()) r.fail("/schedule/init", "schedule.init", "expected an array");
  for (std::size_t i = 0; i < init.size(); ++i)
    in.schedule.init.push_back(r.choice<InitOutcome>(init[i], "/schedule/init/" + std::to_string(i)));
  in.schedule.init_otherwise =
      r.choice<InitOutcome>(r.get(sched, "/schedule", "init_otherwise"), "/schedule/init_otherwise");
  const auto& events = r.get(sched, "/schedule", "events");
  if (!events.is_array()) r.fail("/schedule/events", "schedule.events", "expected an array");
  for (std::size_t i = 0; i < events.size(); ++i) {
    const std::string p = "/schedule/events/" + std::to_string(i);
    ScheduleEvent e;
    e.at = r.time(r.get(events[i], p, "at"), p + "/at");
    e.action = r.choice<EnvAction>(r.get(events[i], p, "do"), p + "/do");
    if (events[i].contains("mif")) e.mif = r.choice<MifResult>(events[i]["mif"], p + "/mif");
    if (!in.schedule.events.empty() && e.at < in.schedule.events.back().at)
      r.fail(p + "/at", Reader::field_of(p + "/at"), "events must be in time order");
    in.schedule.events.push_back(e);
  }
  return in;
}

TraceInput read_trace(const std::string& path) { return parse_trace(toml_io::read_file_text(path), path); }

}  // namespace cqm
