#pragma once
// The client's registry, where CQM keeps its queue (Q263594: "Copy Queue Manager on the client begins adding
// registry entries until the registry is filled to its capacity. This causes the loss of the user's
// profile"). It counts nothing itself: each item CQM stores comes with the queue's size, and past
// client.registry_capacity the registry is Full — the user's profile is lost, for good (Q189119). The
// explorers stop there.
#include <array>
#include <boost/describe/class.hpp>
#include <string_view>

#include "model/description.hpp"
#include "model/env.hpp"
#include "model/event.hpp"
#include "model/machine_handle.hpp"

namespace cqm {

struct Registry;

/// Nothing beyond its state: the queue's size comes with each item stored.
struct RegistryData {
  bool operator==(const RegistryData&) const = default;
};
BOOST_DESCRIBE_STRUCT(RegistryData, (), ())

/// CQM stored a queue item; `items` is how many the queue holds now.
struct item_stored {
  static constexpr const char* name() { return "item_stored"; }
  int items;
};

namespace registry_fsm {
struct registry_;  // the front-end, in model/registry_table.hpp
}  // namespace registry_fsm

/// The registry entry (model/machines.hpp). Not `many`: its one instance, when there is one, is "Registry".
struct Registry {
  static constexpr std::string_view name = "Registry";
  static constexpr std::string_view stem = "registry";
  using Front = registry_fsm::registry_;
  using Data = RegistryData;
  enum class State : std::uint8_t { HasRoom, Full };
  static constexpr std::array<std::string_view, 2> states = {"HasRoom", "Full"};
  /// Modelled with the inventory agents: without them the queue holds a few status messages at most.
  static int instances(const Config& c) { return c.model.inventory_agents() > 0 ? 1 : 0; }
  static MachineDescription describe();
  static std::string summary(int state, const Data&) {
    return state == int(State::Full) ? "registry full, profile lost" : "";
  }
};

}  // namespace cqm
