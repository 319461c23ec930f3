#pragma once
// The machine registry: every machine of the model, once, in the order the System holds them, the snapshot
// and the state key store them, and the trace, the timeline and the diagrams show them. Nothing else lists
// machines: adding one is its header and .cpp in model/ and one entry here (README, "Adding a machine").
//
// A registry entry is a struct with: `name`, `stem` (its header's and diagram's file stem), `Front` (its MSM
// front-end), `Data` (its described data), `State` and `states` (its states by MSM id), `instances(config)`,
// `describe()` (its transition table as data), and `many = true` when it has one instance per something;
// `site_instances(config)` when the site holds some of its own (not one per client); `past_cap = true` for
// the second half of a status's path (the overview groups the two halves);
// optionally `in_timeline = false`, `lane_when_used = true`, `note(state, data)` and `summary(state, data)`
// for the trace pictures.
#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include "model/apm.hpp"
#include "model/cap_inbox.hpp"
#include "model/client.hpp"
#include "model/connection.hpp"
#include "model/copy_queue.hpp"
#include "model/destination.hpp"
#include "model/inventory_agent.hpp"
#include "model/program.hpp"
#include "model/queue_item.hpp"
#include "model/registry.hpp"
#include "model/status_file.hpp"
#include "model/status_manager.hpp"
#include "model/timer.hpp"

namespace cqm {

using Machines = boost::mp11::mp_list<Client, AdvertisedProgramsManager, Program, InventoryAgent,
                                      CopyQueueManager, Connection, Destination, QueueItem, Registry,
                                      StatusFile, CapInbox, StatusManager, Timer>;

inline constexpr std::size_t kMachines = boost::mp11::mp_size<Machines>::value;
template <class M>
inline constexpr std::size_t machine_index = boost::mp11::mp_find<Machines, M>::value;

/// Calls f(std::type_identity<M>{}) for each machine M, in registry order.
template <class F>
constexpr void for_each_machine(F&& f) {
  boost::mp11::mp_for_each<boost::mp11::mp_transform<std::type_identity, Machines>>(f);
}

template <class M>
constexpr bool has_many() {
  if constexpr (requires { M::many; })
    return M::many;
  else
    return false;
}

template <class M>
constexpr bool in_timeline() {
  if constexpr (requires { M::in_timeline; })
    return M::in_timeline;
  else
    return true;
}

/// Instances of the site's own (past the CAP, one per site): `site_instances(config)`, 0 when the entry has
/// none. A machine's `instances(config)` are one client's; a site of site.clients clients holds that many
/// blocks of them, then the site's.
template <class M>
int site_instances(const Config& c) {
  if constexpr (requires { M::site_instances(c); })
    return M::site_instances(c);
  else
    return 0;
}
/// Every instance of the machine in a site model: each client's block, then the site's.
template <class M>
int total_instances(const Config& c) {
  return M::instances(c) * c.model.site.clients + site_instances<M>(c);
}

/// Past the CAP (`past_cap = true`): the second half of a status's path, the CAP's inbox and the site server.
template <class M>
constexpr bool past_cap() {
  if constexpr (requires { M::past_cap; })
    return M::past_cap;
  else
    return false;
}

/// A machine whose instances get a timeline lane only in a story where they leave their initial state
/// (`lane_when_used = true`: the site's status files, Absent in every client-side story).
template <class M>
constexpr bool lane_when_used() {
  if constexpr (requires { M::lane_when_used; })
    return M::lane_when_used;
  else
    return false;
}

/// The optional presentation of a registry entry: a short note beside a state in a timeline ("retry 1"), and
/// a phrase for a folded day's summary ("init failed"); empty when the entry has none.
template <class M>
std::string machine_note(int state, const typename M::Data& data) {
  if constexpr (requires { M::note(state, data); })
    return M::note(state, data);
  else
    return {};
}
template <class M>
std::string machine_summary(int state, const typename M::Data& data) {
  if constexpr (requires { M::summary(state, data); })
    return M::summary(state, data);
  else
    return {};
}

/// By registry index: the machine's name and its states' names; whether it is past the CAP; whether it has
/// one instance per client (the Timer, which has both, counts as the client's).
std::string_view machine_name(std::size_t machine);
bool machine_past_cap(std::size_t machine);
std::span<const std::string_view> machine_states(std::size_t machine);
/// The registry index of a machine's name, or kMachines.
std::size_t machine_of(std::string_view name);
/// "Client", "Program[1]": how traces, timelines and refusals name an instance.
std::string instance_label(std::size_t machine, int instance);
/// The same across a site of several clients: instance `global` of group<M>(), "client 1: QueueItem[0]"; a
/// site of one client labels as above.
std::string instance_label(const Config& config, std::size_t machine, int global);
/// Every machine's transition table, in registry order.
std::vector<MachineDescription> describe_all();

}  // namespace cqm
