#pragma once
// The explorers' environment: what the user, Windows, the CAP and the programs may do, at quantum boundaries,
// inside the config's envelope (config.env). The exhaustive explorer takes every choice; a counterexample
// path is turned back into a Schedule through the same code, so what is replayed is exactly what was
// explored.
#include <array>
#include <boost/container/static_vector.hpp>
#include <boost/describe/class.hpp>
#include <cstdint>
#include <vector>

#include "model/key_rules.hpp"
#include "model/schedule.hpp"

namespace cqm {

/// Bookkeeping of the environment that the System does not hold: part of the explorer's state.
/// The user's last power-on is each client's (ClientData::last_on_day); these are the site's CAP outages.
struct EnvBook {
  Minutes outage_since = 0;  ///< when the current CAP outage began
  int outages_used = 0;
  bool operator==(const EnvBook&) const = default;
};
BOOST_DESCRIBE_STRUCT(EnvBook, (), (outage_since, outages_used))

constexpr auto key_rules(const EnvBook*) {
  return std::tuple{
      key::kept_against_clock(
          &EnvBook::outage_since,
          +[](const key::Context& c, Minutes v) { return std::max(v, c.now - c.config.env.max_outage); },
          "it is only compared with environment.max_outage: an outage that long must end, however long ago "
          "it "
          "began"),
  };
}

/// The most clients the exhaustive explorer takes in one site (its state space grows as the power of them).
inline constexpr int kMaxSearchClients = 4;

/// One decision at a quantum boundary: each client's, and the CAP's (every client's).
struct Choice {
  enum class Power : std::uint8_t { none, on, off };
  enum class Outage : std::uint8_t { none, start, end };
  struct OfClient {
    Power power = Power::none;
    std::uint8_t programs = 0;  ///< bit p: program p finishes now
    bool init_fails = false;    ///< the outcome the environment picks for the next start-up
  };
  static_assert(kMaxPrograms <= 8, "OfClient::programs has a bit for each program");
  std::array<OfClient, kMaxSearchClients> clients{};
  Outage outage = Outage::none;
  /// Client 0's parts (a site of one client).
  Power power() const { return clients[0].power; }
  std::uint8_t programs() const { return clients[0].programs; }
  /// Every client's programs finishing now, as one mask over the config's programs.
  std::uint32_t any_programs() const;
};

class EnvironmentModel {
 public:
  /// The most options one client has at once: power (none, or on or off), every subset of its programs,
  /// and the next start-up's outcome.
  static constexpr std::size_t kMaxClientChoices = 2 * (std::size_t{1} << kMaxPrograms) * 2;
  /// One client's options, on the stack: choices() is called for every state a search expands.
  using ClientChoices = boost::container::static_vector<Choice::OfClient, kMaxClientChoices>;

  explicit EnvironmentModel(const Config& config);

  /// The choices the envelope allows at system.now(), in a fixed order: a path stores each as its index.
  void choices(const System& system, const EnvBook& book, std::vector<Choice>& out) const;
  /// Applies a choice at system.now(); appends the environment events it made to `events` when given.
  /// `client_of[j]` is the client the choice's part j is for (the identity when null).
  void apply(System& system, EnvBook& book, const Choice& choice, std::vector<ScheduleEvent>* events,
             const int* client_of = nullptr) const;
  /// Nothing further can change a verdict: past the horizon, or settled.
  bool is_terminal(const System& system) const;
  /// Nothing the environment does from here on can change a verdict, whatever the clock: every client is
  /// done (its programs done and its queue empty, or with inventory agents its registry full) and no status
  /// is on its way through the site. The random explorer ends a run here, as the exhaustive explorer ends a
  /// path (tests/harness/settled_test.cpp holds the two to the same verdicts on every preset).
  bool settled(const System& system) const;
  /// The end of exploration: every status the programs can submit has had its full lifetime.
  Minutes horizon() const { return horizon_; }
  Minutes quantum() const { return config_->env.quantum; }

 private:
  bool init_can_fail() const;
  void client_choices(const System& s, ClientChoices& out) const;
  /// The focused client can change no verdict any more (the inventory agents' registry full, or its
  /// programs done and its queue empty).
  bool client_done(const System& s) const;
  const Config* config_;
  Minutes horizon_;
};

/// Whether After Running makes the PC restart after the program.
bool restarts_computer(AfterRunning option);

}  // namespace cqm
