#include "model/system.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "model/routes.hpp"

namespace cqm {

/// A route as dispatch reads it: its maker, target and selection beside each other, and the route. A route
/// to one instance named by the notice says where the instance comes from (`pick`, less the offset
/// System::pick_offsets_[offset]: a timer's index among its owners'), so that dispatch computes it rather
/// than jumping on the selection; `many` routes choose theirs (every instance, or by the System's states).
struct Hop {
  void (*deliver)(System&, const Notice&, int instance);
  const Route* route;
  std::uint8_t to;
  Select select;
  bool many;
  PickFrom pick;
  PickOffset offset;
};
static_assert(kMachines <= UINT8_MAX, "a Hop names its target in a byte");

namespace {

inline constexpr std::size_t kTimerRoles = static_cast<std::size_t>(TimerRole::executive_restart) + 1;

/// The routes of each notice kind and timer role, in table order: a route for one role is listed under it
/// only, a route for any role under each (a notice that is not a timer's is looked up under `power`). The
/// System looks a notice's routes up once instead of testing every timer route's role. The routes of one
/// (notice, role) are side by side in one array, each with what dispatch reads of it: a notice's routes are
/// one load from its span, not a list per notice and a pointer per route (dispatch was a chain of dependent
/// loads).
struct RouteIndex {
  std::vector<Hop> hops;
  std::array<std::array<std::pair<std::uint16_t, std::uint16_t>, kTimerRoles>, kNoticeKinds> span{};
};
/// The selections of one instance, each with where it takes the instance from; the others choose from the
/// states (System::deliver_each).
struct Pick {
  Select select;
  PickFrom from;
  PickOffset offset;
};
constexpr std::array kPicks{
    Pick{Select::one, PickFrom::zero, PickOffset::none},
    Pick{Select::announcer, PickFrom::index, PickOffset::none},
    Pick{Select::arg, PickFrom::arg, PickOffset::none},
    Pick{Select::timer_item, PickFrom::index, PickOffset::lifetime},
    Pick{Select::timer_agent, PickFrom::index, PickOffset::inventory},
    Pick{Select::timer_file, PickFrom::index, PickOffset::file},
};
const Pick* pick_of(Select select) {
  const auto* p =
      std::find_if(kPicks.begin(), kPicks.end(), [&](const Pick& k) { return k.select == select; });
  return p == kPicks.end() ? nullptr : p;
}

const RouteIndex& routes_by_notice() {
  static const auto index = [] {
    RouteIndex out;
    for (std::size_t kind = 0; kind < kNoticeKinds; ++kind)
      for (std::size_t role = 0; role < kTimerRoles; ++role) {
        const auto first = static_cast<std::uint16_t>(out.hops.size());
        for (const Route& r : route_table())
          if (static_cast<std::size_t>(r.notice) == kind &&
              (!r.role || static_cast<std::size_t>(*r.role) == role)) {
            const auto pick = pick_of(r.select);
            out.hops.push_back({r.deliver, &r, static_cast<std::uint8_t>(r.to), r.select, !pick,
                                pick ? pick->from : PickFrom::zero, pick ? pick->offset : PickOffset::none});
          }
        if (out.hops.size() > UINT16_MAX) throw std::logic_error("model bug: too many routes for the index");
        out.span[kind][role] = {first, static_cast<std::uint16_t>(out.hops.size())};
      }
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

namespace {
/// Room for every Env a site can have, made once: machines hold pointers to them, and a later reset with
/// another number of clients must not move them.
std::vector<Env> env_storage() {
  std::vector<Env> out;
  out.reserve(static_cast<std::size_t>(kMaxClients + 1));
  out.emplace_back();
  return out;
}
}  // namespace

System::System(const Config& config, LogRecords* log, std::vector<Refusal>* refusals)
    : System(config, log, refusals, std::make_index_sequence<kMachines>{}) {}

template <std::size_t... I>
System::System(const Config& config, LogRecords* log, std::vector<Refusal>* refusals,
               std::index_sequence<I...>)
    : config_(&config),
      envs_(env_storage()),
      groups_(std::make_unique<MachineGroup<boost::mp11::mp_at_c<Machines, I>>>(envs_[0])...),
      log_(log),
      refusal_log_(refusals) {
  reset();
}

void System::make_envs() {
  clients_ = config_->model.site.clients;
  if (clients_ < 1 || clients_ > kMaxClients)
    throw std::out_of_range("site.clients must be 1 to " + std::to_string(kMaxClients));
  envs_.assign(static_cast<std::size_t>(clients_ + 1), Env{});
  env_ptrs_.clear();
  for (int c = 0; c <= clients_; ++c) {
    Env& e = envs_[static_cast<std::size_t>(c)];
    e.config = config_;
    e.client = c;
    e.log = log_;
    e.refusal_log = refusal_log_;
    e.coverage = coverage_;
    env_ptrs_.push_back(&e);
  }
  init_plans_.assign(static_cast<std::size_t>(clients_), {});
  clock_offsets_.assign(static_cast<std::size_t>(clients_), 0);
  min_clock_offset_ = 0;
}

System::~System() = default;

void System::reset() {
  // A config changed since the last reset may have another number of clients: new Envs, new instances.
  const bool new_envs = env_ptrs_.empty() || config_->model.site.clients != clients_;
  if (new_envs) make_envs();
  std::size_t m = 0;
  for_each_machine([&]<class M>(std::type_identity<M>) {
    per_client_[m] = M::instances(*config_);
    per_site_[m++] = site_instances<M>(*config_);
  });
  for (Env& e : envs_) {
    e.now = 0;
    e.refusals = 0;
    e.outbox.clear();
    e.timers = timer_layout(*config_);
  }
  // A timer's owner (queue item, inventory agent, status file) is its index less the first timer of its kind.
  const TimerLayout& t = timers();
  pick_offsets_ = {0, t.lifetime(0), t.inventory(0), t.file(0)};
  current_ = 0;
  for_each_machine([&]<class M>(std::type_identity<M>) {
    auto& g = group<M>();
    if (!new_envs && g.size() == total_instances<M>(*config_))
      g.reset();
    else
      g.resize(M::instances(*config_), clients_, site_instances<M>(*config_), env_ptrs_.data());
  });
  inputs_ = {};
  for (auto& p : init_plans_) p = {};
  overflowed_ = false;
  events_ = 0;
  fired_.clear();
}

// ---- the environment --------------------------------------------------------------------------------------

namespace {
void check_client(int client, int clients) {
  if (client < 0 || client >= clients)
    throw std::out_of_range("no client " + std::to_string(client) + " in this config");
}
}  // namespace

void System::power_on(int client) {
  check_client(client, clients_);
  ++events_;
  dispatch({NoticeKind::user_powered_on, 0, 0, 0, static_cast<std::int16_t>(client)});
}

void System::power_off(int client) {
  check_client(client, clients_);
  ++events_;
  dispatch({NoticeKind::user_powered_off, 0, 0, 0, static_cast<std::int16_t>(client)});
}

void System::log_on(int client) {
  check_client(client, clients_);
  ++events_;
  dispatch({NoticeKind::user_logon, 0, 0, 0, static_cast<std::int16_t>(client)});
}

void System::finish_program(int program, MifResult mif, int client) {
  check_client(client, clients_);
  ++events_;
  if (program < 0 || program >= per_client_[machine_index<AdvertisedProgramsManager>])
    throw std::out_of_range("no program " + std::to_string(program) + " in this config");
  dispatch({NoticeKind::program_finished, static_cast<std::int16_t>(program), static_cast<std::int32_t>(mif),
            0, static_cast<std::int16_t>(client)});
}

void System::record_coverage(Coverage* coverage) {
  coverage_ = coverage;
  for (Env& e : envs_) e.coverage = coverage;
}

void System::set_cap_outage(bool down) {
  ++events_;
  inputs_.cap_outage = down;
}

void System::plan_next_init(InitOutcome outcome, int client) {
  check_client(client, clients_);
  const std::int32_t bit = std::int32_t{1} << client;
  inputs_.next_init_fails =
      outcome == InitOutcome::failed ? inputs_.next_init_fails | bit : inputs_.next_init_fails & ~bit;
}

void System::plan_inits(const std::vector<InitOutcome>* per_start_up, InitOutcome otherwise, int client) {
  check_client(client, clients_);
  init_plans_[static_cast<std::size_t>(client)] = {per_start_up, otherwise};
}

void System::set_clock_offset(int client, Minutes offset) {
  check_client(client, clients_);
  const auto [lo, hi] = std::minmax_element(clock_offsets_.begin(), clock_offsets_.end());
  const Minutes new_lo = std::min(*lo, offset), new_hi = std::max(*hi, offset);
  if (new_hi - new_lo >= kMaxClockSpread)
    throw std::invalid_argument("the clients' clock offsets may spread over at most " +
                                std::to_string(kMaxClockSpread) + " minutes");
  clock_offsets_[static_cast<std::size_t>(client)] = offset;
  min_clock_offset_ = *std::min_element(clock_offsets_.begin(), clock_offsets_.end());
}

Minutes System::clock_offset() const {
  const Minutes own = current_ < clients_ ? clock_offsets_[static_cast<std::size_t>(current_)] : 0;
  return config_->model.clock_offset + own;
}

Minutes System::earliest_client_minute() const {
  return now() + config_->model.clock_offset + min_clock_offset_;
}

bool System::planned_init_failure() const {
  const InitPlan& plan = init_plans_[static_cast<std::size_t>(current_)];
  if (!plan.per_start_up) return (inputs_.next_init_fails >> current_ & 1) != 0;
  const auto n = static_cast<std::size_t>(data<Client>().start_ups - 1);
  return (n < plan.per_start_up->size() ? (*plan.per_start_up)[n] : plan.otherwise) == InitOutcome::failed;
}

std::uint32_t System::refusals() const {
  std::uint32_t n = 0;
  for (const Env& e : envs_) n += e.refusals;
  return n;
}

Env& System::env_of(std::size_t machine) {
  const bool client_block = per_client_[machine] > 0 && current_ < clients_;
  return envs_[static_cast<std::size_t>(client_block ? current_ : clients_)];
}

void System::set_now(Minutes t) {
  for (Env& e : envs_) e.now = t;
}

int System::timer_client(int timer) const {
  const int n = per_client_[machine_index<Timer>];
  return std::min(timer / n, clients_);
}

TimerRole System::timer_role_of(int timer) const {
  const int client = timer_client(timer);
  if (client == clients_) return TimerRole::executive_restart;
  return timer_role(timers(), timer - client * per_client_[machine_index<Timer>]);
}

bool System::work_racing() const {
  using S = AdvertisedProgramsManager::State;
  for (int i = 0; i < count<AdvertisedProgramsManager>(); ++i) {
    const auto s = state<AdvertisedProgramsManager>(i);
    // A status a restart left behind, a job due at the start-up (deferred, or left scheduled: Q257280).
    if (s == S::AwaitingRestart || s == S::Deferred || s == S::Lingering) return true;
  }
  return any_in_queue();
}

int System::items_submitted() const {
  int n = 0;
  for (int i = 0; i < count<QueueItem>(); ++i) n += state<QueueItem>(i) != QueueItem::State::Empty;
  return n;
}

int System::items_in_queue() const {
  int n = 0;
  for (int i = 0; i < count<QueueItem>(); ++i) n += QueueItem::in_queue(int(state<QueueItem>(i)));
  return n;
}

bool System::any_in_queue_for(int destination) const {
  for (int i = 0; i < count<QueueItem>(); ++i)
    if (QueueItem::in_queue(int(state<QueueItem>(i))) && data<QueueItem>(i).destination == destination)
      return true;
  return false;
}

bool System::any_in_queue() const {
  for (int i = 0; i < count<QueueItem>(); ++i)
    if (QueueItem::in_queue(int(state<QueueItem>(i)))) return true;
  return false;
}

// ---- routing
// -----------------------------------------------------------------------------------------------

// Delivers the route's event to instance i, then routes what the event made the machine announce, in order,
// each with everything it leads to. Most events announce nothing: no loop then. Inlined into dispatch and
// deliver_each, its only callers: one call, frame and six saved registers a delivery fewer (11 % of the
// routing's instructions in `estimate`, doc/performance.md's fifteenth stop).
[[gnu::always_inline]] inline void System::deliver_to(const Hop& r, Env& env, const Notice& notice, int i) {
  if (observer_ && (observe_only_ == kMachines || observe_only_ == r.to)) [[unlikely]]
    observer_(observer_context_, r.to, per_client_[r.to] * current_ + i, r.route->event);
  const std::size_t mark = env.outbox.size();
  r.deliver(*this, notice, i);
  const std::size_t end = env.outbox.size();
  if (end == mark) return;
  for (std::size_t k = mark; k < end; ++k) {
    dispatch(env.outbox[k]);  // where it lies: the outbox only grows past it, and never moves (Env::outbox)
    current_ = notice.client;
  }
  env.outbox.resize(mark);
}

// Every instance of the target, or those a selection chooses from the states: chosen before any is delivered
// to, since delivering changes states a selection reads. Out of dispatch's frame: its list of targets is room
// on the stack that most routes never use.
[[gnu::noinline]] void System::deliver_each(const Hop& r, Env& env, const Notice& notice) {
  if (r.select == Select::every) {  // a number no delivery changes: no list
    for (int i = 0, n = count_of(r.to); i < n; ++i) deliver_to(r, env, notice, i);
    return;
  }
  Targets targets;
  const int items = count<QueueItem>();
  switch (r.select) {
    case Select::free_slot:
      for (int i = 0; i < items; ++i)
        if (state<QueueItem>(i) == QueueItem::State::Empty) {
          targets = {i};
          break;
        }
      if (targets.empty()) overflowed_ = true;  // the explorers treat the run as outside their bound
      break;
    case Select::in_queue:
      for (int i = 0; i < items; ++i)
        if (QueueItem::in_queue(int(state<QueueItem>(i)))) targets.push_back(i);
      break;
    case Select::inventory_slot:
      for (int i = 0; i < items; ++i)
        if (QueueItem::takes_inventory(int(state<QueueItem>(i)), data<QueueItem>(i))) {
          targets = {i};
          break;
        }
      if (targets.empty()) overflowed_ = true;
      break;
    case Select::its_items:
      for (int i = 0; i < items; ++i)
        if (QueueItem::in_queue(int(state<QueueItem>(i))) && data<QueueItem>(i).destination == notice.index)
          targets.push_back(i);
      break;
    case Select::parked:
      for (int i = 0; i < count<StatusFile>(); ++i)
        if (state<StatusFile>(i) == StatusFile::State::Parked) targets.push_back(i);
      break;
    default:
      throw std::logic_error("model bug: a route's selection is not handled");
  }
  for (const int i : targets) deliver_to(r, env, notice, i);
}

void System::dispatch(const Notice& notice) {
  static const auto& by_notice = routes_by_notice();
  // The notice's client is the focus while its routes are chosen and delivered; a nested notice sets its own.
  const int outer = current_;
  current_ = notice.client;
  const bool timer = notice.kind == NoticeKind::timer_elapsed;
  const TimerRole role = !timer                      ? TimerRole::power
                         : notice.client == clients_ ? TimerRole::executive_restart
                                                     : timer_role(timers(), notice.index);
  const auto [first, last] =
      by_notice.span[static_cast<std::size_t>(notice.kind)][static_cast<std::size_t>(role)];
  for (const Hop *r = by_notice.hops.data() + first, *end = by_notice.hops.data() + last; r != end; ++r) {
    Env& env = env_of(r->to);
    // Most routes name their one instance: computed and delivered at once (the common case, with no jump on
    // the selection and no list on the stack).
    if (r->many) [[unlikely]] {
      deliver_each(*r, env, notice);
      continue;
    }
    const int from = r->pick == PickFrom::index ? notice.index : r->pick == PickFrom::arg ? notice.arg : 0;
    deliver_to(*r, env, notice, from - pick_offsets_[static_cast<std::size_t>(r->offset)]);
  }
  current_ = outer;
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
  const int per_client = per_client_[machine_index<Timer>];
  for (Minutes n = next_timer(); n <= t; n = next_timer()) {
    set_now(n);
    ++events_;
    int due = 0;
    while (timers.state(due) != int(Timer::State::Armed) || timers.data(due).due != n) ++due;
    fired_.push_back(due);
    const int client = timer_client(due);
    dispatch({NoticeKind::clock_reached, static_cast<std::int16_t>(due - client * per_client), 0, 0,
              static_cast<std::int16_t>(client)});
  }
  set_now(std::max(now(), t));
}

// ---- snapshots
// ---------------------------------------------------------------------------------------------

void System::snapshot_scalars(SystemSnapshot& s) const {
  s.now = now();
  s.inputs = inputs_;
  s.refusals = refusals();
  s.queue_overflowed = overflowed_;
}

void System::snapshot(SystemSnapshot& s) const {
  snapshot_scalars(s);
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

void System::restore_scalars(const SystemSnapshot& s) {
  set_now(s.now);
  inputs_ = s.inputs;
  for (Env& e : envs_) e.refusals = 0;
  envs_[0].refusals = s.refusals;
  overflowed_ = s.queue_overflowed;
}

void System::restore(const SystemSnapshot& s) {
  restore_scalars(s);
  for_each_machine([&]<class M>(std::type_identity<M>) {
    auto& g = group<M>();
    const auto& in = s.all<M>();
    if (static_cast<int>(in.size()) != g.size())
      throw std::logic_error("snapshot of another config: " + std::string(M::name) + " instances differ");
    for (int i = 0; i < g.size(); ++i) g.set(i, in[static_cast<std::size_t>(i)]);
    g.forget_touched();
  });
}

void System::snapshot_changes(SystemSnapshot& s) const {
  snapshot_scalars(s);
  for_each_machine([&]<class M>(std::type_identity<M>) {
    const auto& g = group<M>();
    auto& out = s.all<M>();
    for (const int i : g.touched()) g.get(i, out[static_cast<std::size_t>(i)]);
  });
}

template <class Listed>
void System::set_from(const SystemSnapshot& s, SystemSnapshot* mirror, Listed&& listed) {
  restore_scalars(s);
  if (mirror) snapshot_scalars(*mirror);  // the System's scalars are s's now
  for_each_machine([&]<class M>(std::type_identity<M> machine) {
    auto& g = group<M>();
    const auto& in = s.all<M>();
    for (const int i : listed(machine)) {
      const auto& value = in[static_cast<std::size_t>(i)];
      g.set(i, value);
      if (mirror) mirror->all<M>()[static_cast<std::size_t>(i)] = value;
    }
    g.forget_touched();
  });
}

void System::restore_changes(const SystemSnapshot& s, const std::array<std::vector<int>, kMachines>& changed,
                             SystemSnapshot* mirror) {
  set_from(s, mirror, [&]<class M>(std::type_identity<M>) -> const std::vector<int>& {
    return changed[machine_index<M>];
  });
}

void System::forget_changes() {
  for_each_machine([&]<class M>(std::type_identity<M>) { group<M>().forget_touched(); });
}

void System::carry_changes(const SystemSnapshot& after, SystemSnapshot& before) {
  before.now = after.now;
  before.inputs = after.inputs;
  before.refusals = after.refusals;
  before.queue_overflowed = after.queue_overflowed;
  for_each_machine([&]<class M>(std::type_identity<M>) {
    auto& g = group<M>();
    const auto& from = after.all<M>();
    auto& to = before.all<M>();
    for (const int i : g.touched()) to[static_cast<std::size_t>(i)] = from[static_cast<std::size_t>(i)];
    g.forget_touched();
  });
}

void System::revert(const SystemSnapshot& s, SystemSnapshot* mirror) {
  set_from(s, mirror,
           [&]<class M>(std::type_identity<M>) -> const std::vector<int>& { return group<M>().touched(); });
}

}  // namespace cqm
