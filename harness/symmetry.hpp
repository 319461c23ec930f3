#pragma once
// Symmetry reduction for a site of identical clients: the clients of a state are put in a canonical order
// before its key is stored, so that K clients in K! orders are one state. The clients are alike — one config
// describes them all — and nothing of one client refers to another by index, so a permutation of their blocks
// is a state the model treats the same way. Counterexamples still name real clients: the path is replayed
// with the permutation of each step (harness/environment.cpp, schedule_of_path).
#include <array>

#include "harness/environment.hpp"

namespace cqm {

/// Puts the clients of `s` in canonical order: order[j] is the client (of `s` as given) now at position j.
/// The order compares each client's block — every per-client machine's instances, state then described data,
/// in registry order — and its planned init outcome; equal clients keep their order. Returns whether any
/// client moved (`s` is untouched when none did).
bool canonical_order(const Config& config, SystemSnapshot& s, std::array<int, kMaxSearchClients>& order);

/// A config's clients and each machine's instances per client (M::instances, by registry index), counted
/// once: a count walks the config (for QueueItem every program's statuses), and a search of four clients
/// sorted its successors' clients with about 30 counts each.
struct ClientBlocks {
  explicit ClientBlocks(const Config& config);
  int clients = 1;
  std::array<int, kMachines> per_client{};
};
/// canonical_order(config, s, order) with the counts made once.
bool canonical_order(const ClientBlocks& blocks, SystemSnapshot& s,
                     std::array<int, kMaxSearchClients>& order);

}  // namespace cqm
