#pragma once
// CQM's connection to the CAP. KB: "On some clients, Copy Queue Manager may not be able to initialize
// correctly upon startup, which can produce an inaccessible connection to a client access point" — the CAP
// itself is fine. Whether the initialisation fails is decided here (the race, the OS, the environment's bound
// on failures in a row); so is whether a later re-initialisation — by a timed copy cycle, or by the reconnect
// fix's timer — repairs it (config cqm.late_reinit_succeeds, the same assumption for both).
#include <algorithm>
#include <array>
#include <boost/describe/class.hpp>
#include <string_view>

#include "model/description.hpp"
#include "model/env.hpp"
#include "model/events.hpp"
#include "model/key_rules.hpp"
#include "model/machine_handle.hpp"

namespace cqm {

struct Connection;

struct ConnectionData {
  Minutes started_at = kNever;  ///< when CQM started and initialised it
  int failures_in_a_row = 0;    ///< initialisations that failed at consecutive start-ups
  bool operator==(const ConnectionData&) const = default;
};
BOOST_DESCRIBE_STRUCT(ConnectionData, (), (started_at, failures_in_a_row))

constexpr auto key_rules(const ConnectionData*) {
  return std::tuple{
      key::kept_against_clock(
          &ConnectionData::started_at,
          +[](const key::Context& c, Minutes v) { return std::max(v, c.now - c.config.model.race_window); },
          "it is only compared with now - init.race_window (is the start-up race over?) and the reconnect "
          "timer is armed from max(now, started_at + race_window): once the race is over every start time "
          "acts alike"),
      key::kept_as(
          &ConnectionData::failures_in_a_row,
          +[](const key::Context& c, int v) {
            const int bound = c.config.env.max_init_failures_in_a_row;
            return bound < 0 ? 0 : std::min(v, bound);
          },
          "it is only compared with environment.max_init_failures_in_a_row: unbounded, it changes nothing; "
          "bounded, every count from the bound on acts alike"),
  };
}

/// CQM started: initialise. The route fills in what decides the outcome: the outcome the environment planned
/// for this start-up, and whether work races it ("moments later": a status the restart left, a deferred
/// program, items loaded from the queue on disk).
struct connect_requested {
  static constexpr const char* name() { return "connect_requested"; }
  bool planned_failure;
  bool work_racing;
};
CQM_EVENT(reinit_requested);
CQM_EVENT(reconnect_timer_elapsed);
/// A destination was found inaccessible through this connection.
CQM_EVENT(link_found_down);

namespace connection_fsm {
struct connection_;  // the front-end, in model/connection_table.hpp
}  // namespace connection_fsm

/// The registry entry (model/machines.hpp).
struct Connection {
  static constexpr std::string_view name = "Connection";
  static constexpr std::string_view stem = "connection";
  using Front = connection_fsm::connection_;
  using Data = ConnectionData;
  enum class State : std::uint8_t { Closed, Broken, Established };
  static constexpr std::array<std::string_view, 3> states = {"Closed", "Broken", "Established"};
  static int instances(const Config&) { return 1; }
  static MachineDescription describe();
  static std::string summary(int state, const Data&) {
    return state == int(State::Broken) ? "init failed" : state == int(State::Established) ? "init ok" : "";
  }
};

}  // namespace cqm
