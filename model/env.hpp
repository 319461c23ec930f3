#pragma once
// What every machine sees of the world: the config, the clock, the log, an outbox for the facts it announces,
// and the refusal record. Machines never see each other: the System routes what they announce
// (model/routes.cpp) as events to the others, filling each event from the world as the route table says.
#include <boost/container/static_vector.hpp>
#include <cstdint>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "model/config.hpp"
#include "model/coverage.hpp"
#include "model/log.hpp"

namespace cqm {

/// An event a machine did not accept in its current state (DESIGN: unhandled events are data).
struct Refusal {
  Minutes at;
  std::string_view machine;  ///< the machine's registry name ("Destination")
  int instance;
  std::string_view state;  ///< the state it was in
  std::string_view event;  ///< the event's name()
};

/// The facts machines announce, and the environment's and the clock's inputs: each one is a row group of the
/// route table (model/routes.cpp), which turns it into events for machines.
enum class NoticeKind : std::uint8_t {
  // the environment and the clock
  user_powered_on,
  user_powered_off,
  user_logon,
  program_finished,  ///< arg: the mif (MifResult), index: the program
  clock_reached,     ///< index: the timer whose due time has come
  // Client
  client_up,
  client_stopping,
  client_logged_on,
  // any machine
  timer_armed,      ///< arg: the timer, arg2: its due time
  timer_cancelled,  ///< arg: the timer
  // Timer
  timer_elapsed,  ///< index: the timer
  // AdvertisedProgramsManager
  status_submitted,          ///< arg: the StatusId
  program_launch_requested,  ///< index: the job, arg: the MifResult its run will leave
  restart_requested,         ///< also the Program's, when it restarts the computer itself
  // Program
  program_exited,  ///< arg: the MifResult, arg2: 1 when it is restarting the computer
  // CopyQueueManager
  connection_requested,
  queue_check_requested,  ///< delete the items whose lifetime has ended
  copy_cycle_requested,   ///< arg: the CycleTrigger
  destination_service_requested,
  copy_cycle_ended,
  pending_check_requested,
  reinit_requested,
  // Connection
  connection_reestablished,
  // Destination
  copy_requested,
  found_inaccessible,
  // InventoryAgent
  inventory_collected,  ///< arg: the destination its file is for
  // QueueItem
  item_queued,
  item_delivered,
  item_overdue,
  // StatusFile (the site: the CAP and the Inbox Manager Assistant)
  file_on_cap,         ///< index: the file (its queue slot)
  file_seen_mid_copy,  ///< the file is in Status Manager's inbox under its final name, still being written
  file_complete,       ///< the file is in Status Manager's inbox, whole
  // StatusManager
  file_processed,         ///< arg: the file
  file_parked,            ///< arg: the file, arg2: when Status Manager looks at its future queue again
  file_deleted,           ///< arg: the file
  future_queue_released,  ///< the SMS Executive restarted
};
inline constexpr int kNoticeKinds = static_cast<int>(NoticeKind::future_queue_released) + 1;
std::string_view notice_name(NoticeKind kind);

struct Notice {
  NoticeKind kind;
  std::int16_t index = 0;  ///< the announcing instance (program, item, timer), within its client
  std::int32_t arg = 0;
  std::int32_t arg2 = 0;
  std::int16_t client = 0;  ///< the client whose machines the notice concerns (the site's own: `clients`)
};

/// What started a copy cycle.
enum class CycleTrigger : std::uint8_t { startup, ok_to_process, wake_up, retry_timer, reconnect };

/// The timers, one Timer machine each, in the order they fire when due at the same minute: the client's power
/// (boot and shut-down), each queue item's lifetime, CQM's reconnect timer, each destination's retry timer,
/// CQM's wake-up timer, each inventory agent's schedule, then the site's: each status file's (its copy, or
/// its stay in the future queue) and the SMS Executive's restart. timer_layout(config) (model/timer.hpp)
/// fills it.
struct TimerLayout {
  int items = 0;
  int destinations = 1;
  int agents = 0;
  int file(int item) const { return items + 3 + destinations + agents + item; }
  /// The site's timer: its index among the site's timers (they follow every client's).
  int executive_restart() const { return 0; }
  bool is_file(int timer) const { return timer >= file(0) && timer < count(); }
  int power() const { return 0; }
  int lifetime(int item) const { return 1 + item; }
  int reconnect() const { return items + 1; }
  int retry(int destination = 0) const { return items + 2 + destination; }
  int wake_up() const { return items + 2 + destinations; }
  int inventory(int agent) const { return items + 3 + destinations + agent; }
  int count() const { return 2 * items + 3 + destinations + agents; }  ///< one client's timers
  bool is_lifetime(int timer) const { return timer >= 1 && timer <= items; }
  int item_of(int timer) const { return timer - 1; }
  bool is_retry(int timer) const { return timer >= retry(0) && timer < wake_up(); }
  bool is_inventory(int timer) const { return timer >= inventory(0) && timer < file(0); }
};

/// The most notices one cascade of events may hold at once (Env::outbox): a few an event, times the depth.
/// The most one event announces is Status Manager's restart, one notice per client.
inline constexpr std::size_t kOutbox = 256;
static_assert(kOutbox >= 8 * kMaxClients, "room for a restart's notices, and a cascade below each");

/// Which timer elapsed, for the routes of timer_elapsed.
enum class TimerRole : std::uint8_t {
  power,
  lifetime,
  reconnect,
  retry,
  wake_up,
  inventory,
  site_file,
  executive_restart
};
struct Env {
  const Config* config = nullptr;
  int client = 0;  ///< whose machines see this Env: a client's, or the site's (client == site.clients)
  Minutes now = 0;
  TimerLayout timers;
  LogRecords* log = nullptr;                    ///< null: do not log (explorers)
  std::vector<Refusal>* refusal_log = nullptr;  ///< null: only count
  std::uint32_t refusals = 0;
  Coverage* coverage = nullptr;  ///< null: record nothing (model/coverage.hpp)
  /// What the machines of a cascade of events announced, the latest last; the System routes each and drops
  /// it. A fixed capacity: the System routes a notice where it lies while the machines it reaches announce
  /// more, which a vector would move.
  boost::container::static_vector<Notice, kOutbox> outbox;

  void write(LogKind kind, std::int32_t arg = 0, Inbox inbox = Inbox::statmsgs, std::int16_t instance = 0) {
    if (log) log->push_back({now, kind, arg, inbox, instance, static_cast<std::int16_t>(client)});
  }
  void refuse(std::string_view machine, int instance, std::string_view state, std::string_view event) {
    ++refusals;
    if (refusal_log) refusal_log->push_back({now, machine, instance, state, event});
  }
  /// A notice about this Env's client's machines; a site machine names the client it is about. Written field
  /// by field where it will lie, as the System reads it: a notice built aside and copied whole was read back
  /// before its parts' stores had landed (a store-forwarding stall on every notice).
  void post(NoticeKind kind, int index, std::int32_t arg, std::int32_t arg2, int about = -1) {
    if (outbox.size() == kOutbox) [[unlikely]]
      throw std::logic_error("model bug: a cascade of events announced more than 256 notices");
    outbox.emplace_back(kind, static_cast<std::int16_t>(index), arg, arg2,
                        static_cast<std::int16_t>(about < 0 ? client : about));
  }
};

}  // namespace cqm
