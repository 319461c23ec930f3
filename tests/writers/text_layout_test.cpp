// Text measured with fontconfig and HarfBuzz (writers/text_layout.hpp) gives the same layout as Graphviz's
// pango plugin: the same SVG, byte for byte, for every committed diagram and counterexample and for text
// that exercises what shaping does (kerning, ligatures, bold, italic, sizes, characters beyond ASCII).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "writers/dot_text.hpp"
#include "writers/graphviz.hpp"

namespace cqm {
namespace {

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The first line where two SVGs differ, for the failure message.
std::string first_difference(const std::string& a, const std::string& b) {
  std::istringstream sa(a), sb(b);
  std::string la, lb;
  for (int line = 1; std::getline(sa, la); ++line) {
    if (!std::getline(sb, lb)) return "line " + std::to_string(line) + ": the second ends";
    if (la != lb) return "line " + std::to_string(line) + ":\n  harfbuzz " + la + "\n  pango    " + lb;
  }
  return std::getline(sb, lb) ? "the first ends" : "none";
}

void expect_same_as_pango(const std::string& dot, const std::string& name) {
  const std::string ours = render_dot(dot, ImageFormat::svg, nullptr, TextMeasure::harfbuzz);
  const std::string pango = render_dot(dot, ImageFormat::svg, nullptr, TextMeasure::pango);
  EXPECT_EQ(ours.size(), pango.size()) << name;
  EXPECT_TRUE(ours == pango) << name << ": first difference at " << first_difference(ours, pango);
}

TEST(text_layout, every_committed_picture_lays_out_as_with_pango) {
  int pictures = 0;
  for (const auto& entry : std::filesystem::directory_iterator(CQM_DIAGRAMS)) {
    if (entry.path().extension() != ".dot") continue;
    expect_same_as_pango(read(entry.path()), entry.path().filename().string());
    ++pictures;
  }
  EXPECT_GE(pictures, 20) << "the committed diagrams/ were not found at " << CQM_DIAGRAMS;
}

TEST(text_layout, shaping_matches_pango_across_sizes_weights_and_characters) {
  // Kerning pairs (AV, To, LT), ligatures (ffi, fl), digits, punctuation, and the entities the pictures use
  // (middle dot, en dash, multiplication sign, no-break space), in every size and weight the pictures use,
  // a fractional size, and italic.
  const std::string text =
      "AVAWAY To Ty LT Yo ffi fl ff 0123456789 (status MIF) &#183; &#8211; &#215; a&#160;b "
      "&quot;I75J8EI0.SVF&quot;";
  std::string rows;
  for (const char* size : {"8", "9", "10", "10.5", "11", "13", "14", "16", "20"})
    for (const char* style : {"", "B", "I"}) {
      const std::string open = *style ? std::string("<") + style + ">" : "";
      const std::string close = *style ? std::string("</") + style + ">" : "";
      rows += std::string("<TR><TD><FONT POINT-SIZE=\"") + size + "\">" + open + text + close +
              "</FONT></TD></TR>";
    }
  const std::string dot = std::string("digraph t { node [shape=plain, fontname=\"") + dot::kFont +
                          "\"]; a [label=<<TABLE>" + rows +
                          "</TABLE>>]; b [label=\"plain label, no HTML\"]; "
                          "c [label=\"\"]; a -> b [label=\"edge text\"]; }";
  expect_same_as_pango(dot, "shaping");
}

TEST(text_layout, is_the_default_for_svg_and_never_loads_pango_for_it) {
  const std::string dot =
      std::string("digraph d { a [label=\"Copy Queue Manager\", fontname=\"") + dot::kFont + "\"]; }";
  EXPECT_EQ(render_dot(dot, ImageFormat::svg),
            render_dot(dot, ImageFormat::svg, nullptr, TextMeasure::harfbuzz));
  // In a new process (the other tests here load pango on purpose): rendering SVG maps no pango library.
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        render_dot(dot, ImageFormat::svg);
        const std::string maps = read("/proc/self/maps");
        std::fprintf(stderr, "%s", maps.find("libpango") == std::string::npos ? "no pango" : "pango mapped");
        std::exit(0);
      },
      ::testing::ExitedWithCode(0), "^no pango$");
}

}  // namespace
}  // namespace cqm
