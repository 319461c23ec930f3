/// queue_survives_power_loss — shut-down and restart never drop a queued item: the queue is on disk.
/// KB Q292030: "the message can remain in the queue and can be retried after the next wake-up cycle"; "a new
/// Copy Queue Manager cycle can occur after a subsequent restart" — the item is still there after each
/// restart. Checked on each step: whatever was in the queue before is after it still in the queue, or
/// Delivered, or Expired; and while CQM is stopped nothing leaves the queue at all. Must hold under any
/// environment.
#include "properties/property.hpp"

namespace cqm {

const Property& queue_survives_power_loss() {
  static const Property p{
      "queue_survives_power_loss", "shut-down and restart never drop a queued item", false,
      [](const Config& c, const SystemSnapshot& before,
         const SystemSnapshot& s) -> std::optional<std::string> {
        using S = QueueItem::State;
        const auto& was_items = before.all<QueueItem>();
        const auto& items = s.all<QueueItem>();
        for (std::size_t i = 0; i < was_items.size() && i < items.size(); ++i) {
          if (!QueueItem::in_queue(was_items[i].state)) continue;
          // The item's own client: its CQM and its power.
          const int client = client_of<QueueItem>(c, s, i);
          const auto cqm = at_client<CopyQueueManager>(c, s, client);
          const auto pc = at_client<Client>(c, s, client);
          const bool cqm_stopped_throughout =
              before.all<CopyQueueManager>()[cqm].state == int(CopyQueueManager::State::Stopped) &&
              s.all<CopyQueueManager>()[cqm].state == int(CopyQueueManager::State::Stopped);
          const auto now = static_cast<S>(items[i].state);
          if (QueueItem::in_queue(items[i].state)) continue;
          const std::string what = item_text(was_items[i].data);
          if (cqm_stopped_throughout)
            return what + " left the queue while CQM was stopped (" +
                   std::string(Client::states[s.all<Client>()[pc].state]) + ")";
          if (now != S::Delivered && now != S::Expired && now != S::Removed)
            return what + " was dropped across " +
                   std::string(Client::states[before.all<Client>()[pc].state]) + " -> " +
                   std::string(Client::states[s.all<Client>()[pc].state]);
        }
        return std::nullopt;
      }};
  return p;
}

}  // namespace cqm
