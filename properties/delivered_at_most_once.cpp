/// delivered_at_most_once — no status message reaches the CAP twice: the CAP's count of received messages
/// equals the number of Delivered items. A fix that resends (a shorter retry, a reconnect) must not
/// duplicate. KB Q292030 context: the site's status summariser counts each 10005/10008/10009 it receives.
/// Must hold under any environment.
#include "properties/property.hpp"

namespace cqm {

const Property& delivered_at_most_once() {
  static const Property p{
      "delivered_at_most_once", "no status message reaches the CAP twice", false,
      [](const Config& c, const SystemSnapshot&, const SystemSnapshot& s) -> std::optional<std::string> {
        // Each client's statmsgs.box destination against its own queue.
        for (int client = 0; client < c.model.site.clients; ++client) {
          int delivered = 0;
          for (const auto& item : of_client<QueueItem>(c, s, client))
            delivered += item.state == int(QueueItem::State::Delivered) && item.data.destination == 0;
          const int received = s.all<Destination>()[at_client<Destination>(c, s, client)].data.received;
          if (received > delivered)
            return "the CAP received " + std::to_string(received) + " status messages for " +
                   std::to_string(delivered) + " delivered items";
          if (received < delivered)
            return std::to_string(delivered) + " items are Delivered but the CAP received only " +
                   std::to_string(received);
        }
        return std::nullopt;
      }};
  return p;
}

}  // namespace cqm
