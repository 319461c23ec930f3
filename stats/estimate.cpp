#include "stats/estimate.hpp"

#include <algorithm>
#include <atomic>
#include <bit>
#include <chrono>
#include <cmath>
#include <stdexcept>
#include <thread>

#include "checker/memory.hpp"
#include "io/input_error.hpp"

namespace cqm::stats {
namespace {

// Delay histograms have at most this many buckets: one-minute buckets up to a lifetime of 45 days, coarser
// beyond, so a huge lifetime cannot make the tally huge.
constexpr Minutes kMaxDelayBuckets = 1 << 16;

struct Tally {
  std::uint64_t clients = 0;
  std::uint64_t lost = 0;
  std::array<std::uint64_t, kLossPaths> lost_by_path{};
  std::array<std::uint64_t, 32> violated{};  ///< by property index
  std::vector<std::uint64_t> histogram;
  Minutes max_delay = 0;
  std::uint64_t events = 0;
};

// Shared by the threads of one estimate: how far they have come, and whether to stop.
struct Shared {
  const checker::Limits& limits;
  std::chrono::steady_clock::time_point started;
  std::uint64_t requested;
  std::atomic<std::uint64_t> done{0};
  std::atomic<std::uint64_t> events{0};
  std::atomic<int> stop{static_cast<int>(checker::Outcome::complete)};

  double elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  }
  // Looked at every kCheckEvery clients: cheap enough not to show, often enough to stop within milliseconds.
  bool should_stop(bool reporter) {
    using checker::Outcome;
    auto stop_with = [&](Outcome o) {
      int expected = static_cast<int>(Outcome::complete);
      stop.compare_exchange_strong(expected, static_cast<int>(o));
      return true;
    };
    if (stop.load() != static_cast<int>(Outcome::complete)) return true;
    if (limits.interrupted && limits.interrupted->load()) return stop_with(Outcome::interrupted);
    if (limits.max_seconds > 0 && elapsed() > limits.max_seconds) return stop_with(Outcome::limit_time);
    if (limits.max_states && events.load() > limits.max_states) return stop_with(Outcome::limit_states);
    if (limits.max_memory_bytes && checker::resident_bytes() > limits.max_memory_bytes)
      return stop_with(Outcome::limit_memory);
    if (reporter && limits.progress)
      limits.progress({"clients", done.load(),
                       static_cast<double>(done.load()) / static_cast<double>(requested), elapsed()});
    return false;
  }
};
constexpr std::uint64_t kCheckEvery = 4096;

// Sites [first, last) of the population; only its first `clients` clients count (the last site may have
// more).
void run_block(const Config& config, const Habits& habits, std::uint64_t seed, std::uint64_t first,
               std::uint64_t last, std::uint64_t clients, Minutes bucket, Tally& tally, Shared& shared,
               bool reporter) {
  ClientRunner runner(config, habits);
  const auto k = static_cast<std::uint64_t>(runner.clients_per_site());
  std::uint64_t events_reported = 0;
  for (std::uint64_t site = first; site < last; ++site) {
    if ((site - first) % kCheckEvery == 0 && site != first) {
      shared.done += kCheckEvery * k;
      shared.events += runner.events() - events_reported;
      events_reported = runner.events();
      if (shared.should_stop(reporter)) break;
    }
    const auto& outcomes = runner.run_site(seed, site);
    for (std::uint64_t c = 0; c < k && site * k + c < clients; ++c) {
      const ClientOutcome& o = outcomes[static_cast<std::size_t>(c)];
      ++tally.clients;
      for (std::uint32_t v = o.violated; v != 0; v &= v - 1)
        ++tally.violated[static_cast<std::size_t>(std::countr_zero(v))];
      if (o.lost) {
        ++tally.lost;
        ++tally.lost_by_path[static_cast<std::size_t>(o.path)];
      } else {
        ++tally.histogram[static_cast<std::size_t>(o.delay / bucket)];
        tally.max_delay = std::max(tally.max_delay, o.delay);
      }
    }
  }
  tally.events = runner.events();
}

Minutes quantile(const std::vector<std::uint64_t>& histogram, Minutes bucket, std::uint64_t n, double q) {
  // Nearest rank: the smallest delay with at least ceil(q n) clients at or below it.
  const auto rank = static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(n)));
  std::uint64_t seen = 0;
  for (std::size_t b = 0; b < histogram.size(); ++b) {
    seen += histogram[b];
    if (seen >= std::max<std::uint64_t>(rank, 1)) return static_cast<Minutes>(b) * bucket;
  }
  return 0;
}

}  // namespace

