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
    case LossPath::name_in_use:
      return "name_in_use";
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
    case LossPath::name_in_use:
      return "its file's name was in use on the CAP, CQM removed it (Q301352)";
  }
  return "?";
}

ClientRunner::ClientRunner(const Config& config, const Habits& habits)
    : config_(&config),
      habits_(&habits),
      client_config_(config),
      clients_(config.model.site.clients),
      system_(config) {
  client_config_.model.site.clients = 1;
  // The statuses are submitted on day 0 (or, for a program that finishes late, on the day it finishes); their
  // lifetime ends at most that and the lifetime later. One start-up a day plus each program's restart bounds
  // the start-ups the init plan must cover.
  max_days_ = ((habits.program_at == kNever ? 0 : habits.program_at) + habits.program_until +
               config.model.item_lifetime) /
                  kMinutesPerDay +
              3;
  plans_.resize(static_cast<std::size_t>(clients_));
  for (auto& plan : plans_) {
    plan.init_plan.resize(static_cast<std::size_t>(max_days_ + 1 + config.programs()), InitOutcome::ok);
    plan.actions.reserve(static_cast<std::size_t>(4 * max_days_ + config.programs()));
  }
  outcomes_.resize(static_cast<std::size_t>(clients_));
  system_.observe(&ClientRunner::on_event, this, machine_index<CopyQueueManager>);
}

// A timed copy cycle while a status is queued: the wake-up, retry or reconnect timer reaching CQM.
void ClientRunner::on_event(void* self, std::size_t machine, int instance, std::string_view event) {
  auto& runner = *static_cast<ClientRunner*>(self);
  if (machine != machine_index<CopyQueueManager>) return;
  if (event != wake_up_due::name() && event != retry_due::name() && event != reconnect_due::name()) return;
  const int client = instance / CopyQueueManager::instances(*runner.config_);
  if (runner.any_queued(client))
    ++runner.plans_[static_cast<std::size_t>(client)].obs.outcome.timed_cycles_queued;
}

bool ClientRunner::any_queued(int client) const {
  system_.focus(client);
  for (int i = 0; i < system_.count<QueueItem>(); ++i)
    if (system_.state<QueueItem>(i) == QueueItem::State::Queued) return true;
  return false;
}

// Nothing further can change this client's outcome: every program has reported, and every status is
// delivered, removed or past its lifetime.
bool ClientRunner::settled(int client) const {
  system_.focus(client);
  for (int p = 0; p < config_->programs(); ++p)
    if (system_.state<AdvertisedProgramsManager>(p) != AdvertisedProgramsManager::State::Finished)
      return false;
  for (int i = 0; i < system_.count<QueueItem>(); ++i)
    if (system_.state<QueueItem>(i) == QueueItem::State::Queued &&
        system_.now() < system_.data<QueueItem>(i).deadline(config_->model.item_lifetime))
      return false;
  return true;
}

bool ClientRunner::all_settled() const {
  for (int c = 0; c < clients_; ++c)
    if (!settled(c)) return false;
  return true;
}

void ClientRunner::close_instance(Observation& obs) {
  if (obs.instance_open && obs.instance_saw_queue) {
    ++obs.outcome.start_ups_queued;
    obs.outcome.failed_inits_queued += obs.instance_failed;
  }
  obs.instance_open = false;
}

// Called after every step: a new start-up opens a CQM instance (its init outcome is fixed at start-up), a
// stopped CQM closes it.
void ClientRunner::observe(int client) {
  Observation& obs = plans_[static_cast<std::size_t>(client)].obs;
  system_.focus(client);
  const int start_ups = system_.data<Client>().start_ups;
  const bool cqm_running = system_.state<CopyQueueManager>() != CopyQueueManager::State::Stopped;
  if (start_ups != obs.seen_start_ups) {
    close_instance(obs);
    obs.seen_start_ups = start_ups;
    obs.instance_open = cqm_running;
    obs.instance_failed = system_.state<Connection>() == Connection::State::Broken;
    obs.instance_saw_queue = false;
  }
  if (!obs.instance_open) return;
  if (any_queued(client)) obs.instance_saw_queue = true;
  if (!cqm_running) close_instance(obs);
}

void ClientRunner::observe_all() {
  for (int c = 0; c < clients_; ++c) observe(c);
}

// Advances to t one timer at a time, observing each; false as soon as every client is settled.
bool ClientRunner::step_to(Minutes t) {
  t = std::max(t, system_.now());
  for (Minutes n = system_.next_timer(); n <= t; n = system_.next_timer()) {
    system_.advance_to(n);
    observe_all();
    if (all_settled()) return false;
  }
  system_.advance_to(t);
  return true;
}

