#pragma once
// The explorers' environment: what the user, Windows, the CAP and the programs may do, at quantum boundaries,
// inside the config's envelope (config.env). The exhaustive explorer takes every choice; a counterexample
// path is turned back into a Schedule through the same code, so what is replayed is exactly what was
// explored.
#include <boost/describe/class.hpp>
#include <cstdint>
#include <vector>

#include "model/key_rules.hpp"
#include "model/schedule.hpp"

namespace cqm {

/// Bookkeeping of the environment that the System does not hold: part of the explorer's state.
struct EnvBook {
  Minutes last_on_day = -1;  ///< the last day the user switched the PC on (-1: never)
  Minutes outage_since = 0;  ///< when the current CAP outage began
  int outages_used = 0;
  bool operator==(const EnvBook&) const = default;
};
BOOST_DESCRIBE_STRUCT(EnvBook, (), (last_on_day, outage_since, outages_used))

constexpr auto key_rules(const EnvBook*) {
  return std::tuple{
      key::kept_as(
          &EnvBook::last_on_day,
          +[](const key::Context& c, Minutes v) {
            const Minutes today = c.now / kMinutesPerDay;
            return v < 0 ? v : std::max(v, today - 1 - c.config.env.max_days_off);
          },
          "the user's choices only ask whether the PC was ever switched on, whether it was today, and "
          "whether "
          "more than environment.max_days_off days have passed without it: every day before that acts alike"),
      key::kept_as(
          &EnvBook::outage_since,
          +[](const key::Context& c, Minutes v) { return std::max(v, c.now - c.config.env.max_outage); },
          "it is only compared with environment.max_outage: an outage that long must end, however long ago "
          "it "
          "began"),
  };
}

/// One decision at a quantum boundary.
struct Choice {
  enum class Power : std::uint8_t { none, on, off };
  enum class Outage : std::uint8_t { none, start, end };
  Power power = Power::none;
  std::uint8_t programs = 0;  ///< bit p: program p finishes now
  bool init_fails = false;    ///< the outcome the environment picks for the next start-up
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
  /// Nothing further can change a verdict: past the horizon, or every program is done and the queue is empty.
  bool is_terminal(const System& system) const;
  /// The end of exploration: every status the programs can submit has had its full lifetime.
  Minutes horizon() const { return horizon_; }
  Minutes quantum() const { return config_->env.quantum; }

 private:
  bool init_can_fail() const;
  const Config* config_;
  Minutes horizon_;
};

/// A counterexample path (choices from the initial state) as a Schedule a fresh System can replay.
Schedule schedule_of_path(const Config& config, const std::vector<std::uint16_t>& path);

/// Whether After Running makes the PC restart after the program.
bool restarts_computer(AfterRunning option);

}  // namespace cqm
