#pragma once
// The figures of `estimate` and `sweep`, drawn with stats/plots and written with write_file_atomic: SVG and
// PNG of each. Same inputs, same bytes.
#include <filesystem>
#include <vector>

#include "stats/sweep.hpp"

namespace cqm::stats {

/// The init-failure probabilities of the P(loss) curve `estimate --out` draws.
std::vector<double> curve_probabilities();

/// delay_histogram.{svg,png} (the delivery delays of `e`) and loss_vs_init_failure.{svg,png} (`curve`, one
/// estimate per curve_probabilities(), with the habits' own probability marked). Returns the files written.
std::vector<std::filesystem::path> write_estimate_figures(const std::filesystem::path& dir,
                                                          const Config& config, const Habits& habits,
                                                          const Estimate& e,
                                                          const std::vector<Estimate>& curve);

/// heatmap.{svg,png}: P(loss) as colour, the exhaustive verdict as each cell's frame and first line.
std::vector<std::filesystem::path> write_sweep_figures(const std::filesystem::path& dir, const Config& base,
                                                       const std::vector<Axis>& axes,
                                                       const std::vector<Cell>& cells,
                                                       const std::vector<CellResult>& results);

}  // namespace cqm::stats
