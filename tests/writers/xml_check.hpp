#pragma once
// A small XML well-formedness check for the SVGs Graphviz writes: balanced, properly nested tags, quoted
// attributes, known entities. Enough to catch a broken label escaping without a dependency on libxml2.
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace cqm::test {

/// Empty when `xml` is well-formed, else what is wrong and where.
inline std::string xml_problem(std::string_view xml) {
  std::vector<std::string> open;
  std::size_t i = 0;
  auto at = [&](std::size_t pos) { return " at offset " + std::to_string(pos); };
  auto check_text = [&](std::string_view text, std::size_t base) -> std::string {
    for (std::size_t k = 0; k < text.size(); ++k) {
      if (text[k] == '<') return "'<' in text" + at(base + k);
      if (text[k] != '&') continue;
      const auto end = text.find(';', k);
      if (end == text.npos) return "unterminated entity" + at(base + k);
      const auto name = text.substr(k + 1, end - k - 1);
      const bool known = name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos" ||
                         (!name.empty() && name[0] == '#');
      if (!known) return "unknown entity &" + std::string(name) + ";" + at(base + k);
    }
    return {};
  };
  bool root_seen = false;
  while (i < xml.size()) {
    const auto lt = xml.find('<', i);
    if (auto p = check_text(xml.substr(i, lt == xml.npos ? xml.npos : lt - i), i); !p.empty()) return p;
    if (lt == xml.npos) break;
    if (xml.substr(lt, 4) == "<!--") {
      const auto end = xml.find("-->", lt);
      if (end == xml.npos) return "unterminated comment" + at(lt);
      i = end + 3;
      continue;
    }
    if (xml.substr(lt, 2) == "<?" || xml.substr(lt, 2) == "<!") {
      const auto end = xml.find('>', lt);
      if (end == xml.npos) return "unterminated declaration" + at(lt);
      i = end + 1;
      continue;
    }
    // A tag: find its end outside quoted attribute values.
    std::size_t k = lt + 1;
    char quote = 0;
    for (; k < xml.size() && (quote || xml[k] != '>'); ++k) {
      if (quote && xml[k] == quote)
        quote = 0;
      else if (!quote && (xml[k] == '"' || xml[k] == '\''))
        quote = xml[k];
      else if (!quote && xml[k] == '<')
        return "'<' inside a tag" + at(k);
    }
    if (k == xml.size()) return "unterminated tag" + at(lt);
    std::string_view tag = xml.substr(lt + 1, k - lt - 1);
    i = k + 1;
    const bool closing = !tag.empty() && tag[0] == '/';
    const bool empty = !tag.empty() && tag.back() == '/';
    if (closing) tag.remove_prefix(1);
    if (empty) tag.remove_suffix(1);
    std::size_t n = 0;
    while (n < tag.size() && !std::isspace(static_cast<unsigned char>(tag[n]))) ++n;
    const std::string name(tag.substr(0, n));
    if (name.empty()) return "tag without a name" + at(lt);
    // Attributes: name="value" pairs.
    for (std::size_t a = n; a < tag.size();) {
      if (std::isspace(static_cast<unsigned char>(tag[a]))) {
        ++a;
        continue;
      }
      const auto eq = tag.find('=', a);
      if (eq == tag.npos || eq + 1 >= tag.size() || (tag[eq + 1] != '"' && tag[eq + 1] != '\''))
        return "attribute without a quoted value in <" + name + ">" + at(lt);
      const auto close = tag.find(tag[eq + 1], eq + 2);
      if (close == tag.npos) return "unterminated attribute in <" + name + ">" + at(lt);
      if (auto p = check_text(tag.substr(eq + 2, close - eq - 2), lt); !p.empty()) return p;
      a = close + 1;
    }
    if (closing) {
      if (open.empty() || open.back() != name) return "</" + name + "> closes nothing open" + at(lt);
      open.pop_back();
    } else if (!empty) {
      if (open.empty() && root_seen) return "a second root element <" + name + ">" + at(lt);
      root_seen = true;
      open.push_back(name);
    }
  }
  if (!open.empty()) return "<" + open.back() + "> is never closed";
  if (!root_seen) return "no root element";
  return {};
}

}  // namespace cqm::test
