// The figures: PLplot renders SVG that is XML and PNG that is a PNG, the same bytes for the same figure, and
// a
// '#' in a label does not start a PLplot escape.
#include "stats/plots.hpp"

#include <gtest/gtest.h>

#include <cstdio>

#include "svg_check.hpp"

namespace cqm::plots {
namespace {

HeatMap heat_map() {
  HeatMap h;
  h.labels = {"title #1", "cqm.wake_up_cycle", "cqm.item_lifetime", "a note"};
  h.x_ticks = {"60", "240"};
  h.y_ticks = {"2880", "11520"};
  h.values = {0.0, 0.1, 0.0, 0.2};
  h.line1 = {"HOLDS", "VIOLATED", "HOLDS", "INCONCLUSIVE"};
  h.line2 = {"P < 1e-4", "P = 0.1", "P < 1e-4", "P = 0.2"};
  h.frames = {Frame::good, Frame::bad, Frame::good, Frame::unknown};
  h.colour_label = "P(status lost)";
  h.colour_max = 0.2;
  h.frame_legend = {{Frame::good, "HOLDS"}};
  return h;
}

Bars bars() {
  Bars b;
  b.labels = {"delays", "days", "share (%)", ""};
  b.width = 1.0 / 24;
  b.heights = {50, 0, 0, 1, 0.5, 0.01};
  b.log_y = true;
  b.markers = {{0.0, "median"}, {0.1, "p95"}};
  return b;
}

Points points() {
  Points p;
  p.labels = {"curve", "p", "P(loss)", ""};
  p.x = {0, 0.5, 1};
  p.y = {0, 0.1, 0.9};
  p.low = {0, 0.08, 0.85};
  p.high = {0.01, 0.12, 0.95};
  p.y_max = 1;
  p.marker = Marker{0.5, "habits"};
  return p;
}

template <class Figure>
void expect_good_files(const Figure& f) {
  const std::string svg = render(f, Format::svg);
  EXPECT_EQ(test::svg_problem(svg), "");
  const std::string png = render(f, Format::png);
  ASSERT_GT(png.size(), 8u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(render(f, Format::svg), svg);  // deterministic
  EXPECT_EQ(render(f, Format::png), png);
}

TEST(plots, heat_map_renders_svg_and_png) { expect_good_files(heat_map()); }
TEST(plots, histogram_renders_svg_and_png) { expect_good_files(bars()); }
TEST(plots, curve_renders_svg_and_png) { expect_good_files(points()); }

// PLplot's svg driver writes each character of a label as a character reference (&#x63;).
std::string as_svg_text(const std::string& s) {
  std::string out;
  char reference[8];
  for (unsigned char c : s) {
    std::snprintf(reference, sizeof reference, "&#x%x;", c);
    out += reference;
  }
  return out;
}

TEST(plots, labels_are_text_in_the_svg) {
  const std::string svg = render(heat_map(), Format::svg);
  EXPECT_NE(svg.find(as_svg_text("cqm.wake_up_cycle")), std::string::npos);
  EXPECT_NE(svg.find(as_svg_text("title #1")), std::string::npos);  // a literal '#', not an escape
}

TEST(plots, an_empty_histogram_still_draws) {
  Bars b = bars();
  b.heights.assign(4, 0.0);
  EXPECT_EQ(test::svg_problem(render(b, Format::svg)), "");
}

}  // namespace
}  // namespace cqm::plots
