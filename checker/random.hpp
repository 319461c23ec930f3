#pragma once
// Random exploration through RapidCheck: values from a generator are checked one by one; the first failure is
// shrunk by RapidCheck's own shrinking to a minimal failing value. Seeded and replayable: the same seed, run
// count and generator give the same runs, the same shrink steps and the same counterexample.
//
// Runs are done in batches (each a RapidCheck check with a seed derived from the user's and the batch's
// number), so that a caller that looks for several properties can go on after a failure with the next batch.
// Limits and signals are looked at before every run and every shrink candidate, not only between batches: a
// stop discards the case, and with no discards allowed RapidCheck gives up at once, so a search stops within
// one run of its limit whatever the batch (doc/hardening.md).
#include <rapidcheck.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "checker/memory.hpp"
#include "checker/random_workers.hpp"
#include "checker/search.hpp"
#include "checker/splitmix.hpp"

namespace cqm::checker {

struct RandomParams {
  std::uint64_t seed = 1;
  std::uint64_t runs = 10000;     ///< values to check in this call
  std::uint64_t first_batch = 0;  ///< the batch number to start from (a continued search)
  int max_size = 100;
  int batch = 2000;  ///< runs per RapidCheck check
  /// States visited so far (the caller's count of simulated steps), compared with Limits::max_states.
  std::function<std::uint64_t()> states_visited;
  /// Worker processes (checker/random_workers.hpp); 1: this process alone. Not with Limits::max_states,
  /// which one process counts: then this process alone.
  int workers = 1;
  /// Adds states that worker processes visited to the caller's count (their counts stay in their memory).
  std::function<void(std::uint64_t)> add_states;
  /// Batch reports of shards (random_shard below, merged by `cqmcheck merge`): their passing prefix from
  /// first_batch is taken as done, as the workers' is, and the search goes on from the first batch that did
  /// not pass. Null: none.
  const std::vector<BatchReport>* reports = nullptr;
};

template <class T>
struct RandomResult {
  Outcome outcome = Outcome::complete;
  std::uint64_t runs = 0;          ///< values checked, including the failing one
  std::uint64_t next_batch = 0;    ///< where a continued search starts
  std::uint64_t shrink_steps = 0;  ///< shrinks RapidCheck accepted (each one a smaller failing value)
  std::uint64_t shrink_tries = 0;  ///< shrinks it tried
  std::uint64_t batch_seed = 0;    ///< RapidCheck's seed for the failing batch (RC_PARAMS="seed=...")
  bool shrink_stopped = false;  ///< a limit or signal ended the shrinking: a failing value, maybe not minimal
  std::uint64_t states = 0;     ///< states visited (when the caller counts them)
  double seconds = 0;
  std::optional<T> counterexample;  ///< the minimal failing value
};

namespace detail {
class ShrinkCounter : public rc::detail::TestListener {
 public:
  void onTestCaseFinished(const rc::detail::CaseDescription&) override {}
  void onShrinkTried(const rc::detail::CaseDescription&, bool accepted) override {
    ++tries;
    steps += accepted;
  }
  void onTestFinished(const rc::detail::TestMetadata&, const rc::detail::TestResult&) override {}
  std::uint64_t steps = 0;
  std::uint64_t tries = 0;
};

// RapidCheck prints "Using configuration: seed=..." on stderr the first time it reads its global
// configuration (RC_PARAMS). We pass every parameter explicitly, so that line would only mislead: read it
// once, silenced.
inline void load_rapidcheck_configuration_quietly() {
  static const bool loaded = [] {
    std::streambuf* saved = std::cerr.rdbuf(nullptr);
    rc::detail::configuration();
    std::cerr.rdbuf(saved);
    std::cerr.clear();
    return true;
  }();
  (void)loaded;
}

// Whether a limit or a signal says stop, looked at before every run. The clock and the state count are cheap;
// the resident memory is read from /proc, so at most every kMemoryEvery seconds.
class StopCheck {
 public:
  StopCheck(const Limits& limits, const RandomParams& params, std::chrono::steady_clock::time_point t0)
      : limits_(limits), params_(params), t0_(t0) {}
  double elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count();
  }
  /// complete: go on; anything else is why to stop.
  Outcome operator()(std::uint64_t& states) {
    if (limits_.interrupted && limits_.interrupted->load()) return Outcome::interrupted;
    const double now = elapsed();
    if (limits_.max_seconds > 0 && now > limits_.max_seconds) return Outcome::limit_time;
    if (params_.states_visited) states = params_.states_visited();
    if (limits_.max_states && states > limits_.max_states) return Outcome::limit_states;
    if (limits_.max_memory_bytes && (now - memory_checked_ >= kMemoryEvery || memory_checked_ < 0)) {
      memory_checked_ = now;
      if (resident_bytes() > limits_.max_memory_bytes) return Outcome::limit_memory;
    }
    return Outcome::complete;
  }

