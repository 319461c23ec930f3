#pragma once
// One status message in CQM's queue. The queue is on disk: an item survives shut-down and restart, and leaves
// the queue only as Delivered or Expired (KB: "deleted after its configured item lifetime").
#include "model/events.hpp"
#include "model/machine_handle.hpp"

namespace cqm {

struct item_submitted {
  static constexpr const char* name() { return "item_submitted"; }
  std::int32_t status;
};
CQM_EVENT(item_copied);
/// The item's lifetime has ended and CQM is running to act on it.
struct lifetime_elapsed {
  static constexpr const char* name() { return "lifetime_elapsed"; }
  bool destination_inaccessible;
};

namespace queue_item_fsm {

CQM_STATE(Empty);
CQM_STATE(Queued);
CQM_STATE(Delivered);
CQM_STATE(Expired);

struct record_submission {
  static constexpr const char* name() { return "record_submission"; }
  template <class Fsm, class Src, class Tgt>
  void operator()(item_submitted const& evt, Fsm& fsm, Src&, Tgt&) const {
    fsm.status = evt.status;
    fsm.submitted_at = fsm.env->now;
    fsm.env->write(LogKind::item_queued, evt.status);
  }
};

struct record_delivery {
  static constexpr const char* name() { return "record_delivery"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.delivered_at = fsm.env->now;
    fsm.env->write(LogKind::item_copied, fsm.status);
  }
};

struct delete_expired {
  static constexpr const char* name() { return "delete_expired"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.expired_at = fsm.env->now;
    fsm.env->write(LogKind::item_expired, fsm.status);
  }
};

/// Pre-SP2 behaviour (config expire_while_inaccessible = false): an item of an inaccessible CAP is kept.
struct is_deletable {
  static constexpr const char* name() { return "is_deletable"; }
  template <class Fsm, class Src, class Tgt>
  bool operator()(lifetime_elapsed const& evt, Fsm& fsm, Src&, Tgt&) const {
    return fsm.env->config->expire_while_inaccessible || !evt.destination_inaccessible;
  }
};
struct is_kept_for_inaccessible_destination {
  static constexpr const char* name() { return "is_kept_for_inaccessible_destination"; }
  template <class Fsm, class Src, class Tgt>
  bool operator()(lifetime_elapsed const& evt, Fsm& fsm, Src&, Tgt&) const {
    return !fsm.env->config->expire_while_inaccessible && evt.destination_inaccessible;
  }
};

struct queue_item_ : machine_def<queue_item_, MachineKind::queue_item> {
  using initial_state = Empty;

  std::int32_t status = 0;
  Minutes submitted_at = kNever;
  Minutes delivered_at = kNever;
  Minutes expired_at = kNever;

  Minutes deadline(Minutes lifetime) const {
    return submitted_at == kNever ? kNever : submitted_at + lifetime;
  }

  // clang-format off
  struct transition_table : boost::mpl::vector<
  //         Start     | Event              | Next        | Action              | Guard
  msmf::Row< Empty,      item_submitted,      Queued,       record_submission,    msmf::none >,
  msmf::Row< Queued,     item_copied,         Delivered,    record_delivery,      msmf::none >,
  msmf::Row< Queued,     lifetime_elapsed,    Expired,      delete_expired,       is_deletable >,
  msmf::Row< Queued,     lifetime_elapsed,    msmf::none,   msmf::none,           is_kept_for_inaccessible_destination >
  > {};
  // clang-format on
};

}  // namespace queue_item_fsm

enum class QueueItemState { Empty, Queued, Delivered, Expired };
inline constexpr const char* kQueueItemStateNames[] = {
    queue_item_fsm::Empty::name(), queue_item_fsm::Queued::name(), queue_item_fsm::Delivered::name(),
    queue_item_fsm::Expired::name()};
using QueueItem = MachineHandle<queue_item_fsm::queue_item_>;

}  // namespace cqm
