#pragma once
// The explorers' environment: what the user, Windows and the CAP may do, at quantum boundaries, inside the
// config's envelope (config.env). The exhaustive explorer takes every choice; a counterexample path is turned
// back into a Schedule through the same code, so what is replayed is exactly what was explored.
#include <cstdint>
#include <vector>

#include "model/schedule.hpp"

namespace cqm {

/// Bookkeeping of the environment that the System does not hold.
struct EnvBook {
  Minutes last_on_day = -1;  ///< the last day the user switched the PC on
  Minutes outage_since = 0;
  std::uint8_t outages_used = 0;
  bool operator==(const EnvBook&) const = default;
};

/// One decision at a quantum boundary.
struct Choice {
  enum class Power : std::uint8_t { none, on, off };
  enum class Outage : std::uint8_t { none, start, end };
  Power power = Power::none;
  bool program = false;     ///< the advertised program finishes now
  bool init_fails = false;  ///< the outcome the environment picks for the next start-up
  Outage outage = Outage::none;

  std::uint16_t encode() const;
  static Choice decode(std::uint16_t code);
};

class EnvironmentModel {
 public:
  explicit EnvironmentModel(const Config& config);

  /// The choices the envelope allows at system.now().
  void choices(const System& system, const EnvBook& book, std::vector<Choice>& out) const;
  /// Applies a choice at system.now(); appends the environment events it made to `events` when given.
  void apply(System& system, EnvBook& book, const Choice& choice, std::vector<ScheduleEvent>* events) const;
  /// Nothing further can change a verdict: past the horizon, or the program's statuses are all settled.
  bool is_terminal(const System& system) const;
  /// The end of exploration: every status the program can submit has had its full lifetime.
  Minutes horizon() const { return horizon_; }
  Minutes quantum() const { return config_->env.quantum; }

 private:
  bool init_can_fail() const;
  const Config* config_;
  Minutes horizon_;
};

/// A counterexample path (choices from the initial state) as a Schedule a fresh System can replay, ending
/// at `end`.
Schedule schedule_of_path(const Config& config, const std::vector<std::uint16_t>& path);

}  // namespace cqm
