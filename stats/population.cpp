#include "stats/population.hpp"

#include <algorithm>

namespace cqm::stats {
namespace {

// The calendar, not a tunable: day 0 is one of the five working days, Saturday and Sunday are days 5 and 6.
constexpr int kDaysPerWeek = 7;
constexpr int kWorkdays = 5;

}  // namespace

std::string_view loss_path_name(LossPath p) {
  switch (p) {
    case LossPath::every_init_failed:
      return "every_init_failed";
    case LossPath::no_start_up_after_submission:
      return "no_start_up_after_submission";
    case LossPath::timed_retries_failed:
      return "timed_retries_failed";
    case LossPath::lost_despite_good_init:
      return "lost_despite_good_init";
    case LossPath::delivered_late:
      return "delivered_late";
  }
  return "?";
}

std::string_view loss_path_text(LossPath p) {
  switch (p) {
    case LossPath::every_init_failed:
      return "init failed at every start-up while queued, no wake-up came (the KB's story)";
    case LossPath::no_start_up_after_submission:
      return "init failed at submission, the PC did not start up again before expiry";
    case LossPath::timed_retries_failed:
      return "init failed at every start-up, timed retries did not get through";
    case LossPath::lost_despite_good_init:
      return "a start-up initialised correctly and still did not copy it";
    case LossPath::delivered_late:
      return "kept past its lifetime and delivered late (pre-SP2)";
  }
  return "?";
}

ClientRunner::ClientRunner(const Config& config, const Habits& habits)
    : config_(&config), habits_(&habits), system_(config) {
  // The statuses are submitted on day 0 (or, for a program that finishes late, on the day it finishes); their
  // lifetime ends at most that and the lifetime later. One start-up a day plus the program's restart bounds
  // the start-ups the init plan must cover.
  max_days_ = (habits.program_until + config.item_lifetime) / kMinutesPerDay + 3;
  init_plan_.resize(static_cast<std::size_t>(max_days_) + 2, InitOutcome::ok);
}

bool ClientRunner::any_queued() const {
  for (int i = 0; i < system_.items_submitted(); ++i)
    if (system_.item_state(i) == QueueItemState::Queued) return true;
  return false;
}

// Nothing further can change this client's outcome: the program has reported, and every status is delivered
// or past its lifetime.
bool ClientRunner::settled() const {
  if (system_.program_state() != ProgramState::Finished) return false;
  for (int i = 0; i < system_.items_submitted(); ++i)
    if (system_.item_state(i) == QueueItemState::Queued &&
        system_.now() < system_.item(i).deadline(config_->item_lifetime))
      return false;
  return true;
}

void ClientRunner::close_instance() {
  if (obs_.instance_open && obs_.instance_saw_queue) {
    ++obs_.outcome.start_ups_queued;
    obs_.outcome.failed_inits_queued += obs_.instance_failed;
  }
  obs_.instance_open = false;
}

// Called after every step: a new start-up opens a CQM instance (its init outcome is fixed at start-up), a
// stopped CQM closes it.
void ClientRunner::observe() {
  const int start_ups = system_.client().start_ups;
  if (start_ups != obs_.seen_start_ups) {
    close_instance();
    obs_.seen_start_ups = start_ups;
    obs_.instance_open = system_.cqm_running();
    obs_.instance_failed = system_.cqm_state() == CopyQueueState::InitFailed;
    obs_.instance_saw_queue = false;
  }
  if (!obs_.instance_open) return;
  if (any_queued()) obs_.instance_saw_queue = true;
  if (!system_.cqm_running()) close_instance();
}

// Advances to t one timer at a time, observing each; false as soon as the client is settled. The clock never
// goes back: a day that starts before the last one ended (a program finishing after midnight) starts late.
bool ClientRunner::step_to(Minutes t) {
  t = std::max(t, system_.now());
  for (Minutes n = system_.next_timer(); n <= t; n = system_.next_timer()) {
    // With the PC up, no boot or shut-down timer is armed: a timer that is not a queued status's deadline is
    // a timed copy cycle (wake-up, retry timer or reconnect).
    if (system_.client_state() == ClientState::Up && system_.cqm_running() && any_queued()) {
      bool deadline = false;
      for (int i = 0; i < system_.items_submitted(); ++i)
        deadline |= system_.item_state(i) == QueueItemState::Queued &&
                    system_.item(i).deadline(config_->item_lifetime) == n;
      if (!deadline) ++obs_.outcome.timed_cycles_queued;
    }
    system_.advance_to(n);
    observe();
    if (settled()) return false;
  }
  system_.advance_to(t);
  return true;
}

bool ClientRunner::wait_for_timer() { return step_to(system_.next_timer()); }

// The user switches the PC on: if it is shutting down they wait until it is off; if it is on (left on
// overnight) there is nothing to do.
bool ClientRunner::apply_power_on() {
  while (system_.client_state() == ClientState::ShuttingDown)
    if (!wait_for_timer()) return false;
  if (system_.client_state() != ClientState::Off) return true;
  system_.power_on();
  observe();
  return true;
}

// The user switches off: if the PC is still booting or restarting they wait until it is up.
bool ClientRunner::apply_power_off() {
  while (system_.client_state() == ClientState::Booting || system_.client_state() == ClientState::Restarting)
    if (!wait_for_timer()) return false;
  if (system_.client_state() != ClientState::Up) return true;
  system_.power_off();
  observe();
  return !settled();
}

ClientOutcome ClientRunner::run(std::uint64_t seed, std::uint64_t index) {
  const Habits& h = *habits_;
  const Config& c = *config_;
  Xoshiro256 rng = Xoshiro256::for_client(seed, index);
  // The draws come in a fixed order — the client's own habits, the init plan, then day by day, the same
  // number each day — so a client's outcome depends only on (seed, index).
  const int weekday0 = static_cast<int>(rng.between(0, kWorkdays - 1));
  const auto usual_start = static_cast<Minutes>(rng.between(h.start_from, h.start_until));
  const auto usual_hours = static_cast<Minutes>(rng.between(h.hours_min, h.hours_max));
  const auto program_delay = static_cast<Minutes>(rng.between(h.program_from, h.program_until));
  for (auto& outcome : init_plan_)
    outcome = rng.chance(h.init_failure) ? InitOutcome::failed : InitOutcome::ok;

  system_.reset();
  system_.plan_inits(&init_plan_, InitOutcome::ok);
  obs_ = {};
  const bool restarts =
      c.after_running == AfterRunning::ProgramRestarts || c.after_running == AfterRunning::SmsRestarts;
  const Minutes restart_cost = restarts ? c.shutdown_minutes + c.boot_minutes : 0;
  // A config whose users never switch off (workaround B) overrides the habit: every evening the PC stays on.
  const bool never_off = !c.env.user_powers_off || c.day.always_on;

  for (int d = 0; d < max_days_; ++d) {
    const Minutes base = d * kMinutesPerDay;
    const bool absent = rng.chance(h.absent);
    const auto start_jitter = static_cast<Minutes>(rng.between(-h.jitter, h.jitter));
    const auto end_jitter = static_cast<Minutes>(rng.between(-h.jitter, h.jitter));
    const bool leave_on = rng.chance(h.leave_on) || never_off;
    const bool weekend = h.weekends_off && (weekday0 + d) % kDaysPerWeek >= kWorkdays;
    // Day 0 is the day the program runs: the user is in. On a day nobody comes, the PC stays as it is.
    const bool present = !weekend && (d == 0 || !absent);
    if (present) {
      const Minutes start = std::max<Minutes>(usual_start + start_jitter, 0);
      Minutes off = base + std::max(usual_start + usual_hours + end_jitter, start + 1);
      if (!step_to(base + start) || !apply_power_on()) break;
      if (d == 0) {
        const Minutes program_at = base + start + c.boot_minutes + program_delay;
        if (!step_to(program_at)) break;
        system_.finish_program(c.mif);
        observe();
        // The user stays until the program's restart is over.
        off = std::max(off, program_at + restart_cost + 1);
      }
      if (!leave_on && (!step_to(off) || !apply_power_off())) break;
    }
    if (!step_to(base + kMinutesPerDay)) break;
  }
  return finish();
}

ClientOutcome ClientRunner::finish() {
  close_instance();
  events_ += system_.events();
  ClientOutcome out = obs_.outcome;
  const Minutes lifetime = config_->item_lifetime;
  bool late = false;
  for (int i = 0; i < system_.items_submitted(); ++i) {
    const auto& item = system_.item(i);
    const bool delivered = system_.item_state(i) == QueueItemState::Delivered;
    if (delivered && item.delivered_at < item.deadline(lifetime)) {
      out.delay = std::max(out.delay, item.delivered_at - item.submitted_at);
      continue;
    }
    out.lost = true;
    late |= delivered;
  }
  if (!out.lost) return out;
  out.delay = 0;
  if (late)
    out.path = LossPath::delivered_late;
  else if (out.failed_inits_queued < out.start_ups_queued)
    out.path = LossPath::lost_despite_good_init;
  else if (out.timed_cycles_queued > 0)
    out.path = LossPath::timed_retries_failed;
  else if (out.start_ups_queued <= 1)
    out.path = LossPath::no_start_up_after_submission;
  else
    out.path = LossPath::every_init_failed;
  return out;
}

}  // namespace cqm::stats
