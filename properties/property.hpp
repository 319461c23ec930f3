#pragma once
// A property is a named predicate over one step of a run: the System's state before and after it. State
// invariants ignore `before`. Every verdict also states the assumptions it rests on
// (properties/assumptions.hpp): a property that holds only because the environment was too kind is useless.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/snapshot.hpp"

namespace cqm {

struct Property {
  std::string_view name;
  std::string_view summary;  ///< the KB behaviour it encodes
  /// Whether the verdict depends on the environment envelope (printed with it), or must hold under any.
  bool rests_on_envelope;
  /// Empty when the step keeps the property; otherwise why it does not.
  std::optional<std::string> (*check)(const Config& config, const SystemSnapshot& before,
                                      const SystemSnapshot& after);
};

/// Every property, in a fixed order (the order counterexamples, tables and masks use).
const std::vector<const Property*>& all_properties();
const Property* find_property(std::string_view name);
/// The property's position in all_properties(); its bit in a mask is 1 << index.
int property_index(std::string_view name);
/// Every property's bit.
std::uint32_t all_properties_mask();

const Property& delivered_before_expiry();
const Property& no_silent_loss();
const Property& queue_survives_power_loss();
const Property& delivered_at_most_once();
const Property& retry_count_consistent();
const Property& no_refused_events();
const Property& queue_bounded();
const Property& completed_job_never_reruns();
const Property& every_advertisement_gets_its_status();
const Property& status_reaches_site_database();

/// A property found false on a step.
struct Violation {
  const Property* property = nullptr;
  std::string reason;
  Minutes at = 0;
};

/// The properties of `mask` the step violates, as a mask; their reasons appended to `out` when given.
std::uint32_t check_step(const Config& config, const SystemSnapshot& before, const SystemSnapshot& after,
                         std::uint32_t mask, std::vector<Violation>* out = nullptr);

/// The first property (in all_properties() order) of `mask` the step violates.
std::optional<Violation> first_violation(const Config& config, const SystemSnapshot& before,
                                         const SystemSnapshot& after, std::uint32_t mask = ~0u);

/// How many instances of M each client has in a site's snapshot: the snapshot's, less the site's own, over
/// the clients. Not M::instances(config): QueueItem's walks every program's runs, and the helpers below run
/// on every step of a search.
template <class M>
std::size_t per_client(const Config& config, const SystemSnapshot& s) {
  return (s.all<M>().size() - static_cast<std::size_t>(site_instances<M>(config))) /
         static_cast<std::size_t>(config.model.site.clients);
}
/// Where client `client`'s instance i of M is in a site's snapshot (each client's block in turn).
template <class M>
std::size_t at_client(const Config& config, const SystemSnapshot& s, int client, int i = 0) {
  return per_client<M>(config, s) * static_cast<std::size_t>(client) + static_cast<std::size_t>(i);
}
/// Client `client`'s instances of M in a site's snapshot.
template <class M>
std::span<const Instance<typename M::Data>> of_client(const Config& config, const SystemSnapshot& s,
                                                      int client) {
  const std::size_t n = per_client<M>(config, s);
  return {s.all<M>().data() + n * static_cast<std::size_t>(client), n};
}
/// Whose instance `global` of M is.
template <class M>
int client_of(const Config& config, const SystemSnapshot& s, std::size_t global) {
  return static_cast<int>(global / per_client<M>(config, s));
}

/// "status 10009": how properties name an item in their reasons.
std::string status_text(StatusId status);
/// "status 10009", or "an inventory file for destination 1".
std::string item_text(const QueueItemData& item);

}  // namespace cqm
