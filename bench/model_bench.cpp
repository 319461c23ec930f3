// Simulated events per second through the composed System (goal: >= 1e7 events/s on one core).
#include <benchmark/benchmark.h>

#include "model/schedule.hpp"

namespace {

// The KB's canonical timeline: nine days of boots, failed inits, copy cycles and shut-downs.
void bm_canonical_timeline(benchmark::State& state, const char* preset) {
  const cqm::Config config = *cqm::find_preset(preset);
  const cqm::Schedule schedule = cqm::canonical_schedule(config);
  cqm::System system(config);
  std::uint64_t events = 0;
  for (auto _ : state) {
    cqm::run_schedule(system, schedule);
    events += system.events();
    benchmark::DoNotOptimize(system.state<cqm::QueueItem>(1));
  }
  state.counters["events/s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["events/run"] = static_cast<double>(system.events());
}
BENCHMARK_CAPTURE(bm_canonical_timeline, kb, "kb-q292030");
BENCHMARK_CAPTURE(bm_canonical_timeline, always_on, "workaround-always-on");

// The same with the log on: what `simulate` pays for Cqmgr32.log records.
void bm_canonical_timeline_logged(benchmark::State& state) {
  const cqm::Config config = *cqm::find_preset("kb-q292030");
  const cqm::Schedule schedule = cqm::canonical_schedule(config);
  cqm::LogRecords log;
  cqm::System system(config, &log);
  std::uint64_t events = 0;
  for (auto _ : state) {
    log.clear();
    cqm::run_schedule(system, schedule);
    events += system.events();
  }
  state.counters["events/s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}
BENCHMARK(bm_canonical_timeline_logged);

}  // namespace

BENCHMARK_MAIN();  // one main for every bench file in cqm_bench
