#pragma once
// The subcommands of cqmcheck. Each returns the process exit code: 0 ok / holds, 1 violated, 2 bad input,
// 3 inconclusive. Bad input is thrown as InputError and turned into exit 2 by main.
#include <CLI/CLI.hpp>
#include <atomic>
#include <string>

#include "apps/cqmcheck/options.hpp"
#include "harness/check.hpp"
#include "model/config.hpp"
#include "results/check_result.hpp"
#include "writers/atomic_file.hpp"
#include "writers/counterexample_files.hpp"

namespace cqm::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitViolated = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitInconclusive = 3;
inline constexpr int kExitInterrupted = 130;  ///< Ctrl-C / SIGTERM after a counterexample was written

/// Thrown by a command's callback to end the process with a code other than 0.
struct ExitCode {
  int code;
};

/// --preset NAME or --config FILE (one of them), as every command that runs the model takes them.
struct ModelChoice {
  std::string preset;
  std::string config_file;
  void add_to(CLI::App& app, const std::string& default_preset);
  Config load() const;
};

/// Flags every exploring command takes.
struct SearchFlags {
  std::uint64_t seed = 1;
  std::uint64_t runs = 0;
  int threads = 2;
  std::uint64_t max_states = 0;
  std::uint64_t max_memory = 0;  ///< bytes; 0: half the machine's memory
  double max_seconds = 0;
  std::string format = "text";
  bool quiet = false;
  bool exact_states = false;
  bool no_symmetry = false;
  bool fingerprints = false;
  bool uncompressed = false;
  bool coverage = false;
  void add_to(CLI::App& cmd);
  CheckOptions options(const std::atomic<bool>* interrupted) const;
};

/// Adds each counterexample of the report under `out` to the command's output set: check puts the first
/// straight into `out`, suite each explorer's into a sub-folder. Pictures `ahead` has started (as the search
/// found them) are taken from it.
std::vector<Evidence> add_evidence(OutputSet& set, const CheckReport& report,
                                   const std::filesystem::path& out, bool first_straight_in,
                                   const RenderAhead& ahead = RenderAhead());

/// Set by SIGINT/SIGTERM: searches stop as soon as they can and report what they have.
const std::atomic<bool>* interrupt_flag();

void add_simulate(CLI::App& app);
void add_check(CLI::App& app);
void add_replay(CLI::App& app);
void add_suite(CLI::App& app);
void add_report(CLI::App& app);
void add_merge(CLI::App& app);
void add_estimate(CLI::App& app);
void add_sweep(CLI::App& app);
void add_presets(CLI::App& app);
void add_diagrams(CLI::App& app);

}  // namespace cqm::cli
