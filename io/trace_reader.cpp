#include "io/trace_reader.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>

#include "io/config_toml.hpp"
#include "io/input_error.hpp"
#include "io/json_pointer_line.hpp"
#include "io/toml_fields.hpp"
#include "properties/property.hpp"

namespace cqm {
namespace {

using Json = nlohmann::json;
constexpr int kMaxDepth = 64;

/// "/schedule/events/3/at" -> "schedule.events[3].at": how errors name a member.
std::string member_of(std::string_view pointer) {
  std::string out;
  std::size_t i = 1;
  while (i <= pointer.size() && !pointer.empty()) {
    const std::size_t next = pointer.find('/', i);
    const std::string part(
        pointer.substr(i, next == std::string_view::npos ? std::string_view::npos : next - i));
    const bool index = !part.empty() && part.find_first_not_of("0123456789") == std::string::npos;
    out += index ? "[" + part + "]" : (out.empty() ? "" : ".") + part;
    if (next == std::string_view::npos) break;
    i = next + 1;
  }
  return out;
}

struct Reader {
  std::string_view text;
  const std::string& file;

  [[noreturn]] void fail(const std::string& pointer, const std::string& why) const {
    throw InputError(file, json_pointer_line(text, pointer), member_of(pointer), why);
  }
  /// The object's members must be among `known`; the required ones must be there.
  void members(const Json& object, const std::string& pointer, std::initializer_list<std::string_view> known,
               std::initializer_list<std::string_view> required) const {
    if (!object.is_object()) fail(pointer, "expected a JSON object");
    for (const auto& [key, value] : object.items()) {
      bool ok = false;
      for (auto k : known) ok |= k == key;
      if (!ok) {
        std::string list;
        for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
        fail(pointer + "/" + key, "unknown member (expected one of: " + list + ")");
      }
    }
    for (auto k : required)
      if (!object.contains(std::string(k))) fail(pointer, "missing member \"" + std::string(k) + "\"");
  }
  std::string text_of(const Json& v, const std::string& pointer) const {
    if (!v.is_string()) fail(pointer, "expected a string");
    return v.get<std::string>();
  }
  Minutes time(const Json& v, const std::string& pointer) const {
    const std::string s = text_of(v, pointer);
    if (auto t = parse_time(s)) return *t;
    fail(pointer, "bad time '" + s + "'");
  }
  template <class E>
  E choice(const Json& v, const std::string& pointer) const {
    const std::string s = text_of(v, pointer);
    if (auto e = enum_from_name<E>(s)) return *e;
    fail(pointer, "unknown value '" + s + "' (expected one of: " + enum_choices<E>() + ")");
  }
};

}  // namespace

void check_schedule_programs(const Schedule& schedule, const Config& config, const std::string& file) {
  for (std::size_t i = 0; i < schedule.events.size(); ++i) {
    const ScheduleEvent& e = schedule.events[i];
    if (e.client >= config.model.site.clients)
      throw InputError(file, 0, "event[" + std::to_string(i + 1) + "].client",
                       "no client " + std::to_string(e.client) + " in the config (site.clients = " +
                           std::to_string(config.model.site.clients) + ")");
    if (e.action == EnvAction::program_finishes && e.program >= config.programs())
      throw InputError(file, 0, "event[" + std::to_string(i + 1) + "].program",
                       "no program " + std::to_string(e.program) + " in the config (it has " +
                           std::to_string(config.programs()) + ")");
  }
}

namespace {

/// The line of the first number outside strings that no double holds (nlohmann's out_of_range carries no
/// position); 0 when none is found.
int line_of_huge_number(std::string_view text) {
  int line = 1;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      std::size_t end = i + 1;
      while (end < text.size() && std::strchr("0123456789.eE+-", text[end])) ++end;
      const std::string number(text.substr(i, end - i));
      errno = 0;
      std::strtod(number.c_str(), nullptr);
      if (errno == ERANGE) return line;
      i = end - 1;
    }
  }
  return 0;
}

}  // namespace

