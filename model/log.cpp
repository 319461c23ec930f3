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
    case LogKind::registry_full:
      return "The registry is full (" + n +
             " Copy Queue items): Windows cannot load or save the user's profile (Q189119)";
  }
  return "?";
}

std::string_view log_component(LogKind kind) {
  return kind == LogKind::registry_full ? "UserEnv" : "Copy Queue Manager";
}

std::string log_line(const LogRecord& r, std::string_view site) {
  return log_text(r, site) + "  $$<" + std::string(log_component(r.kind)) + "><" + format_time(r.at) + ">";
}

std::string render_log(const LogRecords& records, std::string_view site) {
  std::string out;
  for (const auto& r : records) out += log_line(r, site) + '\n';
  return out;
}

}  // namespace cqm
