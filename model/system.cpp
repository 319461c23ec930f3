#include "model/system.hpp"

#include <algorithm>
#include <iterator>
#include <stdexcept>

namespace cqm {

const char* state_name(MachineKind machine, int state) {
  auto pick = [state](const auto& names) -> const char* {
    return state >= 0 && state < static_cast<int>(std::size(names)) ? names[state] : "?";
  };
  switch (machine) {
    case MachineKind::client:
      return pick(kClientStateNames);
    case MachineKind::program:
      return pick(kProgramStateNames);
    case MachineKind::copy_queue:
      return pick(kCopyQueueStateNames);
    case MachineKind::destination:
      return pick(kDestinationStateNames);
    case MachineKind::queue_item:
      return pick(kQueueItemStateNames);
  }
  return "?";
}

System::System(const Config& config, LogRecords* log, std::vector<Refusal>* refusals)
    : config_(&config),
      env_{},
      client_(env_),
      program_(env_),
      cqm_(env_),
      destination_(env_),
      items_{QueueItem{env_}, QueueItem{env_}} {
  env_.config = config_;
  env_.log = log;
  env_.refusal_log = refusals;
}

System::~System() = default;

void System::reset() {
  env_.now = 0;
  env_.refusals = 0;
  client_.reset();
  program_.reset();
  cqm_.reset();
  destination_.reset();
  for (auto& item : items_) item.reset();
  client_due_ = wake_due_ = retry_timer_ = reconnect_due_ = kNever;
  deadline_fired_ = {};
  submitted_ = 0;
  in_start_up_ = cap_outage_ = program_deferred_ = next_init_fails_ = false;
  init_plan_ = nullptr;
  init_otherwise_ = InitOutcome::ok;
  init_failures_in_a_row_ = 0;
  events_ = 0;
}

bool System::cqm_running() const {
  const auto s = cqm_state();
  return s == CopyQueueState::Ready || s == CopyQueueState::InitFailed;
}

bool System::has_queued_items() const {
  for (int i = 0; i < submitted_; ++i)
    if (item_state(i) == QueueItemState::Queued) return true;
  return false;
}

// ---- the environment --------------------------------------------------------------------------------------

void System::power_on() {
  ++events_;
  client_.on(powered_on{});
  if (client_state() == ClientState::Booting) client_due_ = env_.now + config_->boot_minutes;
  drain();
}

void System::power_off() {
  ++events_;
  client_.on(shutdown_requested{});
  if (client_state() == ClientState::ShuttingDown) client_due_ = env_.now + config_->shutdown_minutes;
  drain();
}

void System::finish_program(MifResult mif) {
  ++events_;
  if (client_state() != ClientState::Up) {
    if (program_state() == ProgramState::Pending) {
      program_deferred_ = true;
      deferred_mif_ = mif;
    } else {
      program_.on(program_started{});  // a second run of a finished program: recorded as refused
    }
    return;
  }
  run_program(mif);
}

void System::run_program(MifResult mif) {
  program_.on(program_started{});
  drain();
  program_.on(program_finished{mif});
  drain();
}

void System::set_cap_outage(bool down) {
  ++events_;
  cap_outage_ = down;
}

void System::plan_next_init(InitOutcome outcome) { next_init_fails_ = outcome == InitOutcome::failed; }

void System::plan_inits(const std::vector<InitOutcome>* per_start_up, InitOutcome otherwise) {
  init_plan_ = per_start_up;
  init_otherwise_ = otherwise;
}

// ---- notices: how the machines talk
// ------------------------------------------------------------------------

void System::drain() {
  Notice n;
  while (env_.take(n)) handle(n);
}

void System::handle(const Notice& n) {
  switch (n.kind) {
    case NoticeKind::client_up:
      start_cqm();
      break;
    case NoticeKind::client_stopping:
      stop_cqm();
      break;
    case NoticeKind::status_submitted:
      submit(n.arg);
      break;
    case NoticeKind::restart_requested:
      client_.on(restart_requested{});
      if (client_state() == ClientState::Restarting) client_due_ = env_.now + config_->shutdown_minutes;
      break;
  }
}

// ---- Copy Queue Manager
// ------------------------------------------------------------------------------------

bool System::decide_init_failure() {
  const Config& c = *config_;
  if (init_plan_) {
    const auto n = static_cast<std::size_t>(client().start_ups - 1);
    next_init_fails_ = (n < init_plan_->size() ? (*init_plan_)[n] : init_otherwise_) == InitOutcome::failed;
  }
  // Race: the KB's failure needs work arriving "moments later" — a status the restart left behind, a deferred
  // program, or items CQM loads from its queue on disk.
  const bool racing =
      program_state() == ProgramState::AwaitingRestart || program_deferred_ || has_queued_items();
  const bool mode_allows =
      c.init_failure == InitFailure::AnyBoot || (c.init_failure == InitFailure::Race && racing);
  const int bound = c.env.max_init_failures_in_a_row;
  const bool within_bound = bound < 0 || init_failures_in_a_row_ < bound;
  return next_init_fails_ && c.os == Os::Win9x && mode_allows && within_bound;
}

void System::start_cqm() {
  in_start_up_ = true;
  cqm_.on(cqm_started{});
  if (decide_init_failure()) {
    init_failures_in_a_row_ = std::min(init_failures_in_a_row_ + 1, 255);
    cqm_.on(init_failed{});
  } else {
    init_failures_in_a_row_ = 0;
    cqm_.on(init_succeeded{});
  }
  wake_due_ = env_.now + config_->wake_up_cycle;
  expire_overdue();
  // The status the program's restart left behind is submitted moments after start-up: before cycle 1 runs.
  if (program_state() == ProgramState::AwaitingRestart) {
    program_.on(client_started{});
    drain();
  }
  if (config_->startup_cycle) copy_cycle(CycleTrigger::startup);
  in_start_up_ = false;
  if (program_deferred_) {
    program_deferred_ = false;
    run_program(deferred_mif_);
  }
  run_pending_cycles();
}

void System::stop_cqm() {
  if (!cqm_running()) return;
  cqm_.on(cqm_stopped{});
  destination_.on(cqm_stopped{});
  wake_due_ = retry_timer_ = reconnect_due_ = kNever;
}

void System::submit(std::int32_t status) {
  if (submitted_ == kItems) throw std::logic_error("model bug: more status messages than queue item slots");
  items_[submitted_++].on(item_submitted{status});
  cqm_.on(ok_to_process_signalled{});
  if (!in_start_up_) run_pending_cycles();
}

void System::run_pending_cycles() {
  while (cqm_running() && cqm().ok_to_process) copy_cycle(CycleTrigger::ok_to_process);
}

void System::expire_overdue() {
  const bool inaccessible = destination_state() == DestinationState::RetryPending;
  for (int i = 0; i < submitted_; ++i)
    if (item_state(i) == QueueItemState::Queued && env_.now >= item(i).deadline(config_->item_lifetime))
      items_[i].on(lifetime_elapsed{inaccessible});
}

void System::copy_cycle(CycleTrigger trigger) {
  const Config& c = *config_;
  const bool timed = trigger == CycleTrigger::wake_up || trigger == CycleTrigger::retry_timer;
  const bool past_race = env_.now - cqm().started_at >= c.race_window;
  if (timed && cqm_state() == CopyQueueState::InitFailed && past_race && c.late_reinit_succeeds)
    cqm_.on(reconnected{});
  cqm_.on(copy_cycle_started{trigger});
  expire_overdue();
  if (has_queued_items()) {
    destination_.on(service_requested{});
    if (destination_state() == DestinationState::Attempting) {
      if (cqm_state() == CopyQueueState::Ready && !cap_outage_) {
        int copied = 0;
        for (int i = 0; i < submitted_; ++i)
          if (item_state(i) == QueueItemState::Queued) {
            items_[i].on(item_copied{});
            ++copied;
          }
        destination_.on(items_copied{copied});
      } else {
        const Minutes due = c.retry_policy == RetryPolicy::WakeUp ? wake_due_ : env_.now + c.retry_interval;
        destination_.on(found_inaccessible{due});
        if (c.retry_policy == RetryPolicy::Interval) retry_timer_ = due;
        if (c.reconnect_when_broken && cqm_state() == CopyQueueState::InitFailed)
          reconnect_due_ = std::max(env_.now, cqm().started_at + c.race_window) + c.reconnect_delay;
      }
    }
  }
  cqm_.on(copy_cycle_finished{});
}

// ---- the clock
// ---------------------------------------------------------------------------------------------

Minutes System::next_timer() const {
  Minutes t = std::min({client_due_, wake_due_, retry_timer_, reconnect_due_});
  for (int i = 0; i < submitted_; ++i)
    if (!deadline_fired_[i] && item_state(i) == QueueItemState::Queued)
      t = std::min(t, item(i).deadline(config_->item_lifetime));
  return t;
}

void System::advance_to(Minutes t) {
  for (Minutes n = next_timer(); n <= t; n = next_timer()) {
    env_.now = n;
    fire(n);
  }
  env_.now = t;
}

void System::fire(Minutes t) {
  ++events_;
  if (client_due_ == t) {
    client_due_ = kNever;
    const auto before = client_state();
    if (before == ClientState::Booting) {
      client_.on(boot_completed{});
    } else {
      client_.on(shutdown_completed{});
      if (client_state() == ClientState::Booting) client_due_ = t + config_->boot_minutes;
    }
    drain();
    return;
  }
  for (int i = 0; i < submitted_; ++i)
    if (!deadline_fired_[i] && item_state(i) == QueueItemState::Queued &&
        item(i).deadline(config_->item_lifetime) == t) {
      deadline_fired_[i] = true;
      if (cqm_running()) expire_overdue();  // otherwise CQM deletes it when it next starts
      return;
    }
  if (reconnect_due_ == t) {
    reconnect_due_ = kNever;
    if (cqm_state() == CopyQueueState::InitFailed) {
      cqm_.on(reconnected{});
      destination_.on(reconnected{});
    }
    copy_cycle(CycleTrigger::reconnect);
    return;
  }
  if (retry_timer_ == t) {
    retry_timer_ = kNever;
    copy_cycle(CycleTrigger::retry_timer);
    return;
  }
  if (wake_due_ == t) {
    wake_due_ = t + config_->wake_up_cycle;
    env_.write(LogKind::woke_up);
    copy_cycle(CycleTrigger::wake_up);
    return;
  }
  throw std::logic_error("model bug: a timer fired that nobody armed");
}

// ---- snapshots
// ---------------------------------------------------------------------------------------------

SystemSnapshot System::snapshot() const {
  SystemSnapshot s{};
  s.now = env_.now;
  s.client_due = client_due_;
  s.wake_due = wake_due_;
  s.retry_timer = retry_timer_;
  s.reconnect_due = reconnect_due_;
  s.up_since = client().up_since;
  s.start_ups = static_cast<std::uint16_t>(client().start_ups);
  s.cqm_started_at = cqm().started_at;
  s.cycle_no = cqm().cycle_no;
  s.ok_to_process = cqm().ok_to_process;
  s.retry_due = destination().retry_due;
  s.retry_count = destination().retry_count;
  s.copied = destination().copied;
  s.final_status = program_.data().final_status;
  for (int i = 0; i < kItems; ++i) {
    s.submitted_at[i] = item(i).submitted_at;
    s.delivered_at[i] = item(i).delivered_at;
    s.expired_at[i] = item(i).expired_at;
    s.status[i] = item(i).status;
    s.item_state[i] = static_cast<std::uint8_t>(items_[i].state());
    s.deadline_fired[i] = deadline_fired_[i];
  }
  s.client = static_cast<std::uint8_t>(client_.state());
  s.program = static_cast<std::uint8_t>(program_.state());
  s.cqm = static_cast<std::uint8_t>(cqm_.state());
  s.destination = static_cast<std::uint8_t>(destination_.state());
  s.cap_outage = cap_outage_;
  s.program_deferred = program_deferred_;
  s.deferred_mif = deferred_mif_;
  s.next_init_fails = next_init_fails_;
  s.init_failures_in_a_row = static_cast<std::uint8_t>(init_failures_in_a_row_);
  s.refusals = env_.refusals;
  return s;
}

void System::restore(const SystemSnapshot& s) {
  env_.now = s.now;
  client_due_ = s.client_due;
  wake_due_ = s.wake_due;
  retry_timer_ = s.retry_timer;
  reconnect_due_ = s.reconnect_due;
  client_.restore(s.client);
  client_.data().up_since = s.up_since;
  client_.data().start_ups = s.start_ups;
  program_.restore(s.program);
  program_.data().final_status = s.final_status;
  cqm_.restore(s.cqm);
  cqm_.data().started_at = s.cqm_started_at;
  cqm_.data().cycle_no = s.cycle_no;
  cqm_.data().ok_to_process = s.ok_to_process;
  destination_.restore(s.destination);
  destination_.data().retry_due = s.retry_due;
  destination_.data().retry_count = s.retry_count;
  destination_.data().copied = s.copied;
  submitted_ = 0;
  for (int i = 0; i < kItems; ++i) {
    items_[i].restore(s.item_state[i]);
    auto& d = items_[i].data();
    d.submitted_at = s.submitted_at[i];
    d.delivered_at = s.delivered_at[i];
    d.expired_at = s.expired_at[i];
    d.status = s.status[i];
    deadline_fired_[i] = s.deadline_fired[i];
    if (s.item_state[i] != static_cast<std::uint8_t>(QueueItemState::Empty)) submitted_ = i + 1;
  }
  cap_outage_ = s.cap_outage;
  program_deferred_ = s.program_deferred;
  deferred_mif_ = s.deferred_mif;
  next_init_fails_ = s.next_init_fails;
  init_failures_in_a_row_ = s.init_failures_in_a_row;
  env_.refusals = s.refusals;
  in_start_up_ = false;
}

}  // namespace cqm
