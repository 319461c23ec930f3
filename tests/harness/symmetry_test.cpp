// Symmetry reduction over a site's identical clients: the same verdicts as the search that keeps every order,
// and a fraction of its states — near 1/K! — and counterexamples that still name the real clients and replay.
#include "harness/symmetry.hpp"

#include <gtest/gtest.h>

#include <set>

#include "harness/check.hpp"
#include "harness/state_codec.hpp"

namespace cqm {
namespace {

/// Q301352's site with K clients in a small envelope: every PC on at 08:00 and left on, the program
/// finishing at 10:00, 11:00 or 12:00 on each client (a 60-minute grid).
Config site(int clients, int service_pack) {
  Config c = *find_preset(service_pack >= 4 ? "kb-q301352-sp4" : "kb-q301352");
  c.model.site.clients = clients;
  c.env.on_until = c.env.on_from;
  c.env.programs[0].from = 600;
  c.env.programs[0].until = 780;
  return c;
}

ExplorerReport search(const Config& c, bool symmetry) {
  CheckOptions o;
  o.explorers = {ExplorerKind::exhaustive};
  o.threads = 1;
  o.symmetry = symmetry;
  return check_exhaustive(c, o);
}

// The counts the note and doc/performance.md quote; a change to the model's state space shows here.
TEST(symmetry, pins_the_state_counts_with_and_without_it_for_two_three_and_four_clients) {
  const std::uint64_t with[] = {47, 116, 266};
  const std::uint64_t without[] = {74, 434, 2846};
  for (int k = 2; k <= 4; ++k) {
    const auto reduced = search(site(k, 4), true);
    const auto full = search(site(k, 4), false);
    EXPECT_EQ(reduced.search.states, with[k - 2]) << k << " clients";
    EXPECT_EQ(full.search.states, without[k - 2]) << k << " clients";
    for (const auto& p : full.properties)
      EXPECT_EQ(reduced.result_of(p.property->name)->verdict, p.verdict) << k << " " << p.property->name;
  }
}

TEST(symmetry, finds_the_same_violations_and_its_counterexample_names_real_clients) {
  for (int k = 2; k <= 3; ++k) {
    const auto reduced = search(site(k, 3), true);
    const auto full = search(site(k, 3), false);
    const PropertyResult* r = reduced.result_of("status_reaches_site_database");
    const PropertyResult* f = full.result_of("status_reaches_site_database");
    ASSERT_EQ(r->verdict, Verdict::Violated) << k;
    ASSERT_EQ(f->verdict, Verdict::Violated) << k;
    EXPECT_EQ(r->path_length, f->path_length) << "the shortest counterexample is as short";
    // Replayed through a fresh System (check's confirm did): a collision needs two real clients' events.
    std::set<int> clients;
    for (const auto& e : r->counterexample->schedule.events)
      if (e.action == EnvAction::program_finishes) clients.insert(e.client);
    EXPECT_GE(clients.size(), 2u) << k;
  }
}

TEST(symmetry, canonical_order_sorts_client_blocks_and_their_init_bits) {
  const Config c = site(3, 3);
  System system(c);
  system.power_on(2);  // client 2 is booting, the others are off
  system.plan_next_init(InitOutcome::failed, 2);
  SystemSnapshot s = system.snapshot();
  std::array<int, kMaxSearchClients> order{};
  EXPECT_FALSE(canonical_order(c, s, order)) << "no client moved";
  EXPECT_EQ(s, system.snapshot());
  // Off sorts before Booting: client 2 moves last; 0 and 1 are alike and keep their order.
  EXPECT_EQ(order[0], 0);
  EXPECT_EQ(order[1], 1);
  EXPECT_EQ(order[2], 2);
  system.reset();
  system.power_on(0);
  system.plan_next_init(InitOutcome::failed, 0);
  s = system.snapshot();
  EXPECT_TRUE(canonical_order(c, s, order));
  EXPECT_EQ(order[0], 1);
  EXPECT_EQ(order[1], 2);
  EXPECT_EQ(order[2], 0);
  EXPECT_EQ(s.all<Client>()[2].state, int(Client::State::Booting)) << "the booting client's block moved last";
  EXPECT_EQ(s.inputs.next_init_fails, 4) << "its planned failure moved with it";
}

// The search moves the clients' blocks within the key instead of packing the reordered state: the same key,
// down to the init plan's bits in the header.
TEST(symmetry, a_key_with_its_clients_moved_is_the_reordered_state_packed) {
  const Config c = site(3, 3);
  const StateCodec codec(c, 3 * kMinutesPerDay, false);
  System system(c);
  system.power_on(0);
  system.plan_next_init(InitOutcome::failed, 0);
  system.power_on(1);
  SystemSnapshot s = system.snapshot();
  std::vector<std::uint64_t> key(codec.words()), whole(codec.words());
  codec.pack(s, EnvBook{}, key.data());
  std::array<int, kMaxSearchClients> order{};
  ASSERT_TRUE(canonical_order(c, s, order));
  EXPECT_EQ(order[0], 2) << "the client that is off first";
  codec.reorder_clients(key.data(), s, EnvBook{}, std::span<const int>(order.data(), 3));
  codec.pack(s, EnvBook{}, whole.data());
  EXPECT_EQ(key, whole);
}

}  // namespace
}  // namespace cqm
