#pragma once
// QueueItem's Boost.MSM front-end: its states, actions, guards and transition table. Included by
// queue_item.cpp (which instantiates the back-end) and its tests; everything else sees the machine through
// model/queue_item.hpp.
#include "model/machine_def.hpp"
#include "model/queue_item.hpp"
#include "model/service_packs.hpp"

namespace cqm {

namespace queue_item_fsm {

CQM_STATE(Empty);
CQM_STATE(Queued);
CQM_STATE(Overdue);
CQM_STATE(Delivered);
CQM_STATE(Expired);
CQM_STATE(Kept);
CQM_STATE(Removed);

struct record_submission {
  static constexpr const char* name() { return "record_submission"; }
  template <class Fsm, class Src, class Tgt>
  void operator()(item_submitted const& evt, Fsm& fsm, Src&, Tgt&) const {
    fsm.status = evt.status;
    fsm.destination = evt.destination;
    fsm.advertisement = evt.advertisement;
    fsm.submitted_at = fsm.now();
    fsm.delivered_at = kNever;  // a slot an inventory file left
    fsm.expired_at = kNever;
    const Inbox inbox = fsm.config().model.inbox(evt.destination);
    if (evt.status == StatusId::none)
      fsm.env->write(LogKind::inventory_queued, 0, inbox);
    else
      fsm.env->write(LogKind::item_queued, static_cast<std::int32_t>(evt.status), inbox);
    fsm.arm_timer(fsm.env->timers.lifetime(fsm.index), fsm.deadline(fsm.config().model.item_lifetime));
    fsm.announce(NoticeKind::item_queued);
  }
};

struct record_delivery {
  static constexpr const char* name() { return "record_delivery"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.delivered_at = fsm.now();
    fsm.env->write(LogKind::item_copied, static_cast<std::int32_t>(fsm.status),
                   fsm.config().model.inbox(fsm.destination));
    fsm.cancel_timer(fsm.env->timers.lifetime(fsm.index));
    fsm.announce(NoticeKind::item_delivered, fsm.destination);
  }
};

/// Q301352's log, word for word: the name is in use, the item is marked and removed — a loss CQM only logs.
struct remove_item {
  static constexpr const char* name() { return "remove_item"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    const auto slot = static_cast<std::int16_t>(fsm.index);
    for (const LogKind kind :
         {LogKind::item_validating, LogKind::item_servicing, LogKind::item_inserted, LogKind::item_trying,
          LogKind::item_exists, LogKind::item_skipping, LogKind::item_removing})
      fsm.env->write(kind, 1, Inbox::statmsgs, slot);
    fsm.cancel_timer(fsm.env->timers.lifetime(fsm.index));
  }
};

/// CQM's text rather than its log: a new name, and the copy's second try (our line).
struct log_retry {
  static constexpr const char* name() { return "log_retry"; }
  template <class Fsm, class Src, class Tgt>
  void operator()(item_copied const& evt, Fsm& fsm, Src&, Tgt&) const {
    if (!evt.name_taken) return;
    const auto slot = static_cast<std::int16_t>(fsm.index);
    fsm.env->write(LogKind::item_trying, 1, Inbox::statmsgs, slot);
    fsm.env->write(LogKind::item_name_in_use, 1, Inbox::statmsgs, slot);
    fsm.env->write(LogKind::item_trying, 2, Inbox::statmsgs, slot);
  }
};

/// Before SP4 (names from the time) with the log's behaviour (cqm.name_collision = remove).
struct removed_on_collision {
  static constexpr const char* name() { return "removed_on_collision"; }
  template <class Fsm, class Src, class Tgt>
  bool operator()(item_copied const& evt, Fsm& fsm, Src&, Tgt&) const {
    return evt.name_taken && fsm.config().model.name_collision == NameCollision::Remove;
  }
};

struct announce_overdue {
  static constexpr const char* name() { return "announce_overdue"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.announce(NoticeKind::item_overdue);
  }
};

struct delete_expired {
  static constexpr const char* name() { return "delete_expired"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.expired_at = fsm.now();
    fsm.env->write(LogKind::item_expired, static_cast<std::int32_t>(fsm.status),
                   fsm.config().model.inbox(fsm.destination));
  }
};

/// SP2 deletes an expired item whatever the destination; before SP2 an item of an inaccessible destination is
/// kept (Q263594: "If the destination is inaccessible, Copy Queue Manager does not delete the expired
/// items").
struct is_deletable {
  static constexpr const char* name() { return "is_deletable"; }
  template <class Fsm, class Src, class Tgt>
  bool operator()(expiry_checked const& evt, Fsm& fsm, Src&, Tgt&) const {
    return !evt.destination_inaccessible ||
           !has_behaviour(fsm.config().model, KbBehaviour::expired_kept_while_inaccessible);
  }
};

struct queue_item_ : machine_def<queue_item_, QueueItem>, QueueItemData {
  using initial_state = Empty;

  // clang-format off
  struct transition_table : boost::mpl::vector<
  //         Start     | Event              | Next        | Action              | Guard
  msmf::Row< Empty,      item_submitted,      Queued,       record_submission,    msmf::none >,
  msmf::Row< Queued,     item_copied,         Delivered,    actions<log_retry, record_delivery>, not_<removed_on_collision> >,
  msmf::Row< Queued,     item_copied,         Removed,      remove_item,          removed_on_collision >,
  msmf::Row< Queued,     lifetime_ended,      Overdue,      announce_overdue,     msmf::none >,
  msmf::Row< Queued,     expiry_checked,      msmf::none,   msmf::none,           msmf::none >,
  msmf::Row< Overdue,    expiry_checked,      Expired,      delete_expired,       is_deletable >,
  msmf::Row< Overdue,    expiry_checked,      Kept,         msmf::none,           not_<is_deletable> >,
  msmf::Row< Overdue,    item_copied,         Delivered,    actions<log_retry, record_delivery>, not_<removed_on_collision> >,
  msmf::Row< Overdue,    item_copied,         Removed,      remove_item,          removed_on_collision >,
  msmf::Row< Kept,       expiry_checked,      Expired,      delete_expired,       is_deletable >,
  msmf::Row< Kept,       expiry_checked,      msmf::none,   msmf::none,           not_<is_deletable> >,
  msmf::Row< Kept,       item_copied,         Delivered,    actions<log_retry, record_delivery>, not_<removed_on_collision> >,
  msmf::Row< Kept,       item_copied,         Removed,      remove_item,          removed_on_collision >,
  // The slot of an inventory file that left the queue takes the next one (the route picks only those).
  msmf::Row< Delivered,  item_submitted,      Queued,       record_submission,    msmf::none >,
  msmf::Row< Expired,    item_submitted,      Queued,       record_submission,    msmf::none >
  > {};
  // clang-format on
};

}  // namespace queue_item_fsm

}  // namespace cqm
