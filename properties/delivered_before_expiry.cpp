/// delivered_before_expiry — every status message submitted is copied to the CAP before its item lifetime
/// ends. KB Q292030: "the Copy Queue Manager item is deleted after its configured item lifetime which by
/// default is set to ... 11520 minutes (eight days)" — the install status never reaches the site. This is the
/// property the KB's configuration violates and the workarounds and fixes must keep. Environment assumptions:
/// the whole envelope (envelope_assumptions): a fix is proved only inside it.
#include "properties/property.hpp"

namespace cqm {

const Property& delivered_before_expiry() {
  static const Property p{
      "delivered_before_expiry", "every status submitted is copied to the CAP before its lifetime ends",
      envelope_assumptions,
      [](const Config& c, const SystemSnapshot&, const SystemSnapshot& s) -> std::optional<std::string> {
        for (int i = 0; i < System::kItems; ++i) {
          if (s.item_state[i] == static_cast<std::uint8_t>(QueueItemState::Empty)) continue;
          const Minutes deadline = s.submitted_at[i] + c.item_lifetime;
          const bool delivered = s.item_state[i] == static_cast<std::uint8_t>(QueueItemState::Delivered);
          if (delivered && s.delivered_at[i] >= deadline)
            return "status " + std::to_string(s.status[i]) + " was delivered at " +
                   format_time(s.delivered_at[i]) + ", after its lifetime ended at " + format_time(deadline);
          if (!delivered && s.now >= deadline)
            return "status " + std::to_string(s.status[i]) + " submitted " + format_time(s.submitted_at[i]) +
                   " was not delivered when its lifetime of " + std::to_string(c.item_lifetime) +
                   " min ended at " + format_time(deadline) + " (" + kQueueItemStateNames[s.item_state[i]] +
                   ")";
        }
        return std::nullopt;
      }};
  return p;
}

}  // namespace cqm
