#include "io/habits_toml.hpp"

#include <fmt/format.h>

#include "io/toml_fields.hpp"

namespace cqm {
namespace {

using namespace toml_io;
using stats::Habits;
using F = Field<Habits>;
/// program.at's value for "after day 0's first start-up".
constexpr std::string_view kAtStartUp = "start-up";

template <class Get>
F probability_field(std::string_view key, Get get) {
  return {
      key, [get](Habits& h, const toml::node& n, const Where& w) { get(h) = read_probability(n, w); },
      // fmt's shortest round-trip form, always with a fraction so TOML reads it back as a float (1.0, not 1).
      [get](const Habits& h) {
        std::string s = fmt::format("{}", get(const_cast<Habits&>(h)));
        if (s.find_first_of(".e") == std::string::npos) s += ".0";
        return s;
      }};
}

// A time of day: "hh:mm" (or minutes after midnight), within one day.
template <class Get>
F clock_field(std::string_view key, Get get) {
  return {key,
          [get](Habits& h, const toml::node& n, const Where& w) {
            const Minutes t = read_time(n, w);
            if (t >= kMinutesPerDay) fail(w, "a time of day must lie within one day (00:00 to 23:59)");
            get(h) = t;
          },
          [get](const Habits& h) { return quote(format_clock(get(const_cast<Habits&>(h)))); }};
}

const std::vector<F>& habit_fields() {
  static const std::vector<F> fields{
      clock_field(
          "day.start_from", [](Habits & h) -> auto& { return h.start_from; }),
      clock_field(
          "day.start_until", [](Habits & h) -> auto& { return h.start_until; }),
      minutes_field<Habits>(
          "day.hours_min", [](Habits & h) -> auto& { return h.hours_min; }),
      minutes_field<Habits>(
          "day.hours_max", [](Habits & h) -> auto& { return h.hours_max; }),
      minutes_field<Habits>(
          "day.jitter", [](Habits & h) -> auto& { return h.jitter; }),
      probability_field(
          "day.leave_on", [](Habits & h) -> auto& { return h.leave_on; }),
      probability_field(
          "day.absent", [](Habits & h) -> auto& { return h.absent; }),
      bool_field<Habits>(
          "day.weekends_off", [](Habits & h) -> auto& { return h.weekends_off; }),
      probability_field(
          "day.logon", [](Habits & h) -> auto& { return h.logon; }),
      minutes_field<Habits>(
          "program.after_start_from", [](Habits & h) -> auto& { return h.program_from; }),
      minutes_field<Habits>(
          "program.after_start_until", [](Habits & h) -> auto& { return h.program_until; }),
      F{"program.at",
        [](Habits& h, const toml::node& n, const Where& w) {
          if (auto s = n.value_exact<std::string>(); s && *s == kAtStartUp) {
            h.program_at = kNever;
            return;
          }
          const Minutes t = read_time(n, w);
          if (t >= kMinutesPerDay)
            fail(w, "a time of day (\"hh:mm\") or \"start-up\" (after day 0's first start-up)");
          h.program_at = t;
        },
        [](const Habits& h) {
          return quote(h.program_at == kNever ? std::string(kAtStartUp) : format_clock(h.program_at));
        }},
      probability_field(
          "init.failure_probability", [](Habits & h) -> auto& { return h.init_failure; }),
      minutes_field<Habits>(
          "clock.skew", [](Habits & h) -> auto& { return h.clock_skew; }),
  };
  return fields;
}

}  // namespace

stats::Habits parse_habits(std::string_view text, const std::string& file) {
  const toml::table doc = parse_document(text, file);
  Habits habits;
  apply_fields(doc, habit_fields(), habits, file);
  if (auto bad = stats::validate(habits))
    throw InputError(file, line_of_key(doc, bad->first), bad->first, bad->second);
  return habits;
}

stats::Habits read_habits(const std::string& path) { return parse_habits(read_file_text(path), path); }

std::string habits_to_toml(const stats::Habits& habits) {
  std::string out;
  std::string section;
  for (const auto& f : habit_fields()) {
    const auto dot = f.key.find('.');
    const std::string sec(f.key.substr(0, dot));
    if (sec != section) {
      out += (out.empty() ? "[" : "\n[") + sec + "]\n";
      section = sec;
    }
    out += std::string(f.key.substr(dot + 1)) + " = " + f.write(habits) + "\n";
  }
  return out;
}

}  // namespace cqm

namespace cqm {

nlohmann::ordered_json habits_to_json(const stats::Habits& habits) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& f : habit_fields()) {
    const auto dot = f.key.find('.');
    // Each value as its TOML text says: the writer is the one place that knows the field's type.
    const toml::table one = toml::parse("v = " + f.write(habits));
    const toml::node& v = *one.get("v");
    auto& slot = j[std::string(f.key.substr(0, dot))][std::string(f.key.substr(dot + 1))];
    if (auto s = v.value_exact<std::string>())
      slot = *s;
    else if (auto i = v.value_exact<std::int64_t>())
      slot = *i;
    else if (auto d = v.value_exact<double>())
      slot = *d;
    else if (auto b = v.value_exact<bool>())
      slot = *b;
  }
  return j;
}

}  // namespace cqm
