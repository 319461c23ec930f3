#include "model/system.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "model/routes.hpp"

namespace cqm {
namespace {

/// The routes of each notice kind, in table order.
const std::array<std::vector<const Route*>, kNoticeKinds>& routes_by_notice() {
  static const auto index = [] {
    std::array<std::vector<const Route*>, kNoticeKinds> out;
    for (const Route& r : route_table()) out[static_cast<std::size_t>(r.notice)].push_back(&r);
    return out;
  }();
  return index;
}

/// The instances one route delivers to: at most every queue slot (environment.max_queue <= 64) or every
/// timer.
struct Targets {
  std::array<int, 72> at;  // not zeroed: only [0, n) is read
  int n = 0;
  void push_back(int i) {
    if (n == static_cast<int>(at.size()))
      throw std::logic_error("model bug: a route selected too many instances");
    at[static_cast<std::size_t>(n++)] = i;
  }
  Targets& operator=(std::initializer_list<int> list) {
    n = 0;
    for (int i : list) push_back(i);
    return *this;
  }
  bool empty() const { return n == 0; }
  const int* begin() const { return at.data(); }
  const int* end() const { return at.data() + n; }
};

}  // namespace

System::System(const Config& config, LogRecords* log, std::vector<Refusal>* refusals)
    : System(config, log, refusals, std::make_index_sequence<kMachines>{}) {}

template <std::size_t... I>
System::System(const Config& config, LogRecords* log, std::vector<Refusal>* refusals,
               std::index_sequence<I...>)
    : config_(&config), groups_(std::make_unique<MachineGroup<boost::mp11::mp_at_c<Machines, I>>>(env_)...) {
  env_.config = config_;
  env_.log = log;
  env_.refusal_log = refusals;
  env_.outbox.reserve(64);
  reset();
}

System::~System() = default;

void System::reset() {
  env_.now = 0;
  env_.refusals = 0;
  env_.outbox.clear();
  env_.timers = timer_layout(*config_);
  for_each_machine([&]<class M>(std::type_identity<M>) {
    auto& g = group<M>();
    const int n = M::instances(*config_);
    if (g.size() == n)
      g.reset();
    else
      g.resize(n);
  });
  inputs_ = {};
  init_plan_ = nullptr;
  init_otherwise_ = InitOutcome::ok;
  overflowed_ = false;
  events_ = 0;
  fired_.clear();
}

// ---- the environment --------------------------------------------------------------------------------------

void System::power_on() {
  ++events_;
  dispatch({NoticeKind::user_powered_on});
}

void System::power_off() {
  ++events_;
  dispatch({NoticeKind::user_powered_off});
}

void System::log_on() {
  ++events_;
  dispatch({NoticeKind::user_logon});
}

void System::finish_program(int program, MifResult mif) {
  ++events_;
  if (program < 0 || program >= group<AdvertisedProgramsManager>().size())
    throw std::out_of_range("no program " + std::to_string(program) + " in this config");
  dispatch(
      {NoticeKind::program_finished, static_cast<std::int16_t>(program), static_cast<std::int32_t>(mif)});
}

void System::set_cap_outage(bool down) {
  ++events_;
  inputs_.cap_outage = down;
}

void System::plan_next_init(InitOutcome outcome) { inputs_.next_init_fails = outcome == InitOutcome::failed; }

void System::plan_inits(const std::vector<InitOutcome>* per_start_up, InitOutcome otherwise) {
  init_plan_ = per_start_up;
  init_otherwise_ = otherwise;
}

bool System::planned_init_failure() const {
  if (!init_plan_) return inputs_.next_init_fails;
  const auto n = static_cast<std::size_t>(data<Client>().start_ups - 1);
  return (n < init_plan_->size() ? (*init_plan_)[n] : init_otherwise_) == InitOutcome::failed;
}

bool System::work_racing() const {
  using S = AdvertisedProgramsManager::State;
  const auto& jobs = group<AdvertisedProgramsManager>();
  for (int i = 0; i < jobs.size(); ++i) {
    const auto s = static_cast<S>(jobs.state(i));
    // A status a restart left behind, a job due at the start-up (deferred, or left scheduled: Q257280).
    if (s == S::AwaitingRestart || s == S::Deferred || s == S::Lingering) return true;
  }
  return any_in_queue();
}

int System::items_submitted() const {
  const auto& items = group<QueueItem>();
  int n = 0;
  for (int i = 0; i < items.size(); ++i) n += items.state(i) != int(QueueItem::State::Empty);
  return n;
}

int System::items_in_queue() const {
  const auto& items = group<QueueItem>();
  int n = 0;
  for (int i = 0; i < items.size(); ++i) n += QueueItem::in_queue(items.state(i));
  return n;
}

bool System::any_in_queue_for(int destination) const {
  const auto& items = group<QueueItem>();
  for (int i = 0; i < items.size(); ++i)
    if (QueueItem::in_queue(items.state(i)) && items.data(i).destination == destination) return true;
  return false;
}

bool System::any_in_queue() const {
  const auto& items = group<QueueItem>();
  for (int i = 0; i < items.size(); ++i)
    if (QueueItem::in_queue(items.state(i))) return true;
  return false;
}

// ---- routing
// -----------------------------------------------------------------------------------------------

void System::dispatch(const Notice& notice) {
  static const auto& by_notice = routes_by_notice();
  const bool timer = notice.kind == NoticeKind::timer_elapsed;
  const TimerRole role = timer ? timer_role(env_.timers, notice.index) : TimerRole::power;
  for (const Route* r : by_notice[static_cast<std::size_t>(notice.kind)]) {
    if (timer && r->role && role != *r->role) continue;
    // The instances are chosen before any is delivered to: delivering changes states a selection reads.
    Targets targets;
    const auto& items = group<QueueItem>();
    switch (r->select) {
      case Select::one:
        targets = {0};
        break;
      case Select::announcer:
        targets = {notice.index};
        break;
      case Select::arg:
        targets = {notice.arg};
        break;
      case Select::timer_item:
        targets = {env_.timers.item_of(notice.index)};
        break;
      case Select::every:
        for (int i = 0; i < r->instances(*this); ++i) targets.push_back(i);
        break;
      case Select::free_slot:
        for (int i = 0; i < items.size(); ++i)
          if (items.state(i) == int(QueueItem::State::Empty)) {
            targets = {i};
            break;
          }
        if (targets.empty()) overflowed_ = true;  // the explorers treat the run as outside their bound
        break;
      case Select::in_queue:
        for (int i = 0; i < items.size(); ++i)
          if (QueueItem::in_queue(items.state(i))) targets.push_back(i);
        break;
      case Select::inventory_slot:
        for (int i = 0; i < items.size(); ++i)
          if (QueueItem::takes_inventory(items.state(i), items.data(i))) {
            targets = {i};
            break;
          }
        if (targets.empty()) overflowed_ = true;
        break;
      case Select::its_items:
        for (int i = 0; i < items.size(); ++i)
          if (QueueItem::in_queue(items.state(i)) && items.data(i).destination == notice.index)
            targets.push_back(i);
        break;
      case Select::timer_agent:
        targets = {env_.timers.agent_of(notice.index)};
        break;
      case Select::timer_file:
        targets = {env_.timers.file_of(notice.index)};
        break;
      case Select::parked: {
        const auto& files = group<StatusFile>();
        for (int i = 0; i < files.size(); ++i)
          if (files.state(i) == int(StatusFile::State::Parked)) targets.push_back(i);
        break;
      }
    }
    for (const int i : targets) {
      const std::size_t mark = env_.outbox.size();
      if (observer_) observer_(observer_context_, r->to, i, r->event);
      r->deliver(*this, notice, i);
      // What the event made the machine announce, in order, each with everything it leads to.
      const std::size_t end = env_.outbox.size();
      for (std::size_t k = mark; k < end; ++k) {
        const Notice next = env_.outbox[k];
        dispatch(next);
      }
      env_.outbox.resize(mark);
    }
  }
}

// ---- the clock
// ---------------------------------------------------------------------------------------------

Minutes System::next_timer() const {
  const auto& timers = group<Timer>();
  Minutes t = kNever;
  const int n = timers.size();
  for (int i = 0; i < n; ++i)
    if (timers.state(i) == int(Timer::State::Armed)) t = std::min(t, timers.data(i).due);
  return t;
}

void System::advance_to(Minutes t) {
  fired_.clear();
  const auto& timers = group<Timer>();
  for (Minutes n = next_timer(); n <= t; n = next_timer()) {
    env_.now = n;
    ++events_;
    int due = 0;
    while (timers.state(due) != int(Timer::State::Armed) || timers.data(due).due != n) ++due;
    fired_.push_back(due);
    dispatch({NoticeKind::clock_reached, static_cast<std::int16_t>(due)});
  }
  env_.now = std::max(env_.now, t);
}

// ---- snapshots
// ---------------------------------------------------------------------------------------------

void System::snapshot(SystemSnapshot& s) const {
  s.now = env_.now;
  s.inputs = inputs_;
  s.refusals = env_.refusals;
  s.queue_overflowed = overflowed_;
  for_each_machine([&]<class M>(std::type_identity<M>) {
    const auto& g = group<M>();
    auto& out = s.all<M>();
    out.resize(static_cast<std::size_t>(g.size()));
    for (int i = 0; i < g.size(); ++i) g.get(i, out[static_cast<std::size_t>(i)]);
  });
}

SystemSnapshot System::snapshot() const {
  SystemSnapshot s;
  snapshot(s);
  return s;
}

void System::restore(const SystemSnapshot& s) {
  env_.now = s.now;
  inputs_ = s.inputs;
  env_.refusals = s.refusals;
  overflowed_ = s.queue_overflowed;
  for_each_machine([&]<class M>(std::type_identity<M>) {
    auto& g = group<M>();
    const auto& in = s.all<M>();
    if (static_cast<int>(in.size()) != g.size())
      throw std::logic_error("snapshot of another config: " + std::string(M::name) + " instances differ");
    for (int i = 0; i < g.size(); ++i) g.set(i, in[static_cast<std::size_t>(i)]);
  });
}

}  // namespace cqm
