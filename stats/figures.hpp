#pragma once
// The figures of `estimate` and `sweep`, drawn with stats/plots and added to the command's output set: SVG
// and PNG of each. Same inputs, same bytes.
#include <filesystem>
#include <vector>

#include "stats/sweep.hpp"
#include "writers/atomic_file.hpp"

namespace cqm::stats {

/// The init-failure probabilities of the P(loss) curve `estimate --out` draws.
std::vector<double> curve_probabilities();

/// delay_histogram.{svg,png} (the delivery delays of `e`) and loss_vs_init_failure.{svg,png} (`curve`, one
/// estimate per curve_probabilities(), with the habits' own probability marked), added to `set`. Returns
/// their paths. Throws OutputError when a figure cannot be drawn.
std::vector<std::filesystem::path> add_estimate_figures(OutputSet& set, const std::filesystem::path& dir,
                                                        const Config& config, const Habits& habits,
                                                        const Estimate& e,
                                                        const std::vector<Estimate>& curve);

/// heatmap.{svg,png}: P(loss) as colour, the exhaustive verdict as each cell's frame and first line.
std::vector<std::filesystem::path> add_sweep_figures(OutputSet& set, const std::filesystem::path& dir,
                                                     const Config& base, const std::vector<Axis>& axes,
                                                     const std::vector<Cell>& cells,
                                                     const std::vector<CellResult>& results);

}  // namespace cqm::stats
