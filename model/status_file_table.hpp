#pragma once
// StatusFile's Boost.MSM front-end: its states, actions, guards and transition table. Included by
// status_file.cpp (which instantiates the back-end) and its tests; everything else sees the machine through
// model/status_file.hpp.
#include "model/machine_def.hpp"
#include "model/service_packs.hpp"
#include "model/status_file.hpp"

namespace cqm {

namespace status_file_fsm {

CQM_STATE(Absent);
CQM_STATE(OnCap);
CQM_STATE(CopyingVisible);
CQM_STATE(CopyingAsTmp);
CQM_STATE(InInbox);
CQM_STATE(Parked);
CQM_STATE(Processed);
CQM_STATE(DeletedAsCorrupt);

/// On the CAP until the Inbox Manager Assistant's next pass (site.assistant_interval), or taken at once.
struct land_on_cap {
  static constexpr const char* name() { return "land_on_cap"; }
  template <class Fsm, class Src, class Tgt>
  void operator()(copied_to_cap const& evt, Fsm& fsm, Src&, Tgt&) const {
    fsm.name_minute = evt.name_minute;
    const Minutes every = fsm.config().model.site.assistant_interval;
    if (every > 0)
      fsm.arm_timer(fsm.env->timers.file(fsm.index), (fsm.now() / every + 1) * every);
    else
      fsm.announce(NoticeKind::file_on_cap);
  }
};

/// The assistant's pass takes the file off the CAP.
struct announce_taken {
  static constexpr const char* name() { return "announce_taken"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.announce(NoticeKind::file_on_cap);
  }
};

/// The file is whole in Status Manager's inbox (copied, renamed from .tmp, or back from the future queue).
struct announce_complete {
  static constexpr const char* name() { return "announce_complete"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.cancel_timer(fsm.env->timers.file(fsm.index));
    fsm.announce(NoticeKind::file_complete);
  }
};

struct start_copy {
  static constexpr const char* name() { return "start_copy"; }
  template <class Fsm, class Src, class Tgt>
  void operator()(copy_started const& evt, Fsm& fsm, Src&, Tgt&) const {
    fsm.arm_timer(fsm.env->timers.file(fsm.index), fsm.now() + evt.minutes);
  }
};

/// Under its final name the half-written file is in Status Manager's inbox at once: Status Manager opens it.
struct announce_seen {
  static constexpr const char* name() { return "announce_seen"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.announce(NoticeKind::file_seen_mid_copy);
  }
};

struct stop_copy {
  static constexpr const char* name() { return "stop_copy"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.cancel_timer(fsm.env->timers.file(fsm.index));
  }
};

/// SP2's Status Manager looks at its future queue again when the stamp's time comes; before, never.
struct arm_revisit {
  static constexpr const char* name() { return "arm_revisit"; }
  template <class Fsm, class Src, class Tgt>
  void operator()(parked const& evt, Fsm& fsm, Src&, Tgt&) const {
    if (evt.until != kNever) fsm.arm_timer(fsm.env->timers.file(fsm.index), evt.until);
  }
};

struct is_status_message {
  static constexpr const char* name() { return "is_status_message"; }
  template <class Fsm, class Src, class Tgt>
  bool operator()(copied_to_cap const& evt, Fsm&, Src&, Tgt&) const {
    return evt.status_message;
  }
};

/// A copy shorter than the model's minute is over before Status Manager can see it.
struct is_instant {
  static constexpr const char* name() { return "is_instant"; }
  template <class Fsm, class Src, class Tgt>
  bool operator()(copy_started const& evt, Fsm&, Src&, Tgt&) const {
    return evt.minutes <= 0;
  }
};

/// Before Q311212's hotfix the assistant writes the file under its final name; after it, as .tmp.
struct visible_while_copied {
  static constexpr const char* name() { return "visible_while_copied"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  bool operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    return has_behaviour(fsm.config().model, KbBehaviour::file_visible_while_copied);
  }
};

struct status_file_ : machine_def<status_file_, StatusFile>, StatusFileData {
  using initial_state = Absent;

  // clang-format off
  struct transition_table : boost::mpl::vector<
  //         Start           | Event                 | Next              | Action                               | Guard
  msmf::Row< Absent,           copied_to_cap,          OnCap,              land_on_cap,                           is_status_message >,
  msmf::Row< OnCap,            file_timer_elapsed,     msmf::none,         announce_taken,                        msmf::none >,
  msmf::Row< Absent,           copied_to_cap,          msmf::none,         msmf::none,                            not_<is_status_message> >,
  msmf::Row< OnCap,            copy_started,           InInbox,            announce_complete,                     is_instant >,
  msmf::Row< OnCap,            copy_started,           CopyingVisible,     actions<start_copy, announce_seen>,    all_of<not_<is_instant>, visible_while_copied> >,
  msmf::Row< OnCap,            copy_started,           CopyingAsTmp,       start_copy,                            all_of<not_<is_instant>, not_<visible_while_copied>> >,
  msmf::Row< CopyingVisible,   file_timer_elapsed,     InInbox,            announce_complete,                     msmf::none >,
  msmf::Row< CopyingVisible,   deleted_as_corrupt,     DeletedAsCorrupt,   stop_copy,                             msmf::none >,
  // The hotfix renames the whole .tmp file: only now does Status Manager see it.
  msmf::Row< CopyingAsTmp,     file_timer_elapsed,     InInbox,            announce_complete,                     msmf::none >,
  msmf::Row< InInbox,          processed,              Processed,          msmf::none,                            msmf::none >,
  msmf::Row< InInbox,          parked,                 Parked,             arm_revisit,                           msmf::none >,
  msmf::Row< Parked,           file_timer_elapsed,     InInbox,            announce_complete,                     msmf::none >,
  msmf::Row< Parked,           future_queue_released,  InInbox,            announce_complete,                     msmf::none >
  > {};
  // clang-format on
};

}  // namespace status_file_fsm

}  // namespace cqm
