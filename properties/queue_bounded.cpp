/// queue_bounded — the client's queue stays bounded: CQM deletes an item at the first queue check after its
/// lifetime ends (start-up or copy cycle), and the queue never holds more than client.registry_capacity
/// items. KB Q263594 (SP1 and earlier): "If the destination is inaccessible, Copy Queue Manager does not
/// delete the expired items ... The registry keeps growing if new entries are continuously added for
/// inaccessible destinations", until "the registry is filled to its capacity. This causes the loss of the
/// user's profile". An item a check kept is QueueItem's Kept state; a registry past its capacity is
/// Registry's Full state. Rests on the envelope: how far the queue grows depends on how long the client is
/// cut off.
#include "properties/property.hpp"

namespace cqm {

const Property& queue_bounded() {
  static const Property p{
      "queue_bounded",
      "an item is deleted at the first queue check after its lifetime, and the queue stays within the "
      "registry",
      true,
      [](const Config& c, const SystemSnapshot&, const SystemSnapshot& s) -> std::optional<std::string> {
        for (const auto& r : s.all<Registry>())
          if (r.state == int(Registry::State::Full))
            return "the queue outgrew the registry's " + std::to_string(c.model.registry_capacity) +
                   " items: the registry is full and the user's profile is lost";
        for (const auto& item : s.all<QueueItem>())
          if (item.state == int(QueueItem::State::Kept))
            return item_text(item.data) + " outlived its lifetime (it ended at " +
                   format_time(item.data.deadline(c.model.item_lifetime)) +
                   "): a queue check kept it because its destination is inaccessible";
        return std::nullopt;
      }};
  return p;
}

}  // namespace cqm
