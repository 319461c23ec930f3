#pragma once
// A client inventory agent (hardware or software): a periodic producer of queue items. It runs one interval
// after the client's first start-up and then every interval; its file goes into CQM's queue for its own CAP
// inbox (Q243681: "a hardware or software inventory notifies Copy-Queue to move the resulting inventory file
// to the CAP"). A run that falls while the PC is not up is taken at the next start-up (assumption). A client
// cut off from its CAP thus adds items for as long as it runs — Q263594's "the registry keeps growing".
#include <array>
#include <boost/describe/class.hpp>
#include <string_view>

#include "model/description.hpp"
#include "model/env.hpp"
#include "model/events.hpp"
#include "model/machine_handle.hpp"

namespace cqm {

struct InventoryAgent;

/// Nothing beyond its state: the schedule's due time is its Timer's.
struct InventoryAgentData {
  bool operator==(const InventoryAgentData&) const = default;
};
BOOST_DESCRIBE_STRUCT(InventoryAgentData, (), ())

/// The agent's schedule came. The route says whether the client is up to run it.
struct inventory_due {
  static constexpr const char* name() { return "inventory_due"; }
  bool client_up;
};

namespace inventory_agent_fsm {
struct inventory_agent_;  // the front-end, in model/inventory_agent_table.hpp
}  // namespace inventory_agent_fsm

/// The registry entry (model/machines.hpp): one instance per agent the config turns on.
struct InventoryAgent {
  static constexpr std::string_view name = "InventoryAgent";
  static constexpr std::string_view stem = "inventory_agent";
  using Front = inventory_agent_fsm::inventory_agent_;
  using Data = InventoryAgentData;
  enum class State : std::uint8_t { NotStarted, Scheduled, Missed };
  static constexpr std::array<std::string_view, 3> states = {"NotStarted", "Scheduled", "Missed"};
  static int instances(const Config& c) { return c.model.inventory_agents(); }
  static constexpr bool many = true;  ///< instances are named Name[i]
  static MachineDescription describe();
};

}  // namespace cqm