TraceInput parse_trace(std::string_view text, const std::string& file) {
  const Reader r{text, file};
  if (text.size() > toml_io::kMaxInputBytes) throw InputError(file, 0, "", "larger than 64 MiB");
  Json root;
  try {
    root = Json::parse(text, [](int depth, Json::parse_event_t, Json&) {
      if (depth > kMaxDepth) throw InputError("", 0, "", "nesting deeper than 64 levels");
      return true;
    });
  } catch (const Json::parse_error& e) {
    int line = 1;
    for (std::size_t i = 0; i < e.byte && i < text.size(); ++i) line += text[i] == '\n';
    std::string why = e.what();
    if (const auto at = why.find("syntax error"); at != std::string::npos) why = why.substr(at);
    throw InputError(file, line, "", why);
  } catch (const Json::out_of_range& e) {
    throw InputError(file, line_of_huge_number(text), "", "a number too large for any member of a trace");
  } catch (const InputError& e) {
    throw InputError(file, 0, "", e.why());
  }
  const std::initializer_list<std::string_view> known = {
      "format", "version",     "preset",      "summary", "explorer", "seed", "property",
      "reason", "violated_at", "assumptions", "config",  "schedule", "steps"};
  // What the file is, first: a trace of another format or version is told so, not that members are missing.
  r.members(root, "", known, {"format", "version"});
  if (r.text_of(root["format"], "/format") != "cqm-model trace") r.fail("/format", "not a cqm-model trace");
  const Json& version = root["version"];
  if (!version.is_number_integer() || version.get<long long>() != kTraceVersion)
    r.fail("/version", "expected " + std::to_string(kTraceVersion) +
                           " (traces of earlier versions cannot be replayed: run check again)");
  r.members(root, "", known, {"explorer", "seed", "property", "config", "schedule"});
  TraceInput in;
  in.property = r.text_of(root["property"], "/property");
  if (!find_property(in.property)) r.fail("/property", "unknown property '" + in.property + "'");
  in.explorer = r.text_of(root["explorer"], "/explorer");
  if (!root["seed"].is_number_unsigned()) r.fail("/seed", "expected a non-negative integer");
  in.seed = root["seed"].get<std::uint64_t>();
  const std::string config_text = r.text_of(root["config"], "/config");
  try {
    in.config = parse_config(config_text, file + " (config)");
  } catch (const InputError& e) {
    // The config is one JSON string: place the error on its line, name the key inside it.
    throw InputError(
        file, json_pointer_line(text, "/config"), "config" + (e.field().empty() ? "" : "." + e.field()),
        (e.line() > 0 ? "line " + std::to_string(e.line()) + " of the embedded config: " : std::string()) +
            e.why());
  }
  const Json& sched = root["schedule"];
  r.members(sched, "/schedule", {"horizon", "init", "init_otherwise", "events"},
            {"horizon", "init", "init_otherwise", "events"});
  in.schedule.horizon = r.time(sched["horizon"], "/schedule/horizon");
  const Json& init = sched["init"];
  if (!init.is_array()) r.fail("/schedule/init", "expected an array");
  for (std::size_t i = 0; i < init.size(); ++i)
    in.schedule.init.push_back(r.choice<InitOutcome>(init[i], "/schedule/init/" + std::to_string(i)));
  in.schedule.init_otherwise = r.choice<InitOutcome>(sched["init_otherwise"], "/schedule/init_otherwise");
  const Json& events = sched["events"];
  if (!events.is_array()) r.fail("/schedule/events", "expected an array");
  for (std::size_t i = 0; i < events.size(); ++i) {
    const std::string p = "/schedule/events/" + std::to_string(i);
    const Json& ev = events[i];
    r.members(ev, p, {"at", "do", "mif", "program"}, {"at", "do"});
    ScheduleEvent e;
    e.at = r.time(ev["at"], p + "/at");
    e.action = r.choice<EnvAction>(ev["do"], p + "/do");
    const bool program = e.action == EnvAction::program_finishes;
    if (ev.contains("mif")) {
      if (!program) r.fail(p + "/mif", "belongs only to program_finishes");
      e.mif = r.choice<MifResult>(ev["mif"], p + "/mif");
    }
    if (ev.contains("program")) {
      if (!program) r.fail(p + "/program", "belongs only to program_finishes");
      const Json& index = ev["program"];
      if (!index.is_number_unsigned() ||
          index.get<std::uint64_t>() >= static_cast<std::uint64_t>(in.config.programs()))
        r.fail(p + "/program",
               "expected a program of the config: 0 to " + std::to_string(in.config.programs() - 1));
      e.program = static_cast<int>(index.get<std::uint64_t>());
    }
    if (!in.schedule.events.empty() && e.at < in.schedule.events.back().at)
      r.fail(p + "/at", "events must be in time order");
    in.schedule.events.push_back(e);
  }
  return in;
}

TraceInput read_trace(const std::string& path) { return parse_trace(toml_io::read_file_text(path), path); }

}  // namespace cqm
