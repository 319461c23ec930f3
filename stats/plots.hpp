#pragma once
// Figures through PLplot (libplplot-dev), rendered in-process to memory: SVG with PLplot's own svg driver
// (text stays text), PNG with its pngcairo driver. The callers write the bytes with write_file_atomic. Each
// figure is a plain description — no model types — so the plots know nothing of what they show.
//
// PLplot keeps global state and is not thread-safe: render from one thread at a time.
#include <optional>
#include <string>
#include <vector>

namespace cqm::plots {

enum class Format { svg, png };

struct Labels {
  std::string title;
  std::string x;
  std::string y;
  std::string note;  ///< a line of small print under the plot
};

/// How a heat-map cell is framed: by a verdict.
enum class Frame { none, good, bad, unknown };

/// A grid of coloured cells: columns are x_ticks, rows are y_ticks (bottom row first).
struct HeatMap {
  Labels labels;
  std::vector<std::string> x_ticks, y_ticks;
  std::vector<double> values;             ///< the colour, rows x columns, row-major
  std::vector<std::string> line1, line2;  ///< two lines of text in each cell
  std::vector<Frame> frames;
  std::string colour_label;
  double colour_max = 1;  ///< the colour scale runs from 0 to this
  std::vector<std::pair<Frame, std::string>> frame_legend;
};

/// A vertical line across a plot, labelled.
struct Marker {
  double x = 0;
  std::string label;
};

/// A histogram: bar b spans [x0 + b w, x0 + (b + 1) w].
struct Bars {
  Labels labels;
  double x0 = 0;
  double width = 1;
  std::vector<double> heights;
  bool log_y = false;  ///< bars of height 0 are left out
  std::vector<Marker> markers;
};

/// Points joined by a line, each with an error bar.
struct Points {
  Labels labels;
  std::vector<double> x, y, low, high;
  double x_min = 0, x_max = 1, y_max = 1;
  std::optional<Marker> marker;
};

/// Several lines of points, each with error bars and its own colour, named in a legend.
struct Lines {
  struct Series {
    std::string label;
    std::vector<double> x, y, low, high;
  };
  Labels labels;
  std::vector<Series> series;  ///< at most four: the palette's line colours
  double x_min = 0, x_max = 1, y_max = 1;
};

/// The file's bytes. Throws std::runtime_error when PLplot lacks the driver (plplot-driver-cairo for PNG).
std::string render(const HeatMap& figure, Format format);
std::string render(const Bars& figure, Format format);
std::string render(const Points& figure, Format format);
std::string render(const Lines& figure, Format format);

}  // namespace cqm::plots
