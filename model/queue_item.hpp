#pragma once
// One item in CQM's queue — a status message for statmsgs.box or an inventory file for its inbox — and the
// destination it is for. The queue is on disk: an item survives shut-down and restart, and leaves the queue
// only as Delivered or Expired (KB: "deleted after its configured item lifetime"). When its lifetime ends it
// is Overdue until CQM, running, checks its queue and deletes it — at once if CQM runs, else when CQM next
// starts. Before SP2 (Q263594, model/service_packs.hpp) a check keeps an item whose destination is
// inaccessible: it is Kept, past its lifetime, and may still be copied. The slot of a delivered or deleted
// inventory file takes the next one (status messages keep theirs: the properties count them).
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
enum class QueueItemState : std::uint8_t { Empty, Queued, Overdue, Kept, Delivered, Expired, Removed };

struct QueueItemData {
  StatusId status = StatusId::none;  ///< none: an inventory file
  int destination = 0;               ///< CQM's destination (0: statmsgs.box)
  int advertisement = 0;  ///< the advertisement a status message names (its job, or Q247230's first)
  Minutes submitted_at = kNever;
  Minutes delivered_at = kNever;
  Minutes expired_at = kNever;
  Minutes deadline(Minutes lifetime) const {
    return submitted_at == kNever ? kNever : submitted_at + lifetime;
  }
  bool operator==(const QueueItemData&) const = default;
};
BOOST_DESCRIBE_STRUCT(QueueItemData, (),
                      (status, destination, advertisement, submitted_at, delivered_at, expired_at))

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

/// A status message (or, with status none, an inventory file) handed to CQM for a destination, in the queue's
/// next free slot.
struct item_submitted {
  static constexpr const char* name() { return "item_submitted"; }
  StatusId status;
  int destination = 0;
  int advertisement = 0;
};
/// CQM copies the item to its CAP inbox. The route says whether its file's name is already in use there
/// (Q301352: model/cap_inbox.hpp).
struct item_copied {
  static constexpr const char* name() { return "item_copied"; }
  bool name_taken = false;
};
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
  static constexpr std::array<std::string_view, 7> states = {"Empty",     "Queued",  "Overdue", "Kept",
                                                             "Delivered", "Expired", "Removed"};
  /// environment.max_queue, or every status the programs can submit and, with inventory agents, the
  /// registry's capacity and one run of every agent past it (the run that fills it; the explorers stop
  /// there).
  static int instances(const Config& c) {
    if (c.env.max_queue > 0) return c.env.max_queue;
    const int agents = c.model.inventory_agents();
    return c.model.statuses() + (agents > 0 ? c.model.registry_capacity + agents : 0);
  }
  static constexpr bool many = true;  ///< instances are named Name[i]
  static bool in_queue(int state) {
    return state == int(State::Queued) || state == int(State::Overdue) || state == int(State::Kept);
  }
  /// A slot an inventory file may take: empty, or holding an inventory file that left the queue.
  static bool takes_inventory(int state, const Data& d) {
    return state == int(State::Empty) ||
           (d.status == StatusId::none && (state == int(State::Delivered) || state == int(State::Expired)));
  }
  static MachineDescription describe();
  /// "10009", or "inventory" for an inventory file.
  static std::string what(const Data& d) {
    return d.status == StatusId::none ? "inventory" : std::string(enum_name(d.status));
  }
  static std::string note(int state, const Data& d) { return state == int(State::Empty) ? "" : what(d); }
  static std::string summary(int state, const Data& d) {
    switch (static_cast<State>(state)) {
      case State::Queued:
        return what(d) + " queued";
      case State::Delivered:
        return what(d) + " delivered";
      case State::Expired:
        return what(d) + " expired";
      case State::Kept:
        return what(d) + " kept past its lifetime";
      case State::Removed:
        return what(d) + " removed: its name was in use";
      default:
        return "";
    }
  }
};

}  // namespace cqm
