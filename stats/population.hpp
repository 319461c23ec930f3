#pragma once
// One simulated site at a time: site.clients clients (one, by default) on one CAP, each with its habits drawn
// from its own random stream and its days laid out as environment events, and the composed System run over
// the lifetime of the statuses their programs submit. A runner keeps one System and one plan per client and
// reuses them for every site: no heap allocation per site.
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "model/habits.hpp"
#include "model/system.hpp"
#include "stats/rng.hpp"

namespace cqm::stats {

/// How a status was lost, derived from what the run did: the CQM start-ups that had it queued, whether their
/// initialisation failed, and the timed copy cycles (wake-up, retry timer, reconnect) that ran while it was
/// queued.
enum class LossPath : std::uint8_t {
  every_init_failed,  ///< init failed at each of >= 2 start-ups while it was queued; no timed cycle came
  no_start_up_after_submission,  ///< init failed when it was submitted; no further start-up before its
                                 ///< lifetime ended
  timed_retries_failed,    ///< init failed at every start-up; timed cycles came and did not get it through
  lost_despite_good_init,  ///< a start-up while it was queued initialised correctly and still did not copy it
  delivered_late,          ///< kept past its lifetime (pre-SP2 behaviour) and delivered after it
  name_in_use,  ///< its file's name was taken on the CAP by another client's, and CQM removed it (Q301352)
};
inline constexpr int kLossPaths = 6;
inline constexpr std::array<LossPath, kLossPaths> kAllLossPaths{
    LossPath::every_init_failed,    LossPath::no_start_up_after_submission,
    LossPath::timed_retries_failed, LossPath::lost_despite_good_init,
    LossPath::delivered_late,       LossPath::name_in_use};

/// A stable identifier (JSON, CSV) and a sentence (text output).
std::string_view loss_path_name(LossPath path);
std::string_view loss_path_text(LossPath path);

struct ClientOutcome {
  bool lost = false;  ///< some status was not delivered before its lifetime ended (delivered_before_expiry)
  LossPath path = LossPath::every_init_failed;  ///< when lost
  Minutes delay =
      0;  ///< when not lost: the longest any of its statuses waited between submission and the CAP
  int start_ups_queued = 0;     ///< CQM start-ups that had a status queued
  int failed_inits_queued = 0;  ///< ... of which initialisation failed
  int timed_cycles_queued = 0;  ///< timed copy cycles while a status was queued
  std::uint32_t violated = 0;   ///< the end-state properties (kEndStateProperties) the run ends violating
};

/// The properties a client's final state shows, each a fact that stays once true: a rerun counts, a full
/// registry, a status that named the wrong advertisement, a second delivery, a refused event. The estimate
/// gives each one's failure probability beside P(status lost), which is delivered_before_expiry's.
std::uint32_t end_state_properties();

class ClientRunner {
 public:
  /// Both must outlive the runner.
  ClientRunner(const Config& config, const Habits& habits);

  /// The clients a site has (the config's site.clients).
  int clients_per_site() const { return clients_; }

  /// Site `site` of the population under `seed`: its clients are the population's clients site·K … site·K +
  /// K − 1, each drawing from its own stream, so the same (seed, site) always gives the same outcomes, one
  /// per client in order. Valid until the next run.
  const std::vector<ClientOutcome>& run_site(std::uint64_t seed, std::uint64_t site);

  /// Client `index` of a population of one-client sites (site.clients = 1; std::logic_error otherwise).
  ClientOutcome run(std::uint64_t seed, std::uint64_t index);

  /// Events the System has processed over every run so far (for the throughput figures).
  std::uint64_t events() const { return events_; }

 private:
  /// What a user does, at a time of the site server's clock; each client's in its order.
  struct Action {
    enum class Kind : std::uint8_t { power_on, program, log_on, power_off };
    Minutes at;
    Kind kind;
    int program = 0;
  };
  struct Observation {
    int seen_start_ups = 0;
    bool instance_open = false, instance_failed = false, instance_saw_queue = false;
    ClientOutcome outcome;
  };
  struct ClientPlan {
    std::vector<Action> actions;
    std::size_t next = 0;
    Minutes not_before = 0;  ///< a client's actions never go back in time; a wait moves this on
    std::vector<InitOutcome> init_plan;
    Minutes clock_offset = 0;
    Observation obs;
    // The days after the first are planned when the run gets to them (plan_days): most runs are settled on
    // day 0 or 1 of about ten. The client's stream, the next day, and what every day reads.
    Xoshiro256 rng;
    int next_day = 0;
    Minutes last = 0;  ///< the time of the latest action planned: a user's actions never go back
    int weekday0 = 0;
    Minutes usual_start = 0, usual_hours = 0;
  };

  static void on_event(void* self, std::size_t machine, int instance, std::string_view event);
  void plan_client(std::uint64_t seed, std::uint64_t index, ClientPlan& plan);
  /// Plans the client's next days, in order, until one has an action or none is left; false when none was
  /// left. The draws are those an up-front plan of every day would make, in the same order.
  bool plan_days(ClientPlan& plan);
  void plan_day(ClientPlan& plan);
  bool step_to(Minutes t);
  bool apply(int client, const Action& action);
  void observe(int client);
  void observe_all();
  void close_instance(Observation& obs);
  bool any_queued(int client) const;
  bool settled(int client) const;
  bool all_settled() const;
  void finish();
  ClientOutcome outcome_of(int client);
  SystemSnapshot end_;  ///< the final state, reused from site to site
  SystemSnapshot one_;  ///< one client's part of it, for the end-state properties of a site's client

  const Config* config_;
  const Habits* habits_;
  Config client_config_;  ///< the config with one client: the view the end-state properties judge
  int clients_;
  System system_;
  std::vector<ClientPlan> plans_;
  std::vector<std::pair<Minutes, int>> program_times_;  ///< scratch: day 0's programs, in time order
  std::vector<ClientOutcome> outcomes_;
  int max_days_;
  bool switched_off_ = false;  ///< the last action switched a PC off: a moment to see if all are settled
  std::uint64_t events_ = 0;
};

}  // namespace cqm::stats
