#include "stats/figures.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <optional>

#include "stats/plots.hpp"
#include "writers/atomic_file.hpp"

namespace cqm::stats {
namespace {

// The curve's resolution: eleven points, 0 to 1 in steps of 0.1.
constexpr int kCurveSteps = 10;
// The histogram's bars are an hour wide: the delays cluster around whole days (the next morning's start-up).
constexpr Minutes kBarMinutes = 60;
constexpr double kPercent = 100.0;
// Axes are given a little headroom above the highest value.
constexpr double kHeadroom = 1.1;

std::vector<std::filesystem::path> add_both(OutputSet& set, const std::filesystem::path& dir,
                                            const std::string& stem, const auto& figure) {
  std::vector<std::filesystem::path> out;
  for (auto [format, ext] : {std::pair{plots::Format::svg, ".svg"}, std::pair{plots::Format::png, ".png"}}) {
    std::string bytes;
    try {
      bytes = plots::render(figure, format);
    } catch (const std::runtime_error& e) {
      throw OutputError(stem + ext + ": " + e.what());
    }
    out.push_back(set.add(dir / (stem + ext), std::move(bytes)));
  }
  return out;
}

std::string days_text(Minutes m) { return fmt::format("{:.2f} d", static_cast<double>(m) / kMinutesPerDay); }

std::string p_text(const Estimate& e) {
  return e.lost == 0 ? fmt::format("P < {:.1e}", e.interval.high) : fmt::format("P = {:.3g}", e.p_loss());
}

/// The first axis as a number, if every value of it is one.
std::optional<std::vector<double>> numeric(const Axis& axis) {
  std::vector<double> out;
  for (const auto& v : axis.values) {
    double x = 0;
    const auto [end, error] = std::from_chars(v.data(), v.data() + v.size(), x);
    if (error != std::errc{} || end != v.data() + v.size()) return std::nullopt;
    out.push_back(x);
  }
  return out;
}

/// P(loss) against the first axis, one line per value of the second: drawn when the first axis is numeric and
/// the second has at most four values (e.g. clients per CAP against the service pack, or the clock skew).
std::optional<plots::Lines> loss_lines(const Config& base, const std::vector<Axis>& axes,
                                       const std::vector<Cell>& cells,
                                       const std::vector<CellResult>& results) {
  constexpr std::size_t kMaxLines = 4;
  const auto xs = numeric(axes[0]);
  const std::size_t ny = axes.size() > 1 ? axes[1].values.size() : 1;
  if (!xs || ny > kMaxLines || results.size() != cells.size()) return std::nullopt;
  plots::Lines f;
  const std::uint64_t clients = results.empty() ? 0 : results.front().estimate.clients;
  f.labels = {fmt::format("{}: P(status lost) against {}", base.name, axes[0].key), axes[0].key,
              "P(status lost), 95% Wilson interval",
              fmt::format("{} clients per point, seed-matched; a line per {}", clients,
                          axes.size() > 1 ? axes[1].key : "sweep")};
  f.series.resize(ny);
  double top = 0;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    auto& line = f.series[c % ny];
    if (axes.size() > 1) line.label = axes[1].given + " = " + axes[1].values[c % ny];
    const Estimate& e = results[c].estimate;
    line.x.push_back((*xs)[c / ny]);
    line.y.push_back(e.p_loss());
    line.low.push_back(e.interval.low);
    line.high.push_back(e.interval.high);
    top = std::max(top, e.interval.high);
  }
  const auto [lo, hi] = std::minmax_element(xs->begin(), xs->end());
  const double margin = std::max((*hi - *lo) * 0.05, 0.5);
  f.x_min = *lo - margin;
  f.x_max = *hi + margin;
  f.y_max = top > 0 ? std::min(1.0, top * kHeadroom) : 1;
  return f;
}

}  // namespace

std::vector<double> curve_probabilities() {
  std::vector<double> ps;
  for (int i = 0; i <= kCurveSteps; ++i) ps.push_back(static_cast<double>(i) / kCurveSteps);
  return ps;
}

