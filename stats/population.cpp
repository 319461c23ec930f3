#include "stats/population.hpp"

#include <algorithm>

#include "harness/environment.hpp"
#include "properties/property.hpp"

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
  // lifetime ends at most that and the lifetime later. One start-up a day plus each program's restart bounds
  // the start-ups the init plan must cover.
  max_days_ = (habits.program_until + config.model.item_lifetime) / kMinutesPerDay + 3;
  init_plan_.resize(static_cast<std::size_t>(max_days_ + 1 + config.programs()), InitOutcome::ok);
  system_.observe(&ClientRunner::on_event, this);
}

// A timed copy cycle while a status is queued: the wake-up, retry or reconnect timer reaching CQM.
void ClientRunner::on_event(void* self, std::size_t machine, int, std::string_view event) {
  auto& runner = *static_cast<ClientRunner*>(self);
  if (machine != machine_index<CopyQueueManager>) return;
  if (event != wake_up_due::name() && event != retry_due::name() && event != reconnect_due::name()) return;
  if (runner.any_queued()) ++runner.obs_.outcome.timed_cycles_queued;
}

bool ClientRunner::any_queued() const {
  const auto& items = system_.group<QueueItem>();
  for (int i = 0; i < items.size(); ++i)
    if (items.state(i) == int(QueueItem::State::Queued)) return true;
  return false;
}

// Nothing further can change this client's outcome: every program has reported, and every status is delivered
// or past its lifetime.
bool ClientRunner::settled() const {
  for (int p = 0; p < config_->programs(); ++p)
    if (system_.state<AdvertisedProgramsManager>(p) != AdvertisedProgramsManager::State::Finished)
      return false;
  const auto& items = system_.group<QueueItem>();
  for (int i = 0; i < items.size(); ++i)
    if (items.state(i) == int(QueueItem::State::Queued) &&
        system_.now() < items.data(i).deadline(config_->model.item_lifetime))
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
  const int start_ups = system_.data<Client>().start_ups;
  const bool cqm_running = system_.state<CopyQueueManager>() != CopyQueueManager::State::Stopped;
  if (start_ups != obs_.seen_start_ups) {
    close_instance();
    obs_.seen_start_ups = start_ups;
    obs_.instance_open = cqm_running;
    obs_.instance_failed = system_.state<Connection>() == Connection::State::Broken;
    obs_.instance_saw_queue = false;
  }
  if (!obs_.instance_open) return;
  if (any_queued()) obs_.instance_saw_queue = true;
  if (!cqm_running) close_instance();
}

