#include "io/schedule_toml.hpp"

#include "io/toml_fields.hpp"

namespace cqm {
namespace {

using namespace toml_io;

const std::vector<Field<ScheduleEvent>>& event_fields() {
  static const std::vector<Field<ScheduleEvent>> fields{
      {"at", [](ScheduleEvent& e, const toml::node& n, const Where& w) { e.at = read_time(n, w); }},
      {"do",
       [](ScheduleEvent& e, const toml::node& n, const Where& w) { e.action = read_enum<EnvAction>(n, w); }},
      {"mif",
       [](ScheduleEvent& e, const toml::node& n, const Where& w) { e.mif = read_enum<MifResult>(n, w); }},
      {"program",
       [](ScheduleEvent& e, const toml::node& n, const Where& w) {
         const auto v = read_int(n, w);
         if (v < 0 || v > 7) fail(w, "a program's index lies in [0, 7]");
         e.program = static_cast<int>(v);
       }},
      {"client",
       [](ScheduleEvent& e, const toml::node& n, const Where& w) {
         const auto v = read_int(n, w);
         if (v < 0 || v >= kMaxClients)
           fail(w, "a client's index lies in [0, " + std::to_string(kMaxClients - 1) + "]");
         e.client = static_cast<int>(v);
       }},
  };
  return fields;
}

std::vector<InitOutcome> read_outcomes(const toml::node& n, const Where& w) {
  const auto* arr = n.as_array();
  if (!arr) fail(w, "expected an array of \"ok\" / \"failed\"");
  std::vector<InitOutcome> out;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const toml::node& item = *arr->get(i);
    out.push_back(
        read_enum<InitOutcome>(item, {w.file, w.key + "[" + std::to_string(i) + "]", line_of(item)}));
  }
  return out;
}

const std::vector<Field<Schedule>>& schedule_fields() {
  static const std::vector<Field<Schedule>> fields{
      {"horizon", [](Schedule& s, const toml::node& n, const Where& w) { s.horizon = read_time(n, w); }},
      {"init", [](Schedule& s, const toml::node& n, const Where& w) { s.init = read_outcomes(n, w); }},
      {"client_init",
       [](Schedule& s, const toml::node& n, const Where& w) {
         const auto* arr = n.as_array();
         if (!arr) fail(w, "expected an array of arrays: the init outcomes of clients 1, 2, ...");
         for (std::size_t i = 0; i < arr->size(); ++i)
           s.client_init.push_back(read_outcomes(
               *arr->get(i), {w.file, w.key + "[" + std::to_string(i) + "]", line_of(*arr->get(i))}));
       }},
      {"init_otherwise", [](Schedule& s, const toml::node& n,
                            const Where& w) { s.init_otherwise = read_enum<InitOutcome>(n, w); }},
      {"event",
       [](Schedule& s, const toml::node& n, const Where& w) {
         const auto* arr = n.as_array();
         if (!arr || !arr->is_array_of_tables()) fail(w, "expected [[event]] tables");
         for (std::size_t i = 0; i < arr->size(); ++i) {
           const auto& table = *arr->get(i)->as_table();
           const std::string key = "event[" + std::to_string(i + 1) + "]";
           ScheduleEvent e;
           apply_fields(table, event_fields(), e, w.file, "", key);
           const Where at{w.file, key, line_of(table)};
           if (!table.contains("at")) fail(at, "missing key 'at'");
           if (!table.contains("do")) fail(at, "missing key 'do'");
           if (table.contains("mif") && e.action != EnvAction::program_finishes)
             fail(at, "'mif' belongs only to program_finishes");
           if (table.contains("program") && e.action != EnvAction::program_finishes)
             fail(at, "'program' belongs only to program_finishes");
           if (!s.events.empty() && e.at < s.events.back().at)
             fail({w.file, key + ".at", line_of(*table.get("at"))},
                  "events must be in time order (this one is before the previous event)");
           s.events.push_back(e);
         }
       }},
  };
  return fields;
}

}  // namespace

Schedule parse_schedule(std::string_view text, const std::string& file) {
  const toml::table doc = parse_document(text, file);
  Schedule schedule;
  apply_fields(doc, schedule_fields(), schedule, file);
  return schedule;
}

Schedule read_schedule(const std::string& path) { return parse_schedule(read_file_text(path), path); }

std::string schedule_to_toml(const Schedule& s) {
  std::string out;
  if (s.horizon > 0) out += "horizon = \"" + format_time(s.horizon) + "\"\n";
  out += "init = [";
  for (std::size_t i = 0; i < s.init.size(); ++i)
    out += (i ? ", \"" : "\"") + std::string(enum_name(s.init[i])) + "\"";
  out += "]\n";
  if (!s.client_init.empty()) {
    out += "client_init = [";
    for (std::size_t k = 0; k < s.client_init.size(); ++k) {
      out += k ? ", [" : "[";
      for (std::size_t i = 0; i < s.client_init[k].size(); ++i)
        out += (i ? ", \"" : "\"") + std::string(enum_name(s.client_init[k][i])) + "\"";
      out += "]";
    }
    out += "]\n";
  }
  out += "init_otherwise = \"" + std::string(enum_name(s.init_otherwise)) + "\"\n";
  for (const auto& e : s.events) {
    out += "\n[[event]]\nat = \"" + format_time(e.at) + "\"\ndo = \"" + std::string(enum_name(e.action)) +
           "\"\n";
    if (e.action == EnvAction::program_finishes)
      out += "mif = \"" + std::string(enum_name(e.mif)) + "\"\nprogram = " + std::to_string(e.program) + "\n";
    if (e.client != 0) out += "client = " + std::to_string(e.client) + "\n";
  }
  return out;
}

}  // namespace cqm
