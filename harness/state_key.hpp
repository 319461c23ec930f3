#pragma once
// The compact state the exhaustive explorer stores: the System's snapshot and the environment's bookkeeping
// in 32 bytes. Fields that cannot change any future behaviour or verdict are abstracted away, which is what
// keeps the state space small (each abstraction is argued where it is made, in state_key.cpp):
//   copy-cycle numbers and start-up counts (log wording only), delivery/deletion times (checked on the step
//   that sets them), retry counts above 3 (logged, never tested), session ages beyond the envelope's limits.
#include <cstdint>

#include "harness/environment.hpp"

namespace cqm {

struct StateKey {
  std::uint16_t now, client_due, up_since, cqm_started_at, wake_due, retry_due, retry_timer, reconnect_due;
  std::uint16_t submitted_at[2];
  std::uint16_t outage_since;
  std::uint16_t machines;  ///< client:3 program:2 cqm:2 destination:2 item0:2 item1:2 deadline_fired:2
  std::uint8_t statuses;   ///< status code of item 0 and 1, 3 bits each
  std::uint8_t flags;      ///< ok_to_process, cap_outage, next_init_fails, program_deferred, on_today
  std::uint8_t program;    ///< final status code:3, deferred mif:2
  std::uint8_t counts;     ///< retry count:2 (saturated), copied:2 (saturated)
  std::uint8_t init_failures_in_a_row;
  std::uint8_t outages_used;
  std::uint8_t unused[2];
};
static_assert(sizeof(StateKey) == 32);

/// The largest time a key can hold, in minutes (~45 days).
inline constexpr Minutes kMaxKeyTime = 0xFFFE;

StateKey pack_state(const Config& config, const SystemSnapshot& s, const EnvBook& book);
void unpack_state(const Config& config, const StateKey& k, SystemSnapshot& s, EnvBook& book);

}  // namespace cqm
