/// no_silent_loss — an item leaves the queue only as Delivered, or as Expired with a logged deletion at or
/// after its deadline. KB Q292030: the item "can remain in the queue and can be retried" until CQM deletes it
/// "after its configured item lifetime": the loss is by expiry, never by an item vanishing unrecorded.
/// Environment assumptions: none — it must hold under any environment.
#include "properties/property.hpp"

namespace cqm {

const Property& no_silent_loss() {
  static const Property p{
      "no_silent_loss", "an item leaves the queue only as Delivered, or as Expired with a logged deletion",
      no_assumptions,
      [](const Config& c, const SystemSnapshot& before,
         const SystemSnapshot& s) -> std::optional<std::string> {
        using S = QueueItemState;
        for (int i = 0; i < System::kItems; ++i) {
          const auto state = static_cast<S>(s.item_state[i]);
          const auto was = static_cast<S>(before.item_state[i]);
          if (was != S::Empty && state == S::Empty)
            return "status " + std::to_string(before.status[i]) + " vanished from the queue";
          if (state == S::Expired) {
            const Minutes deadline = s.submitted_at[i] + c.item_lifetime;
            if (s.expired_at[i] == kNever)
              return "status " + std::to_string(s.status[i]) + " expired without a logged deletion";
            if (s.expired_at[i] < deadline)
              return "status " + std::to_string(s.status[i]) + " was deleted at " +
                     format_time(s.expired_at[i]) + ", before its lifetime ended at " + format_time(deadline);
          }
          if (state == S::Delivered && s.delivered_at[i] == kNever)
            return "status " + std::to_string(s.status[i]) +
                   " left the queue as Delivered with no delivery time";
        }
        return std::nullopt;
      }};
  return p;
}

}  // namespace cqm
