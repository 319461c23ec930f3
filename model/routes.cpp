#include "model/routes.hpp"

#include <array>
#include <type_traits>

#include "model/service_packs.hpp"
#include "model/system.hpp"

namespace cqm {
namespace {

using N = NoticeKind;

template <class M, class Event>
Route to(N notice, std::string_view from, Select select, std::optional<TimerRole> role = {}) {
  return {
      notice, from, role, machine_index<M>, select, event_name<Event>(), [](System& s, const Notice&, int i) {
        s.group<M>().on(s.global<M>(i), Event{});
      }};
}

/// The event is made from the notice and the world: what the target's guards need to decide. A maker that
/// takes the target instance too fills in what differs between instances (the item's own destination). Makers
/// are captureless lambdas, made where they are called, so that a route is a plain function pointer.
template <class Make>
auto make_event(const System& s, const Notice& n, int i) {
  static_assert(std::is_empty_v<Make> && std::is_default_constructible_v<Make>, "a maker captures nothing");
  if constexpr (std::is_invocable_v<Make, const System&, const Notice&, int>)
    return Make{}(s, n, i);
  else
    return Make{}(s, n);
}

template <class M, class Make>
Route to(N notice, std::string_view from, Select select, Make, std::optional<TimerRole> role = {}) {
  using Event = decltype(make_event<Make>(std::declval<const System&>(), std::declval<const Notice&>(), 0));
  return {
      notice,
      from,
      role,
      machine_index<M>,
      select,
      event_name<Event>(),
      [](System& s, const Notice& n, int i) { s.group<M>().on(s.global<M>(i), make_event<Make>(s, n, i)); }};
}

/// CQM cannot copy to the destination now: it waits for a retry, or its connection or the CAP is down. The
/// world's side counts too: at a start-up the retry state is gone with the last CQM (Q263594's client stays
/// cut off whether or not CQM has found it out yet).
bool cap_reachable(const System& s) {
  return s.state<Connection>() == Connection::State::Established && !s.inputs().cap_outage &&
         s.config().env.cap_reachable;
}
bool destination_inaccessible(const System& s, int destination) {
  return s.state<Destination>(destination) == Destination::State::RetryPending || !cap_reachable(s);
}

constexpr std::string_view kTimerOwners =
    "Client, CopyQueueManager, Connection, Destination, QueueItem, InventoryAgent, StatusFile, StatusManager";

/// The client's clock now, in minutes: what its file names come from (Q301352).
Minutes client_minute(const System& s) { return s.now() + s.clock_offset(); }

/// Before SP4 the item's file takes the name of the client's minute and its status, which another client's
/// file may hold in the CAP's inbox already.
bool name_taken(const System& s, int item) {
  if (!has_behaviour(s.config().model, KbBehaviour::file_names_from_time)) return false;
  return CapInbox::taken(int(s.state<CapInbox>()), s.data<CapInbox>(), client_minute(s),
                         status_name_bit(s.data<QueueItem>(item).status));
}

/// Status Manager opens file `file`: its stamp is the client's clock when the status was made (the
/// submission), which Status Manager compares with the site server's — the model's — clock.
file_opened opened(const System& s, int file, bool complete) {
  const QueueItemData& item = s.data<QueueItem>(file);
  const Minutes stamp = item.submitted_at + s.clock_offset();
  return {s.focused(), file, complete, stamp, stamp > s.now(), static_cast<std::int32_t>(item.status)};
}

std::vector<Route> make_table() {
  using CQM = CopyQueueManager;
  using APM = AdvertisedProgramsManager;
  // clang-format off
  return {
      // The environment and the clock.
      to<Client, powered_on>(N::user_powered_on, "environment", Select::one),
      to<Client, shutdown_requested>(N::user_powered_off, "environment", Select::one),
      to<Client, logon_requested>(N::user_logon, "environment", Select::one),
      to<APM>(N::program_finished, "environment", Select::announcer, [](const System& s, const Notice& n) {
        return advertisement_due{static_cast<MifResult>(n.arg), s.state<Client>() == Client::State::Up};
      }),
      to<Timer, clock_reached>(N::clock_reached, "clock", Select::announcer),
      // Start-up: CQM starts (and asks for its connection and checks its queue); a status the program's restart
      // left behind is submitted "moments later"; then the start-up cycle; then programs due while the PC was off.
      to<CQM, cqm_started>(N::client_up, "Client", Select::one),
      to<APM, client_started>(N::client_up, "Client", Select::every),
      to<InventoryAgent, client_started>(N::client_up, "Client", Select::every),
      to<CQM, start_up_cycle_due>(N::client_up, "Client", Select::one),
      to<APM, user_logged_on>(N::client_up, "Client", Select::every),
      to<APM, user_logged_on>(N::client_logged_on, "Client", Select::every),
      to<CQM, cqm_stopped>(N::client_stopping, "Client", Select::one),
      to<Connection, cqm_stopped>(N::client_stopping, "Client", Select::one),
      to<Destination, cqm_stopped>(N::client_stopping, "Client", Select::every),
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
      to<InventoryAgent>(N::timer_elapsed, "Timer", Select::timer_agent, [](const System& s, const Notice&) {
        return inventory_due{s.state<Client>() == Client::State::Up};
      }, TimerRole::inventory),
      // The Advertised Programs Manager and the programs.
      to<QueueItem>(N::status_submitted, "AdvertisedProgramsManager", Select::free_slot,
                    [](const System&, const Notice& n) {
                      return item_submitted{static_cast<StatusId>(n.arg), 0, n.arg2};
                    }),
      to<Program>(N::program_launch_requested, "AdvertisedProgramsManager", Select::announcer,
                  [](const System&, const Notice& n) { return program_launched{static_cast<MifResult>(n.arg)}; }),
      to<APM>(N::program_exited, "Program", Select::announcer, [](const System&, const Notice& n) {
        return program_exited{static_cast<MifResult>(n.arg), n.arg2 != 0};
      }),
      to<Client, restart_requested>(N::restart_requested, "Program, AdvertisedProgramsManager", Select::one),
      // Inventory agents.
      to<QueueItem>(N::inventory_collected, "InventoryAgent", Select::inventory_slot,
                    [](const System&, const Notice& n) { return item_submitted{StatusId::none, n.arg}; }),
      // Copy Queue Manager.
      to<Connection>(N::connection_requested, "CopyQueueManager", Select::one, [](const System& s, const Notice&) {
        return connect_requested{s.planned_init_failure(), s.work_racing()};
      }),
      to<QueueItem>(N::queue_check_requested, "CopyQueueManager", Select::in_queue,
                    [](const System& s, const Notice&, int item) {
                      return expiry_checked{destination_inaccessible(s, s.data<QueueItem>(item).destination)};
                    }),
      to<CQM>(N::copy_cycle_requested, "CopyQueueManager", Select::one,
              [](const System&, const Notice& n) { return copy_cycle_started{static_cast<CycleTrigger>(n.arg)}; }),
      to<Destination>(N::destination_service_requested, "CopyQueueManager", Select::every,
                      [](const System& s, const Notice&, int destination) {
                        return service_requested{s.any_in_queue_for(destination),
                                                 s.state<Connection>() == Connection::State::Established,
                                                 !s.inputs().cap_outage && s.config().env.cap_reachable,
                                                 s.data<Timer>(s.timers().wake_up()).due};
                      }),
      to<CQM, copy_cycle_finished>(N::copy_cycle_ended, "CopyQueueManager", Select::one),
      to<CQM, pending_checked>(N::pending_check_requested, "CopyQueueManager", Select::one),
      to<Connection, reinit_requested>(N::reinit_requested, "CopyQueueManager", Select::one),
      // Connection.
      to<Destination, reconnected>(N::connection_reestablished, "Connection", Select::every),
      // Destination.
      to<QueueItem>(N::copy_requested, "Destination", Select::its_items, [](const System& s, const Notice&, int item) {
        return item_copied{name_taken(s, item)};
      }),
      to<Connection, link_found_down>(N::found_inaccessible, "Destination", Select::one),
      // Queue items.
      // The registry hears of the item before CQM acts on it (its cycle may copy the item at once).
      to<Registry>(N::item_queued, "QueueItem", Select::every,
                   [](const System& s, const Notice&) { return item_stored{s.items_in_queue()}; }),
      to<CQM, ok_to_process_signalled>(N::item_queued, "QueueItem", Select::one),
      to<Destination, item_received>(N::item_delivered, "QueueItem", Select::arg),
      to<CQM, overdue_item_found>(N::item_overdue, "QueueItem", Select::one),
      // The site: the file CQM copied lands on the CAP; the Inbox Manager Assistant copies it to the site server;
      // Status Manager opens it.
      to<CapInbox>(N::item_delivered, "QueueItem", Select::one, [](const System& s, const Notice& n) {
        return file_landed{client_minute(s), status_name_bit(s.data<QueueItem>(n.index).status),
                           s.earliest_client_minute()};
      }),
      to<StatusFile>(N::item_delivered, "QueueItem", Select::announcer, [](const System& s, const Notice& n) {
        return copied_to_cap{s.data<QueueItem>(n.index).status != StatusId::none, client_minute(s)};
      }),
      to<CapInbox>(N::file_on_cap, "StatusFile", Select::one, [](const System& s, const Notice& n) {
        return file_collected{s.data<StatusFile>(n.index).name_minute,
                              status_name_bit(s.data<QueueItem>(n.index).status)};
      }),
      to<StatusFile>(N::file_on_cap, "StatusFile", Select::announcer, [](const System& s, const Notice&) {
        return copy_started{s.config().model.site_copy_minutes()};
      }),
      to<StatusManager>(N::file_seen_mid_copy, "StatusFile", Select::one, [](const System& s, const Notice& n) {
        return opened(s, n.index, false);
      }),
      to<StatusManager>(N::file_complete, "StatusFile", Select::one, [](const System& s, const Notice& n) {
        return opened(s, n.index, true);
      }),
      to<StatusFile, processed>(N::file_processed, "StatusManager", Select::arg),
      to<StatusFile>(N::file_parked, "StatusManager", Select::arg, [](const System&, const Notice& n) {
        return parked{n.arg2};
      }),
      to<StatusFile, deleted_as_corrupt>(N::file_deleted, "StatusManager", Select::arg),
      to<StatusFile, future_queue_released>(N::future_queue_released, "StatusManager", Select::parked),
      to<StatusFile, file_timer_elapsed>(N::timer_elapsed, "Timer", Select::timer_file, TimerRole::site_file),
      to<StatusManager, executive_restarted>(N::timer_elapsed, "Timer", Select::one, TimerRole::executive_restart),
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
    case Select::inventory_slot:
      return "next inventory slot";
    case Select::its_items:
      return "its items";
    case Select::timer_agent:
      return "its agent";
    case Select::timer_file:
      return "its file";
    case Select::parked:
      return "parked files";
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
    case TimerRole::inventory:
      return "inventory";
    case TimerRole::site_file:
      return "status file";
    case TimerRole::executive_restart:
      return "SMS Executive restart";
  }
  return "?";
}

TimerRole timer_role(const TimerLayout& layout, int timer) {
  if (timer == layout.power()) return TimerRole::power;
  if (layout.is_lifetime(timer)) return TimerRole::lifetime;
  if (timer == layout.reconnect()) return TimerRole::reconnect;
  if (layout.is_retry(timer)) return TimerRole::retry;
  if (layout.is_inventory(timer)) return TimerRole::inventory;
  if (layout.is_file(timer)) return TimerRole::site_file;
  if (timer == layout.executive_restart()) return TimerRole::executive_restart;
  return TimerRole::wake_up;
}

const std::vector<Route>& route_table() {
  static const std::vector<Route> table = make_table();
  return table;
}

}  // namespace cqm
