/// delivered_before_expiry — every status message submitted is copied to the CAP before its item lifetime
/// ends. KB Q292030: "the Copy Queue Manager item is deleted after its configured item lifetime which by
/// default is set to ... 11520 minutes (eight days)" — the install status never reaches the site. This is the
/// property the KB's configuration violates and the workarounds and fixes must keep. Rests on the envelope: a
/// fix is proved only inside it (properties/assumptions.hpp prints it).
#include "properties/property.hpp"

namespace cqm {

const Property& delivered_before_expiry() {
  static const Property p{
      "delivered_before_expiry", "every status submitted is copied to the CAP before its lifetime ends", true,
      [](const Config& c, const SystemSnapshot&, const SystemSnapshot& s) -> std::optional<std::string> {
        for (const auto& item : s.all<QueueItem>()) {
          if (item.state == int(QueueItem::State::Empty) || item.data.status == StatusId::none)
            continue;  // an empty slot or an inventory file: not a status
          const auto& d = item.data;
          const Minutes deadline = d.deadline(c.model.item_lifetime);
          // A removed item is never copied: its fate is decided now, not at its deadline (the explorers stop
          // when nothing can change, so a loss must be judged when it happens).
          if (item.state == int(QueueItem::State::Removed))
            return status_text(d.status) + " submitted " + format_time(d.submitted_at) +
                   " was removed by CQM, its file's name in use on the CAP: it will never be copied";
          const bool delivered = item.state == int(QueueItem::State::Delivered);
          if (delivered && d.delivered_at >= deadline)
            return status_text(d.status) + " was delivered at " + format_time(d.delivered_at) +
                   ", after its lifetime ended at " + format_time(deadline);
          if (!delivered && s.now >= deadline)
            return status_text(d.status) + " submitted " + format_time(d.submitted_at) +
                   " was not delivered when its lifetime of " + std::to_string(c.model.item_lifetime) +
                   " min ended at " + format_time(deadline) + " (" +
                   std::string(QueueItem::states[item.state]) + ")";
        }
        return std::nullopt;
      }};
  return p;
}

}  // namespace cqm
