#pragma once
// How estimate and sweep print and save: text tables, --format json, and the sweep's CSV and JSON files.
// Timings appear only when asked for (--stats), so the same inputs give the same bytes.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "stats/sweep.hpp"

namespace cqm::stats {

/// Where the habits came from, for the reports: a file, or the defaults.
struct HabitsSource {
  Habits habits;
  std::string file;  ///< empty: the defaults of stats/habits.hpp
};

/// "0 min", "45 min", "22 h 58 min", "2 d 01 h 05 min".
std::string duration_text(Minutes minutes);

std::string estimate_text(const Config& config, const HabitsSource& habits, const EstimateOptions& options,
                          const Estimate& e, bool with_stats);
nlohmann::ordered_json estimate_json(const Config& config, const HabitsSource& habits,
                                     const EstimateOptions& options, const Estimate& e, bool with_stats);

std::string sweep_text(const Config& base, const std::vector<Axis>& axes, const std::vector<Cell>& cells,
                       const std::vector<CellResult>& results, bool with_stats);
std::string sweep_csv(const std::vector<Axis>& axes, const std::vector<Cell>& cells,
                      const std::vector<CellResult>& results);
nlohmann::ordered_json sweep_json(const Config& base, const HabitsSource& habits, const SweepOptions& options,
                                  const std::vector<Axis>& axes, const std::vector<Cell>& cells,
                                  const std::vector<CellResult>& results, bool with_stats);

}  // namespace cqm::stats