 private:
  static constexpr double kMemoryEvery = 0.01;
  const Limits& limits_;
  const RandomParams& params_;
  std::chrono::steady_clock::time_point t0_;
  double memory_checked_ = -1;
};

inline std::uint64_t batch_seed(std::uint64_t seed, std::uint64_t batch) {
  std::uint64_t state = seed + 0x9E3779B97F4A7C15ull * batch;  // the batch-th number of seed's stream
  return splitmix64(state);
}
}  // namespace detail

namespace detail {
/// One batch: a RapidCheck check of `n` runs with the batch's seed. `stop` is set by the first run or shrink
/// that finds a reason to stop; `last_failing` (when given) gets every failing value, so the last one is the
/// shrunk counterexample.
template <class T, class Holds>
rc::detail::TestResult check_batch(const rc::Gen<T>& gen, Holds& holds, const RandomParams& params,
                                   std::uint64_t b, std::uint64_t n, StopCheck& stop_check, Outcome& stop,
                                   std::uint64_t& states, std::optional<T>* last_failing,
                                   rc::detail::TestListener& listener, bool shrink) {
  rc::detail::TestParams tp;
  tp.seed = batch_seed(params.seed, b);
  tp.maxSuccess = static_cast<int>(n);
  tp.maxSize = params.max_size;
  tp.maxDiscardRatio = 0;  // the property discards only to stop: give up at the first discard
  tp.disableShrinking = !shrink;
  // RapidCheck calls the property for each run and then for each shrink candidate; the last failing call is
  // the shrunk counterexample, because every accepted shrink is a new failing value.
  //
  // The property is made as rc::detail::toProperty makes it of a callable that draws one value (*gen),
  // without its machinery for any number of values of any type (a recipe of named, type-erased ingredients
  // and a log stream a case: 12 % of a kb-q292030 run, most of it the stream's locale). The value comes from
  // the case's first split, as toProperty's one draw does, and the recipe of one ingredient shrinks as the
  // ingredient does: the same runs, shrinks and counterexample. The verdict is returned, not asserted: RC_PRE
  // and RC_ASSERT build their file and expression strings on every call, passing or not.
  using rc::detail::CaseDescription;
  using Type = rc::detail::CaseResult::Type;
  const auto stopped = [&] {
    if (stop == Outcome::complete) stop = stop_check(states);
    return stop != Outcome::complete;
  };
  // RapidCheck asks a failure's last description for its example (a stop while shrinking leaves a discard
  // there); we print our own.
  const auto no_example = [] { return rc::detail::Example{}; };
  const auto discarded = [&] {
    CaseDescription d;
    d.result = {Type::Discard, "a limit or a signal stopped the search"};
    d.example = no_example;
    return d;
  };
  const auto verdict = [&](T&& value) {
    if (stopped()) return discarded();
    CaseDescription d;
    d.result.type = Type::Success;
    if (holds(value)) return d;
    d.result = {Type::Failure, "the property does not hold"};
    d.example = no_example;
    if (last_failing) *last_failing = std::move(value);
    return d;
  };
  const rc::detail::Property property([&](const rc::Random& random, int size) {
    // A stopped search draws no more values (the limits themselves are looked at in `verdict`, once a run).
    if (stop != Outcome::complete) return rc::shrinkable::just(discarded());
    rc::Random case_random = random;
    return rc::shrinkable::map(gen(case_random.split(), size), verdict);
  });
  rc::detail::TestMetadata meta;
  meta.id = "cqm-random";
  return rc::detail::checkProperty(property, meta, tp, listener);
}
}  // namespace detail