Estimate estimate(const Config& config, const Habits& habits, const EstimateOptions& options) {
  if (options.clients == 0) throw InputError("command line", 0, "--clients", "must be at least 1");
  if (auto bad = validate(habits)) throw InputError("habits", 0, bad->first, bad->second);
  const auto started = std::chrono::steady_clock::now();
  Estimate e;
  e.requested = options.clients;
  Shared shared{options.limits, started, options.clients};
  // Clients are simulated a site at a time (site.clients each); the last site may hold clients past the
  // count, which are simulated (they share its CAP) but not counted.
  const auto per_site = static_cast<std::uint64_t>(config.model.site.clients);
  const std::uint64_t all_sites = (options.clients + per_site - 1) / per_site;
  // A shard's sites: [begin, begin + sites).
  const std::uint64_t begin = options.shard.first(all_sites);
  const std::uint64_t sites = options.shard.last(all_sites) - begin;
  shared.requested =
      std::min(options.clients - std::min(options.clients, begin * per_site), sites * per_site);
  e.threads = static_cast<int>(std::clamp<std::uint64_t>(
      static_cast<std::uint64_t>(std::max(options.threads, 1)), 1, std::max<std::uint64_t>(sites, 1)));
  // Delays of delivered statuses are below the lifetime.
  e.bucket_minutes =
      std::max<Minutes>(1, (config.model.item_lifetime + kMaxDelayBuckets - 1) / kMaxDelayBuckets);
  const auto buckets = static_cast<std::size_t>(config.model.item_lifetime / e.bucket_minutes + 1);

  std::vector<Tally> tallies(static_cast<std::size_t>(e.threads));
  for (auto& t : tallies) t.histogram.assign(buckets, 0);
  std::vector<std::thread> workers;
  const std::uint64_t per = sites / static_cast<std::uint64_t>(e.threads);
  for (int k = 0; k < e.threads; ++k) {
    const std::uint64_t first = begin + per * static_cast<std::uint64_t>(k);
    const std::uint64_t last = k + 1 == e.threads ? begin + sites : first + per;
    const bool reporter = k + 1 == e.threads;  // the calling thread draws the progress
    auto job = [&, first, last, k, reporter] {
      run_block(config, habits, options.seed, first, last, options.clients, e.bucket_minutes,
                tallies[static_cast<std::size_t>(k)], shared, reporter);
    };
    if (k + 1 == e.threads)
      job();  // the calling thread takes the last block
    else
      workers.emplace_back(job);
  }
  for (auto& w : workers) w.join();

  // Each thread's tally as a part, combined as shards are: one way of adding up.
  std::vector<Estimate> parts;
  for (auto& t : tallies) {
    Estimate& part = parts.emplace_back();
    part.clients = t.clients;
    part.lost = t.lost;
    part.lost_by_path = t.lost_by_path;
    part.violated = t.violated;
    part.bucket_minutes = e.bucket_minutes;
    part.delay_histogram = std::move(t.histogram);
    part.delay.max = t.max_delay;
    part.events = t.events;
  }
  parts.front().outcome = static_cast<checker::Outcome>(shared.stop.load());
  Estimate whole = combine(parts);
  whole.requested = e.requested;
  whole.threads = e.threads;
  whole.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return whole;
}

Estimate combine(const std::vector<Estimate>& parts) {
  if (parts.empty()) throw std::logic_error("combine: no parts");
  Estimate e;
  e.requested = parts.front().requested;
  e.bucket_minutes = parts.front().bucket_minutes;
  e.delay_histogram.assign(parts.front().delay_histogram.size(), 0);
  e.threads = 0;
  for (const auto& t : parts) {
    if (t.bucket_minutes != e.bucket_minutes || t.delay_histogram.size() != e.delay_histogram.size())
      throw std::logic_error("combine: parts with other delay buckets");
    if (e.outcome == checker::Outcome::complete) e.outcome = t.outcome;
    e.clients += t.clients;
    e.lost += t.lost;
    for (int p = 0; p < kLossPaths; ++p)
      e.lost_by_path[static_cast<std::size_t>(p)] += t.lost_by_path[static_cast<std::size_t>(p)];
    for (std::size_t b = 0; b < e.delay_histogram.size(); ++b) e.delay_histogram[b] += t.delay_histogram[b];
    for (std::size_t p = 0; p < t.violated.size(); ++p) e.violated[p] += t.violated[p];
    e.delay.max = std::max(e.delay.max, t.delay.max);
    e.events += t.events;
    e.seconds += t.seconds;
    e.threads += t.threads;
  }
  e.interval = wilson(e.lost, e.clients);
  e.delay.delivered = e.clients - e.lost;
  if (e.delay.delivered > 0) {
    e.delay.median = quantile(e.delay_histogram, e.bucket_minutes, e.delay.delivered, 0.5);
    e.delay.p95 = quantile(e.delay_histogram, e.bucket_minutes, e.delay.delivered, 0.95);
  }
  return e;
}

std::vector<Estimate> loss_against_init_failure(const Config& config, const Habits& habits,
                                                const std::vector<double>& probabilities,
                                                const EstimateOptions& options) {
  std::vector<Estimate> out;
  out.reserve(probabilities.size());
  // The limits bound the whole curve, not each point: what the points before spent is taken off the next.
  EstimateOptions left = options;
  for (double p : probabilities) {
    Habits h = habits;
    h.init_failure = p;
    out.push_back(estimate(config, h, left));
    const Estimate& e = out.back();
    if (e.outcome != checker::Outcome::complete) break;  // the caller sees a short or stopped curve
    auto& l = left.limits;
    if (l.max_seconds > 0) l.max_seconds = std::max(l.max_seconds - e.seconds, kSpentSeconds);
    if (l.max_states > 0) l.max_states = l.max_states > e.events ? l.max_states - e.events : 1;
  }
  return out;
}

}  // namespace cqm::stats
