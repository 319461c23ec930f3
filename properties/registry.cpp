#include "properties/property.hpp"

namespace cqm {

const std::vector<const Property*>& all_properties() {
  static const std::vector<const Property*> all{&delivered_before_expiry(),
                                                &no_silent_loss(),
                                                &queue_survives_power_loss(),
                                                &delivered_at_most_once(),
                                                &retry_count_consistent(),
                                                &no_refused_events(),
                                                &queue_bounded(),
                                                &completed_job_never_reruns(),
                                                &every_advertisement_gets_its_status(),
                                                &status_reaches_site_database()};
  return all;
}

const Property* find_property(std::string_view name) {
  for (const auto* p : all_properties())
    if (p->name == name) return p;
  return nullptr;
}

int property_index(std::string_view name) {
  const auto& all = all_properties();
  for (std::size_t i = 0; i < all.size(); ++i)
    if (all[i]->name == name) return static_cast<int>(i);
  return -1;
}

std::uint32_t all_properties_mask() { return (1u << all_properties().size()) - 1; }

std::uint32_t check_step(const Config& config, const SystemSnapshot& before, const SystemSnapshot& after,
                         std::uint32_t mask, std::vector<Violation>* out) {
  std::uint32_t violated = 0;
  const auto& all = all_properties();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!(mask >> i & 1u)) continue;
    if (auto why = all[i]->check(config, before, after)) {
      violated |= 1u << i;
      if (out) out->push_back({all[i], std::move(*why), after.now});
    }
  }
  return violated;
}

std::optional<Violation> first_violation(const Config& config, const SystemSnapshot& before,
                                         const SystemSnapshot& after, std::uint32_t mask) {
  const auto& all = all_properties();
  for (std::size_t i = 0; i < all.size(); ++i)
    if (mask >> i & 1u)
      if (auto why = all[i]->check(config, before, after))
        return Violation{all[i], std::move(*why), after.now};
  return std::nullopt;
}

std::string status_text(StatusId status) { return "status " + std::string(enum_name(status)); }

std::string item_text(const QueueItemData& item) {
  return item.status == StatusId::none
             ? "an inventory file for destination " + std::to_string(item.destination)
             : status_text(item.status);
}

}  // namespace cqm
