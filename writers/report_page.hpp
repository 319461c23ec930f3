#pragma once
// The report's one self-contained HTML page: writers/report/'s skeleton, style and script, embedded at build
// time, with the data (results/report_result.hpp) inlined. Nothing is fetched when it opens.
#include <string>
#include <string_view>

namespace cqm {

/// The page, its placeholders filled in one pass (writers/report/README.md): a placeholder's name inside the
/// data or the script stays as it is. `data_json` is escaped so that no text in it ends the script element.
std::string report_page(std::string_view title, std::string_view data_json);

}  // namespace cqm
