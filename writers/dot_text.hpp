#pragma once
// What every DOT file we generate shares: quoting, HTML-label escaping and one look (font, colours), so the
// machine diagrams, the overview and counterexample traces read as one set.
#include <ostream>
#include <string>
#include <string_view>

namespace cqm::dot {

/// Helvetica where the SVG is viewed; Graphviz measures with the closest installed font (DejaVu Sans here,
/// which is wider, so labels never overflow their boxes in a browser).
inline constexpr const char* kFont = "Helvetica,Arial,sans-serif";
inline constexpr const char* kStateFill = "#eef3fb";
inline constexpr const char* kStateLine = "#34558b";
inline constexpr const char* kMuted = "#666666";

/// A DOT double-quoted string: `"` and `\` escaped; newlines become DOT's centred line breaks.
inline std::string quote(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + '"';
}

/// Text inside an HTML-like label (<...>): &, < and > escaped.
inline std::string html(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

/// The graph, node and edge defaults. `newrank=true` always: Graphviz 2.42 frees an invalid pointer after
/// laying out clusters without it (TOOLCHAIN), and it is harmless without clusters.
inline void write_defaults(std::ostream& out, std::string_view rankdir) {
  out << "  graph [newrank=true, rankdir=" << rankdir << ", fontname=" << quote(kFont)
      << ", fontsize=16, labelloc=t, labeljust=l, pad=0.2, nodesep=0.35, ranksep=0.6];\n"
      << "  node [shape=box, style=\"rounded,filled\", fillcolor=" << quote(kStateFill)
      << ", color=" << quote(kStateLine) << ", fontname=" << quote(kFont)
      << ", fontsize=13, margin=\"0.18,0.08\"];\n"
      << "  edge [fontname=" << quote(kFont) << ", fontsize=11, color=\"#333333\", arrowsize=0.8];\n";
}

}  // namespace cqm::dot
