#pragma once
// The composed System: every instance of every machine in the registry — site.clients blocks of the client's
// machines, then the site's own — the discrete-event clock (minutes), and the environment's inputs. It
// decides nothing: what a machine announces, the route table (model/routes.cpp) turns into events for the
// others, and the machines' tables decide. It knows nothing of explorers: they drive it through the
// environment inputs below and read it through snapshots.
#include <array>
#include <memory>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "model/snapshot.hpp"

namespace cqm {

struct Hop;  // a route as System::dispatch reads it (system.cpp)
/// Where a route to one instance takes its instance from: none (instance 0), the notice's announcer or its
/// argument; less which offset (System::pick_offsets_): the queue items' lifetime timers, the inventory
/// agents' or the status files' first, for the owner of a timer that elapsed.
enum class PickFrom : std::uint8_t { zero, index, arg };
enum class PickOffset : std::uint8_t { none, lifetime, inventory, file };

class System {
 public:
  explicit System(const Config& config, LogRecords* log = nullptr, std::vector<Refusal>* refusals = nullptr);
  ~System();
  System(const System&) = delete;
  System& operator=(const System&) = delete;

  /// Day 0 00:00, PC off, nothing queued; as many instances as the config asks for.
  void reset();
  const Config& config() const { return *config_; }

  /// The clients of the site; the site's own machines are "client" clients().
  int clients() const { return clients_; }
  /// The client the queries below are about (routing a notice sets it to the notice's client for the time).
  void focus(int client) const { current_ = client; }
  int focused() const { return current_; }

  // The environment, acting at now() on one client's machines.
  void power_on(int client = 0);
  void power_off(int client = 0);
  /// The user logs off and on again, without a restart (the Client ignores it unless it is up).
  void log_on(int client = 0);
  /// Program `program` runs and finishes now; if the PC is not up, it runs at the next start-up (assumption:
  /// a mandatory advertisement runs as soon as the client is up).
  void finish_program(int program, MifResult mif, int client = 0);
  /// The CAP, shared by every client.
  void set_cap_outage(bool down);
  /// The outcome CQM's initialisation gets at the client's next start-up, if the Connection's table allows a
  /// failure there (race: only with work racing the start-up; never on WinNT; never past the bound on
  /// failures in a row).
  void plan_next_init(InitOutcome outcome, int client = 0);
  /// Schedules: the outcome of the client's n-th start-up is per_start_up[n], or `otherwise` past its end.
  void plan_inits(const std::vector<InitOutcome>* per_start_up, InitOutcome otherwise, int client = 0);
  /// The client's own clock against the site server's, on top of the config's client.clock_offset; kept by
  /// reset(), like the config (the population estimate draws one per client; check and simulate leave every
  /// client at 0, so the clients stay alike). The offsets of a site may spread over at most kMaxClockSpread
  /// minutes: the CAP's inbox keeps the names of that many minutes (model/cap_inbox.hpp). Throws
  /// std::invalid_argument.
  void set_clock_offset(int client, Minutes offset);
  /// The focused client's clock offset against the site server's: the config's plus its own.
  Minutes clock_offset() const;
  /// The earliest minute a client's clock can show from now on: names older than it can never be drawn again.
  Minutes earliest_client_minute() const;

  // The clock: Timer machines hold every due time.
  Minutes now() const { return envs_[0].now; }
  Minutes next_timer() const;
  /// Fires every timer due at or before t, one at a time in time order (ties: in TimerLayout order), then
  /// sets the clock to t.
  void advance_to(Minutes t);
  /// The timers the last advance_to fired, in order (their Timer instance indices across the site).
  const std::vector<int>& fired() const { return fired_; }
  /// One client's timers (every client's are alike).
  const TimerLayout& timers() const { return envs_[0].timers; }
  /// A Timer instance of the site: whose it is (a client, or the site: clients()) and its role.
  int timer_client(int timer) const;
  TimerRole timer_role_of(int timer) const;

  // Queries. group<M>() holds every instance of the site; state<M>(i), data<M>(i) and count<M>() are about
  // the focused client's block (a site machine's: the site's instances).
  template <class M>
  int count() const {
    return count_of(machine_index<M>);
  }
  /// count<M>() by the machine's registry index.
  int count_of(std::size_t machine) const {
    const int n = per_client_[machine];
    return n > 0 && current_ < clients_ ? n : per_site_[machine];
  }
  /// The index in group<M>() of the focused client's instance i.
  template <class M>
  int global(int i) const {
    return per_client_[machine_index<M>] * current_ + i;
  }
  template <class M>
  MachineGroup<M>& group() {
    return *std::get<machine_index<M>>(groups_);
  }
  template <class M>
  const MachineGroup<M>& group() const {
    return *std::get<machine_index<M>>(groups_);
  }
  template <class M>
  typename M::State state(int i = 0) const {
    return static_cast<typename M::State>(group<M>().state(global<M>(i)));
  }
  template <class M>
  const typename M::Data& data(int i = 0) const {
    return group<M>().data(global<M>(i));
  }
  const Inputs& inputs() const { return inputs_; }
  /// The outcome planned for the start-up in progress: from the schedule's plan, else the last
  /// plan_next_init.
  bool planned_init_failure() const;
  /// Work racing a start-up: a program awaiting it or deferred to it, or items in the queue on disk.
  bool work_racing() const;
  /// Items that have been submitted (any slot not Empty), and those still in the queue (Queued or Overdue).
  int items_submitted() const;
  bool any_in_queue() const;
  int items_in_queue() const;
  bool any_in_queue_for(int destination) const;
  std::uint64_t events() const { return events_; }
  std::uint32_t refusals() const;
  bool queue_overflowed() const { return overflowed_; }

