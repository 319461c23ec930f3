#pragma once
// The Monte Carlo estimate: P(status lost) over a population of simulated clients, with its confidence
// interval, the delivery-delay distribution and the loss paths. Deterministic for a seed whatever the number
// of threads: each client has its own random stream, and the tallies are sums, combined in thread (= client)
// order.
#include <array>
#include <cstdint>
#include <vector>

#include "checker/search.hpp"
#include "model/config.hpp"
#include "model/habits.hpp"
#include "stats/interval.hpp"
#include "stats/population.hpp"

namespace cqm::stats {

/// A time budget already spent: small but not 0, which would mean no limit.
inline constexpr double kSpentSeconds = 1e-9;

using checker::Shard;

struct EstimateOptions {
  std::uint64_t clients = 100'000;
  std::uint64_t seed = 1;
  int threads = 2;  ///< this machine has two cores; sites are split into one contiguous block per thread
  /// Only this part of the population's sites is simulated (`clients` stays the whole population's).
  Shard shard;
  /// max_states caps the model events simulated, max_memory the resident memory, max_seconds the time; any of
  /// them, or a signal, ends the estimate early: INCONCLUSIVE, with the clients simulated so far.
  checker::Limits limits;
};

/// Delivery delays of the clients whose statuses all arrived in time, in minutes (nearest-rank quantiles).
struct DelayStats {
  std::uint64_t delivered = 0;
  Minutes median = 0;
  Minutes p95 = 0;
  Minutes max = 0;
};

struct Estimate {
  checker::Outcome outcome = checker::Outcome::complete;  ///< anything but complete: stopped early
  std::uint64_t requested = 0;  ///< clients asked for; `clients` is how many were simulated
  std::uint64_t clients = 0;
  std::uint64_t lost = 0;
  std::array<std::uint64_t, kLossPaths> lost_by_path{};
  Interval interval;  ///< Wilson, 95 %
  /// Clients whose run ends violating each end-state property (end_state_properties()), by property index.
  std::array<std::uint64_t, 32> violated{};
  /// Delivered clients per delay bucket of `bucket_minutes`; bucket b holds delays in [b, b + 1) buckets.
  Minutes bucket_minutes = 1;
  std::vector<std::uint64_t> delay_histogram;
  DelayStats delay;
  std::uint64_t events = 0;  ///< System events over every client
  double seconds = 0;
  int threads = 1;
  double p_loss() const { return clients ? static_cast<double>(lost) / static_cast<double>(clients) : 0; }
  double clients_per_second() const { return seconds > 0 ? static_cast<double>(clients) / seconds : 0; }
};

/// Throws InputError if options.clients is 0 or the habits are invalid. With a shard, the figures are those
/// of its sites' clients; combine() of every shard's, in order, is the whole population's estimate.
Estimate estimate(const Config& config, const Habits& habits, const EstimateOptions& options);

/// The estimate of the parts together: the tallies summed, the interval and the quantiles taken again; the
/// first outcome that is not complete, else complete. The parts must share their histogram's buckets.
Estimate combine(const std::vector<Estimate>& parts);

/// The estimate at each of `probabilities` of CQM's init failing (habits.init_failure), everything else as
/// given: the curve `estimate` plots. Same seed for every point (common random numbers), so the curve is
/// smooth. options.limits bound the whole curve: it ends at the first point a limit or a signal stopped, so a
/// curve shorter than `probabilities`, or with a last point not complete, was stopped.
std::vector<Estimate> loss_against_init_failure(const Config& config, const Habits& habits,
                                                const std::vector<double>& probabilities,
                                                const EstimateOptions& options);

}  // namespace cqm::stats
