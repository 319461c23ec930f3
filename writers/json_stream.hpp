#pragma once
// JSON written as it is made, in the one text every JSON output has (writers/json_text.hpp: nlohmann's dump
// with an indent of 2, the final newline text()'s tail, U+FFFD for bytes that are not UTF-8). For the
// large outputs (trace.json), where building nlohmann's tree, printing it and freeing it was most of the
// file's cost. A string that needs any escaping is escaped by nlohmann itself, and so is a floating-point
// number, so the two texts cannot differ there; tests/writers/json_stream_test.cpp holds the rest to it.
#include <algorithm>
#include <charconv>
#include <concepts>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "writers/json_text.hpp"

namespace cqm {

class JsonStream {
 public:
  explicit JsonStream(std::size_t expected = 4096) { reserve(expected); }

  /// The text written, then `tail`.
  std::string text(std::string_view tail = "") const {
    std::string text;
    text.reserve(size_ + tail.size());
    text.append(buffer_.get(), size_).append(tail);
    return text;
  }

  /// Opens an object or an array as the next value; end() closes the innermost.
  JsonStream& object() { return open('{', false); }
  JsonStream& array() { return open('[', true); }
  JsonStream& end() {
    const Level level = levels_.back();
    levels_.pop_back();
    if (!level.empty) {
      put('\n');
      indent();
    }
    put(level.array ? ']' : '}');
    return *this;
  }

  /// The next member's name, in the innermost object.
  JsonStream& key(std::string_view name) {
    separate();
    quoted(name);
    put(": ");
    keyed_ = true;
    return *this;
  }

  JsonStream& value(std::string_view s) {
    before_value();
    quoted(s);
    return *this;
  }
  JsonStream& value(const char* s) { return value(std::string_view(s)); }
  JsonStream& value(const std::string& s) { return value(std::string_view(s)); }
  JsonStream& value(bool b) {
    before_value();
    put(b ? "true" : "false");
    return *this;
  }
  template <std::integral T>
  JsonStream& value(T n) {
    before_value();
    reserve(24);
    size_ = static_cast<std::size_t>(std::to_chars(end_of_text(), end_of_text() + 24, n).ptr - buffer_.get());
    return *this;
  }
  template <std::floating_point T>
  JsonStream& value(T x) {
    before_value();
    put(json_dump(nlohmann::ordered_json(x), -1));
    return *this;
  }
  JsonStream& null() {
    before_value();
    put("null");
    return *this;
  }

 private:
  struct Level {
    bool array;
    bool empty;
  };

  JsonStream& open(char bracket, bool array) {
    before_value();
    put(bracket);
    levels_.push_back({array, true});
    return *this;
  }
  // Before a member or an element: the first goes on a new line, the others after a comma.
  void separate() {
    Level& level = levels_.back();
    put(level.empty ? std::string_view("\n") : std::string_view(",\n"));
    level.empty = false;
    indent();
  }
  void before_value() {
    if (keyed_)
      keyed_ = false;
    else if (!levels_.empty())
      separate();
  }
  void indent() {
    const std::size_t n = 2 * levels_.size();
    reserve(n);
    std::memset(end_of_text(), ' ', n);
    size_ += n;
  }
  void quoted(std::string_view s) {
    // Copied as it is checked; anything nlohmann would escape or check as UTF-8 is written by its own
    // printing instead, over what was copied.
    reserve(s.size() + 2);
    char* to = end_of_text();
    *to++ = '"';
    for (const char c : s) {
      const auto u = static_cast<unsigned char>(c);
      if (u < 0x20 || u >= 0x80 || c == '"' || c == '\\') {
        put(json_dump(nlohmann::ordered_json(std::string(s)), -1));
        return;
      }
      *to++ = c;
    }
    *to++ = '"';
    size_ = static_cast<std::size_t>(to - buffer_.get());
  }

  char* end_of_text() { return buffer_.get() + size_; }
  /// Room for n more bytes.
  void reserve(std::size_t n) {
    if (size_ + n <= capacity_) return;
    capacity_ = std::max(2 * capacity_, size_ + n);
    auto bigger = std::make_unique_for_overwrite<char[]>(capacity_);
    if (size_) std::memcpy(bigger.get(), buffer_.get(), size_);
    buffer_ = std::move(bigger);
  }
  void put(std::string_view s) {
    reserve(s.size());
    std::memcpy(end_of_text(), s.data(), s.size());
    size_ += s.size();
  }
  void put(char c) {
    reserve(1);
    buffer_[size_++] = c;
  }

  std::unique_ptr<char[]> buffer_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
  std::vector<Level> levels_;
  bool keyed_ = false;  ///< a key was written: the value follows it on its line
};

}  // namespace cqm
