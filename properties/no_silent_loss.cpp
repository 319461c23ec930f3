/// no_silent_loss — an item leaves the queue only as Delivered, or as Expired with a logged deletion at or
/// after its deadline. KB Q292030: the item "can remain in the queue and can be retried" until CQM deletes it
/// "after its configured item lifetime": the loss is by expiry, never by an item vanishing unrecorded. Must
/// hold under any environment.
#include "properties/property.hpp"

namespace cqm {

const Property& no_silent_loss() {
  static const Property p{
      "no_silent_loss", "an item leaves the queue only as Delivered, or as Expired with a logged deletion",
      false,
      [](const Config& c, const SystemSnapshot& before,
         const SystemSnapshot& s) -> std::optional<std::string> {
        using S = QueueItem::State;
        const auto& was_items = before.all<QueueItem>();
        const auto& items = s.all<QueueItem>();
        for (std::size_t i = 0; i < items.size(); ++i) {
          const auto state = static_cast<S>(items[i].state);
          const auto was = i < was_items.size() ? static_cast<S>(was_items[i].state) : S::Empty;
          const auto& d = items[i].data;
          if (was != S::Empty && state == S::Empty)
            return item_text(was_items[i].data) + " vanished from the queue";
          if (state == S::Expired) {
            const Minutes deadline = d.deadline(c.model.item_lifetime);
            if (d.expired_at == kNever) return item_text(d) + " expired without a logged deletion";
            if (d.expired_at < deadline)
              return item_text(d) + " was deleted at " + format_time(d.expired_at) +
                     ", before its lifetime ended at " + format_time(deadline);
          }
          if (state == S::Delivered && d.delivered_at == kNever)
            return item_text(d) + " left the queue as Delivered with no delivery time";
        }
        return std::nullopt;
      }};
  return p;
}

}  // namespace cqm
