// The estimator's figures (goals from the issue): 10^6 client-lifetimes of 8 days in under 2 s on this 2-core
// machine, i.e. >= 500k clients/s with 2 threads; a 4x4 sweep with exhaustive verdicts in under 30 s.
#include <benchmark/benchmark.h>

#include "stats/estimate.hpp"
#include "stats/sweep.hpp"

namespace {

// One client at a time on one reused System: the cost of a client-lifetime, in ns.
void bm_client_lifetime(benchmark::State& state, const char* preset) {
  const cqm::Config config = *cqm::find_preset(preset);
  const cqm::stats::Habits habits;
  cqm::stats::ClientRunner runner(config, habits);
  std::uint64_t index = 0;
  for (auto _ : state) benchmark::DoNotOptimize(runner.run(1, index++).lost);
  state.counters["clients/s"] = benchmark::Counter(static_cast<double>(index), benchmark::Counter::kIsRate);
  state.counters["events/client"] = static_cast<double>(runner.events()) / static_cast<double>(index);
}
BENCHMARK_CAPTURE(bm_client_lifetime, kb, "kb-q292030");
BENCHMARK_CAPTURE(bm_client_lifetime, sms_restarts, "workaround-sms-restarts");

// `cqmcheck estimate --clients 1000000` as a library call, on 1 and 2 threads (wall time: UseRealTime).
void bm_estimate_million(benchmark::State& state) {
  const cqm::Config config = *cqm::find_preset("kb-q292030");
  cqm::stats::EstimateOptions options;
  options.clients = 1'000'000;
  options.threads = static_cast<int>(state.range(0));
  for (auto _ : state)
    benchmark::DoNotOptimize(cqm::stats::estimate(config, cqm::stats::Habits{}, options).lost);
  state.counters["clients/s"] = benchmark::Counter(static_cast<double>(options.clients * state.iterations()),
                                                   benchmark::Counter::kIsRate);
}
BENCHMARK(bm_estimate_million)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

// The README's sweep: cycle x lifetime, 4 x 4 cells, exhaustive verdict and 20000 clients each.
void bm_sweep_4x4(benchmark::State& state) {
  using namespace cqm::stats;
  const auto cells =
      make_grid(*cqm::find_preset("kb-q292030"), Habits{},
                {parse_axis("cycle=60,240,720,1380"), parse_axis("lifetime=1440,2880,5760,11520")});
  SweepOptions options;
  options.estimate.clients = 20'000;
  for (auto _ : state) benchmark::DoNotOptimize(run_sweep(cells, options).results.size());
}
BENCHMARK(bm_sweep_4x4)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace
