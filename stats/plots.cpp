#include <plplot/plplot.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "stats/plots_module.hpp"

namespace cqm::plots {
namespace {

// The page and where things go on it, in PLplot's normalised page coordinates and character heights.
struct Layout {
  int width = 1000;  ///< pixels (PNG) or points (SVG)
  int height = 700;
  double left = 0.12, right = 0.95, bottom = 0.19, top = 0.88;  ///< the plot's viewport
  double heat_right = 0.74;  ///< a heat map leaves room for its colour bar and frame legend
  int min_cell_width = 150;  ///< a heat map's page widens so each column gets at least this many pixels
  double char_scale = 1.0;   ///< PLplot's default character height times this
  double cell_char_scale = 0.85;
  double note_char_scale = 0.75;
  /// Distances from the viewport's edge, in default character heights.
  double title_disp = 2.0, x_label_disp = 3.0, y_label_disp = 5.0, tick_disp = 1.4, note_disp = 5.4;
  double colour_bar_gap = 0.03, colour_bar_width = 0.04, colour_bar_length = 0.7;  ///< viewport fractions
  double colour_bar_lift = 0.12;  ///< the colour bar sits this much above centre, the frame legend below it
  double legend_step = 0.06;      ///< between the frame legend's lines (viewport fraction)
  double cell_line1 = 0.58, cell_line2 = 0.32;  ///< heights of a cell's two lines of text (cell units)
  double frame_width = 3.0, line_width = 2.0, marker_width = 1.5;
  double cell_inset = 0.04;         ///< a cell's frame sits this far inside it (cell units)
  double y_tick_disp = 0.8;         ///< a heat map's row labels, written across the left side
  double marker_label_gap = -0.02;  ///< a marker's label starts just right of its line (PLplot justification)
  double marker_label_top = 0.05;   ///< the first marker's label this far below the top (y-range fraction)
  double marker_label_step = 0.06;  ///< each further label lower by this much
  double linear_headroom = 1.15;    ///< a linear y axis runs to this times the highest bar
  double log_headroom = 0.3;        ///< a log y axis runs this many decades above the highest bar
};
constexpr Layout kLayout;

// PLplot text justification: the reference point is the text's left end, centre or right end.
constexpr double kLeft = 0.0, kCentred = 0.5, kRight = 1.0;

// A heat map's colour ramp (colour map 1): white (no loss) through yellow to red (the scale's top).
constexpr PLFLT kRampAt[] = {0.0, 0.5, 1.0};
constexpr PLFLT kRampRed[] = {1.0, 1.0, 0.85}, kRampGreen[] = {1.0, 0.85, 0.15},
                kRampBlue[] = {1.0, 0.35, 0.1};
constexpr int kRampColours = 256;

// Colour map 0 (lines, text, frames): index 0 is the background.
enum Colour : int {
  white,
  black,
  bar_blue,
  marker_red,
  median_green,
  grey,
  good_green,
  bad_red,
  unknown_grey
};
struct Rgb {
  int r, g, b;
};
constexpr Rgb kPalette[] = {{255, 255, 255}, {0, 0, 0},    {70, 110, 170}, {200, 30, 30},  {20, 130, 60},
                            {120, 120, 120}, {0, 150, 60}, {210, 20, 20},  {140, 140, 140}};

// PLplot escapes with '#': a literal one is written twice.
std::string text(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '#' ? std::string("##") : std::string(1, c);
  return out;
}

// PLplot sizes characters by the page's diagonal; a page widened for a wide grid keeps the default page's
// text size by scaling every character height by this (set per figure; PLplot is single-threaded anyway).
double g_text_scale = 1;

void text_size(double scale) { plschr(0, scale * g_text_scale); }

bool has_device(const char* name) {
  constexpr int kMaxDevices = 128;
  const char* menus[kMaxDevices];
  const char* names[kMaxDevices];
  const char** menu_list = menus;
  const char** name_list = names;
  int n = kMaxDevices;
  plgDevs(&menu_list, &name_list, &n);
  for (int i = 0; i < n; ++i)
    if (std::string(names[i]) == name) return true;
  return false;
}

// One figure's PLplot session, writing into memory. PLplot closes the stream itself at plend1.
class Session {
 public:
  explicit Session(Format format, int width = kLayout.width) {
    const char* device = format == Format::svg ? "svg" : "pngcairo";
    // plinit exits the process on an unknown device: ask first.
    if (!has_device(device))
      throw std::runtime_error(std::string("PLplot has no '") + device +
                               "' driver (install plplot-driver-cairo)");
    file_ = open_memstream(&buffer_, &size_);
    if (!file_) throw std::runtime_error("cannot open a memory stream for the figure");
    plsdev(device);
    plsfile(file_);
    plspage(0, 0, width, kLayout.height, 0, 0);
    g_text_scale = std::hypot(kLayout.width, kLayout.height) / std::hypot(width, kLayout.height);
    plscmap0n(static_cast<int>(std::size(kPalette)));
    for (int i = 0; i < static_cast<int>(std::size(kPalette)); ++i)
      plscol0(i, kPalette[i].r, kPalette[i].g, kPalette[i].b);
    plinit();
    pladv(0);
    text_size(kLayout.char_scale);
    plcol0(black);
  }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  ~Session() {
    if (!done_) finish();
  }

