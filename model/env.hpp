#pragma once
// What every machine sees of the world: the config, the clock, the log, an outbox for the facts it announces
// to the System, and the refusal record. Machines never see each other; the System routes their notices.
#include <array>
#include <cstdint>
#include <vector>

#include "model/config.hpp"
#include "model/log.hpp"

namespace cqm {

enum class MachineKind : std::uint8_t { client, program, copy_queue, destination, queue_item };
const char* machine_name(MachineKind kind);

/// An event a machine did not accept in its current state (DESIGN: unhandled events are data).
struct Refusal {
  Minutes at;
  MachineKind machine;
  int state;          ///< the machine's state index (== its MSM state id)
  const char* event;  ///< the event's name()
};

/// Facts a machine announces; the System turns each into events for the other machines.
enum class NoticeKind : std::uint8_t {
  client_up,          ///< Client reached Up: start CQM
  client_stopping,    ///< Client left Up (shut-down or restart): stop CQM
  status_submitted,   ///< Program: a status message (arg = id) is handed to CQM
  restart_requested,  ///< Program or SMS: restart the PC (arg = 1 when SMS asked)
};

struct Notice {
  NoticeKind kind;
  std::int32_t arg;
};

struct Env {
  const Config* config = nullptr;
  Minutes now = 0;
  LogRecords* log = nullptr;                    ///< null: do not log (explorers)
  std::vector<Refusal>* refusal_log = nullptr;  ///< null: only count
  std::uint32_t refusals = 0;

  void write(LogKind kind, std::int32_t arg = 0) {
    if (log) log->push_back({now, kind, arg});
  }

  void refuse(MachineKind machine, int state, const char* event) {
    ++refusals;
    if (refusal_log) refusal_log->push_back({now, machine, state, event});
  }

  // A fixed ring: a cascade of notices is short (at most a handful per external event), and no allocation
  // keeps the System copy-free and fast. Overflow is a model bug, so it is checked, not silently dropped.
  void post(NoticeKind kind, std::int32_t arg = 0);
  bool take(Notice& out);
  bool outbox_empty() const { return count_ == 0; }

 private:
  std::array<Notice, 8> outbox_{};
  std::uint8_t head_ = 0;
  std::uint8_t count_ = 0;
};

}  // namespace cqm
