#pragma once
// The Windows 9x client's power: the user switches it on and off, programs and SMS restart it.
#include "model/events.hpp"
#include "model/machine_handle.hpp"

namespace cqm {

CQM_EVENT(powered_on);
CQM_EVENT(boot_completed);
CQM_EVENT(shutdown_requested);
CQM_EVENT(shutdown_completed);
CQM_EVENT(restart_requested);

namespace client_fsm {

CQM_STATE(Off);
CQM_STATE(Booting);
CQM_STATE(Up);
CQM_STATE(ShuttingDown);
CQM_STATE(Restarting);

/// Start-up is where CQM's initialisation races the status submission, so it is announced.
struct announce_up {
  static constexpr const char* name() { return "announce_up"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.up_since = fsm.env->now;
    ++fsm.start_ups;
    fsm.env->post(NoticeKind::client_up);
  }
};

/// Leaving Up stops CQM: its queue is on disk, its retry state is not.
struct announce_stopping {
  static constexpr const char* name() { return "announce_stopping"; }
  template <class Evt, class Fsm, class Src, class Tgt>
  void operator()(Evt const&, Fsm& fsm, Src&, Tgt&) const {
    fsm.env->post(NoticeKind::client_stopping);
  }
};

struct client_ : machine_def<client_, MachineKind::client> {
  using initial_state = Off;

  Minutes up_since = 0;  ///< the last start-up (boot completed)
  int start_ups = 0;

  // clang-format off
  struct transition_table : boost::mpl::vector<
  //         Start         | Event               | Next          | Action             | Guard
  msmf::Row< Off,            powered_on,           Booting,        msmf::none,          msmf::none >,
  msmf::Row< Booting,        boot_completed,       Up,             announce_up,         msmf::none >,
  msmf::Row< Up,             shutdown_requested,   ShuttingDown,   announce_stopping,   msmf::none >,
  msmf::Row< Up,             restart_requested,    Restarting,     announce_stopping,   msmf::none >,
  msmf::Row< ShuttingDown,   shutdown_completed,   Off,            msmf::none,          msmf::none >,
  msmf::Row< Restarting,     shutdown_completed,   Booting,        msmf::none,          msmf::none >
  > {};
  // clang-format on
};

}  // namespace client_fsm

/// State indices (== MSM ids; client.cpp checks this at compile time).
enum class ClientState { Off, Booting, Up, ShuttingDown, Restarting };
inline constexpr const char* kClientStateNames[] = {client_fsm::Off::name(), client_fsm::Booting::name(),
                                                    client_fsm::Up::name(), client_fsm::ShuttingDown::name(),
                                                    client_fsm::Restarting::name()};
using Client = MachineHandle<client_fsm::client_>;

}  // namespace cqm
