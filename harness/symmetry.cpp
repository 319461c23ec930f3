#include "harness/symmetry.hpp"

#include <algorithm>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <numeric>

#include "properties/property.hpp"

namespace cqm {
namespace {

/// -1, 0 or 1: a described struct member by member, in declaration order.
template <class T>
int compare_described(const T& a, const T& b) {
  int out = 0;
  boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>([&](auto m) {
    if (out != 0) return;
    const auto& x = a.*m.pointer;
    const auto& y = b.*m.pointer;
    out = x < y ? -1 : (y < x ? 1 : 0);
  });
  return out;
}

/// Each machine's instances per client in a site's snapshot, by registry index.
using PerClient = std::array<int, kMachines>;

/// -1, 0 or 1: client a's block against client b's.
int compare_clients(const PerClient& per_client, const SystemSnapshot& s, int a, int b) {
  int out = 0;
  for_each_machine([&]<class M>(std::type_identity<M>) {
    const int n = per_client[machine_index<M>];
    const auto& all = s.all<M>();
    for (int i = 0; i < n && out == 0; ++i) {
      const auto& x = all[static_cast<std::size_t>(n * a + i)];
      const auto& y = all[static_cast<std::size_t>(n * b + i)];
      out = x.state < y.state ? -1 : (y.state < x.state ? 1 : compare_described(x.data, y.data));
    }
  });
  if (out != 0) return out;
  const int fa = s.inputs.next_init_fails >> a & 1;
  const int fb = s.inputs.next_init_fails >> b & 1;
  return fa < fb ? -1 : (fb < fa ? 1 : 0);
}

}  // namespace

bool canonical_order(const Config& config, SystemSnapshot& s, std::array<int, kMaxSearchClients>& order) {
  if (!order_of_clients(config, s, order)) return false;
  reorder_blocks(config, s, order);
  reorder_init_plan(config, s, order);
  return true;
}

bool order_of_clients(const Config& config, const SystemSnapshot& s,
                      std::array<int, kMaxSearchClients>& order) {
  const int clients = config.model.site.clients;
  std::iota(order.begin(), order.end(), 0);
  if (clients == 1) return false;
  // Counted from the snapshot (properties/property.hpp's per_client), not M::instances(config), which walks
  // the config: a search of four clients sorted its successors' clients with about 30 such walks each.
  PerClient per_client{};
  for_each_machine([&]<class M>(std::type_identity<M>) {
    per_client[machine_index<M>] = static_cast<int>(cqm::per_client<M>(config, s));
  });
  std::stable_sort(order.begin(), order.begin() + clients,
                   [&](int a, int b) { return compare_clients(per_client, s, a, b) < 0; });
  return !std::is_sorted(order.begin(), order.begin() + clients);
}

void reorder_blocks(const Config& config, SystemSnapshot& s,
                    const std::array<int, kMaxSearchClients>& order) {
  const int clients = config.model.site.clients;
  // The blocks as they were are copied to a buffer kept by the thread, not allocated for each machine.
  static thread_local SystemSnapshot before;
  for_each_machine([&]<class M>(std::type_identity<M>) {
    const auto n = static_cast<int>(cqm::per_client<M>(config, s));
    if (n == 0) return;
    auto& all = s.all<M>();
    auto& was = before.all<M>();
    was.assign(all.begin(), all.begin() + n * clients);
    for (int j = 0; j < clients; ++j)
      std::copy_n(was.begin() + n * order[static_cast<std::size_t>(j)], n, all.begin() + n * j);
  });
}

void reorder_init_plan(const Config& config, SystemSnapshot& s,
                       const std::array<int, kMaxSearchClients>& order) {
  std::int32_t fails = 0;
  for (int j = 0; j < config.model.site.clients; ++j)
    fails |= (s.inputs.next_init_fails >> order[static_cast<std::size_t>(j)] & 1) << j;
  s.inputs.next_init_fails = fails;
}

}  // namespace cqm