// Advances to t one timer at a time, observing each; false as soon as the client is settled. The clock never
// goes back: a day that starts before the last one ended (a program finishing after midnight) starts late.
bool ClientRunner::step_to(Minutes t) {
  t = std::max(t, system_.now());
  for (Minutes n = system_.next_timer(); n <= t; n = system_.next_timer()) {
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
  while (system_.state<Client>() == Client::State::ShuttingDown)
    if (!wait_for_timer()) return false;
  if (system_.state<Client>() != Client::State::Off) return true;
  system_.power_on();
  observe();
  return true;
}

// The user switches off: if the PC is still booting or restarting they wait until it is up.
bool ClientRunner::apply_power_off() {
  while (system_.state<Client>() == Client::State::Booting ||
         system_.state<Client>() == Client::State::Restarting)
    if (!wait_for_timer()) return false;
  if (system_.state<Client>() != Client::State::Up) return true;
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
  // Each program its own delay after day 0's first start-up; they finish in time order.
  program_times_.clear();
  for (int p = 0; p < c.programs(); ++p)
    program_times_.emplace_back(static_cast<Minutes>(rng.between(h.program_from, h.program_until)), p);
  std::stable_sort(program_times_.begin(), program_times_.end());
  for (auto& outcome : init_plan_)
    outcome = rng.chance(h.init_failure) ? InitOutcome::failed : InitOutcome::ok;

  system_.reset();
  system_.plan_inits(&init_plan_, InitOutcome::ok);
  obs_ = {};
  // A config whose users never switch off (workaround B) overrides the habit: every evening the PC stays on.
  const bool never_off = !c.env.user_powers_off || c.env.day.always_on;

  for (int d = 0; d < max_days_; ++d) {
    const Minutes base = d * kMinutesPerDay;
    const bool absent = rng.chance(h.absent);
    const auto start_jitter = static_cast<Minutes>(rng.between(-h.jitter, h.jitter));
    const auto end_jitter = static_cast<Minutes>(rng.between(-h.jitter, h.jitter));
    const bool leave_on = rng.chance(h.leave_on) || never_off;
    const bool weekend = h.weekends_off && (weekday0 + d) % kDaysPerWeek >= kWorkdays;
    // Drawn only when the habit is on, so that a population without it keeps its streams.
    const bool logs_on_again = h.logon > 0 && rng.chance(h.logon);
    const double logon_share = h.logon > 0 ? rng.uniform() : 0.0;
    // Day 0 is the day the program runs: the user is in. On a day nobody comes, the PC stays as it is.
    const bool present = !weekend && (d == 0 || !absent);
    if (present) {
      const Minutes start = std::max<Minutes>(usual_start + start_jitter, 0);
      Minutes off = base + std::max(usual_start + usual_hours + end_jitter, start + 1);
      if (!step_to(base + start) || !apply_power_on()) break;
      if (d == 0) {
        bool settled_now = false;
        for (const auto& [delay, p] : program_times_) {
          const ProgramSpec& spec = c.model.programs[static_cast<std::size_t>(p)];
          const Minutes program_at = base + start + c.model.boot_minutes + delay;
          if (!step_to(program_at)) {
            settled_now = true;
            break;
          }
          system_.finish_program(p, spec.mif);
          observe();
          // The user stays until the program's restart is over.
          const Minutes restart_cost =
              restarts_computer(spec.after_running) ? c.model.shutdown_minutes + c.model.boot_minutes : 0;
          off = std::max(off, program_at + restart_cost + 1);
        }
        if (settled_now) break;
      }
      if (logs_on_again) {
        // Somewhere in the session, after what day 0's program did.
        const Minutes from = std::max(system_.now() + 1, base + start + c.model.boot_minutes + 1);
        const Minutes at =
            from + static_cast<Minutes>(logon_share * static_cast<double>(std::max<Minutes>(off - from, 0)));
        if (!step_to(at)) break;
        system_.log_on();
        observe();
        off = std::max(off, at + 1);
      }
      if (!leave_on && (!step_to(off) || !apply_power_off())) break;
    }
    if (!step_to(base + kMinutesPerDay)) break;
  }
  return finish();
}

std::uint32_t end_state_properties() {
  static const std::uint32_t mask = [] {
    std::uint32_t m = 0;
    for (const char* name :
         {"queue_bounded", "completed_job_never_reruns", "every_advertisement_gets_its_status",
          "delivered_at_most_once", "no_refused_events"})
      m |= 1u << property_index(name);
    return m;
  }();
  return mask;
}

ClientOutcome ClientRunner::finish() {
  close_instance();
  system_.snapshot(end_);
  obs_.outcome.violated = check_step(*config_, end_, end_, end_state_properties());
  events_ += system_.events();
  ClientOutcome out = obs_.outcome;
  const Minutes lifetime = config_->model.item_lifetime;
  bool late = false;
  const auto& items = system_.group<QueueItem>();
  for (int i = 0; i < items.size(); ++i) {
    if (items.state(i) == int(QueueItem::State::Empty)) continue;
    const auto& item = items.data(i);
    if (item.status == StatusId::none) continue;  // an inventory file: not a status
    const bool delivered = items.state(i) == int(QueueItem::State::Delivered);
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
