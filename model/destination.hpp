#pragma once
// CQM's view of one CAP inbox: statmsgs.box, and the inventory agents' inboxes when they are modelled, each
// with its own retry state (model/config.hpp, ModelSettings::inbox). A copy cycle services each: with items
// queued it copies them if it can (the connection is established and the CAP is up), else it is found
// inaccessible and waits to retry — until the next wake-up (the KB's "retry set to 1") or, with the
// short-retry fix, a retry interval. Cycles before the retry is due log "not yet ready for retry": the KB's
// log. The retry state is in CQM's memory: a CQM stop resets it.
#include <array>
#include <boost/describe/class.hpp>
#include <string_view>

#include "model/description.hpp"
#include "model/env.hpp"
#include "model/events.hpp"
#include "model/machine_handle.hpp"

namespace cqm {

struct Destination;

struct DestinationData {
  int retry_count = 0;         ///< KB: "-Destination[...] retry set to N"
  Minutes retry_due = kNever;  ///< when the retry policy allows the next try
  int received = 0;  ///< items this inbox has received (delivered_at_most_once counts statmsgs.box's)
  bool operator==(const DestinationData&) const = default;
};
BOOST_DESCRIBE_STRUCT(DestinationData, (), (retry_count, retry_due, received))

/// A copy cycle services the destination. The route fills in what the decision needs from the world.
struct service_requested {
  static constexpr const char* name() { return "service_requested"; }
  bool has_items;        ///< items are queued for it
  bool connection_ok;    ///< CQM's connection to the CAP is established
  bool cap_up;           ///< the CAP itself is up (no outage)
  Minutes next_wake_up;  ///< when CQM's wake-up timer is due
};
/// The connection was re-established by the reconnect fix: the retry wait is void.
CQM_EVENT(reconnected);
/// A queued item reached the CAP.
CQM_EVENT(item_received);

namespace destination_fsm {
struct destination_;  // the front-end, in model/destination_table.hpp
}  // namespace destination_fsm

/// The registry entry (model/machines.hpp).
struct Destination {
  static constexpr std::string_view name = "Destination";
  static constexpr std::string_view stem = "destination";
  using Front = destination_fsm::destination_;
  using Data = DestinationData;
  enum class State : std::uint8_t { Accessible, RetryPending };
  static constexpr std::array<std::string_view, 2> states = {"Accessible", "RetryPending"};
  static int instances(const Config& c) { return c.model.destinations(); }
  static constexpr bool many = true;  ///< instances are named Name[i]
  static MachineDescription describe();
  /// A timeline shows the count: "retry set to 1" every morning is the KB's clue that the retry never comes.
  static std::string note(int state, const Data& d) {
    return state == int(State::RetryPending) ? "retry " + std::to_string(d.retry_count) : "";
  }
  static std::string summary(int state, const Data& d) {
    return state == int(State::RetryPending) ? "retry set to " + std::to_string(d.retry_count) : "";
  }
};

}  // namespace cqm
