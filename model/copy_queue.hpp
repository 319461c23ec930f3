#pragma once
// The Copy Queue Manager: started at each start-up, it asks for its connection to the CAP
// (model/connection.hpp), deletes the items whose lifetime has ended, and runs numbered copy cycles — at
// start-up, on an item's 'OK to Process' event, and on its timers (wake-up, and the retry and reconnect
// timers of the fixes). A cycle checks the queue, services the destination (model/destination.hpp) and logs
// its end.
#include <array>
#include <boost/describe/class.hpp>
#include <string_view>

#include "model/description.hpp"
#include "model/env.hpp"
#include "model/events.hpp"
#include "model/key_rules.hpp"
#include "model/machine_handle.hpp"

namespace cqm {

struct CopyQueueManager;

struct CopyQueueData {
  int cycle_no = 0;            ///< the log numbers copy cycles from 1 per CQM start
  bool ok_to_process = false;  ///< CQM's auto-reset 'OK to Process' event, signalled by a queued item
  bool operator==(const CopyQueueData&) const = default;
};
BOOST_DESCRIBE_STRUCT(CopyQueueData, (), (cycle_no, ok_to_process))

constexpr auto key_rules(const CopyQueueData*) {
  return std::tuple{key::not_stored(
      &CopyQueueData::cycle_no, +[](const key::Context&, const CopyQueueData&) { return 0; },
      "it only numbers the log's \"Starting Copy Cycle no. N\" lines; no guard or property reads it, and a "
      "counterexample's log comes from its replay on a fresh System")};
}

/// The client is up: CQM starts.
CQM_EVENT(cqm_started);
/// A queue item was submitted.
CQM_EVENT(ok_to_process_signalled);
/// The work racing the start-up is in (a status the restart left behind): the start-up cycle is due.
CQM_EVENT(start_up_cycle_due);
struct copy_cycle_started {
  static constexpr const char* name() { return "copy_cycle_started"; }
  CycleTrigger trigger;
};
CQM_EVENT(copy_cycle_finished);
CQM_EVENT(pending_checked);
CQM_EVENT(wake_up_due);
CQM_EVENT(retry_due);
CQM_EVENT(reconnect_due);
/// An item's lifetime ended: delete it now if CQM runs, else when it next starts.
CQM_EVENT(overdue_item_found);

namespace copy_queue_fsm {
struct copy_queue_;  // the front-end, in model/copy_queue_table.hpp
}  // namespace copy_queue_fsm

/// The registry entry (model/machines.hpp).
struct CopyQueueManager {
  static constexpr std::string_view name = "CopyQueueManager";
  static constexpr std::string_view stem = "copy_queue";
  using Front = copy_queue_fsm::copy_queue_;
  using Data = CopyQueueData;
  enum class State : std::uint8_t { Stopped, StartingUp, Running };
  static constexpr std::array<std::string_view, 3> states = {"Stopped", "StartingUp", "Running"};
  static int instances(const Config&) { return 1; }
  static MachineDescription describe();
};

}  // namespace cqm
