#include "model/machines.hpp"

#include <array>

namespace cqm {
namespace {

struct Entry {
  std::string_view name;
  std::span<const std::string_view> states;
  bool many;
  MachineDescription (*describe)();
  int (*per_client)(const Config&);
  bool past_cap;
};

const std::array<Entry, kMachines>& entries() {
  static const auto table = [] {
    std::array<Entry, kMachines> out{};
    std::size_t i = 0;
    for_each_machine([&]<class M>(std::type_identity<M>) {
      out[i++] = {M::name,      std::span<const std::string_view>(M::states),    has_many<M>(),
                  &M::describe, [](const Config& c) { return M::instances(c); }, past_cap<M>()};
    });
    return out;
  }();
  return table;
}

}  // namespace

std::string_view machine_name(std::size_t machine) { return entries().at(machine).name; }
std::span<const std::string_view> machine_states(std::size_t machine) { return entries().at(machine).states; }
bool machine_past_cap(std::size_t machine) { return entries().at(machine).past_cap; }

std::size_t machine_of(std::string_view name) {
  for (std::size_t i = 0; i < kMachines; ++i)
    if (entries()[i].name == name) return i;
  return kMachines;
}

std::string instance_label(std::size_t machine, int instance) {
  const Entry& e = entries().at(machine);
  std::string out(e.name);
  if (e.many) out += "[" + std::to_string(instance) + "]";
  return out;
}

std::string instance_label(const Config& config, std::size_t machine, int global) {
  const int clients = config.model.site.clients;
  const int per_client = entries().at(machine).per_client(config);
  if (clients == 1) return instance_label(machine, global);
  if (per_client == 0) return instance_label(machine, global);  // the site's own
  const int client = global / per_client;
  if (client >= clients)  // a per-client machine's site instances (the site's timers)
    return std::string(entries().at(machine).name) + "[site " +
           std::to_string(global - clients * per_client) + "]";
  return "client " + std::to_string(client) + ": " + instance_label(machine, global % per_client);
}

std::vector<MachineDescription> describe_all() {
  std::vector<MachineDescription> out;
  for (const Entry& e : entries()) out.push_back(e.describe());
  return out;
}

}  // namespace cqm
