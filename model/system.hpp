#pragma once
// The composed System: owns the five machines, the discrete-event clock (minutes) and the timers, and routes
// the machines' notices to each other as events. It knows nothing of explorers: they drive it through the
// environment inputs below and read it through the queries.
#include <array>
#include <cstdint>
#include <vector>

#include "model/client.hpp"
#include "model/copy_queue.hpp"
#include "model/destination.hpp"
#include "model/program.hpp"
#include "model/queue_item.hpp"

namespace cqm {

/// The System's whole state, for explorers that store and restore it. Times are absolute minutes.
struct SystemSnapshot {
  Minutes now, client_due, wake_due, retry_timer, reconnect_due, up_since, cqm_started_at, retry_due;
  std::array<Minutes, 2> submitted_at, delivered_at, expired_at;
  std::array<std::int32_t, 2> status;
  std::int32_t final_status, cycle_no, retry_count, copied;
  std::uint16_t start_ups;
  std::array<std::uint8_t, 2> item_state, deadline_fired;
  std::uint8_t client, program, cqm, destination;
  bool ok_to_process, cap_outage, program_deferred, next_init_fails;
  MifResult deferred_mif;
  std::uint8_t init_failures_in_a_row;
  std::uint32_t
      refusals;  ///< events refused since the System was reset (or restored); not part of a state key
  bool operator==(const SystemSnapshot&) const = default;
};

/// The name of a machine's state index, as its MSM state type names it.
const char* state_name(MachineKind machine, int state);

class System {
 public:
  /// A program reports two status messages: "started" (10005) and its final status (10009 for a success
  /// .mif).
  static constexpr int kItems = 2;

  explicit System(const Config& config, LogRecords* log = nullptr, std::vector<Refusal>* refusals = nullptr);
  ~System();
  System(const System&) = delete;
  System& operator=(const System&) = delete;

  /// Day 0 00:00, PC off, nothing queued.
  void reset();
  const Config& config() const { return *config_; }

  // The environment, acting at now().
  void power_on();
  void power_off();
  /// The advertised program runs and finishes now; if the PC is not up, at the next start-up (assumption:
  /// a mandatory advertisement runs as soon as the client is up).
  void finish_program(MifResult mif);
  void set_cap_outage(bool down);
  /// The outcome CQM's initialisation gets at the next start-up, if the config's init_failure allows a
  /// failure there (Race: only with work racing the start-up; never on WinNT; never beyond
  /// max_init_failures_in_a_row).
  void plan_next_init(InitOutcome outcome);
  /// Schedules: the outcome of the n-th start-up is per_start_up[n], or `otherwise` past its end.
  void plan_inits(const std::vector<InitOutcome>* per_start_up, InitOutcome otherwise);

  // The clock.
  Minutes now() const { return env_.now; }
  Minutes next_timer() const;
  /// Fires every timer due at or before t, in time order (ties: client, expiry, reconnect, retry, wake-up),
  /// then sets the clock to t.
  void advance_to(Minutes t);

  // Queries.
  ClientState client_state() const { return ClientState(client_.state()); }
  ProgramState program_state() const { return ProgramState(program_.state()); }
  CopyQueueState cqm_state() const { return CopyQueueState(cqm_.state()); }
  DestinationState destination_state() const { return DestinationState(destination_.state()); }
  QueueItemState item_state(int i) const { return QueueItemState(items_[i].state()); }
  const client_fsm::client_& client() const { return client_.data(); }
  const copy_queue_fsm::copy_queue_& cqm() const { return cqm_.data(); }
  const destination_fsm::destination_& destination() const { return destination_.data(); }
  const queue_item_fsm::queue_item_& item(int i) const { return items_[i].data(); }
  int items_submitted() const { return submitted_; }
  bool cqm_running() const;
  bool cap_outage() const { return cap_outage_; }
  bool program_deferred() const { return program_deferred_; }
  int init_failures_in_a_row() const { return init_failures_in_a_row_; }
  std::uint64_t events() const { return events_; }
  std::uint32_t refusals() const { return env_.refusals; }

  SystemSnapshot snapshot() const;
  void restore(const SystemSnapshot& s);

 private:
  void drain();
  void handle(const Notice& notice);
  void start_cqm();
  void stop_cqm();
  void submit(std::int32_t status);
  void run_program(MifResult mif);
  void run_pending_cycles();
  void copy_cycle(CycleTrigger trigger);
  void expire_overdue();
  bool decide_init_failure();
  bool has_queued_items() const;
  void fire(Minutes t);

  const Config* config_;
  Env env_;
  Client client_;
  Program program_;
  CopyQueueManager cqm_;
  Destination destination_;
  std::array<QueueItem, kItems> items_;

  // Timers (kNever when not armed).
  Minutes client_due_ = kNever;     ///< boot or shut-down completes
  Minutes wake_due_ = kNever;       ///< CQM's wake-up cycle
  Minutes retry_timer_ = kNever;    ///< RetryPolicy::Interval
  Minutes reconnect_due_ = kNever;  ///< fix-reconnect
  std::array<bool, kItems> deadline_fired_{};

  int submitted_ = 0;
  bool in_start_up_ = false;
  bool cap_outage_ = false;
  bool program_deferred_ = false;
  MifResult deferred_mif_ = MifResult::Success;
  bool next_init_fails_ = false;
  const std::vector<InitOutcome>* init_plan_ = nullptr;
  InitOutcome init_otherwise_ = InitOutcome::ok;
  int init_failures_in_a_row_ = 0;
  std::uint64_t events_ = 0;
};

}  // namespace cqm