// One user action, now; false when the user must wait for the PC first: switching on while it shuts down, or
// off while it boots or restarts.
bool ClientRunner::apply(int client, const Action& a) {
  system_.focus(client);
  const Client::State pc = system_.state<Client>();
  switch (a.kind) {
    case Action::Kind::power_on:
      if (pc == Client::State::ShuttingDown) return false;
      if (pc == Client::State::Off) system_.power_on(client);
      break;
    case Action::Kind::power_off:
      if (pc == Client::State::Booting || pc == Client::State::Restarting) return false;
      if (pc == Client::State::Up) {
        system_.power_off(client);
        switched_off_ = true;
      }
      break;
    case Action::Kind::program:
      system_.finish_program(a.program, config_->model.programs[static_cast<std::size_t>(a.program)].mif,
                             client);
      break;
    case Action::Kind::log_on:
      system_.log_on(client);
      break;
  }
  observe(client);
  return true;
}

// The client's days, from its own stream. The draws come in a fixed order — the client's own habits, the init
// plan, its clock, then day by day, the same number each day — so its plan depends only on (seed, index).
void ClientRunner::plan_client(std::uint64_t seed, std::uint64_t index, ClientPlan& plan) {
  const Habits& h = *habits_;
  const Config& c = *config_;
  Xoshiro256& rng = plan.rng;
  rng = Xoshiro256::for_client(seed, index);
  plan.weekday0 = static_cast<int>(rng.between(0, kWorkdays - 1));
  plan.usual_start = static_cast<Minutes>(rng.between(h.start_from, h.start_until));
  plan.usual_hours = static_cast<Minutes>(rng.between(h.hours_min, h.hours_max));
  // Each program its own delay; they finish in time order.
  program_times_.clear();
  for (int p = 0; p < c.programs(); ++p)
    program_times_.emplace_back(static_cast<Minutes>(rng.between(h.program_from, h.program_until)), p);
  std::stable_sort(program_times_.begin(), program_times_.end());
  for (auto& outcome : plan.init_plan)
    outcome = rng.chance(h.init_failure) ? InitOutcome::failed : InitOutcome::ok;
  // Drawn only when the habit is on, so that a population without it keeps its streams.
  plan.clock_offset = h.clock_skew > 0 ? static_cast<Minutes>(rng.between(-h.clock_skew, h.clock_skew)) : 0;

  plan.actions.clear();
  plan.next = 0;
  plan.not_before = 0;
  plan.obs = {};
  plan.last = 0;
  plan.next_day = 0;
  plan_day(plan);  // day 0 now: it reads program_times_, which the next client's plan overwrites
}

bool ClientRunner::plan_days(ClientPlan& plan) {
  const std::size_t had = plan.actions.size();
  while (plan.actions.size() == had && plan.next_day < max_days_) plan_day(plan);
  return plan.actions.size() > had;
}

void ClientRunner::plan_day(ClientPlan& plan) {
  const Habits& h = *habits_;
  const Config& c = *config_;
  Xoshiro256& rng = plan.rng;
  const int d = plan.next_day++;
  const auto add = [&](Minutes at, Action::Kind kind, int program = 0) {
    plan.last = std::max(at, plan.last);
    plan.actions.push_back({plan.last, kind, program});
  };
  // A config whose users never switch off (workaround B) overrides the habit: every evening the PC stays on.
  const bool never_off = !c.env.user_powers_off || c.env.day.always_on;
  const Minutes base = d * kMinutesPerDay;
  const bool absent = rng.chance(h.absent);
  const auto start_jitter = static_cast<Minutes>(rng.between(-h.jitter, h.jitter));
  const auto end_jitter = static_cast<Minutes>(rng.between(-h.jitter, h.jitter));
  const bool leave_on = rng.chance(h.leave_on) || never_off;
  const bool weekend = h.weekends_off && (plan.weekday0 + d) % kDaysPerWeek >= kWorkdays;
  const bool logs_on_again = h.logon > 0 && rng.chance(h.logon);
  const double logon_share = h.logon > 0 ? rng.uniform() : 0.0;
  // Day 0 is the day the program runs: the user is in. On a day nobody comes, the PC stays as it is.
  if (weekend || (d > 0 && absent)) return;
  const Minutes start = std::max<Minutes>(plan.usual_start + start_jitter, 0);
  Minutes off = base + std::max(plan.usual_start + plan.usual_hours + end_jitter, start + 1);
  add(base + start, Action::Kind::power_on);
  if (d == 0) {
    // The advertisement is due after the start-up, or at the site's moment for it if that comes later.
    const Minutes due = std::max(base + start + c.model.boot_minutes,
                                 h.program_at == kNever ? Minutes{0} : base + h.program_at);
    for (const auto& [delay, p] : program_times_) {
      const ProgramSpec& spec = c.model.programs[static_cast<std::size_t>(p)];
      const Minutes program_at = due + delay;
      add(program_at, Action::Kind::program, p);
      // The user stays until the program's restart is over.
      const Minutes restart_cost =
          restarts_computer(spec.after_running) ? c.model.shutdown_minutes + c.model.boot_minutes : 0;
      off = std::max(off, program_at + restart_cost + 1);
    }
  }
  if (logs_on_again) {
    // Somewhere in the session, after what day 0's program did.
    const Minutes from = std::max(plan.last + 1, base + start + c.model.boot_minutes + 1);
    const Minutes at =
        from + static_cast<Minutes>(logon_share * static_cast<double>(std::max<Minutes>(off - from, 0)));
    add(at, Action::Kind::log_on);
    off = std::max(off, at + 1);
  }
  if (!leave_on) add(off, Action::Kind::power_off);
}

