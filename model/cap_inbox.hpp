#pragma once
// The CAP's statmsgs.box as CQM's copies see it: the names of the status files in it (Q301352). Before SP4
// CQM derives a file's name from the time, so two clients copying the same status message at the same minute
// of their clocks pick the same name, and the second finds it "already exists". A file's name stays taken
// until the Inbox Manager Assistant takes the file (site.assistant_interval). The model's name is the
// client's clock minute and the status message id (the article says only "from the time"; with the time alone
// a client's two statuses copied in one minute would collide with each other). It holds the names of one
// minute: every client has the same clock offset, so a name of an earlier minute never comes back.
#include <array>
#include <boost/describe/class.hpp>
#include <string_view>

#include "model/description.hpp"
#include "model/env.hpp"
#include "model/event.hpp"
#include "model/machine_handle.hpp"

namespace cqm {

struct CapInbox;

struct CapInboxData {
  Minutes minute = kNever;  ///< the clock minute the names on the CAP come from
  std::int32_t names = 0;   ///< bit k: the name of status message kind k (status_name_bit) is taken
  bool operator==(const CapInboxData&) const = default;
};
BOOST_DESCRIBE_STRUCT(CapInboxData, (), (minute, names))

/// The bit of a status message's name among one minute's names; 0 for an inventory file (another inbox).
constexpr std::int32_t status_name_bit(StatusId status) {
  switch (status) {
    case StatusId::program_started:
      return 1;
    case StatusId::failed_mif:
      return 2;
    case StatusId::succeeded_exit_code:
      return 4;
    case StatusId::succeeded_mif:
      return 8;
    case StatusId::none:
      break;
  }
  return 0;
}

/// CQM copied a file to statmsgs.box under the name of `minute` and `bit`.
struct file_landed {
  static constexpr const char* name() { return "file_landed"; }
  Minutes minute;
  std::int32_t bit;
};
/// The Inbox Manager Assistant took the file of that name.
struct file_collected {
  static constexpr const char* name() { return "file_collected"; }
  Minutes minute;
  std::int32_t bit;
};

namespace cap_inbox_fsm {
struct cap_inbox_;  // the front-end, in model/cap_inbox_table.hpp
}  // namespace cap_inbox_fsm

/// The registry entry (model/machines.hpp): one per site, the CAP all its clients share.
struct CapInbox {
  static constexpr std::string_view name = "CapInbox";
  static constexpr std::string_view stem = "cap_inbox";
  using Front = cap_inbox_fsm::cap_inbox_;
  using Data = CapInboxData;
  enum class State : std::uint8_t { Empty, Holding };
  static constexpr std::array<std::string_view, 2> states = {"Empty", "Holding"};
  static int instances(const Config&) { return 0; }
  static int site_instances(const Config&) { return 1; }
  static constexpr bool lane_when_used = true;
  static constexpr bool past_cap = true;
  static MachineDescription describe();
  /// Whether a file copied now under the name of `minute` and `bit` finds the name in use.
  static bool taken(int state, const Data& d, Minutes minute, std::int32_t bit) {
    return state == int(State::Holding) && d.minute == minute && (d.names & bit) != 0;
  }
};

}  // namespace cqm