  std::string finish() {
    plend1();
    done_ = true;
    std::string out(buffer_, size_);
    std::free(buffer_);
    buffer_ = nullptr;
    return out;
  }

 private:
  FILE* file_ = nullptr;
  char* buffer_ = nullptr;
  std::size_t size_ = 0;
  bool done_ = false;
};

void put_labels(const Labels& l, bool axis_titles = true) {
  plcol0(black);
  plmtex("t", kLayout.title_disp, kCentred, kCentred, text(l.title).c_str());
  if (axis_titles) {
    plmtex("b", kLayout.x_label_disp, kCentred, kCentred, text(l.x).c_str());
    plmtex("l", kLayout.y_label_disp, kCentred, kCentred, text(l.y).c_str());
  }
  if (!l.note.empty()) {
    text_size(kLayout.note_char_scale);
    plmtex("b", kLayout.note_disp / kLayout.note_char_scale, kLeft, kLeft, text(l.note).c_str());
    text_size(kLayout.char_scale);
  }
}

void rectangle(double x0, double y0, double x1, double y1) {
  PLFLT xs[] = {x0, x1, x1, x0};
  PLFLT ys[] = {y0, y0, y1, y1};
  plfill(4, xs, ys);
}

void outline(double x0, double y0, double x1, double y1) {
  PLFLT xs[] = {x0, x1, x1, x0, x0};
  PLFLT ys[] = {y0, y0, y1, y1, y0};
  plline(5, xs, ys);
}

int frame_colour(Frame f) {
  switch (f) {
    case Frame::good:
      return good_green;
    case Frame::bad:
      return bad_red;
    case Frame::unknown:
      return unknown_grey;
    case Frame::none:
      break;
  }
  return black;
}

// A vertical dashed line over the whole y range, its label at the top.
void marker(const Marker& m, double y0, double y1, int colour, double label_height) {
  plcol0(colour);
  pllsty(2);
  plwidth(kLayout.marker_width);
  PLFLT xs[] = {m.x, m.x};
  PLFLT ys[] = {y0, y1};
  plline(2, xs, ys);
  pllsty(1);
  text_size(kLayout.note_char_scale);
  plptex(m.x, label_height, 1, 0, kLayout.marker_label_gap, text(m.label).c_str());
  text_size(kLayout.char_scale);
}

std::string draw(const HeatMap& f, Format format) {
  const auto nx = static_cast<int>(f.x_ticks.size());
  const auto ny = static_cast<int>(f.y_ticks.size());
  // Wide grids get a wider page, so the cells' text keeps its size; the viewport is a fraction of the page.
  const double plot_fraction = kLayout.heat_right - kLayout.left;
  const int width = std::max(kLayout.width, static_cast<int>(nx * kLayout.min_cell_width / plot_fraction));
  Session session(format, width);
  plscmap1n(kRampColours);
  plscmap1l(1, static_cast<PLINT>(std::size(kRampAt)), kRampAt, kRampRed, kRampGreen, kRampBlue, nullptr);
  plvpor(kLayout.left, kLayout.heat_right, kLayout.bottom, kLayout.top);
  plwind(0, nx, 0, ny);
  const double top = f.colour_max > 0 ? f.colour_max : 1;
  for (int y = 0; y < ny; ++y)
    for (int x = 0; x < nx; ++x) {
      const auto i = static_cast<std::size_t>(y * nx + x);
      plcol1(std::clamp(f.values[i] / top, 0.0, 1.0));
      rectangle(x, y, x + 1, y + 1);
      if (i < f.frames.size() && f.frames[i] != Frame::none) {
        plcol0(frame_colour(f.frames[i]));
        plwidth(kLayout.frame_width);
        const double d = kLayout.cell_inset;
        outline(x + d, y + d, x + 1 - d, y + 1 - d);
        plwidth(1);
      }
      plcol0(black);
      text_size(kLayout.cell_char_scale);
      const double middle = x + kCentred;
      if (i < f.line1.size())
        plptex(middle, y + kLayout.cell_line1, 1, 0, kCentred, text(f.line1[i]).c_str());
      if (i < f.line2.size())
        plptex(middle, y + kLayout.cell_line2, 1, 0, kCentred, text(f.line2[i]).c_str());
      text_size(kLayout.char_scale);
    }
  plcol0(black);
  plbox("bc", 0, 0, "bc", 0, 0);
  for (int x = 0; x < nx; ++x)
    plmtex("b", kLayout.tick_disp, (x + kCentred) / nx, kCentred,
           text(f.x_ticks[static_cast<std::size_t>(x)]).c_str());
  for (int y = 0; y < ny; ++y)
    plmtex("lv", kLayout.y_tick_disp, (y + kCentred) / ny, kRight,
           text(f.y_ticks[static_cast<std::size_t>(y)]).c_str());
  put_labels(f.labels);
  // Which frame means what, under the colour bar.
  text_size(kLayout.note_char_scale);
  for (std::size_t k = 0; k < f.frame_legend.size(); ++k) {
    plcol0(frame_colour(f.frame_legend[k].first));
    plmtex("rv", kLayout.tick_disp, kLayout.legend_step * static_cast<double>(f.frame_legend.size() - 1 - k),
           kLeft, ("frame: " + text(f.frame_legend[k].second)).c_str());
  }
  text_size(kLayout.char_scale);
  // The colour bar.
  plcol0(black);
  PLFLT bar_w = 0, bar_h = 0;
  const PLINT label_opts[] = {PL_COLORBAR_LABEL_RIGHT};
  const std::string colour_label = text(f.colour_label);
  const char* labels[] = {colour_label.c_str()};
  const char* axis_opts[] = {"bcvtm"};
  const PLFLT ticks[] = {0.0};
  const PLINT sub_ticks[] = {0};
  const PLINT n_values[] = {2};
  const PLFLT range[] = {0.0, top};
  const PLFLT* values[] = {range};
  plcolorbar(&bar_w, &bar_h, PL_COLORBAR_GRADIENT,
             PL_POSITION_RIGHT | PL_POSITION_OUTSIDE | PL_POSITION_VIEWPORT, kLayout.colour_bar_gap,
             kLayout.colour_bar_lift, kLayout.colour_bar_width, kLayout.colour_bar_length, white, black, 1, 0,
             0, 0, 0, 1, label_opts, labels, 1, axis_opts, ticks, sub_ticks, n_values, values);
  return session.finish();
}

std::string draw(const Bars& f, Format format) {
  Session session(format);
  const double x1 = f.x0 + f.width * static_cast<double>(f.heights.size());
  double lo = 0, hi = 1;
  if (f.log_y) {
    double smallest = 1, largest = 0;
    for (double h : f.heights)
      if (h > 0) smallest = std::min(smallest, h), largest = std::max(largest, h);
    lo = std::floor(std::log10(largest > 0 ? smallest : 1));
    hi = std::ceil(std::log10(largest > 0 ? largest : 1)) + (largest > 0 ? kLayout.log_headroom : 1);
  } else {
    hi = 0;
    for (double h : f.heights) hi = std::max(hi, h);
    hi = hi > 0 ? hi * kLayout.linear_headroom : 1;
  }
  plvpor(kLayout.left, kLayout.right, kLayout.bottom, kLayout.top);
  plwind(f.x0, x1, lo, hi);
  plcol0(bar_blue);
  for (std::size_t i = 0; i < f.heights.size(); ++i) {
    const double h = f.heights[i];
    if (h <= 0 && f.log_y) continue;
    const double a = f.x0 + f.width * static_cast<double>(i);
    rectangle(a, lo, a + f.width, f.log_y ? std::log10(h) : h);
  }
  plcol0(black);
  plbox("bcnst", 0, 0, f.log_y ? "bcnstvl" : "bcnstv", 0, 0);
  const int colours[] = {median_green, marker_red, grey};
  for (std::size_t k = 0; k < f.markers.size(); ++k)
    marker(f.markers[k], lo, hi, colours[std::min(k, std::size(colours) - 1)],
           hi - (hi - lo) * (kLayout.marker_label_top + kLayout.marker_label_step * static_cast<double>(k)));
  put_labels(f.labels);
  return session.finish();
}

std::string draw(const Points& f, Format format) {
  Session session(format);
  plvpor(kLayout.left, kLayout.right, kLayout.bottom, kLayout.top);
  plwind(f.x_min, f.x_max, 0, f.y_max);
  plcol0(grey);
  plbox("g", 0, 0, "g", 0, 0);  // a light grid to read values off
  plcol0(black);
  plbox("bcnst", 0, 0, "bcnstv", 0, 0);
  const auto n = static_cast<int>(f.x.size());
  plcol0(bar_blue);
  plwidth(kLayout.line_width);
  plline(n, f.x.data(), f.y.data());
  plwidth(1);
  plerry(n, f.x.data(), f.low.data(), f.high.data());
  constexpr int kFilledCircle = 17;  // PLplot's Hershey symbol code
  plpoin(n, f.x.data(), f.y.data(), kFilledCircle);
  if (f.marker) marker(*f.marker, 0, f.y_max, marker_red, f.y_max * (1 - kLayout.marker_label_top));
  put_labels(f.labels);
  return session.finish();
}

std::string draw(const Lines& f, Format format) {
  // Each series its colour and symbol, so the lines stay apart in grey print too.
  constexpr Colour kColours[] = {bar_blue, marker_red, median_green, grey};
  constexpr int kSymbols[] = {17, 16, 13,
                              3};  // PLplot's Hershey codes: filled circle, square, triangle, cross
  if (f.series.size() > std::size(kColours))
    throw std::logic_error("a line plot draws at most " + std::to_string(std::size(kColours)) + " lines");
  Session session(format);
  plvpor(kLayout.left, kLayout.right, kLayout.bottom, kLayout.top);
  plwind(f.x_min, f.x_max, 0, f.y_max);
  plcol0(grey);
  plbox("g", 0, 0, "g", 0, 0);
  plcol0(black);
  plbox("bcnst", 0, 0, "bcnstv", 0, 0);
  for (std::size_t k = 0; k < f.series.size(); ++k) {
    const auto& line = f.series[k];
    const auto n = static_cast<int>(line.x.size());
    plcol0(kColours[k]);
    plwidth(kLayout.line_width);
    plline(n, line.x.data(), line.y.data());
    plwidth(1);
    plerry(n, line.x.data(), line.low.data(), line.high.data());
    plpoin(n, line.x.data(), line.y.data(), kSymbols[k]);
    // The legend: top left, one line per series, in its colour.
    const double at =
        f.y_max * (1 - kLayout.marker_label_top - kLayout.marker_label_step * static_cast<double>(k));
    const double from = f.x_min + (f.x_max - f.x_min) * 0.02;
    const double to = f.x_min + (f.x_max - f.x_min) * 0.07;
    const PLFLT xs[] = {from, to}, ys[] = {at, at};
    plwidth(kLayout.line_width);
    plline(2, xs, ys);
    plwidth(1);
    plptex(to + (f.x_max - f.x_min) * 0.01, at, 1, 0, kLeft, text(line.label).c_str());
  }
  put_labels(f.labels);
  return session.finish();
}

const PlotsModule g_module{
    [](const HeatMap& f, Format format) { return draw(f, format); },
    [](const Bars& f, Format format) { return draw(f, format); },
    [](const Points& f, Format format) { return draw(f, format); },
    [](const Lines& f, Format format) { return draw(f, format); },
};

}  // namespace
}  // namespace cqm::plots

extern "C" __attribute__((visibility("default"))) const cqm::plots::PlotsModule* cqm_plots_module() {
  return &cqm::plots::g_module;
}
