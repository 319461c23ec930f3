#include "model/routes.hpp"

#include <array>

#include "model/system.hpp"

namespace cqm {
namespace {

using N = NoticeKind;

template <class M>
int instances_of(const System& s) {
  return s.group<M>().size();
}

template <class M, class Event>
Route to(N notice, std::string_view from, Select select, std::optional<TimerRole> role = {}) {
  return {notice,
          from,
          role,
          machine_index<M>,
          select,
          event_name<Event>(),
          [](System& s, const Notice&, int i) { s.group<M>().on(i, Event{}); },
          &instances_of<M>};
}

/// The event is made from the notice and the world: what the target's guards need to decide.
template <class M, class Make>
Route to(N notice, std::string_view from, Select select, Make make, std::optional<TimerRole> role = {}) {
  using Event = decltype(make(std::declval<const System&>(), std::declval<const Notice&>()));
  return {notice,
          from,
          role,
          machine_index<M>,
          select,
          event_name<Event>(),
          [make](System& s, const Notice& n, int i) { s.group<M>().on(i, make(s, n)); },
          &instances_of<M>};
}

constexpr std::string_view kTimerOwners = "Client, CopyQueueManager, Connection, Destination, QueueItem";

std::vector<Route> make_table() {
  using CQM = CopyQueueManager;
  // clang-format off
  return {
      // The environment and the clock.
      to<Client, powered_on>(N::user_powered_on, "environment", Select::one),
      to<Client, shutdown_requested>(N::user_powered_off, "environment", Select::one),
      to<Program>(N::program_finished, "environment", Select::announcer, [](const System& s, const Notice& n) {
        return program_finished{static_cast<MifResult>(n.arg), s.state<Client>() == Client::State::Up};
      }),
      to<Timer, clock_reached>(N::clock_reached, "clock", Select::announcer),
      // Start-up: CQM starts (and asks for its connection and checks its queue); a status the program's restart
      // left behind is submitted "moments later"; then the start-up cycle; then programs due while the PC was off.
      to<CQM, cqm_started>(N::client_up, "Client", Select::one),
      to<Program, client_started>(N::client_up, "Client", Select::every),
      to<CQM, start_up_cycle_due>(N::client_up, "Client", Select::one),
      to<Program, start_up_completed>(N::client_up, "Client", Select::every),
      to<CQM, cqm_stopped>(N::client_stopping, "Client", Select::one),
      to<Connection, cqm_stopped>(N::client_stopping, "Client", Select::one),
      to<Destination, cqm_stopped>(N::client_stopping, "Client", Select::one),
      // Timers.
      to<Timer>(N::timer_armed, kTimerOwners, Select::arg,
                [](const System&, const Notice& n) { return timer_armed{n.arg2}; }),
      to<Timer, timer_cancelled>(N::timer_cancelled, kTimerOwners, Select::arg),
      to<Client, power_timer_elapsed>(N::timer_elapsed, "Timer", Select::one, TimerRole::power),
      to<QueueItem, lifetime_ended>(N::timer_elapsed, "Timer", Select::timer_item, TimerRole::lifetime),
      to<Connection, reconnect_timer_elapsed>(N::timer_elapsed, "Timer", Select::one, TimerRole::reconnect),
      to<CQM, reconnect_due>(N::timer_elapsed, "Timer", Select::one, TimerRole::reconnect),
      to<CQM, retry_due>(N::timer_elapsed, "Timer", Select::one, TimerRole::retry),
      to<CQM, wake_up_due>(N::timer_elapsed, "Timer", Select::one, TimerRole::wake_up),
      // Programs.
      to<QueueItem>(N::status_submitted, "Program", Select::free_slot,
                    [](const System&, const Notice& n) { return item_submitted{static_cast<StatusId>(n.arg)}; }),
      to<Client, restart_requested>(N::restart_requested, "Program", Select::one),
      // Copy Queue Manager.
      to<Connection>(N::connection_requested, "CopyQueueManager", Select::one, [](const System& s, const Notice&) {
        return connect_requested{s.planned_init_failure(), s.work_racing()};
      }),
      to<QueueItem>(N::queue_check_requested, "CopyQueueManager", Select::in_queue, [](const System& s, const Notice&) {
        return expiry_checked{s.state<Destination>() == Destination::State::RetryPending};
      }),
      to<CQM>(N::copy_cycle_requested, "CopyQueueManager", Select::one,
              [](const System&, const Notice& n) { return copy_cycle_started{static_cast<CycleTrigger>(n.arg)}; }),
      to<Destination>(N::destination_service_requested, "CopyQueueManager", Select::one,
                      [](const System& s, const Notice&) {
                        return service_requested{s.any_in_queue(),
                                                 s.state<Connection>() == Connection::State::Established,
                                                 !s.inputs().cap_outage,
                                                 s.data<Timer>(s.timers().wake_up()).due};
                      }),
      to<CQM, copy_cycle_finished>(N::copy_cycle_ended, "CopyQueueManager", Select::one),
      to<CQM, pending_checked>(N::pending_check_requested, "CopyQueueManager", Select::one),
      to<Connection, reinit_requested>(N::reinit_requested, "CopyQueueManager", Select::one),
      // Connection.
      to<Destination, reconnected>(N::connection_reestablished, "Connection", Select::one),
      // Destination.
      to<QueueItem, item_copied>(N::copy_requested, "Destination", Select::in_queue),
      to<Connection, link_found_down>(N::found_inaccessible, "Destination", Select::one),
      // Queue items.
      to<CQM, ok_to_process_signalled>(N::item_queued, "QueueItem", Select::one),
      to<Destination, item_received>(N::item_delivered, "QueueItem", Select::one),
      to<CQM, overdue_item_found>(N::item_overdue, "QueueItem", Select::one),
  };
  // clang-format on
}

}  // namespace

std::string_view select_name(Select select) {
  switch (select) {
    case Select::one:
      return "one";
    case Select::every:
      return "every";
    case Select::announcer:
      return "announcer";
    case Select::arg:
      return "named";
    case Select::timer_item:
      return "its item";
    case Select::free_slot:
      return "next free slot";
    case Select::in_queue:
      return "in the queue";
  }
  return "?";
}

std::string_view timer_role_name(TimerRole role) {
  switch (role) {
    case TimerRole::power:
      return "power";
    case TimerRole::lifetime:
      return "lifetime";
    case TimerRole::reconnect:
      return "reconnect";
    case TimerRole::retry:
      return "retry";
    case TimerRole::wake_up:
      return "wake-up";
  }
  return "?";
}

TimerRole timer_role(const TimerLayout& layout, int timer) {
  if (timer == layout.power()) return TimerRole::power;
  if (layout.is_lifetime(timer)) return TimerRole::lifetime;
  if (timer == layout.reconnect()) return TimerRole::reconnect;
  if (timer == layout.retry()) return TimerRole::retry;
  return TimerRole::wake_up;
}

const std::vector<Route>& route_table() {
  static const std::vector<Route> table = make_table();
  return table;
}

}  // namespace cqm
