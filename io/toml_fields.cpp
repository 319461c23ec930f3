#include "io/toml_fields.hpp"

#include <cmath>
#include <fstream>
#include <sstream>

namespace cqm::toml_io {

std::int64_t read_int(const toml::node& n, const Where& w) {
  if (auto v = n.value_exact<std::int64_t>()) return *v;
  fail(w, "expected an integer");
}

Minutes read_minutes(const toml::node& n, const Where& w) {
  const auto v = read_int(n, w);
  if (v < 0) fail(w, "a duration must not be negative (got " + std::to_string(v) + ")");
  if (v > 10'000'000) fail(w, "duration too large (at most 10000000 minutes)");
  return static_cast<Minutes>(v);
}

Minutes read_time(const toml::node& n, const Where& w) {
  if (n.is_integer()) return read_minutes(n, w);
  const std::string s = read_string(n, w);
  if (auto t = parse_time(s)) return *t;
  fail(w, "bad time '" + s + "' (expected \"day D hh:mm\", \"hh:mm\" or minutes)");
}

double read_number(const toml::node& n, const Where& w) {
  if (auto v = n.value_exact<double>()) {
    if (!std::isfinite(*v)) fail(w, "expected a finite number");
    return *v;
  }
  if (auto v = n.value_exact<std::int64_t>()) return static_cast<double>(*v);
  fail(w, "expected a number");
}

double read_probability(const toml::node& n, const Where& w) {
  const double p = read_number(n, w);
  if (p < 0.0 || p > 1.0) fail(w, "a probability must lie in [0, 1]");
  return p;
}

bool read_bool(const toml::node& n, const Where& w) {
  if (auto v = n.value_exact<bool>()) return *v;
  fail(w, "expected true or false");
}

std::string read_string(const toml::node& n, const Where& w) {
  if (auto v = n.value_exact<std::string>()) return *v;
  fail(w, "expected a string");
}

toml::table parse_document(std::string_view text, const std::string& file) {
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    throw InputError(file, static_cast<int>(e.source().begin.line), "", std::string(e.description()));
  }
}

std::string read_file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, 0, "", "cannot open the file");
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\') out += '\\';
    if (static_cast<unsigned char>(ch) < 0x20) continue;  // control characters cannot appear in our values
    out += ch;
  }
  return out + "\"";
}

int line_of_key(const toml::table& table, std::string_view dotted) {
  const toml::node* n = table.at_path(dotted).node();
  return n ? line_of(*n) : 0;
}

}  // namespace cqm::toml_io
