/// queue_survives_power_loss — shut-down and restart never drop a queued item: the queue is on disk.
/// KB Q292030: "the message can remain in the queue and can be retried after the next wake-up cycle"; "a new
/// Copy Queue Manager cycle can occur after a subsequent restart" — the item is still there after each
/// restart. Checked on each step: whatever was Queued before is after it still Queued, or Delivered while CQM
/// ran, or Expired; and while CQM is stopped nothing leaves the queue at all. Environment assumptions: none —
/// it must hold under any environment.
#include "properties/property.hpp"

namespace cqm {

const Property& queue_survives_power_loss() {
  static const Property p{
      "queue_survives_power_loss", "shut-down and restart never drop a queued item", no_assumptions,
      [](const Config&, const SystemSnapshot& before, const SystemSnapshot& s) -> std::optional<std::string> {
        using S = QueueItemState;
        const bool cqm_stopped_throughout =
            before.cqm == static_cast<std::uint8_t>(CopyQueueState::Stopped) &&
            s.cqm == static_cast<std::uint8_t>(CopyQueueState::Stopped);
        for (int i = 0; i < System::kItems; ++i) {
          if (static_cast<S>(before.item_state[i]) != S::Queued) continue;
          const auto now = static_cast<S>(s.item_state[i]);
          if (now == S::Queued) continue;
          if (cqm_stopped_throughout)
            return "status " + std::to_string(before.status[i]) + " left the queue while CQM was stopped (" +
                   kClientStateNames[s.client] + ")";
          if (now != S::Delivered && now != S::Expired)
            return "status " + std::to_string(before.status[i]) + " was dropped across " +
                   kClientStateNames[before.client] + " -> " + kClientStateNames[s.client];
        }
        return std::nullopt;
      }};
  return p;
}

}  // namespace cqm
