#pragma once
// CQM's view of the CAP's statmsgs.box. After an inaccessible attempt it is RetryPending with a count and a
// due time, and cycles before the due time log "not yet ready for retry" — the KB's log. The state is in
// CQM's memory: a CQM stop resets it.
#include "model/events.hpp"
#include "model/machine_handle.hpp"

namespace cqm {

/// A copy cycle found queued items for this destination.
CQM_EVENT(service_requested);
/// The attempt failed: broken connection or CAP outage. `due` is when the retry policy allows the next try.
struct found_inaccessible {
  static constexpr const char* name() { return "found_inaccessible"; }
  Minutes due;
};

namespace destination_fsm {

CQM_STATE(Accessible);
CQM_STATE(Attempting);
CQM_STATE(RetryPending);

struct log_servicing {
  static constexpr const char* name() { return "log_servicing"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.env->write(LogKind::servicing);
  }
};

/// KB: "not yet ready for retry" is followed by "retry set to N" with the unchanged count.
struct log_not_ready {
  static constexpr const char* name() { return "log_not_ready"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.env->write(LogKind::not_ready_for_retry);
    fsm.env->write(LogKind::retry_set, fsm.retry_count);
  }
};

struct set_retry {
  static constexpr const char* name() { return "set_retry"; }
  template <class Fsm, class Src, class Tgt>
  void operator()(found_inaccessible const& evt, Fsm& fsm, Src&, Tgt&) const {
    ++fsm.retry_count;
    fsm.retry_due = evt.due;
    fsm.env->write(LogKind::inaccessible);
    fsm.env->write(LogKind::retry_set, fsm.retry_count);
  }
};

struct record_copy {
  static constexpr const char* name() { return "record_copy"; }
  template <class Fsm, class Src, class Tgt>
  void operator()(items_copied const& evt, Fsm& fsm, Src&, Tgt&) const {
    fsm.retry_count = 0;
    fsm.retry_due = kNever;
    fsm.copied += evt.count;
  }
};

struct clear_retry {
  static constexpr const char* name() { return "clear_retry"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.retry_count = 0;
    fsm.retry_due = kNever;
  }
};

struct is_retry_due {
  static constexpr const char* name() { return "is_retry_due"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  bool operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    return fsm.env->now >= fsm.retry_due;
  }
};

struct is_too_early_to_retry {
  static constexpr const char* name() { return "is_too_early_to_retry"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  bool operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    return fsm.env->now < fsm.retry_due;
  }
};

using log_servicing_not_ready = msmf::ActionSequence_<boost::mpl::vector<log_servicing, log_not_ready>>;

struct destination_ : machine_def<destination_, MachineKind::destination> {
  using initial_state = Accessible;

  std::int32_t retry_count = 0;
  Minutes retry_due = kNever;
  std::int32_t copied = 0;  ///< status messages this CAP has received (delivered_at_most_once counts them)

  // clang-format off
  struct transition_table : boost::mpl::vector<
  //         Start          | Event               | Next          | Action          | Guard
  msmf::Row< Accessible,      service_requested,    Attempting,     log_servicing,    msmf::none >,
  msmf::Row< Accessible,      cqm_stopped,          msmf::none,     msmf::none,       msmf::none >,
  msmf::Row< Attempting,      items_copied,         Accessible,     record_copy,      msmf::none >,
  msmf::Row< Attempting,      found_inaccessible,   RetryPending,   set_retry,        msmf::none >,
  msmf::Row< RetryPending,    service_requested,    Attempting,     log_servicing,    is_retry_due >,
  msmf::Row< RetryPending,    service_requested,    msmf::none,     log_servicing_not_ready, is_too_early_to_retry >,
  msmf::Row< RetryPending,    reconnected,          Accessible,     clear_retry,      msmf::none >,
  msmf::Row< RetryPending,    cqm_stopped,          Accessible,     clear_retry,      msmf::none >
  > {};
  // clang-format on
};

}  // namespace destination_fsm

enum class DestinationState { Accessible, Attempting, RetryPending };
inline constexpr const char* kDestinationStateNames[] = {destination_fsm::Accessible::name(),
                                                         destination_fsm::Attempting::name(),
                                                         destination_fsm::RetryPending::name()};
using Destination = MachineHandle<destination_fsm::destination_>;

}  // namespace cqm
