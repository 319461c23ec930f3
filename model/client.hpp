#pragma once
// The Windows 9x client's power: the user switches it on and off, programs and SMS restart it. Boot and
// shut-down take time: the client arms the power timer and moves on when it elapses.
#include <algorithm>
#include <array>
#include <boost/describe/class.hpp>
#include <string_view>

#include "model/description.hpp"
#include "model/env.hpp"
#include "model/event.hpp"
#include "model/key_rules.hpp"
#include "model/machine_handle.hpp"

namespace cqm {

struct Client;

struct ClientData {
  Minutes up_since = kNever;  ///< the last start-up (boot completed)
  int start_ups = 0;          ///< start-ups so far
  Minutes last_on_day = -1;   ///< the last day the user switched the PC on (-1: never)
  bool operator==(const ClientData&) const = default;
};
BOOST_DESCRIBE_STRUCT(ClientData, (), (up_since, start_ups, last_on_day))

/// The longest session the envelope tells apart: past it, the user's choices no longer depend on the age.
inline Minutes session_limit(const Config& c) { return std::max(c.env.max_session, c.env.min_session); }

constexpr auto key_rules(const ClientData*) {
  return std::tuple{
      key::kept_against_clock(
          &ClientData::up_since,
          +[](const key::Context& c, Minutes v) { return std::max(v, c.now - session_limit(c.config)); },
          "only the environment reads it, comparing the session's age with min_session and max_session: a "
          "session older than the larger of the two behaves like one exactly that old"),
      key::not_stored(
          &ClientData::start_ups, +[](const key::Context&, const ClientData&) { return 0; },
          "it numbers start-ups for the init plan of a replayed schedule; the exhaustive explorer chooses "
          "each "
          "start-up's outcome instead, and no guard or property reads it"),
      key::kept_against_clock(
          &ClientData::last_on_day,
          +[](const key::Context& c, Minutes v) {
            const Minutes today = c.now / kMinutesPerDay;
            return v < 0 ? v : std::max(v, today - 1 - c.config.env.max_days_off);
          },
          "the user's choices only ask whether the PC was ever switched on, whether it was today, and "
          "whether more than environment.max_days_off days have passed without it: every day before that "
          "acts alike"),
  };
}

CQM_EVENT(powered_on);
CQM_EVENT(shutdown_requested);
CQM_EVENT(restart_requested);
CQM_EVENT(power_timer_elapsed);
/// The user logs off and on again.
CQM_EVENT(logon_requested);

namespace client_fsm {
struct client_;  // the front-end, in model/client_table.hpp
}  // namespace client_fsm

/// The registry entry (model/machines.hpp).
struct Client {
  static constexpr std::string_view name = "Client";
  static constexpr std::string_view stem = "client";
  using Front = client_fsm::client_;
  using Data = ClientData;
  enum class State : std::uint8_t { Off, Booting, Up, ShuttingDown, Restarting };
  static constexpr std::array<std::string_view, 5> states = {"Off", "Booting", "Up", "ShuttingDown",
                                                             "Restarting"};
  static int instances(const Config&) { return 1; }
  static MachineDescription describe();
  /// How a timeline's folded-day summary tells that it entered `state` ("" for the routine ones).
  static std::string summary(int state, const Data&) {
    return state == int(State::Restarting) ? "restart" : "";
  }
};

}  // namespace cqm
