#pragma once
// The sweep: a grid over configuration and habit keys; for every cell the exhaustive verdict of
// delivered_before_expiry (within the config's environment envelope) and the estimated P(loss) (for the
// habits' population). Which settings are safe, and how unsafe the others are.
#include <atomic>
#include <string>
#include <vector>

#include "checker/search.hpp"
#include "stats/estimate.hpp"

namespace cqm::stats {

/// One `--vary KEY=V1,V2,...`.
struct Axis {
  std::string argument;  ///< as typed, for error messages: "cycle=60,240"
  std::string given;     ///< the key as typed: "cycle"
  std::string key;       ///< the full key: "cqm.wake_up_cycle", "habits.init.failure_probability"
  std::vector<std::string> values;
};

/// A heat map has two axes.
inline constexpr std::size_t kMaxAxes = 2;
/// The largest grid a sweep takes (doc/estimate.md): each cell is an exhaustive search and an estimate, so
/// even this many is hours; past it make_grid refuses before building anything.
inline constexpr std::size_t kMaxCells = 10'000;

/// Parses "KEY=V1,V2,..." and resolves aliases. Throws InputError naming the argument for a missing '=', an
/// empty list or an empty value. Whether the key exists is checked by make_grid.
Axis parse_axis(const std::string& argument);

/// The short aliases --vary accepts, "alias = full.key" one a line, for --help and doc/estimate.md.
std::string alias_help();

struct Cell {
  std::vector<std::string> values;  ///< one per axis
  std::string label;                ///< "cycle=60 lifetime=2880"
  Config config;
  Habits habits;
};

/// The number of cells `axes` make (their sizes multiplied), as make_grid would build them.
std::size_t grid_size(const std::vector<Axis>& axes);

/// Every cell of the grid, the first axis varying slowest. Throws InputError (naming the --vary argument) for
/// more than kMaxAxes axes, more than kMaxCells cells, a key given twice, an unknown key, a mistyped value or
/// one the config's or the habits' validation rejects. When `interrupted` is set while the grid is built,
/// returns the cells built so far (fewer than the grid has).
std::vector<Cell> make_grid(const Config& base, const Habits& habits, const std::vector<Axis>& axes,
                            const std::atomic<bool>* interrupted = nullptr);

struct CellVerdict {
  Verdict verdict = Verdict::Inconclusive;  ///< of delivered_before_expiry
  std::string note;                         ///< why INCONCLUSIVE
  std::uint64_t states = 0;
  double seconds = 0;
};

struct CellResult {
  CellVerdict check;
  Estimate estimate;
};

struct SweepOptions {
  EstimateOptions estimate;
  checker::Limits limits;  ///< per cell's exhaustive search; a limit makes the cell INCONCLUSIVE
  double max_seconds = 0;  ///< the whole sweep (0: none); past it the sweep stops
  int threads = 2;         ///< for the exhaustive explorer
};

/// The cells done, in order, and why the sweep ended: complete (every cell), or the whole sweep's time limit,
/// a signal, or a limit that stopped a cell's estimate (a truncated estimate is not a cell's answer).
struct SweepRun {
  std::vector<CellResult> results;
  checker::Outcome stop = checker::Outcome::complete;
};

/// The exhaustive verdict of delivered_before_expiry on one config: HOLDS, VIOLATED (a confirmed
/// counterexample of this property), or INCONCLUSIVE (a limit, a horizon beyond the explorer's state
/// encoding, or another property violated first).
CellVerdict exhaustive_verdict(const Config& config, const checker::Limits& limits, int threads);

SweepRun run_sweep(const std::vector<Cell>& cells, const SweepOptions& options);

}  // namespace cqm::stats
