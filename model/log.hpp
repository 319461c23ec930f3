#pragma once
// Cqmgr32.log as the model writes it: actions append compact records; text is made only when someone reads
// it, so a run that nobody reads (the explorers) pays a push_back at most.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/time.hpp"
#include "model/vocabulary.hpp"

namespace cqm {

enum class LogKind : std::uint8_t {
  cqm_started,                ///< assumption: the KB shows no start-up line; ours is marked as such in README
  init_failed,                ///< assumption
  cycle_started,              ///< KB: "Starting Copy Cycle no. N"
  ok_to_process_unsignalled,  ///< KB: "'OK to Process' event unsignalled"
  servicing,                  ///< KB: "-Servicing Destination[...]"
  inaccessible,               ///< KB: "Destination[...] is inaccessible"
  retry_set,                  ///< KB: "-Destination[...] retry set to N"
  not_ready_for_retry,        ///< KB: "-Destination[...] not yet ready for retry"
  cycle_finished,             ///< KB: "Copy cycle finished normally"
  item_queued,                ///< assumption
  item_copied,                ///< assumption
  item_expired,               ///< assumption
  woke_up,                    ///< assumption
  reconnected,                ///< assumption
  reinit_failed,              ///< assumption (cqm.late_reinit_succeeds = false)
  cqm_stopped,                ///< assumption
  inventory_queued,           ///< assumption
  // Q301352's lines about one item (`instance`: its queue slot; arg: the copy try).
  item_validating,   ///< KB: "--Validating Item 'Item 61949725'"
  item_servicing,    ///< KB: "--Servicing Item 'Item 61949725'"
  item_inserted,     ///< KB: "--Inserted Item[Item 61949725] into list"
  item_trying,       ///< KB: "--Trying to copy Item[Item 61949725], copy try no. 1"
  item_exists,       ///< KB: "--Item[Item 61949725] NOT copied, already exists, set status to Remove"
  item_name_in_use,  ///< assumption (cqm.name_collision = retry): "--Item[...] NOT copied, already exists"
  item_skipping,     ///< KB: "--Skipping Item 'Item 61949725', it is marked for deletion"
  item_removing,     ///< KB: "--Removing Item 'Item 61949725'"
  registry_full,     ///< assumption: Q263594 names the consequence (Q189119), not a log line
  // Smsapm32.log (the Advertised Programs Manager): no article quotes its lines; ours are worded in its
  // style.
  apm_deferred,       ///< assumption
  apm_started,        ///< assumption
  apm_status,         ///< assumption
  apm_complete_file,  ///< assumption (Q257280 names the Complete folder)
  apm_unscheduled,    ///< assumption (Q257280 names the Unschedule event)
  apm_expired,        ///< assumption
  // Statmgr.log (Status Manager on the site server); `instance` is the file (its queue slot).
  statmgr_denied,     ///< Q311212: "... error 5: Access is denied. Deleted corrupt file ..."
  statmgr_in_use,     ///< Q311212: "... error 32 ... ERROR: Could not delete corrupt file ..."
  statmgr_processed,  ///< assumption
  statmgr_future,     ///< assumption (Q246749 names the folder, not the line); arg: the stamp
  statmgr_restarted,  ///< assumption
};

/// The log file a line is written to.
enum class LogFile : std::uint8_t { cqmgr32, smsapm32, windows, statmgr };
LogFile log_file(LogKind kind);
std::string_view log_file_name(LogFile file);

struct LogRecord {
  Minutes at;
  LogKind kind;
  std::int32_t arg;               ///< cycle number, retry count or status message id, as the kind needs
  Inbox inbox = Inbox::statmsgs;  ///< the destination a line names
  std::int16_t instance = 0;      ///< the job an APM line is about
  std::int16_t client = 0;        ///< whose log it is (the site server's: site.clients)
};

using LogRecords = std::vector<LogRecord>;

/// The line's text as Cqmgr32.log shows it, without the time suffix.
std::string log_text(const LogRecord& record, std::string_view site_code);
/// The whole line in SMS 2.0 log layout: text, then "  $$<Copy Queue Manager><day 0 10:02>" (the component
/// that writes it).
std::string log_line(const LogRecord& record, std::string_view site_code);
/// Who writes the line: CQM, or for the registry's fate Windows (UserEnv, as Q189119 names it).
std::string_view log_component(LogKind kind);
/// Every record, one line each; only one file's with `file`.
std::string render_log(const LogRecords& records, std::string_view site_code,
                       std::optional<LogFile> file = std::nullopt, std::optional<int> client = std::nullopt);
/// "W2K20001": the advertisement id of job i, as SMS 2.0 numbers them (site code, then 2 and a serial).
std::string advertisement_id(std::string_view site_code, int job);

/// The name Status Manager's inbox shows for the status file of queue slot `file`: eight letters and digits
/// and .SVF, as Q311212's "IBNQWXY4.SVF" (how SMS forms them is not documented; ours is fixed per slot).
std::string svf_name(int file);
/// "Item 61949725": how Cqmgr32.log names the item of a client's queue slot (ours: fixed per slot and
/// client).
std::string item_name(int client, int slot);
/// How Statmgr.log numbers a file across the site: client * kFilesPerClient + its queue slot.
inline constexpr int kFilesPerClient = 256;

/// What an SMS status message id means (DESIGN §1): named so in the log, the trace and the fate lines.
std::string_view status_meaning(std::int32_t status_id);

}  // namespace cqm