std::vector<std::filesystem::path> add_estimate_figures(OutputSet& set, const std::filesystem::path& dir,
                                                        const Config& config, const Habits& habits,
                                                        const Estimate& e,
                                                        const std::vector<Estimate>& curve) {
  // The delay histogram: share of delivered clients per hour of delay, log scale (most arrive at once).
  plots::Bars bars;
  bars.labels = {fmt::format("{}: delivery delay of the install status", config.name), "delay (days)",
                 "share of delivered clients (%, log scale)",
                 fmt::format("{} of {} clients delivered in time; bars 1 h wide; median {}, p95 {}, max {}",
                             e.delay.delivered, e.clients, days_text(e.delay.median), days_text(e.delay.p95),
                             days_text(e.delay.max))};
  bars.x0 = 0;
  bars.width = static_cast<double>(kBarMinutes) / kMinutesPerDay;
  bars.log_y = true;
  const Minutes bar = std::max(kBarMinutes, e.bucket_minutes);
  bars.heights.assign(static_cast<std::size_t>(config.model.item_lifetime / bar + 1), 0.0);
  for (std::size_t b = 0; b < e.delay_histogram.size(); ++b) {
    const auto minutes = static_cast<Minutes>(b) * e.bucket_minutes;
    bars.heights[static_cast<std::size_t>(minutes / bar)] += static_cast<double>(e.delay_histogram[b]);
  }
  if (e.delay.delivered > 0)
    for (double& h : bars.heights) h *= kPercent / static_cast<double>(e.delay.delivered);
  bars.markers = {{static_cast<double>(e.delay.median) / kMinutesPerDay, "median"},
                  {static_cast<double>(e.delay.p95) / kMinutesPerDay, "p95"}};
  auto files = add_both(set, dir, "delay_histogram", bars);

  // P(loss) against the init-failure probability, with 95 % Wilson intervals.
  plots::Points points;
  points.labels = {fmt::format("{}: P(status lost) against CQM's init-failure probability", config.name),
                   "probability that CQM's init fails at a start-up where it can",
                   "P(status lost), 95% Wilson interval",
                   fmt::format("{} clients per point, seed-matched; the other habits as estimated",
                               curve.empty() ? 0 : curve.front().clients)};
  double top = 0;
  const auto ps = curve_probabilities();
  for (std::size_t i = 0; i < curve.size() && i < ps.size(); ++i) {
    points.x.push_back(ps[i]);
    points.y.push_back(curve[i].p_loss());
    points.low.push_back(curve[i].interval.low);
    points.high.push_back(curve[i].interval.high);
    top = std::max(top, curve[i].interval.high);
  }
  points.y_max = top > 0 ? std::min(1.0, top * kHeadroom) : 1;
  points.marker =
      plots::Marker{habits.init_failure, fmt::format("habits: {} ({})", habits.init_failure, p_text(e))};
  auto more = add_both(set, dir, "loss_vs_init_failure", points);
  files.insert(files.end(), more.begin(), more.end());
  return files;
}

std::vector<std::filesystem::path> add_sweep_figures(OutputSet& set, const std::filesystem::path& dir,
                                                     const Config& base, const std::vector<Axis>& axes,
                                                     const std::vector<Cell>& cells,
                                                     const std::vector<CellResult>& results) {
  plots::HeatMap h;
  const std::size_t nx = axes[0].values.size();
  const std::size_t ny = axes.size() > 1 ? axes[1].values.size() : 1;
  h.x_ticks = axes[0].values;
  h.y_ticks = axes.size() > 1 ? axes[1].values : std::vector<std::string>{""};
  const std::uint64_t clients = results.empty() ? 0 : results.front().estimate.clients;
  h.labels = {fmt::format("{}: delivered_before_expiry and P(status lost)", base.name), axes[0].key,
              axes.size() > 1 ? axes[1].key : "",
              fmt::format("frame, 1st line: exhaustive verdict (the config's envelope); colour, 2nd line: "
                          "P(loss) over {} clients",
                          clients)};
  h.colour_label = "P(status lost)";
  h.values.resize(nx * ny);
  h.line1.resize(nx * ny);
  h.line2.resize(nx * ny);
  h.frames.resize(nx * ny);
  double top = 0;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    // Cells come with the first axis slowest; the picture has it along x.
    const std::size_t x = c / ny, y = c % ny, i = y * nx + x;
    const auto& r = results[c];
    h.values[i] = r.estimate.p_loss();
    top = std::max(top, r.estimate.p_loss());
    h.line1[i] = std::string(enum_name(r.check.verdict));
    h.line2[i] = p_text(r.estimate);
    h.frames[i] = r.check.verdict == Verdict::Holds      ? plots::Frame::good
                  : r.check.verdict == Verdict::Violated ? plots::Frame::bad
                                                         : plots::Frame::unknown;
  }
  h.colour_max = top > 0 ? top : 1;
  h.frame_legend = {{plots::Frame::good, "HOLDS"},
                    {plots::Frame::bad, "VIOLATED"},
                    {plots::Frame::unknown, "INCONCLUSIVE"}};
  auto files = add_both(set, dir, "heatmap", h);
  if (auto lines = loss_lines(base, axes, cells, results)) {
    auto more = add_both(set, dir, "loss_lines", *lines);
    files.insert(files.end(), more.begin(), more.end());
  }
  return files;
}

}  // namespace cqm::stats
