#pragma once
// Destination's Boost.MSM front-end: its states, actions, guards and transition table. Included by
// destination.cpp (which instantiates the back-end) and its tests; everything else sees the machine through
// model/destination.hpp.
#include "model/destination.hpp"
#include "model/machine_def.hpp"

namespace cqm {

namespace destination_fsm {

CQM_STATE(Accessible);
CQM_STATE(RetryPending);

/// The inbox this destination copies to: every log line names it.
template <class Fsm>
Inbox inbox_of(const Fsm& fsm) {
  return fsm.config().model.inbox(fsm.index);
}

struct log_servicing {
  static constexpr const char* name() { return "log_servicing"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.env->write(LogKind::servicing, 0, inbox_of(fsm));
  }
};

/// KB: "not yet ready for retry" is followed by "retry set to N" with the unchanged count.
struct log_not_ready {
  static constexpr const char* name() { return "log_not_ready"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.env->write(LogKind::not_ready_for_retry, 0, inbox_of(fsm));
    fsm.env->write(LogKind::retry_set, fsm.retry_count, inbox_of(fsm));
  }
};

struct copy_queued_items {
  static constexpr const char* name() { return "copy_queued_items"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.announce(NoticeKind::copy_requested);
  }
};

struct clear_retry {
  static constexpr const char* name() { return "clear_retry"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.retry_count = 0;
    fsm.retry_due = kNever;
    fsm.cancel_timer(fsm.env->timers.retry(fsm.index));
  }
};

/// KB: "is inaccessible", "retry set to N". The connection hears of it (the reconnect fix arms its timer).
template <class Derived>
struct set_retry {
  template <class Fsm, class Src, class Tgt>
  void operator()(service_requested const& evt, Fsm& fsm, Src&, Tgt&) const {
    ++fsm.retry_count;
    fsm.retry_due = Derived::due(evt, fsm);
    fsm.env->write(LogKind::inaccessible, 0, inbox_of(fsm));
    fsm.env->write(LogKind::retry_set, fsm.retry_count, inbox_of(fsm));
    Derived::arm(fsm);
    fsm.announce(NoticeKind::found_inaccessible);
  }
};
/// The KB's behaviour: the retry waits for CQM's next wake-up cycle.
struct retry_at_wake_up : set_retry<retry_at_wake_up> {
  static constexpr const char* name() { return "retry_at_wake_up"; }
  template <class Fsm>
  static Minutes due(const service_requested& evt, Fsm&) {
    return evt.next_wake_up;
  }
  template <class Fsm>
  static void arm(Fsm&) {}
};
/// The short-retry fix: a retry timer of cqm.retry_interval.
struct retry_after_interval : set_retry<retry_after_interval> {
  static constexpr const char* name() { return "retry_after_interval"; }
  template <class Fsm>
  static Minutes due(const service_requested&, Fsm& fsm) {
    return fsm.now() + fsm.config().model.retry_interval;
  }
  template <class Fsm>
  static void arm(Fsm& fsm) {
    fsm.arm_timer(fsm.env->timers.retry(fsm.index), fsm.retry_due);
  }
};

struct count_received {
  static constexpr const char* name() { return "count_received"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    // Only status messages are counted (delivered_at_most_once); an inventory inbox's count would only grow.
    if (fsm.index == 0) ++fsm.received;
  }
};

struct has_items {
  static constexpr const char* name() { return "has_items"; }
  template <class Fsm, class Src, class Tgt>
  bool operator()(service_requested const& evt, Fsm&, Src&, Tgt&) const {
    return evt.has_items;
  }
};
struct can_copy {
  static constexpr const char* name() { return "can_copy"; }
  template <class Fsm, class Src, class Tgt>
  bool operator()(service_requested const& evt, Fsm&, Src&, Tgt&) const {
    return evt.connection_ok && evt.cap_up;
  }
};
struct is_retry_due {
  static constexpr const char* name() { return "is_retry_due"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  bool operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    return fsm.now() >= fsm.retry_due;
  }
};
struct waits_for_wake_up {
  static constexpr const char* name() { return "waits_for_wake_up"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  bool operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    return fsm.config().model.retry_policy == RetryPolicy::WakeUp;
  }
};

using copies = all_of<has_items, can_copy>;
using fails_until_wake_up = all_of<has_items, not_<can_copy>, waits_for_wake_up>;
using fails_for_an_interval = all_of<has_items, not_<can_copy>, not_<waits_for_wake_up>>;
using due_and_copies = all_of<has_items, is_retry_due, can_copy>;
using due_and_fails_until_wake_up = all_of<has_items, is_retry_due, not_<can_copy>, waits_for_wake_up>;
using due_and_fails_for_an_interval =
    all_of<has_items, is_retry_due, not_<can_copy>, not_<waits_for_wake_up>>;
using is_too_early = all_of<has_items, not_<is_retry_due>>;

struct destination_ : machine_def<destination_, Destination>, DestinationData {
  using initial_state = Accessible;

  // clang-format off
  struct transition_table : boost::mpl::vector<
  //         Start          | Event               | Next          | Action                                                | Guard
  msmf::Row< Accessible,      service_requested,    msmf::none,     msmf::none,                                             not_<has_items> >,
  msmf::Row< Accessible,      service_requested,    msmf::none,     actions<log_servicing, copy_queued_items>,              copies >,
  msmf::Row< Accessible,      service_requested,    RetryPending,   actions<log_servicing, retry_at_wake_up>,               fails_until_wake_up >,
  msmf::Row< Accessible,      service_requested,    RetryPending,   actions<log_servicing, retry_after_interval>,           fails_for_an_interval >,
  msmf::Row< RetryPending,    service_requested,    msmf::none,     msmf::none,                                             not_<has_items> >,
  msmf::Row< RetryPending,    service_requested,    msmf::none,     actions<log_servicing, log_not_ready>,                  is_too_early >,
  msmf::Row< RetryPending,    service_requested,    Accessible,     actions<log_servicing, clear_retry, copy_queued_items>, due_and_copies >,
  msmf::Row< RetryPending,    service_requested,    msmf::none,     actions<log_servicing, retry_at_wake_up>,               due_and_fails_until_wake_up >,
  msmf::Row< RetryPending,    service_requested,    msmf::none,     actions<log_servicing, retry_after_interval>,           due_and_fails_for_an_interval >,
  msmf::Row< Accessible,      item_received,        msmf::none,     count_received,                                         msmf::none >,
  msmf::Row< RetryPending,    reconnected,          Accessible,     clear_retry,                                            msmf::none >,
  msmf::Row< Accessible,      reconnected,          msmf::none,     msmf::none,                                             msmf::none >,
  msmf::Row< RetryPending,    cqm_stopped,          Accessible,     clear_retry,                                            msmf::none >,
  msmf::Row< Accessible,      cqm_stopped,          msmf::none,     msmf::none,                                             msmf::none >
  > {};
  // clang-format on
};

}  // namespace destination_fsm

}  // namespace cqm
