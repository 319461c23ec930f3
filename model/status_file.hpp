#pragma once
// A status message file past the client, the part of its path Q200852 traces: on the CAP (statmsgs.box),
// copied by the Inbox Manager Assistant to the site server's inbox (statmgr.box\statmsgs), and there taken
// by Status Manager (model/status_manager.hpp) into the site database — or parked in its future queue, or
// deleted as corrupt. One instance per queue slot, the slot's status message's file; an inventory file goes
// to another inbox and leaves its instance Absent. The assistant's copy takes site.status_file_bytes over
// site.link_kbps; before Q311212's hotfix the file is visible under its final name while it is written, so
// Status Manager may open it mid-copy. The assistant is modelled only through this copy: it picks a file up
// as soon as it lands on the CAP (assumption: the articles give no polling interval).
#include <array>
#include <boost/describe/class.hpp>
#include <string_view>

#include "model/description.hpp"
#include "model/env.hpp"
#include "model/event.hpp"
#include "model/key_rules.hpp"
#include "model/machine_handle.hpp"

namespace cqm {

struct StatusFile;

/// The stamp and the status are the queue item's (the same slot); the file's name on the CAP is its own.
struct StatusFileData {
  Minutes name_minute = kNever;  ///< the client's clock minute its name on the CAP came from (Q301352)
  bool operator==(const StatusFileData&) const = default;
};
BOOST_DESCRIBE_STRUCT(StatusFileData, (), (name_minute))

/// CQM copied the slot's item to its inbox on the CAP; only a status message is Status Manager's.
struct copied_to_cap {
  static constexpr const char* name() { return "copied_to_cap"; }
  bool status_message;
  Minutes name_minute;  ///< the client's clock minute of the copy: the file's name (before SP4)
};
/// The Inbox Manager Assistant starts copying the file to the site server; the copy takes `minutes`.
struct copy_started {
  static constexpr const char* name() { return "copy_started"; }
  Minutes minutes;
};
/// The file's timer elapsed: its copy is over, or the time Status Manager set for its future queue came.
CQM_EVENT(file_timer_elapsed);
/// Status Manager's verdicts on the file.
CQM_EVENT(processed);
struct parked {
  static constexpr const char* name() { return "parked"; }
  Minutes until;  ///< when Status Manager looks at it again; kNever: not before the SMS Executive restarts
};
CQM_EVENT(deleted_as_corrupt);
/// The SMS Executive restarted: Status Manager takes its future queue again (Q246749's workaround).
CQM_EVENT(future_queue_released);

namespace status_file_fsm {
struct status_file_;  // the front-end, in model/status_file_table.hpp
}  // namespace status_file_fsm

/// The registry entry (model/machines.hpp): one instance per queue slot.
struct StatusFile {
  static constexpr std::string_view name = "StatusFile";
  static constexpr std::string_view stem = "status_file";
  using Front = status_file_fsm::status_file_;
  using Data = StatusFileData;
  enum class State : std::uint8_t {
    Absent,
    OnCap,
    CopyingVisible,
    CopyingAsTmp,
    InInbox,
    Parked,
    DeletedAsCorrupt,
    Processed
  };
  static constexpr std::array<std::string_view, 8> states = {"Absent",           "OnCap",    "CopyingVisible",
                                                             "CopyingAsTmp",     "InInbox",  "Parked",
                                                             "DeletedAsCorrupt", "Processed"};
  static int instances(const Config& c);
  static constexpr bool many = true;            ///< instances are named Name[i]
  static constexpr bool lane_when_used = true;  ///< a client-side story leaves every file Absent
  static constexpr bool past_cap = true;
  /// On its way through the site: something may still happen to it.
  static bool in_transit(int state) {
    return state != int(State::Absent) && state != int(State::Processed) &&
           state != int(State::DeletedAsCorrupt);
  }
  static MachineDescription describe();
  static std::string summary(int state, const Data&) {
    switch (static_cast<State>(state)) {
      case State::Parked:
        return "status file in the future queue";
      case State::Processed:
        return "status processed at the site";
      case State::DeletedAsCorrupt:
        return "status file deleted as corrupt";
      default:
        return "";
    }
  }
};

constexpr auto key_rules(const StatusFileData*) {
  return std::tuple{key::kept_as(
      &StatusFileData::name_minute,
      +[](const key::Context& c, Minutes v) { return c.state == int(StatusFile::State::OnCap) ? v : kNever; },
      "only the assistant's taking of a file on the CAP reads its name (to free it in the CAP's inbox); "
      "once the file has left the CAP nothing does")};
}

}  // namespace cqm
