#include "io/toml_fields.hpp"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
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

namespace {

/// toml++ parses a dotted key recursively, one stack frame a part: a key of some 40000 parts (an 80 KB file)
/// overflows the stack before toml++'s own limits apply (they cover nested arrays and inline tables). A
/// dotted key or table header of more than this many parts is refused before toml++ sees it.
constexpr int kMaxKeyParts = 64;

/// The line of the first dotted key with more than kMaxKeyParts parts, or 0. A "run" is what a dotted key is
/// made of: bare-key characters, quoted keys, blanks and dots; anything else ends it. A float or a date holds
/// one dot, so values never come near the limit.
int overlong_dotted_key(std::string_view text) {
  int line = 1, dots = 0;
  std::size_t i = 0;
  auto skip_string = [&](std::string_view quote, bool escapes) {
    i += quote.size();
    while (i < text.size() && text.substr(i, quote.size()) != quote) {
      if (text[i] == '\n') ++line;
      if (escapes && text[i] == '\\') ++i;
      ++i;
    }
    i += quote.size();
  };
  while (i < text.size()) {
    const char c = text[i];
    if (text.substr(i, 3) == "\"\"\"") {
      skip_string("\"\"\"", true);
    } else if (text.substr(i, 3) == "'''") {
      skip_string("'''", false);
    } else if (c == '"') {
      skip_string("\"", true);
    } else if (c == '\'') {
      skip_string("'", false);
    } else if (c == '.') {
      if (++dots >= kMaxKeyParts) return line;
      ++i;
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == ' ' || c == '\t') {
      ++i;
    } else if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else {
      if (c == '\n') ++line;
      dots = 0;
      ++i;
    }
  }
  return 0;
}

}  // namespace

toml::table parse_document(std::string_view text, const std::string& file) {
  if (const int line = overlong_dotted_key(text))
    throw InputError(file, line, "", "a dotted key of more than " + std::to_string(kMaxKeyParts) + " parts");
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    throw InputError(file, static_cast<int>(e.source().begin.line), "", std::string(e.description()));
  }
}

std::string read_file_text(const std::string& path) {
  if (path.empty()) throw InputError("command line", 0, "", "an empty file name");
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw InputError(path, 0, "", "is a directory, not a file");
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) throw InputError(path, 0, "", std::string("cannot open the file: ") + std::strerror(errno));
  // Read in pieces and refuse past the cap while reading: an endless input (/dev/zero, a pipe) stops there.
  std::string out;
  char buffer[1 << 16];
  while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, f.get())) {
    if (out.size() + n > kMaxInputBytes)
      throw InputError(path, 0, "", "larger than " + std::to_string(kMaxInputBytes >> 20) + " MiB");
    out.append(buffer, n);
  }
  if (std::ferror(f.get()))
    throw InputError(path, 0, "", std::string("cannot read the file: ") + std::strerror(errno));
  return out;
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
