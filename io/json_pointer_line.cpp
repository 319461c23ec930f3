#include "io/json_pointer_line.hpp"

#include <string>
#include <vector>

namespace cqm {
namespace {

// Walks the text, keeping the path of the value it is at; stops at the value the pointer names.
class Scanner {
 public:
  Scanner(std::string_view text, std::string_view pointer) : s_(text) {
    for (std::size_t i = 1; i <= pointer.size() && !pointer.empty();) {
      const std::size_t next = pointer.find('/', i);
      wanted_.emplace_back(
          pointer.substr(i, next == std::string_view::npos ? std::string_view::npos : next - i));
      if (next == std::string_view::npos) break;
      i = next + 1;
    }
  }

  int run() {
    if (!value(0)) return found_;
    return found_;
  }

 private:
  void space() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\r' || s_[pos_] == '\n')) {
      if (s_[pos_] == '\n') ++line_;
      ++pos_;
    }
  }
  bool string(std::string* out) {
    if (pos_ >= s_.size() || s_[pos_] != '"') return false;
    ++pos_;
    while (pos_ < s_.size() && s_[pos_] != '"') {
      if (s_[pos_] == '\\') ++pos_;
      if (out && pos_ < s_.size()) out->push_back(s_[pos_]);
      ++pos_;
    }
    ++pos_;
    return pos_ <= s_.size();
  }
  // `depth` values of the path match the pointer so far; a value at full depth is the one wanted.
  bool value(std::size_t depth) {
    space();
    if (pos_ >= s_.size()) return false;
    if (depth == wanted_.size() && matched_ == depth) {
      found_ = line_;
      return false;  // done
    }
    const char c = s_[pos_];
    if (c == '{' || c == '[') {
      ++pos_;
      const bool object = c == '{';
      for (std::size_t index = 0;; ++index) {
        space();
        if (pos_ < s_.size() && s_[pos_] == (object ? '}' : ']')) {
          ++pos_;
          return true;
        }
        std::string name;
        if (object) {
          if (!string(&name)) return false;
          space();
          if (pos_ >= s_.size() || s_[pos_] != ':') return false;
          ++pos_;
        } else {
          name = std::to_string(index);
        }
        const bool on_path = matched_ == depth && depth < wanted_.size() && wanted_[depth] == name;
        if (on_path) ++matched_;
        if (!value(depth + 1)) return false;
        if (on_path) --matched_;
        space();
        if (pos_ < s_.size() && s_[pos_] == ',') ++pos_;
      }
    }
    if (c == '"') return string(nullptr);
    while (pos_ < s_.size() && s_[pos_] != ',' && s_[pos_] != '}' && s_[pos_] != ']' && s_[pos_] != '\n' &&
           s_[pos_] != ' ')
      ++pos_;
    return true;
  }

  std::string_view s_;
  std::vector<std::string> wanted_;
  std::size_t pos_ = 0;
  std::size_t matched_ = 0;
  int line_ = 1;
  int found_ = 0;
};

}  // namespace

int json_pointer_line(std::string_view text, std::string_view pointer) {
  return Scanner(text, pointer).run();
}

}  // namespace cqm
