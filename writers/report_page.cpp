#include "writers/report_page.hpp"

#include "writers/dot_text.hpp"
#include "writers/report_assets.hpp"

namespace cqm {
namespace {

/// `</` as `<\/` and `<!--` as `\u003c!--`: both are JSON for the same text, and neither lets the HTML parser
/// leave (or change state inside) <script type="application/json">.
std::string script_safe(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 64);
  for (std::size_t i = 0; i < json.size(); ++i) {
    if (json[i] == '<' && json.substr(i, 2) == "</") {
      out += "<\\/";
      ++i;
    } else if (json[i] == '<' && json.substr(i, 4) == "<!--") {
      out += "\\u003c";
    } else {
      out += json[i];
    }
  }
  return out;
}

}  // namespace

std::string report_page(std::string_view title, std::string_view data_json) {
  const std::string_view page = report_assets::kPage;
  const std::pair<std::string_view, std::string> fills[] = {
      {"@CQM_REPORT_TITLE@", dot::html(std::string(title))},
      {"@CQM_REPORT_STYLE@", report_assets::kStyle},
      {"@CQM_REPORT_SCRIPT@", report_assets::kScript},
      {"@CQM_REPORT_DATA@", script_safe(data_json)},
  };
  std::string out;
  out.reserve(page.size() + data_json.size() + 65536);
  std::size_t at = 0;
  while (at < page.size()) {
    const std::size_t next = page.find('@', at);
    if (next == page.npos) break;
    bool filled = false;
    for (const auto& [name, text] : fills)
      if (page.substr(next, name.size()) == name) {
        out.append(page, at, next - at);
        out += text;
        at = next + name.size();
        filled = true;
        break;
      }
    if (!filled) {
      out.append(page, at, next + 1 - at);
      at = next + 1;
    }
  }
  out.append(page, at);
  return out;
}

}  // namespace cqm
