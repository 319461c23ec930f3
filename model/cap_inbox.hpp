#pragma once
// The CAP's statmsgs.box as CQM's copies see it: the names of the status files in it (Q301352). Before SP4
// CQM derives a file's name from the time, so two clients copying the same status message at the same minute
// of their clocks pick the same name, and the second finds it "already exists". A file's name stays taken
// until the Inbox Manager Assistant takes the file (site.assistant_interval). The model's name is the
// client's clock minute and the status message id (the article says only "from the time"; with the time alone
// a client's two statuses copied in one minute would collide with each other). It holds the names of
// kMaxClockSpread minutes: a name older than the earliest minute any client's clock can still show is never
// drawn again, so clients whose clocks differ by less than that leave nothing out.
#include <array>
#include <boost/describe/class.hpp>
#include <string_view>

#include "model/description.hpp"
#include "model/env.hpp"
#include "model/event.hpp"
#include "model/key_rules.hpp"
#include "model/machine_handle.hpp"

namespace cqm {

struct CapInbox;

/// The minutes of names the inbox tells apart: the most the clients' clocks of one site may differ by
/// (System::set_clock_offset checks it).
inline constexpr Minutes kMaxClockSpread = 16;
/// Status message kinds a minute has names for (status_name_bit).
inline constexpr int kNameKinds = 4;

struct CapInboxData {
  Minutes minute = kNever;  ///< the earliest clock minute whose names are held
  /// bit kNameKinds * (m - minute) + k: the name of minute m and status message kind k is taken
  std::uint64_t names = 0;
  bool operator==(const CapInboxData&) const = default;
};
BOOST_DESCRIBE_STRUCT(CapInboxData, (), (minute, names))

/// The explorers give every client the config's one clock offset (only the population estimate sets each
/// client's own), and then a landing name drops every older minute's: the set holds one minute's names.
constexpr auto key_rules(const CapInboxData*) {
  return std::tuple{key::narrow_to(
      &CapInboxData::names, +[](const Config&) { return kNameKinds; },
      "the explorers' clients share one clock, so the CAP holds the names of one minute at a time")};
}

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

/// CQM copied a file to statmsgs.box under the name of `minute` and `bit`; names before `earliest` can no
/// longer be drawn by any client (System::earliest_client_minute).
struct file_landed {
  static constexpr const char* name() { return "file_landed"; }
  Minutes minute;
  std::int32_t bit;
  Minutes earliest;
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
    return state == int(State::Holding) && minute >= d.minute && minute - d.minute < kMaxClockSpread &&
           (d.names & name_mask(minute - d.minute, bit)) != 0;
  }
  /// The bit of kind `bit`'s name `step` minutes after the earliest minute held.
  static constexpr std::uint64_t name_mask(Minutes step, std::int32_t bit) {
    return static_cast<std::uint64_t>(bit) << (kNameKinds * step);
  }
};

}  // namespace cqm
