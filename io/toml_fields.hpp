#pragma once
// Reading typed values out of toml++ nodes with errors that name file, line and key: shared by the config,
// schedule and habits readers so each stays a table of fields, not a pile of checks.
#include <toml++/toml.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "io/input_error.hpp"
#include "model/time.hpp"
#include "model/vocabulary.hpp"

namespace cqm::toml_io {

/// Where a value came from, for error messages.
struct Where {
  const std::string& file;
  std::string key;  ///< dotted: "cqm.wake_up_cycle", "event[3].at"
  int line;
};

inline int line_of(const toml::node& n) { return static_cast<int>(n.source().begin.line); }

[[noreturn]] inline void fail(const Where& w, const std::string& why) {
  throw InputError(w.file, w.line, w.key, why);
}

std::int64_t read_int(const toml::node& n, const Where& w);
/// A duration in minutes: a non-negative integer.
Minutes read_minutes(const toml::node& n, const Where& w);
/// A time: "day D hh:mm", "D hh:mm", "hh:mm", or whole minutes.
Minutes read_time(const toml::node& n, const Where& w);
double read_probability(const toml::node& n, const Where& w);
double read_number(const toml::node& n, const Where& w);
bool read_bool(const toml::node& n, const Where& w);
std::string read_string(const toml::node& n, const Where& w);

template <class E>
E read_enum(const toml::node& n, const Where& w) {
  const std::string s = read_string(n, w);
  if (auto v = enum_from_name<E>(s)) return *v;
  fail(w, "unknown value '" + s + "' (expected one of: " + enum_choices<E>() + ")");
}

/// A TOML basic string literal.
std::string quote(std::string_view s);

/// A table of known keys, each with what to do with its node. Unknown keys are errors.
template <class Target>
struct Field {
  std::string_view key;
  std::function<void(Target&, const toml::node&, const Where&)> read;
  std::function<std::string(const Target&)> write =
      {};  ///< the value as TOML text, where the reader round-trips
};

/// Field makers for the common kinds: `get` maps the target to the member.
template <class Target, class Get>
Field<Target> minutes_field(std::string_view key, Get get) {
  return {key, [get](Target& t, const toml::node& n, const Where& w) { get(t) = read_minutes(n, w); },
          [get](const Target& t) { return std::to_string(get(const_cast<Target&>(t))); }};
}
template <class Target, class Get>
Field<Target> time_field(std::string_view key, Get get) {
  return {key, [get](Target& t, const toml::node& n, const Where& w) { get(t) = read_time(n, w); },
          [get](const Target& t) { return quote(format_time(get(const_cast<Target&>(t)))); }};
}
template <class Target, class Get>
Field<Target> bool_field(std::string_view key, Get get) {
  return {key, [get](Target& t, const toml::node& n, const Where& w) { get(t) = read_bool(n, w); },
          [get](const Target& t) { return std::string(get(const_cast<Target&>(t)) ? "true" : "false"); }};
}
template <class Target, class Get>
Field<Target> int_field(std::string_view key, Get get, std::int64_t lo, std::int64_t hi) {
  return {key,
          [get, lo, hi](Target& t, const toml::node& n, const Where& w) {
            const auto v = read_int(n, w);
            if (v < lo || v > hi)
              fail(w, "must lie in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
            get(t) = static_cast<int>(v);
          },
          [get](const Target& t) { return std::to_string(get(const_cast<Target&>(t))); }};
}
template <class Target, class Get>
Field<Target> string_field(std::string_view key, Get get) {
  return {key, [get](Target& t, const toml::node& n, const Where& w) { get(t) = read_string(n, w); },
          [get](const Target& t) { return quote(get(const_cast<Target&>(t))); }};
}
template <class Target, class E, class Get>
Field<Target> enum_field(std::string_view key, Get get) {
  return {key, [get](Target& t, const toml::node& n, const Where& w) { get(t) = read_enum<E>(n, w); },
          [get](const Target& t) { return quote(enum_name<E>(get(const_cast<Target&>(t)))); }};
}

/// Parses the document, turning toml++'s syntax errors into InputError.
toml::table parse_document(std::string_view text, const std::string& file);

/// The largest input file any reader takes.
inline constexpr std::size_t kMaxInputBytes = std::size_t{64} << 20;

/// Reads the file's bytes, refusing past kMaxInputBytes while reading. An empty name, a directory, a file
/// that cannot be opened or read is an InputError naming it and, where the system gives one, the reason.
std::string read_file_text(const std::string& path);

/// Applies `fields` to every key of `table` (recursing into sub-tables by dotted key); unknown keys fail.
/// `shown` prefixes the key in error messages when the table is an element of an array ("event[3]").
template <class Target>
void apply_fields(const toml::table& table, const std::vector<Field<Target>>& fields, Target& target,
                  const std::string& file, const std::string& prefix = "", const std::string& shown = "") {
  for (const auto& [k, node] : table) {
    const std::string key = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
    const Where where{file, shown.empty() ? key : shown + "." + key, line_of(node)};
    bool known = false;
    for (const auto& f : fields)
      if (f.key == key) {
        f.read(target, node, where);
        known = true;
        break;
      }
    if (known) continue;
    bool is_section = false;
    for (const auto& f : fields)
      if (f.key.substr(0, key.size() + 1) == key + ".") is_section = true;
    if (is_section) {
      const auto* sub = node.as_table();
      if (!sub) fail(where, "expected a table ([" + key + "])");
      apply_fields(*sub, fields, target, file, key, shown);
      continue;
    }
    fail(where, "unknown key");
  }
}

/// The line of a dotted key in the document, 0 when absent: to place a validation error.
int line_of_key(const toml::table& table, std::string_view dotted);

}  // namespace cqm::toml_io
