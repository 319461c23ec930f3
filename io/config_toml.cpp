#include "io/config_toml.hpp"

#include <algorithm>

#include "io/toml_fields.hpp"
#include "properties/assumptions.hpp"
#include "properties/property.hpp"

namespace cqm {
namespace {

using namespace toml_io;
using F = Field<Config>;

// Every key a config file may hold, outside [[program]] and [expected]. The dotted key is the section and the
// name; the section says which part of the config it belongs to (model: client, cqm, init; envelope:
// environment, day).
const std::vector<F>& config_fields() {
  static const std::vector<F> fields{
      {"preset", [](Config&, const toml::node&, const Where&) {}},    // read first, by parse_config
      {"program", [](Config&, const toml::node&, const Where&) {}},   // read by read_programs
      {"expected", [](Config&, const toml::node&, const Where&) {}},  // read by read_expected
      string_field<Config>(
          "name", [](Config & c) -> auto& { return c.name; }),
      string_field<Config>(
          "summary", [](Config & c) -> auto& { return c.summary; }),
      string_field<Config>(
          "article", [](Config & c) -> auto& { return c.article; }),
      enum_field<Config, Os>(
          "client.os", [](Config & c) -> auto& { return c.model.os; }),
      int_field<Config>(
          "client.service_pack", [](Config & c) -> auto& { return c.model.service_pack; }, 0, 4),
      int_field<Config>(
          "client.registry_capacity", [](Config & c) -> auto& { return c.model.registry_capacity; }, 1,
          kMaxRegistryCapacity),
      string_field<Config>(
          "client.site_code", [](Config & c) -> auto& { return c.model.site_code; }),
      minutes_field<Config>(
          "client.boot_minutes", [](Config & c) -> auto& { return c.model.boot_minutes; }),
      minutes_field<Config>(
          "client.shutdown_minutes", [](Config & c) -> auto& { return c.model.shutdown_minutes; }),
      int_field<Config>(
          "client.clock_offset", [](Config & c) -> auto& { return c.model.clock_offset; }, -10080, 10080),
      minutes_field<Config>(
          "inventory.hardware_interval",
          [](Config & c) -> auto& { return c.model.hardware_inventory_interval; }),
      minutes_field<Config>(
          "inventory.software_interval",
          [](Config & c) -> auto& { return c.model.software_inventory_interval; }),
      minutes_field<Config>(
          "cqm.wake_up_cycle", [](Config & c) -> auto& { return c.model.wake_up_cycle; }),
      minutes_field<Config>(
          "cqm.item_lifetime", [](Config & c) -> auto& { return c.model.item_lifetime; }),
      bool_field<Config>(
          "cqm.startup_cycle", [](Config & c) -> auto& { return c.model.startup_cycle; }),
      enum_field<Config, NameCollision>(
          "cqm.name_collision", [](Config & c) -> auto& { return c.model.name_collision; }),
      enum_field<Config, RetryPolicy>(
          "cqm.retry_policy", [](Config & c) -> auto& { return c.model.retry_policy; }),
      minutes_field<Config>(
          "cqm.retry_interval", [](Config & c) -> auto& { return c.model.retry_interval; }),
      bool_field<Config>(
          "cqm.reconnect_when_broken", [](Config & c) -> auto& { return c.model.reconnect_when_broken; }),
      minutes_field<Config>(
          "cqm.reconnect_delay", [](Config & c) -> auto& { return c.model.reconnect_delay; }),
      bool_field<Config>(
          "cqm.late_reinit_succeeds", [](Config & c) -> auto& { return c.model.late_reinit_succeeds; }),
      enum_field<Config, InitFailure>(
          "init.failure", [](Config & c) -> auto& { return c.model.init_failure; }),
      minutes_field<Config>(
          "init.race_window", [](Config & c) -> auto& { return c.model.race_window; }),
      int_field<Config>(
          "site.clients", [](Config & c) -> auto& { return c.model.site.clients; }, 1, kMaxClients),
      int_field<Config>(
          "site.service_pack", [](Config & c) -> auto& { return c.model.site.service_pack; }, 0, 4),
      bool_field<Config>(
          "site.inbox_hotfix", [](Config & c) -> auto& { return c.model.site.inbox_hotfix; }),
      int_field<Config>(
          "site.status_file_bytes", [](Config & c) -> auto& { return c.model.site.status_file_bytes; }, 1,
          1'000'000'000),
      int_field<Config>(
          "site.link_kbps", [](Config & c) -> auto& { return c.model.site.link_kbps; }, 1, 100'000'000),
      minutes_field<Config>(
          "site.assistant_interval", [](Config & c) -> auto& { return c.model.site.assistant_interval; }),
      int_field<Config>(
          "site.open_error", [](Config & c) -> auto& { return c.model.site.open_error; }, 5, 32),
      minutes_field<Config>(
          "site.executive_restart_every",
          [](Config & c) -> auto& { return c.model.site.executive_restart_every; }),
      minutes_field<Config>(
          "site.status_deadline", [](Config & c) -> auto& { return c.model.site.status_deadline; }),
      time_field<Config>(
          "day.on_at", [](Config & c) -> auto& { return c.env.day.on_at; }),
      time_field<Config>(
          "day.off_at", [](Config & c) -> auto& { return c.env.day.off_at; }),
      bool_field<Config>(
          "day.always_on", [](Config & c) -> auto& { return c.env.day.always_on; }),
      bool_field<Config>(
          "day.init_fails_when_possible",
          [](Config & c) -> auto& { return c.env.day.init_fails_when_possible; }),
      int_field<Config>(
          "day.days", [](Config & c) -> auto& { return c.env.day.days; }, 0, 3650),
      minutes_field<Config>(
          "environment.quantum", [](Config & c) -> auto& { return c.env.quantum; }),
      time_field<Config>(
          "environment.on_from", [](Config & c) -> auto& { return c.env.on_from; }),
      time_field<Config>(
          "environment.on_until", [](Config & c) -> auto& { return c.env.on_until; }),
      int_field<Config>(
          "environment.max_days_off", [](Config & c) -> auto& { return c.env.max_days_off; }, 0, 3650),
      minutes_field<Config>(
          "environment.min_session", [](Config & c) -> auto& { return c.env.min_session; }),
      minutes_field<Config>(
          "environment.max_session", [](Config & c) -> auto& { return c.env.max_session; }),
      bool_field<Config>(
          "environment.user_powers_off", [](Config & c) -> auto& { return c.env.user_powers_off; }),
      int_field<Config>(
          "environment.max_init_failures_in_a_row",
          [](Config & c) -> auto& { return c.env.max_init_failures_in_a_row; }, -1, 1000),
      int_field<Config>(
          "environment.max_cap_outages", [](Config & c) -> auto& { return c.env.max_cap_outages; }, 0, 16),
      minutes_field<Config>(
          "environment.max_outage", [](Config & c) -> auto& { return c.env.max_outage; }),
      bool_field<Config>(
          "environment.cap_reachable", [](Config & c) -> auto& { return c.env.cap_reachable; }),
      int_field<Config>(
          "environment.max_queue", [](Config & c) -> auto& { return c.env.max_queue; }, 0, 64),
      int_field<Config>(
          "environment.random_runs", [](Config & c) -> auto& { return c.env.random_runs; }, 1, 100'000'000),
  };
  return fields;
}

/// One [[program]] table: its model part and its envelope part, read together.
struct ProgramEntry {
  ProgramSpec spec;
  ProgramWindow window;
};

const std::vector<Field<ProgramEntry>>& program_fields() {
  using P = ProgramEntry;
  static const std::vector<Field<P>> fields{
      enum_field<P, AfterRunning>(
          "after_running", [](P & p) -> auto& { return p.spec.after_running; }),
      enum_field<P, MifResult>(
          "mif", [](P & p) -> auto& { return p.spec.mif; }),
      time_field<P>(
          "runs_from", [](P & p) -> auto& { return p.window.from; }),
      time_field<P>(
          "runs_until", [](P & p) -> auto& { return p.window.until; }),
      time_field<P>(
          "runs_at", [](P & p) -> auto& { return p.window.at; }),
      time_field<P>(
          "expires_at", [](P & p) -> auto& { return p.spec.expires_at; }),
      int_field<P>(
          "same_program_as", [](P & p) -> auto& { return p.spec.same_program_as; }, -1, 7),
  };
  return fields;
}

/// Keys of the first version, moved: a file that still has one gets told where it went.
constexpr std::pair<std::string_view, std::string_view> kMoved[] = {
    {"client.after_running", "[[program]] after_running"},
    {"client.mif", "[[program]] mif"},
    {"environment.program_from", "[[program]] runs_from"},
    {"environment.program_until", "[[program]] runs_until"},
    {"day.program_at", "[[program]] runs_at"},
    {"cqm.expire_while_inaccessible",
     "client.service_pack (0-1 keep an expired item of an inaccessible destination, Q263594; 2-4 delete it)"},
    {"expected", "[expected] with one verdict per property, e.g. delivered_before_expiry = \"VIOLATED\""},
};

void refuse_moved(const toml::table& doc, const std::string& file) {
  for (auto [old_key, now] : kMoved) {
    const toml::node* n = doc.at_path(old_key).node();
    if (n && !(old_key == "expected" && n->is_table()))
      fail({file, std::string(old_key), line_of(*n)}, "this key has moved: use " + std::string(now));
  }
}

void read_programs(const toml::node& n, Config& c, const std::string& file) {
  const auto* arr = n.as_array();
  if (!arr || !arr->is_array_of_tables() || arr->empty())
    fail({file, "program", line_of(n)}, "expected one or more [[program]] tables");
  if (arr->size() > 8) fail({file, "program", line_of(n)}, "at most 8 programs");
  // A program starts from the base config's program at the same place, or the defaults: a table changes only
  // what it says.
  const auto specs = c.model.programs;
  const auto windows = c.env.programs;
  c.model.programs.clear();
  c.env.programs.clear();
  for (std::size_t i = 0; i < arr->size(); ++i) {
    ProgramEntry entry{i < specs.size() ? specs[i] : ProgramSpec{},
                       i < windows.size() ? windows[i] : ProgramWindow{}};
    const auto& table = *arr->get(i)->as_table();
    const std::string shown = "program[" + std::to_string(i) + "]";
    apply_fields(table, program_fields(), entry, file, "", shown);
    for (const auto& [k, v] : table) c.source.lines[shown + "." + std::string(k.str())] = line_of(v);
    c.model.programs.push_back(entry.spec);
    c.env.programs.push_back(entry.window);
  }
}

void read_expected(const toml::node& n, Config& c, const std::string& file) {
  const auto* table = n.as_table();
  if (!table)
    fail({file, "expected", line_of(n)}, "expected a table: [expected] with one verdict per property");
  for (const auto& [k, v] : *table) {
    const std::string key(k.str());
    const Where where{file, "expected." + key, line_of(v)};
    c.source.lines[where.key] = where.line;
    if (key == "assumptions_not_needed") {
      const auto* arr = v.as_array();
      if (!arr) fail(where, "expected an array of config keys");
      c.expected.assumptions_not_needed.clear();
      for (std::size_t i = 0; i < arr->size(); ++i)
        c.expected.assumptions_not_needed.push_back(read_string(
            *arr->get(i), {file, where.key + "[" + std::to_string(i) + "]", line_of(*arr->get(i))}));
      continue;
    }
    if (!find_property(key)) {
      std::string names;
      for (const auto* p : all_properties()) names += (names.empty() ? "" : ", ") + std::string(p->name);
      fail(where, "unknown property (expected one of: " + names + ", assumptions_not_needed)");
    }
    const Verdict verdict = read_enum<Verdict>(v, where);
    if (verdict == Verdict::Inconclusive) fail(where, "a preset expects HOLDS or VIOLATED");
    c.expected.verdicts[key] = verdict;
  }
}

void record_lines(const toml::table& table, const std::string& prefix, ConfigSource& source) {
  for (const auto& [k, v] : table) {
    const std::string key = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
    if (key == "program" || key == "expected") continue;  // read_programs and read_expected note theirs
    if (const auto* sub = v.as_table())
      record_lines(*sub, key, source);
    else
      source.lines[key] = line_of(v);
  }
}

}  // namespace

Config parse_config(std::string_view text, const std::string& file) {
  const toml::table doc = parse_document(text, file);
  Config config;
  if (const toml::node* p = doc.get("preset")) {
    const Where where{file, "preset", line_of(*p)};
    const std::string name = read_string(*p, where);
    auto preset = find_preset(name);
    if (!preset) fail(where, "unknown preset '" + name + "' (see `cqmcheck presets`)");
    config = *preset;
  }
  config.source = {file, {}};
  refuse_moved(doc, file);
  if (const toml::node* p = doc.get("program")) read_programs(*p, config, file);
  if (const toml::node* e = doc.get("expected")) read_expected(*e, config, file);
  apply_fields(doc, config_fields(), config, file);
  record_lines(doc, "", config.source);
  if (auto bad = validate(config))
    throw InputError(file, config.source.line_of(bad->first), bad->first, bad->second);
  // A mark must name an assumption this config's verdicts rest on.
  const auto all = assumptions(config);
  for (const auto& key : config.expected.assumptions_not_needed)
    if (std::none_of(all.begin(), all.end(), [&](const Assumption& a) { return a.key == key && a.drop; }))
      throw InputError(file, config.source.line_of("expected.assumptions_not_needed"),
                       "expected.assumptions_not_needed",
                       "'" + key + "' is not an assumption of this config that could be dropped");
  return config;
}

Config read_config(const std::string& path) { return parse_config(read_file_text(path), path); }

std::string config_to_toml(const Config& config) {
  std::string out;
  std::string section;
  for (const auto& f : config_fields()) {
    if (!f.write) continue;
    const auto dot = f.key.find('.');
    const std::string sec = dot == std::string_view::npos ? "" : std::string(f.key.substr(0, dot));
    const std::string name = std::string(dot == std::string_view::npos ? f.key : f.key.substr(dot + 1));
    if (sec != section) {
      out += "\n[" + sec + "]\n";
      section = sec;
    }
    out += name + " = " + f.write(config) + "\n";
  }
  for (int p = 0; p < config.programs(); ++p) {
    const ProgramEntry entry{config.model.programs[static_cast<std::size_t>(p)],
                             config.env.programs[static_cast<std::size_t>(p)]};
    out += "\n[[program]]\n";
    for (const auto& f : program_fields()) out += std::string(f.key) + " = " + f.write(entry) + "\n";
  }
  out += "\n[expected]\n";
  for (const auto* prop : all_properties())
    out += std::string(prop->name) + " = " + quote(enum_name(config.expected.of(prop->name))) + "\n";
  out += "assumptions_not_needed = [";
  for (std::size_t i = 0; i < config.expected.assumptions_not_needed.size(); ++i)
    out += (i ? ", " : "") + quote(config.expected.assumptions_not_needed[i]);
  out += "]\n";
  return out;
}

}  // namespace cqm
