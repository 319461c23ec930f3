#include "harness/state_key.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace cqm {
namespace {

constexpr std::uint16_t kNeverKey = 0xFFFF;

std::uint16_t time16(Minutes t) {
  if (t == kNever) return kNeverKey;
  if (t < 0 || t > kMaxKeyTime) throw std::out_of_range("time outside the exhaustive explorer's range");
  return static_cast<std::uint16_t>(t);
}
Minutes time32(std::uint16_t t) { return t == kNeverKey ? kNever : t; }

constexpr std::int32_t kStatusCodes[] = {0, kStatusProgramStarted, kStatusFailedMif, kStatusSucceededExitCode,
                                         kStatusSucceededMif};
std::uint8_t status_code(std::int32_t status) {
  for (std::uint8_t i = 0; i < std::size(kStatusCodes); ++i)
    if (kStatusCodes[i] == status) return i;
  throw std::logic_error("unknown status id in a state key");
}

}  // namespace

StateKey pack_state(const Config& c, const SystemSnapshot& s, const EnvBook& book) {
  StateKey k;
  std::memset(&k, 0, sizeof k);  // padding and unused bits take part in hashing and comparison
  k.now = time16(s.now);
  k.client_due = time16(s.client_due);
  // A session older than the envelope's largest limit behaves like one exactly that old.
  const Minutes session_cap = std::max(c.env.max_session, c.env.min_session);
  k.up_since = time16(std::max(s.up_since, s.now - session_cap));
  // CQM's start time matters only while the race window is open (copy_cycle, reconnect timer).
  k.cqm_started_at = time16(std::max(s.cqm_started_at, s.now - c.race_window));
  k.wake_due = time16(s.wake_due);
  k.retry_due = time16(s.retry_due);
  k.retry_timer = time16(s.retry_timer);
  k.reconnect_due = time16(s.reconnect_due);
  for (int i = 0; i < 2; ++i) k.submitted_at[i] = time16(s.submitted_at[i]);
  k.outage_since = time16(std::max(book.outage_since, s.now - c.env.max_outage));
  k.machines = static_cast<std::uint16_t>(s.client | s.program << 3 | s.cqm << 5 | s.destination << 7 |
                                          s.item_state[0] << 9 | s.item_state[1] << 11 |
                                          s.deadline_fired[0] << 13 | s.deadline_fired[1] << 14);
  k.statuses = static_cast<std::uint8_t>(status_code(s.status[0]) | status_code(s.status[1]) << 3);
  const bool on_today = book.last_on_day == s.now / kMinutesPerDay;
  const bool ever_on = book.last_on_day >= 0;
  k.flags = static_cast<std::uint8_t>(s.ok_to_process | s.cap_outage << 1 | s.next_init_fails << 2 |
                                      s.program_deferred << 3 | on_today << 4 | ever_on << 5);
  k.program =
      static_cast<std::uint8_t>(status_code(s.final_status) | static_cast<unsigned>(s.deferred_mif) << 3);
  k.counts = static_cast<std::uint8_t>(std::min(s.retry_count, 3) | std::min(s.copied, 3) << 2);
  // With no bound on failures in a row the streak changes nothing; with a bound, only up to the bound.
  const int bound = c.env.max_init_failures_in_a_row;
  k.init_failures_in_a_row =
      static_cast<std::uint8_t>(bound < 0 ? 0 : std::min<int>(s.init_failures_in_a_row, bound));
  k.outages_used = book.outages_used;
  return k;
}

void unpack_state(const Config& c, const StateKey& k, SystemSnapshot& s, EnvBook& book) {
  s = SystemSnapshot{};
  s.now = k.now;
  s.client_due = time32(k.client_due);
  s.up_since = time32(k.up_since);
  s.cqm_started_at = time32(k.cqm_started_at);
  s.wake_due = time32(k.wake_due);
  s.retry_due = time32(k.retry_due);
  s.retry_timer = time32(k.retry_timer);
  s.reconnect_due = time32(k.reconnect_due);
  s.client = k.machines & 7;
  s.program = (k.machines >> 3) & 3;
  s.cqm = (k.machines >> 5) & 3;
  s.destination = (k.machines >> 7) & 3;
  for (int i = 0; i < 2; ++i) {
    s.item_state[i] = (k.machines >> (9 + 2 * i)) & 3;
    s.deadline_fired[i] = (k.machines >> (13 + i)) & 1;
    s.submitted_at[i] = time32(k.submitted_at[i]);
    s.status[i] = kStatusCodes[(k.statuses >> (3 * i)) & 7];
    // Delivery and deletion times were checked on the step that set them; any time the properties accept will
    // do.
    const auto state = static_cast<QueueItemState>(s.item_state[i]);
    s.delivered_at[i] = state == QueueItemState::Delivered ? s.submitted_at[i] : kNever;
    s.expired_at[i] = state == QueueItemState::Expired ? s.submitted_at[i] + c.item_lifetime : kNever;
  }
  s.ok_to_process = k.flags & 1;
  s.cap_outage = k.flags & 2;
  s.next_init_fails = k.flags & 4;
  s.program_deferred = k.flags & 8;
  const bool on_today = k.flags & 16;
  const bool ever_on = k.flags & 32;
  book.last_on_day = on_today ? s.now / kMinutesPerDay : (ever_on ? s.now / kMinutesPerDay - 1 : -1);
  s.final_status = kStatusCodes[k.program & 7];
  s.deferred_mif = static_cast<MifResult>((k.program >> 3) & 3);
  s.retry_count = k.counts & 3;
  s.copied = (k.counts >> 2) & 3;
  s.init_failures_in_a_row = k.init_failures_in_a_row;
  book.outages_used = k.outages_used;
  book.outage_since = time32(k.outage_since);
  s.cycle_no = 0;
  s.start_ups = 0;
  s.refusals = 0;  // a refusal is checked on the step that makes it (no_refused_events)
}

}  // namespace cqm
