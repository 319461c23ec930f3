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

std::string log_text(const LogRecord& r, std::string_view site) {
  // The destination name is exactly the KB's, trailing backslash included; the inbox is the record's.
  const std::string dest =
      "Destination[CAP List for site " + std::string(site) + "," + std::string(enum_name(r.inbox)) + "\\]";
  const std::string n = std::to_string(r.arg);
  const std::string ad = advertisement_id(site, r.instance);
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
    case LogKind::registry_full:
      return "The registry is full (" + n +
             " Copy Queue items): Windows cannot load or save the user's profile (Q189119)";
  }
  return "?";
}

LogFile log_file(LogKind kind) {
  if (kind == LogKind::registry_full) return LogFile::windows;
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
  }
  return "?";
}

std::string_view log_component(LogKind kind) {
  switch (log_file(kind)) {
    case LogFile::windows:
      return "UserEnv";
    case LogFile::smsapm32:
      return "Advertised Programs Manager";
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

std::string render_log(const LogRecords& records, std::string_view site, std::optional<LogFile> file) {
  std::string out;
  for (const auto& r : records)
    if (!file || log_file(r.kind) == *file) out += log_line(r, site) + '\n';
  return out;
}

}  // namespace cqm
