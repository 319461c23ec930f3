#include "io/config_toml.hpp"

#include "io/toml_fields.hpp"

namespace cqm {
namespace {

using namespace toml_io;
using F = Field<Config>;

// Every key a config file may hold. The dotted key is the section and the name.
const std::vector<F>& config_fields() {
  static const std::vector<F> fields{
      {"preset", [](Config&, const toml::node&, const Where&) {}},  // read first, by parse_config
      string_field<Config>(
          "name", [](Config & c) -> auto& { return c.name; }),
      string_field<Config>(
          "summary", [](Config & c) -> auto& { return c.summary; }),
      enum_field<Config, Verdict>(
          "expected", [](Config & c) -> auto& { return c.expected; }),
      enum_field<Config, Os>(
          "client.os", [](Config & c) -> auto& { return c.os; }),
      enum_field<Config, AfterRunning>(
          "client.after_running", [](Config & c) -> auto& { return c.after_running; }),
      enum_field<Config, MifResult>(
          "client.mif", [](Config & c) -> auto& { return c.mif; }),
      string_field<Config>(
          "client.site_code", [](Config & c) -> auto& { return c.site_code; }),
      minutes_field<Config>(
          "client.boot_minutes", [](Config & c) -> auto& { return c.boot_minutes; }),
      minutes_field<Config>(
          "client.shutdown_minutes", [](Config & c) -> auto& { return c.shutdown_minutes; }),
      minutes_field<Config>(
          "cqm.wake_up_cycle", [](Config & c) -> auto& { return c.wake_up_cycle; }),
      minutes_field<Config>(
          "cqm.item_lifetime", [](Config & c) -> auto& { return c.item_lifetime; }),
      bool_field<Config>(
          "cqm.startup_cycle", [](Config & c) -> auto& { return c.startup_cycle; }),
      bool_field<Config>(
          "cqm.expire_while_inaccessible", [](Config & c) -> auto& { return c.expire_while_inaccessible; }),
      enum_field<Config, RetryPolicy>(
          "cqm.retry_policy", [](Config & c) -> auto& { return c.retry_policy; }),
      minutes_field<Config>(
          "cqm.retry_interval", [](Config & c) -> auto& { return c.retry_interval; }),
      bool_field<Config>(
          "cqm.reconnect_when_broken", [](Config & c) -> auto& { return c.reconnect_when_broken; }),
      minutes_field<Config>(
          "cqm.reconnect_delay", [](Config & c) -> auto& { return c.reconnect_delay; }),
      bool_field<Config>(
          "cqm.late_reinit_succeeds", [](Config & c) -> auto& { return c.late_reinit_succeeds; }),
      enum_field<Config, InitFailure>(
          "init.failure", [](Config & c) -> auto& { return c.init_failure; }),
      minutes_field<Config>(
          "init.race_window", [](Config & c) -> auto& { return c.race_window; }),
      time_field<Config>(
          "day.on_at", [](Config & c) -> auto& { return c.day.on_at; }),
      time_field<Config>(
          "day.off_at", [](Config & c) -> auto& { return c.day.off_at; }),
      bool_field<Config>(
          "day.always_on", [](Config & c) -> auto& { return c.day.always_on; }),
      time_field<Config>(
          "day.program_at", [](Config & c) -> auto& { return c.day.program_at; }),
      bool_field<Config>(
          "day.init_fails_when_possible", [](Config & c) -> auto& { return c.day.init_fails_when_possible; }),
      int_field<Config>(
          "day.days", [](Config & c) -> auto& { return c.day.days; }, 0, 3650),
      minutes_field<Config>(
          "environment.quantum", [](Config & c) -> auto& { return c.env.quantum; }),
      time_field<Config>(
          "environment.on_from", [](Config & c) -> auto& { return c.env.on_from; }),
      time_field<Config>(
          "environment.on_until", [](Config & c) -> auto& { return c.env.on_until; }),
      minutes_field<Config>(
          "environment.min_session", [](Config & c) -> auto& { return c.env.min_session; }),
      minutes_field<Config>(
          "environment.max_session", [](Config & c) -> auto& { return c.env.max_session; }),
      bool_field<Config>(
          "environment.user_powers_off", [](Config & c) -> auto& { return c.env.user_powers_off; }),
      time_field<Config>(
          "environment.program_from", [](Config & c) -> auto& { return c.env.program_from; }),
      time_field<Config>(
          "environment.program_until", [](Config & c) -> auto& { return c.env.program_until; }),
      int_field<Config>(
          "environment.max_init_failures_in_a_row",
          [](Config & c) -> auto& { return c.env.max_init_failures_in_a_row; }, -1, 1000),
      int_field<Config>(
          "environment.max_cap_outages", [](Config & c) -> auto& { return c.env.max_cap_outages; }, 0, 16),
      minutes_field<Config>(
          "environment.max_outage", [](Config & c) -> auto& { return c.env.max_outage; }),
      int_field<Config>(
          "environment.random_runs", [](Config & c) -> auto& { return c.env.random_runs; }, 1, 100'000'000),
  };
  return fields;
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
  apply_fields(doc, config_fields(), config, file);
  if (auto bad = validate(config)) {
    // Place the error on the offending key's line when the file holds it.
    throw InputError(file, line_of_key(doc, bad->first), bad->first, bad->second);
  }
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
  return out;
}

}  // namespace cqm
