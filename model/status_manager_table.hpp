#pragma once
// StatusManager's Boost.MSM front-end: its state, actions, guards and transition table. Included by
// status_manager.cpp (which instantiates the back-end) and its tests; everything else sees the machine
// through model/status_manager.hpp.
#include "model/machine_def.hpp"
#include "model/service_packs.hpp"
#include "model/status_manager.hpp"

namespace cqm {

namespace status_manager_fsm {

CQM_STATE(Watching);

/// The file a Statmgr.log line names: the client's slot, numbered across the site (model/log.hpp, svf_name).
inline std::int16_t file_id(const file_opened& evt) {
  return static_cast<std::int16_t>(evt.client * kFilesPerClient + evt.file);
}

/// Q311212's first log entry: error 5, and the file deleted.
struct delete_as_corrupt {
  static constexpr const char* name() { return "delete_as_corrupt"; }
  template <class Fsm, class Src, class Tgt>
  void operator()(file_opened const& evt, Fsm& fsm, Src&, Tgt&) const {
    fsm.env->write(LogKind::statmgr_denied, evt.status, Inbox::statmsgs, file_id(evt));
    fsm.announce_for(evt.client, NoticeKind::file_deleted, evt.file);
  }
};

/// Q311212's second: error 32 on opening, and again on deleting; the file stays.
struct fail_to_delete {
  static constexpr const char* name() { return "fail_to_delete"; }
  template <class Fsm, class Src, class Tgt>
  void operator()(file_opened const& evt, Fsm& fsm, Src&, Tgt&) const {
    fsm.env->write(LogKind::statmgr_in_use, evt.status, Inbox::statmsgs, file_id(evt));
  }
};

struct process {
  static constexpr const char* name() { return "process"; }
  template <class Fsm, class Src, class Tgt>
  void operator()(file_opened const& evt, Fsm& fsm, Src&, Tgt&) const {
    fsm.env->write(LogKind::statmgr_processed, evt.status, Inbox::statmsgs, file_id(evt));
    fsm.announce_for(evt.client, NoticeKind::file_processed, evt.file);
  }
};

/// To the future queue, until the stamp's time (SP2) or the next restart of the SMS Executive.
template <bool UntilStamp>
struct park {
  static constexpr const char* name() { return UntilStamp ? "park_until_stamp" : "park"; }
  template <class Fsm, class Src, class Tgt>
  void operator()(file_opened const& evt, Fsm& fsm, Src&, Tgt&) const {
    fsm.env->write(LogKind::statmgr_future, evt.stamp, Inbox::statmsgs, file_id(evt));
    fsm.announce_for(evt.client, NoticeKind::file_parked, evt.file, UntilStamp ? evt.stamp : kNever);
    // An administrator who restarts the SMS Executive on a schedule (the workaround) restarts it next at the
    // schedule's next tick.
    if (const Minutes every = fsm.config().model.site.executive_restart_every; !UntilStamp && every > 0)
      fsm.arm_timer(fsm.env->timers.executive_restart(), (fsm.now() / every + 1) * every);
  }
};

struct release_future_queue {
  static constexpr const char* name() { return "release_future_queue"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.env->write(LogKind::statmgr_restarted);
    for (int client = 0; client < fsm.config().model.site.clients; ++client)
      fsm.announce_for(client, NoticeKind::future_queue_released);
  }
};

struct is_complete {
  static constexpr const char* name() { return "is_complete"; }
  template <class Fsm, class Src, class Tgt>
  bool operator()(file_opened const& evt, Fsm&, Src&, Tgt&) const {
    return evt.complete;
  }
};

struct is_stamped_ahead {
  static constexpr const char* name() { return "is_stamped_ahead"; }
  template <class Fsm, class Src, class Tgt>
  bool operator()(file_opened const& evt, Fsm&, Src&, Tgt&) const {
    return evt.stamped_ahead;
  }
};

/// Which error the open of a half-written file gets (site.open_error: Q311212 gives 5 and 32).
struct access_denied {
  static constexpr const char* name() { return "access_denied"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  bool operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    return fsm.config().model.site.open_error == 5;
  }
};

/// Before SP2 the future queue is not looked at again (Q246749).
struct future_queue_stalls {
  static constexpr const char* name() { return "future_queue_stalls"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  bool operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    return has_behaviour(fsm.config().model, KbBehaviour::future_queue_never_processed);
  }
};

struct status_manager_ : machine_def<status_manager_, StatusManager>, StatusManagerData {
  using initial_state = Watching;

  // clang-format off
  struct transition_table : boost::mpl::vector<
  //         Start      | Event                | Next         | Action                 | Guard
  msmf::Row< Watching,    file_opened,           msmf::none,    delete_as_corrupt,       all_of<not_<is_complete>, access_denied> >,
  msmf::Row< Watching,    file_opened,           msmf::none,    fail_to_delete,          all_of<not_<is_complete>, not_<access_denied>> >,
  msmf::Row< Watching,    file_opened,           msmf::none,    park<false>,             all_of<is_complete, is_stamped_ahead, future_queue_stalls> >,
  msmf::Row< Watching,    file_opened,           msmf::none,    park<true>,              all_of<is_complete, is_stamped_ahead, not_<future_queue_stalls>> >,
  msmf::Row< Watching,    file_opened,           msmf::none,    process,                 all_of<is_complete, not_<is_stamped_ahead>> >,
  msmf::Row< Watching,    executive_restarted,   msmf::none,    release_future_queue,    msmf::none >
  > {};
  // clang-format on
};

}  // namespace status_manager_fsm

}  // namespace cqm
