#include "stats/overrides.hpp"

#include <toml++/toml.h>

#include <charconv>
#include <cmath>
#include <sstream>

#include "io/input_error.hpp"

namespace cqm::stats {
namespace {

[[noreturn]] void fail(const std::string& argument, const std::string& why) {
  throw InputError("command line", 0, argument, why);
}

template <class T>
bool parse_whole(const std::string& text, T& out) {
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end;
}

}  // namespace

bool has_key(const std::string& toml_text, const std::string& key) {
  const toml::table doc = toml::parse(toml_text);
  const toml::node* n = doc.at_path(key).node();
  return n && !n->is_table();
}

std::string with_override(const std::string& toml_text, const std::string& key, const std::string& value,
                          const std::string& argument) {
  toml::table doc = toml::parse(toml_text);
  const toml::node* current = doc.at_path(key).node();
  if (!current || current->is_table()) fail(argument, "unknown key '" + key + "'");
  const auto dot = key.rfind('.');
  toml::table* parent = dot == std::string::npos ? &doc : doc.at_path(key.substr(0, dot)).as_table();
  const std::string leaf = dot == std::string::npos ? key : key.substr(dot + 1);
  if (current->is_string()) {
    parent->insert_or_assign(leaf, value);
  } else if (current->is_integer()) {
    std::int64_t v = 0;
    if (!parse_whole(value, v)) fail(argument, "'" + value + "' is not an integer (" + key + ")");
    parent->insert_or_assign(leaf, v);
  } else if (current->is_floating_point()) {
    double v = 0;
    if (!parse_whole(value, v) || !std::isfinite(v))
      fail(argument, "'" + value + "' is not a number (" + key + ")");
    parent->insert_or_assign(leaf, v);
  } else if (current->is_boolean()) {
    if (value != "true" && value != "false")
      fail(argument, "'" + value + "' is not true or false (" + key + ")");
    parent->insert_or_assign(leaf, value == "true");
  } else {
    fail(argument, "key '" + key + "' cannot be varied");
  }
  std::ostringstream out;
  out << doc;
  return out.str();
}

}  // namespace cqm::stats
