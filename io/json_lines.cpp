#include "io/json_lines.hpp"

#include <cerrno>
#include <cstdlib>

#include "io/input_error.hpp"

namespace cqm {
namespace {

constexpr int kMaxDepth = 64;
constexpr std::size_t kMaxSize = 64u << 20;

class Parser {
 public:
  Parser(std::string_view text, const std::string& file, JsonDocument& doc)
      : s_(text), file_(file), doc_(doc) {}

  void document() {
    if (s_.size() > kMaxSize) fail("file larger than 64 MiB");
    doc_.root = value("", 0);
    skip_space();
    if (pos_ != s_.size()) fail("unexpected text after the JSON value");
  }

 private:
  [[noreturn]] void fail(const std::string& why) { throw InputError(file_, line_, "", why); }

  void skip_space() {
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c == '\n') ++line_;
      if (c != ' ' && c != '\n' && c != '\t' && c != '\r') break;
      ++pos_;
    }
  }

  char peek() {
    skip_space();
    if (pos_ >= s_.size()) fail("unexpected end of file");
    return s_[pos_];
  }

  void expect(char c) {
    if (peek() != c) fail(std::string("expected '") + c + "'");
    ++pos_;
  }

  bool literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  nlohmann::json value(const std::string& pointer, int depth) {
    if (depth > kMaxDepth) fail("nesting deeper than 64 levels");
    const char c = peek();
    doc_.lines[pointer] = line_;
    if (c == '{') return object(pointer, depth);
    if (c == '[') return array(pointer, depth);
    if (c == '"') return string();
    if (literal("true")) return true;
    if (literal("false")) return false;
    if (literal("null")) return nullptr;
    return number();
  }

  nlohmann::json object(const std::string& pointer, int depth) {
    ++pos_;
    nlohmann::json out = nlohmann::json::object();
    if (peek() == '}') {
      ++pos_;
      return out;
    }
    for (;;) {
      if (peek() != '"') fail("expected a member name in quotes");
      const std::string key = string();
      expect(':');
      if (out.contains(key)) fail("duplicate member \"" + key + "\"");
      out[key] = value(pointer + "/" + key, depth + 1);
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      expect('}');
      return out;
    }
  }

  nlohmann::json array(const std::string& pointer, int depth) {
    ++pos_;
    nlohmann::json out = nlohmann::json::array();
    if (peek() == ']') {
      ++pos_;
      return out;
    }
    for (;;) {
      out.push_back(value(pointer + "/" + std::to_string(out.size()), depth + 1));
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      expect(']');
      return out;
    }
  }

  std::string string() {
    ++pos_;  // opening quote
    std::string out;
    while (pos_ < s_.size()) {
      const char c = s_[pos_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) fail("control character in a string");
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= s_.size()) break;
      const char e = s_[pos_++];
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out += e;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          if (pos_ + 4 > s_.size()) fail("truncated \\u escape");
          unsigned code = 0;
          for (int i = 0; i < 4; ++i) {
            const char h = s_[pos_++];
            code <<= 4;
            if (h >= '0' && h <= '9')
              code |= static_cast<unsigned>(h - '0');
            else if (h >= 'a' && h <= 'f')
              code |= static_cast<unsigned>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
              code |= static_cast<unsigned>(h - 'A' + 10);
            else
              fail("bad \\u escape");
          }
          if (code >= 0x80) fail("only ASCII \\u escapes are accepted");  // our writers emit none
          out += static_cast<char>(code);
          break;
        }
        default:
          fail("bad escape in a string");
      }
    }
    fail("unterminated string");
  }

  nlohmann::json number() {
    const std::size_t start = pos_;
    if (pos_ < s_.size() && s_[pos_] == '-') ++pos_;
    bool digits = false, fraction = false;
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c >= '0' && c <= '9')
        digits = true;
      else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')
        fraction = true;
      else
        break;
      ++pos_;
    }
    if (!digits) fail("expected a value");
    const std::string text(s_.substr(start, pos_ - start));
    char* end = nullptr;
    if (!fraction) {
      errno = 0;
      if (text[0] != '-') {
        const unsigned long long v = std::strtoull(text.c_str(), &end, 10);
        if (errno == 0 && end && *end == '\0') return static_cast<std::uint64_t>(v);
      } else {
        const long long v = std::strtoll(text.c_str(), &end, 10);
        if (errno == 0 && end && *end == '\0') return static_cast<std::int64_t>(v);
      }
      fail("integer out of range '" + text + "'");
    }
    const double d = std::strtod(text.c_str(), &end);
    if (!end || *end != '\0') fail("malformed number '" + text + "'");
    return d;
  }

  std::string_view s_;
  const std::string& file_;
  JsonDocument& doc_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace

int JsonDocument::line_of(const std::string& pointer) const {
  auto it = lines.find(pointer);
  return it == lines.end() ? 0 : it->second;
}

JsonDocument parse_json_with_lines(std::string_view text, const std::string& file) {
  JsonDocument doc;
  Parser(text, file, doc).document();
  return doc;
}

}  // namespace cqm