  void snapshot(SystemSnapshot& out) const;
  SystemSnapshot snapshot() const;
  void restore(const SystemSnapshot& s);
  /// A step's changes, for explorers that try several steps from one state. `out` holds what the System was
  /// last restore()d or revert()ed to: it gets the clock, the inputs and the instances given an event since
  /// (only those can have changed), and is then equal to snapshot().
  void snapshot_changes(SystemSnapshot& out) const;
  /// Back to `s`, which the System was last restore()d or revert()ed to, by putting back only the instances
  /// given an event since; `mirror`, when given, a snapshot_changes() of the step, is made equal to `s` too.
  void revert(const SystemSnapshot& s, SystemSnapshot* mirror = nullptr);
  /// restore(s) for a System that holds a state differing from `s` only in its scalars and, for each machine
  /// (registry index), the instances `changed` lists; `mirror`, when given, equal to the System, is made
  /// equal to `s` too. The exhaustive explorer goes from one state of its frontier to the next this way.
  void restore_changes(const SystemSnapshot& s, const std::array<std::vector<int>, kMachines>& changed,
                       SystemSnapshot* mirror = nullptr);
  /// From now on snapshot_changes() reports only the instances given an event after this call: for a
  /// simulation whose snapshots follow the System step by step.
  void forget_changes();
  /// `before`, the snapshot the step started from, made equal to `after` (a snapshot_changes() of the step)
  /// by the instances given an event, and those forgotten: forget_changes() with both snapshots following.
  void carry_changes(const SystemSnapshot& after, SystemSnapshot& before);

  /// Called with every event the route table delivers (registry index, instance, event name): for observers
  /// such as the population estimate's loss paths. Null turns it off. `only` (a registry index) limits it to
  /// one machine's events: the estimate watches CQM's, and a call for each of the others cost 5 % of its
  /// time.
  using Observer = void (*)(void* context, std::size_t machine, int instance, std::string_view event);
  void observe(Observer observer, void* context, std::size_t only = kMachines) {
    observer_ = observer;
    observer_context_ = context;
    observe_only_ = only;
  }

  /// Every event a machine is given from now on is recorded in `coverage` (model/coverage.hpp); null stops.
  /// Kept by reset().
  void record_coverage(Coverage* coverage);

  /// Routes a notice to the machines the route table names, depth first: what an event makes a machine
  /// announce is routed before the next event is delivered.
  void dispatch(const Notice& notice);

 private:
  /// One event of a route delivered, and what it makes the machine announce dispatched (dispatch's step).
  void deliver_to(const Hop& r, Env& env, const Notice& notice, int i);
  /// deliver_to for each instance a route chooses from the states (Select::every, in_queue, ...).
  void deliver_each(const Hop& r, Env& env, const Notice& notice);
  template <std::size_t... I>
  System(const Config& config, LogRecords* log, std::vector<Refusal>* refusals, std::index_sequence<I...>);
  template <class M>
  using Group = std::unique_ptr<MachineGroup<M>>;
  using Groups = boost::mp11::mp_rename<boost::mp11::mp_transform<Group, Machines>, std::tuple>;

  /// The Env of the machine `machine`'s instances in the focused block.
  Env& env_of(std::size_t machine);
  void make_envs();
  void set_now(Minutes t);
  void restore_scalars(const SystemSnapshot& s);
  void snapshot_scalars(SystemSnapshot& s) const;
  /// restore_changes's and revert's one loop: s's scalars and the instances `listed` names of each machine
  /// (`listed(std::type_identity<M>{})`, a range of indices) set from s, and in `mirror` when given; the
  /// groups' lists of touched instances forgotten. Defined in system.cpp, its only user.
  template <class Listed>
  void set_from(const SystemSnapshot& s, SystemSnapshot* mirror, Listed&& listed);

  const Config* config_;
  int clients_ = 0;
  mutable int current_ = 0;  ///< a view on the System, not its state: queries may move it
  std::vector<Env> envs_;    ///< one per client, then the site's; sized once (machines hold pointers)
  std::vector<Env*> env_ptrs_;
  // Each machine's instances per client and the site's own, counted at reset(): queries and routing read
  // them on every event (QueueItem's count walks the programs' runs).
  std::array<int, kMachines> per_client_{};
  std::array<int, kMachines> per_site_{};
  std::array<int, 4> pick_offsets_{};  ///< by PickOffset: 0 and the timers' (TimerLayout) set at reset
  Groups groups_;
  LogRecords* log_;
  std::vector<Refusal>* refusal_log_;
  Inputs inputs_;
  struct InitPlan {
    const std::vector<InitOutcome>* per_start_up = nullptr;
    InitOutcome otherwise = InitOutcome::ok;
  };
  std::vector<InitPlan> init_plans_;
  std::vector<Minutes> clock_offsets_;  ///< per client, on top of the config's
  Minutes min_clock_offset_ = 0;
  bool overflowed_ = false;
  std::uint64_t events_ = 0;
  std::vector<int> fired_;
  Coverage* coverage_ = nullptr;
  Observer observer_ = nullptr;
  void* observer_context_ = nullptr;
  std::size_t observe_only_ = kMachines;  ///< kMachines: every machine's events
};

}  // namespace cqm
