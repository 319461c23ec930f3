#include "model/log.hpp"

#include "model/vocabulary.hpp"

namespace cqm {

std::string_view status_meaning(std::int32_t id) {
  switch (id) {
    case int(StatusId::program_started):
      return "program started";
    case int(StatusId::succeeded_exit_code):
      return "program completed successfully (exit code)";
    case int(StatusId::failed_mif):
      return "program failed (status MIF)";
    case int(StatusId::succeeded_mif):
      return "program completed successfully (status MIF)";
    default:
      return "status message";
  }
}

std::string svf_name(int file) {
  // A fixed scramble of the slot, so that neighbouring slots do not look alike.
  std::uint32_t x = static_cast<std::uint32_t>(file) * 2654435761u + 0x9e3779b9u;
  std::string out = "I";
  constexpr std::string_view kChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  for (int i = 0; i < 7; ++i) {
    out += kChars[x % kChars.size()];
    x = x / static_cast<std::uint32_t>(kChars.size()) + 0x6d2b79f5u * static_cast<std::uint32_t>(i + 1);
  }
  return out + ".SVF";
}

std::string item_name(int client, int slot) {
  // Q301352's item is 61949725; ours are numbered from it, one block of 100 per client.
  return "Item " + std::to_string(61949725 + 100 * client + slot);
}

namespace {
constexpr std::string_view kFutureQueue = "C:\\SMS\\inboxes\\statmgr.box\\futureq";

/// "\"C:\SMS\inboxes\statmgr.box\statmsgs\IBNQWXY4.SVF\"", quoted as Q311212 quotes it.
std::string statmsgs_path(int file) {
  return "\"C:\\SMS\\inboxes\\statmgr.box\\statmsgs\\" + svf_name(file) + "\"";
}
}  // namespace

std::string log_text(const LogRecord& r, std::string_view site) {
  // The destination name is exactly the KB's, trailing backslash included; the inbox is the record's.
  const std::string dest =
      "Destination[CAP List for site " + std::string(site) + "," + std::string(enum_name(r.inbox)) + "\\]";
  const std::string n = std::to_string(r.arg);
  const std::string ad = advertisement_id(site, r.instance);
  const std::string item = item_name(r.client, r.instance);  // Q301352's lines name the item
  switch (r.kind) {
    case LogKind::cqm_started:
      return "Copy Queue Manager started";
    case LogKind::init_failed:
      return "Copy Queue Manager failed to initialise its connection to " + dest;
    case LogKind::cycle_started:
      return "Starting Copy Cycle no. " + n;
    case LogKind::ok_to_process_unsignalled:
      return "'OK to Process' event unsignalled";
    case LogKind::servicing:
      return "-Servicing " + dest;
    case LogKind::inaccessible:
      return dest + " is inaccessible";
    case LogKind::retry_set:
      return "-" + dest + " retry set to " + n;
    case LogKind::not_ready_for_retry:
      return "-" + dest + " not yet ready for retry";
    case LogKind::cycle_finished:
      return "Copy cycle finished normally";
    case LogKind::item_queued:
      return "Queued status message " + n + " (" + std::string(status_meaning(r.arg)) + ") for " + dest +
             ", 'OK to Process' event signalled";
    case LogKind::item_copied:
      return (r.arg == 0 ? std::string("-Copied inventory file to ")
                         : "-Copied status message " + n + " to ") +
             dest;
    case LogKind::item_expired:
      return (r.arg == 0 ? std::string("Deleting inventory file for ") + dest
                         : "Deleting status message " + n) +
             ": its item lifetime has expired";
    case LogKind::woke_up:
      return "Wake-up cycle";
    case LogKind::reconnected:
      return "Re-initialised the connection to " + dest;
    case LogKind::reinit_failed:
      return "Copy Queue Manager failed to re-initialise its connection to " + dest;
    case LogKind::cqm_stopped:
      return "Copy Queue Manager stopped";
    case LogKind::inventory_queued:
      return "Queued inventory file for " + dest + ", 'OK to Process' event signalled";
    case LogKind::apm_deferred:
      return "Advertisement " + ad +
             " is due while the client is not up: its program runs at the next start-up";
    case LogKind::apm_started:
      return "Program for advertisement " + ad + " started (run no. " + n + ")";
    case LogKind::apm_status:
      return "Reporting status message " + n + " (" + std::string(status_meaning(r.arg)) +
             ") for advertisement " + ad;
    case LogKind::apm_complete_file:
      return "The program for advertisement " + ad +
             " restarts the computer: schedule data file written to the Complete folder";
    case LogKind::apm_unscheduled:
      return "Unscheduled advertisement " + ad + ": its job is removed from the Jobs folder";
    case LogKind::apm_expired:
      return "Advertisement " + ad + " has expired: its job is removed from the Jobs folder";
    case LogKind::statmgr_denied: {
      const std::string f = statmsgs_path(r.instance);
      return "ERROR: Could not open file " + f +
             ", the file is assumed to be corrupt. The operating system reported error 5: Access is denied. "
             "Deleted corrupt file " +
             f + ".";
    }
    case LogKind::statmgr_in_use: {
      const std::string f = statmsgs_path(r.instance);
      const std::string in_use =
          "The operating system reported error 32: The process cannot access the file because it is being "
          "used by another process.";
      return "ERROR: Could not open file " + f + ", the file is assumed to be corrupt. " + in_use +
             " ERROR: Could not delete corrupt file " + f + ". " + in_use;
    }
    case LogKind::statmgr_processed:
      return "Processed status message " + n + " (" + std::string(status_meaning(r.arg)) + ") in file " +
             statmsgs_path(r.instance) + " into the site database";
    case LogKind::statmgr_future:
      return "File " + statmsgs_path(r.instance) + " is time-stamped " + format_time(r.arg) +
             ", later than the site server's time: moved to " + std::string(kFutureQueue);
    case LogKind::statmgr_restarted:
      return "SMS Executive restarted: processing the files in " + std::string(kFutureQueue);
    case LogKind::item_validating:
      return "--Validating Item '" + item + "'";
    case LogKind::item_servicing:
      return "--Servicing Item '" + item + "'";
    case LogKind::item_inserted:
      return "--Inserted Item[" + item + "] into list";
    case LogKind::item_trying:
      return "--Trying to copy Item[" + item + "], copy try no. " + n;
    case LogKind::item_exists:
      return "--Item[" + item + "] NOT copied, already exists, set status to Remove";
    case LogKind::item_name_in_use:
      return "--Item[" + item + "] NOT copied, already exists, trying a new name";
    case LogKind::item_skipping:
      return "--Skipping Item '" + item + "', it is marked for deletion";
    case LogKind::item_removing:
      return "--Removing Item '" + item + "'";
    case LogKind::registry_full:
      return "The registry is full (" + n +
             " Copy Queue items): Windows cannot load or save the user's profile (Q189119)";
  }
  return "?";
}

LogFile log_file(LogKind kind) {
  if (kind == LogKind::registry_full) return LogFile::windows;
  if (kind >= LogKind::statmgr_denied) return LogFile::statmgr;
  return kind >= LogKind::apm_deferred ? LogFile::smsapm32 : LogFile::cqmgr32;
}

std::string_view log_file_name(LogFile file) {
  switch (file) {
    case LogFile::cqmgr32:
      return "Cqmgr32.log";
    case LogFile::smsapm32:
      return "Smsapm32.log";
    case LogFile::windows:
      return "Windows";
    case LogFile::statmgr:
      return "Statmgr.log";
  }
  return "?";
}

std::string_view log_component(LogKind kind) {
  switch (log_file(kind)) {
    case LogFile::windows:
      return "UserEnv";
    case LogFile::smsapm32:
      return "Advertised Programs Manager";
    case LogFile::statmgr:
      return "SMS_STATUS_MANAGER";
    case LogFile::cqmgr32:
      break;
  }
  return "Copy Queue Manager";
}

std::string advertisement_id(std::string_view site, int job) {
  std::string serial = std::to_string(job + 1);
  return std::string(site) + "2" + std::string(serial.size() < 4 ? 4 - serial.size() : 0, '0') + serial;
}

std::string log_line(const LogRecord& r, std::string_view site) {
  return log_text(r, site) + "  $$<" + std::string(log_component(r.kind)) + "><" + format_time(r.at) + ">";
}

std::string render_log(const LogRecords& records, std::string_view site, std::optional<LogFile> file,
                       std::optional<int> client) {
  std::string out;
  for (const auto& r : records)
    if ((!file || log_file(r.kind) == *file) && (!client || r.client == *client))
      out += log_line(r, site) + '\n';
  return out;
}

}  // namespace cqm