/// `holds(value)` returns true when the value keeps the property. Stops at the first (shrunk) failure.
template <class T, class Holds>
RandomResult<T> random_search(const rc::Gen<T>& gen, Holds holds, const RandomParams& params,
                              const Limits& limits) {
  const auto t0 = std::chrono::steady_clock::now();
  RandomResult<T> result;
  detail::load_rapidcheck_configuration_quietly();
  detail::StopCheck stop_check(limits, params, t0);
  Outcome stop = Outcome::complete;  // set inside a batch by the first run or shrink that finds a reason
  const auto batch = static_cast<std::uint64_t>(params.batch);
  const auto runs_of = [&](std::uint64_t b) {
    return std::min<std::uint64_t>(batch, params.runs - (b - params.first_batch) * batch);
  };
  const auto progress = [&](std::uint64_t runs) {
    if (limits.progress)
      limits.progress(
          {"runs", runs, static_cast<double>(runs) / static_cast<double>(params.runs), stop_check.elapsed()});
  };
  std::uint64_t b = params.first_batch;
  if (params.reports) {
    // Shards ran the leading batches: their reports, committed in batch order while they pass.
    std::map<std::uint64_t, BatchReport> by_batch;
    for (const auto& r : *params.reports) by_batch[r.batch] = r;
    for (auto it = by_batch.find(b); result.runs < params.runs && it != by_batch.end() && it->second.passed;
         it = by_batch.find(++b)) {
      if (params.add_states) params.add_states(it->second.states);
      result.runs += runs_of(b);
      progress(result.runs);
    }
  } else if (const std::uint64_t count = (params.runs + batch - 1) / batch;
             params.workers > 1 && count > 1 && !limits.max_states) {
    // The leading batches that pass, run by worker processes; the serial search below goes on from the first
    // that does not (and runs it again itself: the failure shrunk, or the limit hit).
    const auto passed = detail::passing_prefix(
        params.workers, b, count,
        [&](std::uint64_t batch_number) {
          Outcome worker_stop = Outcome::complete;
          std::uint64_t worker_states = 0;
          detail::ShrinkCounter quiet;  // no shrinking here: counts nothing
          return detail::check_batch<T>(gen, holds, params, batch_number, runs_of(batch_number), stop_check,
                                        worker_stop, worker_states, nullptr, quiet, false)
              .template is<rc::detail::SuccessResult>();
        },
        [&] { return params.states_visited ? params.states_visited() : 0; },
        [&](std::uint64_t states) {
          if (params.add_states) params.add_states(states);
        },
        runs_of, progress,
        [&] {
          std::uint64_t ignored = 0;
          return stop_check(ignored) != Outcome::complete;
        });
    result.runs = passed.runs;
    b += passed.batches;
  }
  for (; result.runs < params.runs; ++b) {
    stop = stop_check(result.states);
    if (stop != Outcome::complete) {
      result.outcome = stop;
      break;
    }
    const std::uint64_t n = runs_of(b);
    std::optional<T> last_failing;
    detail::ShrinkCounter counter;
    const auto r = detail::check_batch(gen, holds, params, b, n, stop_check, stop, result.states,
                                       &last_failing, counter, true);
    if (r.template is<rc::detail::FailureResult>()) {
      const auto& failure = r.template get<rc::detail::FailureResult>();
      result.runs += static_cast<std::uint64_t>(failure.numSuccess) + 1;
      result.shrink_steps = counter.steps;
      result.shrink_tries = counter.tries;
      result.batch_seed = detail::batch_seed(params.seed, b);
      result.counterexample = std::move(last_failing);
      result.shrink_stopped = stop != Outcome::complete;
      result.outcome = Outcome::violation;
      ++b;
      break;
    }
    if (r.template is<rc::detail::GaveUpResult>() && stop != Outcome::complete) {
      // Stopped inside the batch: only the runs that were done count.
      result.runs += static_cast<std::uint64_t>(r.template get<rc::detail::GaveUpResult>().numSuccess);
      result.outcome = stop;
      break;
    }
    if (!r.template is<rc::detail::SuccessResult>()) {
      result.outcome = Outcome::interrupted;  // RapidCheck gave up or errored: never report a pass
      break;
    }
    result.runs += n;
    progress(result.runs);
  }
  result.next_batch = b;
  if (params.states_visited) result.states = params.states_visited();
  result.seconds = stop_check.elapsed();
  return result;
}

/// Shard `shard` of a search's batches from params.first_batch (`check --explorer random --shard i/N`):
/// batches index, index + count, … of the search's, each as the serial search would run it but without
/// shrinking, in order, until the first that does not pass (a failure, or a limit inside it). Merged in batch
/// order (RandomParams::reports), the shards' reports give the serial search's result: it goes on from the
/// first batch no report shows passing. A limit between batches ends the list early.
template <class T, class Holds>
std::vector<BatchReport> random_shard(const rc::Gen<T>& gen, Holds holds, const RandomParams& params,
                                      const Limits& limits, Shard shard) {
  detail::load_rapidcheck_configuration_quietly();
  detail::StopCheck stop_check(limits, params, std::chrono::steady_clock::now());
  const auto batch = static_cast<std::uint64_t>(params.batch);
  const std::uint64_t count = (params.runs + batch - 1) / batch;
  std::vector<BatchReport> out;
  for (std::uint64_t k = shard.index; k < count; k += shard.count) {
    const std::uint64_t b = params.first_batch + k;
    std::uint64_t states = params.states_visited ? params.states_visited() : 0;
    const std::uint64_t before = states;
    Outcome stop = stop_check(states);
    if (stop != Outcome::complete) break;
    detail::ShrinkCounter quiet;  // no shrinking here: counts nothing
    const bool passed =
        detail::check_batch<T>(gen, holds, params, b, std::min(batch, params.runs - k * batch), stop_check,
                               stop, states, nullptr, quiet, false)
            .template is<rc::detail::SuccessResult>();
    BatchReport report;
    report.batch = b;
    report.passed = passed ? 1 : 0;
    report.states = (params.states_visited ? params.states_visited() : 0) - before;
    out.push_back(report);
    if (!passed) break;
  }
  return out;
}

}  // namespace cqm::checker
