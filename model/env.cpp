#include "model/env.hpp"

#include <array>

namespace cqm {

std::string_view notice_name(NoticeKind kind) {
  static constexpr std::array<std::string_view, kNoticeKinds> names = {
      "user_powered_on",
      "user_powered_off",
      "user_logon",
      "program_finished",
      "clock_reached",
      "client_up",
      "client_stopping",
      "client_logged_on",
      "timer_armed",
      "timer_cancelled",
      "timer_elapsed",
      "status_submitted",
      "program_launch_requested",
      "restart_requested",
      "program_exited",
      "connection_requested",
      "queue_check_requested",
      "copy_cycle_requested",
      "destination_service_requested",
      "copy_cycle_ended",
      "pending_check_requested",
      "reinit_requested",
      "connection_reestablished",
      "copy_requested",
      "found_inaccessible",
      "inventory_collected",
      "item_queued",
      "item_delivered",
      "item_overdue",
      "file_on_cap",
      "file_seen_mid_copy",
      "file_complete",
      "file_processed",
      "file_parked",
      "file_deleted",
      "future_queue_released",
  };
  return names[static_cast<std::size_t>(kind)];
}

}  // namespace cqm
