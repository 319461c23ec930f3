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

/// The parts of canonical_order(), for the search, which moves the blocks within the key instead
/// (StateCodec::reorder_clients) and so needs only the header's part of the state reordered:
/// the order, leaving `s` as it is (returns whether any client moves);
bool order_of_clients(const Config& config, const SystemSnapshot& s,
                      std::array<int, kMaxSearchClients>& order);
/// every per-client machine's blocks put in `order`;
void reorder_blocks(const Config& config, SystemSnapshot& s, const std::array<int, kMaxSearchClients>& order);
/// the init plan's bits (the inputs, in the key's header) put in `order`.
void reorder_init_plan(const Config& config, SystemSnapshot& s,
                       const std::array<int, kMaxSearchClients>& order);

}  // namespace cqm
