#pragma once
// One simulated client at a time: its habits drawn from its own random stream, its days laid out as
// environment events, and the composed System run over the lifetime of the statuses its program submits. A
// runner keeps one System and one init plan and reuses them for every client: no heap allocation per client.
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
};
inline constexpr int kLossPaths = 5;
inline constexpr std::array<LossPath, kLossPaths> kAllLossPaths{
    LossPath::every_init_failed, LossPath::no_start_up_after_submission, LossPath::timed_retries_failed,
    LossPath::lost_despite_good_init, LossPath::delivered_late};

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

  /// Client `index` of the population under `seed`: the same (seed, index) always gives the same outcome.
  ClientOutcome run(std::uint64_t seed, std::uint64_t index);

  /// Events the System has processed over every run so far (for the throughput figures).
  std::uint64_t events() const { return events_; }

 private:
  struct Observation {
    int seen_start_ups = 0;
    bool instance_open = false, instance_failed = false, instance_saw_queue = false;
    ClientOutcome outcome;
  };

  static void on_event(void* self, std::size_t machine, int instance, std::string_view event);
  bool step_to(Minutes t);
  bool apply_power_on();
  bool apply_power_off();
  bool wait_for_timer();
  void observe();
  void close_instance();
  bool any_queued() const;
  bool settled() const;
  ClientOutcome finish();
  SystemSnapshot end_;  ///< the final state, reused from client to client

  const Config* config_;
  const Habits* habits_;
  System system_;
  std::vector<InitOutcome> init_plan_;
  std::vector<std::pair<Minutes, int>> program_times_;  ///< scratch: day 0's programs, in time order
  int max_days_;
  Observation obs_;
  std::uint64_t events_ = 0;
};

}  // namespace cqm::stats
