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
/// What estimate_json says of the model and the habits (preset, summary, habits_file, habits): a shard
/// carries it, so that merging needs neither.
nlohmann::ordered_json estimate_header(const Config& config, const HabitsSource& habits);
nlohmann::ordered_json estimate_json(const nlohmann::ordered_json& header, std::uint64_t seed,
                                     const Estimate& e, bool with_stats);

std::string sweep_text(const Config& base, const std::vector<Axis>& axes, const std::vector<Cell>& cells,
                       const std::vector<CellResult>& results, bool with_stats);
std::string sweep_csv(const std::vector<Axis>& axes, const std::vector<Cell>& cells,
                      const std::vector<CellResult>& results);
nlohmann::ordered_json sweep_json(const Config& base, const HabitsSource& habits, const SweepOptions& options,
                                  const std::vector<Axis>& axes, const std::vector<Cell>& cells,
                                  const std::vector<CellResult>& results, bool with_stats);

/// What `cqmcheck estimate` found, as one value: the writers below add the files written and the timing.
struct EstimateResult {
  Config config;
  HabitsSource habits;
  EstimateOptions options;
  Estimate estimate;
  std::vector<std::filesystem::path> files;
  bool with_stats = false;
  /// --out's loss-vs-init-failure curve: anything but complete means it was stopped and no figures were
  /// written.
  checker::Outcome curve = checker::Outcome::complete;
};
std::string estimate_text(const EstimateResult& result);
nlohmann::ordered_json estimate_json(const EstimateResult& result);

/// What `cqmcheck sweep` found, as one value.
struct SweepResult {
  Config base;
  HabitsSource habits;
  SweepOptions options;
  std::vector<Axis> axes;
  std::vector<Cell> cells;
  std::vector<CellResult> results;
  std::vector<std::filesystem::path> files;
  bool with_stats = false;
  double seconds = 0;
};
std::string sweep_text(const SweepResult& result);
nlohmann::ordered_json sweep_json(const SweepResult& result);

}  // namespace cqm::stats
