/// delivered_at_most_once — no status message reaches the CAP twice: the CAP's count of received messages
/// equals the number of Delivered items. A fix that resends (a shorter retry, a reconnect) must not
/// duplicate. KB Q292030 context: the site's status summariser counts each 10005/10008/10009 it receives.
/// Environment assumptions: none — it must hold under any environment.
#include "properties/property.hpp"

namespace cqm {

const Property& delivered_at_most_once() {
  static const Property p{
      "delivered_at_most_once", "no status message reaches the CAP twice", no_assumptions,
      [](const Config&, const SystemSnapshot&, const SystemSnapshot& s) -> std::optional<std::string> {
        int delivered = 0;
        for (int i = 0; i < System::kItems; ++i)
          delivered += s.item_state[i] == static_cast<std::uint8_t>(QueueItemState::Delivered);
        if (s.copied > delivered)
          return "the CAP received " + std::to_string(s.copied) + " status messages for " +
                 std::to_string(delivered) + " delivered items";
        if (s.copied < delivered)
          return std::to_string(delivered) + " items are Delivered but the CAP received only " +
                 std::to_string(s.copied);
        return std::nullopt;
      }};
  return p;
}

}  // namespace cqm
