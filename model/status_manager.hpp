#pragma once
// Status Manager on the site server (SMS_STATUS_MANAGER, Statmgr.log): it opens each status message file that
// appears in its inbox and decides — the decisions are its table's rows. A file it cannot open is taken for
// corrupt (Q311212): with error 5 it deletes it, with error 32 it cannot delete it either (the file stays and
// is opened again when it is whole: our assumption, the article does not go on). A message stamped later
// than the site server's clock goes to the future queue (Q246749): from SP2 until the stamp's time comes;
// before SP2 until the SMS Executive restarts (site.executive_restart_every; the article's workaround). Any
// other message goes into the site database.
#include <array>
#include <boost/describe/class.hpp>
#include <string_view>

#include "model/description.hpp"
#include "model/env.hpp"
#include "model/event.hpp"
#include "model/machine_handle.hpp"

namespace cqm {

struct StatusManager;

struct StatusManagerData {
  bool operator==(const StatusManagerData&) const = default;
};
BOOST_DESCRIBE_STRUCT(StatusManagerData, (), ())

/// Status Manager opens a file in its inbox. The route fills in the file and what the decision needs.
struct file_opened {
  static constexpr const char* name() { return "file_opened"; }
  int client;           ///< whose file it is
  int file;             ///< the StatusFile (the queue slot)
  bool complete;        ///< false: the assistant is still writing it under its final name
  Minutes stamp;        ///< the message's time stamp: the client's clock when it was made
  bool stamped_ahead;   ///< the stamp is later than the site server's clock
  std::int32_t status;  ///< its status message id, for the log
};
/// The SMS Executive was restarted (its timer).
CQM_EVENT(executive_restarted);

namespace status_manager_fsm {
struct status_manager_;  // the front-end, in model/status_manager_table.hpp
}  // namespace status_manager_fsm

/// The registry entry (model/machines.hpp): one per site.
struct StatusManager {
  static constexpr std::string_view name = "StatusManager";
  static constexpr std::string_view stem = "status_manager";
  using Front = status_manager_fsm::status_manager_;
  using Data = StatusManagerData;
  enum class State : std::uint8_t { Watching };
  static constexpr std::array<std::string_view, 1> states = {"Watching"};
  static int instances(const Config&) { return 0; }       ///< none per client ...
  static int site_instances(const Config&) { return 1; }  ///< ... one per site
  /// Its one state says nothing a timeline needs: its decisions are the files' states and Statmgr.log.
  static constexpr bool in_timeline = false;
  static constexpr bool past_cap = true;
  static MachineDescription describe();
};

}  // namespace cqm
