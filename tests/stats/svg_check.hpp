#pragma once
// A small XML well-formedness check for the SVGs PLplot writes: one root, properly nested tags, quoted
// attributes, known entities. CTest also runs xmllint on the CLI's SVGs when libxml2-utils is installed.
#include <string>
#include <string_view>
#include <vector>

namespace cqm::test {

/// Empty when `xml` is a well-formed document whose root is <svg>; else what is wrong and where.
inline std::string svg_problem(std::string_view xml) {
  std::vector<std::string> open;
  std::string root;
  auto where = [](std::size_t at) { return " at offset " + std::to_string(at); };
  auto bad_text = [&](std::string_view text, std::size_t base) -> std::string {
    for (std::size_t k = text.find('&'); k != text.npos; k = text.find('&', k + 1)) {
      const auto end = text.find(';', k);
      const auto name = end == text.npos ? std::string_view{} : text.substr(k + 1, end - k - 1);
      const bool known = name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos" ||
                         (!name.empty() && name[0] == '#');
      if (!known) return "bad entity" + where(base + k);
    }
    return {};
  };
  std::size_t i = 0;
  while (true) {
    const auto lt = xml.find('<', i);
    if (auto p = bad_text(xml.substr(i, lt == xml.npos ? xml.npos : lt - i), i); !p.empty()) return p;
    if (lt == xml.npos) break;
    if (xml.substr(lt, 4) == "<!--") {
      i = xml.find("-->", lt);
      if (i == xml.npos) return "unterminated comment" + where(lt);
      i += 3;
      continue;
    }
    std::size_t k = lt + 1;
    for (char quote = 0; k < xml.size() && (quote || xml[k] != '>'); ++k) {
      if (quote && xml[k] == quote)
        quote = 0;
      else if (!quote && (xml[k] == '"' || xml[k] == '\''))
        quote = xml[k];
    }
    if (k >= xml.size()) return "unterminated tag" + where(lt);
    std::string_view tag = xml.substr(lt + 1, k - lt - 1);
    i = k + 1;
    if (tag.starts_with('?') || tag.starts_with('!')) continue;  // declarations, DOCTYPE
    const bool closing = tag.starts_with('/');
    const bool empty = tag.ends_with('/');
    if (closing) tag.remove_prefix(1);
    if (empty) tag.remove_suffix(1);
    const std::string name(tag.substr(0, tag.find_first_of(" \t\r\n")));
    if (name.empty()) return "tag without a name" + where(lt);
    if (auto p = bad_text(tag, lt); !p.empty()) return p;
    if (closing) {
      if (open.empty() || open.back() != name) return "</" + name + "> closes nothing open" + where(lt);
      open.pop_back();
    } else if (!empty) {
      if (open.empty() && !root.empty()) return "a second root <" + name + ">" + where(lt);
      if (open.empty()) root = name;
      open.push_back(name);
    }
  }
  if (!open.empty()) return "<" + open.back() + "> is never closed";
  if (root != "svg") return "the root is not <svg>";
  return {};
}

}  // namespace cqm::test
