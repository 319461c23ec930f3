#pragma once
// One status message in CQM's queue. The queue is on disk: an item survives shut-down and restart, and leaves
// the queue only as Delivered or Expired (KB: "deleted after its configured item lifetime"). When its
// lifetime ends it is Overdue until CQM, running, deletes it — at once if CQM runs, else when CQM next
// starts; before SP2 (cqm.expire_while_inaccessible = false) an item of an inaccessible destination is kept
// and may still be copied.
#include <array>
#include <boost/describe/class.hpp>
#include <string_view>

#include "model/description.hpp"
#include "model/env.hpp"
#include "model/events.hpp"
#include "model/key_rules.hpp"
#include "model/machine_handle.hpp"

namespace cqm {

struct QueueItem;

/// The item's states by MSM id (queue_item.cpp checks them at compile time); QueueItem::State names them too.
enum class QueueItemState : std::uint8_t { Empty, Queued, Overdue, Delivered, Expired };

struct QueueItemData {
  StatusId status = StatusId::none;
  Minutes submitted_at = kNever;
  Minutes delivered_at = kNever;
  Minutes expired_at = kNever;
  Minutes deadline(Minutes lifetime) const {
    return submitted_at == kNever ? kNever : submitted_at + lifetime;
  }
  bool operator==(const QueueItemData&) const = default;
};
BOOST_DESCRIBE_STRUCT(QueueItemData, (), (status, submitted_at, delivered_at, expired_at))

constexpr auto key_rules(const QueueItemData*) {
  return std::tuple{
      key::not_stored(
          &QueueItemData::delivered_at,
          +[](const key::Context& c, const QueueItemData& d) {
            return c.state == int(QueueItemState::Delivered) ? d.submitted_at : kNever;
          },
          "the properties judge a delivery time on the step that sets it, and nothing later reads it: any "
          "time "
          "they accept will do, so a delivered item is restored as delivered at its submission"),
      key::not_stored(
          &QueueItemData::expired_at,
          +[](const key::Context& c, const QueueItemData& d) {
            return c.state == int(QueueItemState::Expired) ? d.deadline(c.config.model.item_lifetime)
                                                           : kNever;
          },
          "the properties judge a deletion time on the step that sets it, and nothing later reads it: an "
          "expired item is restored as deleted at its deadline"),
  };
}

/// A status message handed to CQM, in the queue's next free slot.
struct item_submitted {
  static constexpr const char* name() { return "item_submitted"; }
  StatusId status;
};
CQM_EVENT(item_copied);
/// The item's lifetime timer elapsed.
CQM_EVENT(lifetime_ended);
/// CQM checks its queue for items whose lifetime has ended. The route says whether the destination is
/// inaccessible.
struct expiry_checked {
  static constexpr const char* name() { return "expiry_checked"; }
  bool destination_inaccessible;
};

namespace queue_item_fsm {
struct queue_item_;  // the front-end, in model/queue_item_table.hpp
}  // namespace queue_item_fsm

/// The registry entry (model/machines.hpp): one instance per queue slot.
struct QueueItem {
  static constexpr std::string_view name = "QueueItem";
  static constexpr std::string_view stem = "queue_item";
  using Front = queue_item_fsm::queue_item_;
  using Data = QueueItemData;
  using State = QueueItemState;
  static constexpr std::array<std::string_view, 5> states = {"Empty", "Queued", "Overdue", "Delivered",
                                                             "Expired"};
  /// environment.max_queue, or every status the programs can submit.
  static int instances(const Config& c) { return c.env.max_queue > 0 ? c.env.max_queue : c.model.statuses(); }
  static constexpr bool many = true;  ///< instances are named Name[i]
  static bool in_queue(int state) { return state == int(State::Queued) || state == int(State::Overdue); }
  static MachineDescription describe();
  static std::string note(int, const Data& d) {
    return d.status == StatusId::none ? "" : std::string(enum_name(d.status));
  }
  static std::string summary(int state, const Data& d) {
    switch (static_cast<State>(state)) {
      case State::Queued:
        return std::string(enum_name(d.status)) + " queued";
      case State::Delivered:
        return std::string(enum_name(d.status)) + " delivered";
      case State::Expired:
        return std::string(enum_name(d.status)) + " expired";
      default:
        return "";
    }
  }
};

}  // namespace cqm