const std::vector<ClientOutcome>& ClientRunner::run_site(std::uint64_t seed, std::uint64_t site) {
  const auto k = static_cast<std::uint64_t>(clients_);
  for (int c = 0; c < clients_; ++c)
    plan_client(seed, site * k + static_cast<std::uint64_t>(c), plans_[static_cast<std::size_t>(c)]);
  system_.reset();
  for (int c = 0; c < clients_; ++c) {
    const ClientPlan& plan = plans_[static_cast<std::size_t>(c)];
    system_.plan_inits(&plan.init_plan, InitOutcome::ok, c);
    system_.set_clock_offset(c, plan.clock_offset);
  }
  // The users act in time order (ties: the lower client first); each client's actions in its order.
  while (true) {
    int who = -1;
    Minutes when = 0;
    for (int c = 0; c < clients_; ++c) {
      ClientPlan& plan = plans_[static_cast<std::size_t>(c)];
      if (plan.next == plan.actions.size() && !plan_days(plan)) continue;
      const Minutes t = std::max(plan.actions[plan.next].at, plan.not_before);
      if (who < 0 || t < when) {
        who = c;
        when = t;
      }
    }
    if (who < 0) break;
    if (!step_to(when)) return finish(), outcomes_;
    ClientPlan& plan = plans_[static_cast<std::size_t>(who)];
    plan.not_before = system_.now();
    switched_off_ = false;
    if (!apply(who, plan.actions[plan.next])) {
      plan.not_before = system_.next_timer();  // the user waits for the PC
      continue;
    }
    ++plan.next;
    if (switched_off_ && all_settled()) return finish(), outcomes_;
  }
  step_to(static_cast<Minutes>(max_days_) * kMinutesPerDay);
  finish();
  return outcomes_;
}

ClientOutcome ClientRunner::run(std::uint64_t seed, std::uint64_t index) {
  if (clients_ != 1) throw std::logic_error("ClientRunner::run is for sites of one client: use run_site");
  return run_site(seed, index).front();
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

namespace {

/// Client `client`'s part of a site's state: its block of each client machine and the site's machines, as a
/// one-client site's snapshot would hold them. The refusals and the queue's overflow are the site's.
void client_part(const Config& config, const SystemSnapshot& site, int client, SystemSnapshot& out) {
  out.now = site.now;
  out.inputs.cap_outage = site.inputs.cap_outage;
  out.inputs.next_init_fails = site.inputs.next_init_fails >> client & 1;
  out.refusals = site.refusals;
  out.queue_overflowed = site.queue_overflowed;
  for_each_machine([&]<class M>(std::type_identity<M>) {
    const auto& all = site.all<M>();
    auto& part = out.all<M>();
    const auto n = static_cast<std::size_t>(M::instances(config));
    if (n == 0) {
      part = all;
      return;
    }
    const auto from = all.begin() + static_cast<std::ptrdiff_t>(n * static_cast<std::size_t>(client));
    part.assign(from, from + static_cast<std::ptrdiff_t>(n));
  });
}

}  // namespace

void ClientRunner::finish() {
  system_.snapshot(end_);
  events_ += system_.events();
  for (int c = 0; c < clients_; ++c) {
    close_instance(plans_[static_cast<std::size_t>(c)].obs);
    ClientOutcome& out = outcomes_[static_cast<std::size_t>(c)];
    out = outcome_of(c);
    if (clients_ == 1) {
      out.violated = check_step(*config_, end_, end_, end_state_properties());
    } else {
      client_part(*config_, end_, c, one_);
      out.violated = check_step(client_config_, one_, one_, end_state_properties());
    }
  }
}

ClientOutcome ClientRunner::outcome_of(int client) {
  ClientOutcome out = plans_[static_cast<std::size_t>(client)].obs.outcome;
  const Minutes lifetime = config_->model.item_lifetime;
  bool late = false, removed = false;
  system_.focus(client);
  for (int i = 0; i < system_.count<QueueItem>(); ++i) {
    const QueueItem::State state = system_.state<QueueItem>(i);
    if (state == QueueItem::State::Empty) continue;
    const auto& item = system_.data<QueueItem>(i);
    if (item.status == StatusId::none) continue;  // an inventory file: not a status
    const bool delivered = state == QueueItem::State::Delivered;
    if (delivered && item.delivered_at < item.deadline(lifetime)) {
      out.delay = std::max(out.delay, item.delivered_at - item.submitted_at);
      continue;
    }
    out.lost = true;
    late |= delivered;
    removed |= state == QueueItem::State::Removed;
  }
  if (!out.lost) return out;
  out.delay = 0;
  if (removed)
    out.path = LossPath::name_in_use;
  else if (late)
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
