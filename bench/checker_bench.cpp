// The explorers' figures: exhaustive states/s and bytes/state (goal >= 1e6 states/s on one core, <= 64
// B/state), time to the shortest kb-q292030 counterexample (goal < 50 ms), random schedules checked per
// second.
#include <benchmark/benchmark.h>

#include "checker/bfs.hpp"
#include "harness/check.hpp"
#include "harness/search_model.hpp"
#include "properties/property.hpp"

namespace {

cqm::Config finer(const char* preset, cqm::Minutes quantum) {
  cqm::Config c = *cqm::find_preset(preset);
  c.env.quantum = quantum;
  return c;
}

void report(benchmark::State& state, const cqm::checker::SearchStats& s, std::uint64_t states) {
  state.counters["states"] = static_cast<double>(s.states);
  state.counters["states/s"] = benchmark::Counter(static_cast<double>(states), benchmark::Counter::kIsRate);
  state.counters["bytes/state"] = s.bytes_per_state();
}

// A full search of a holding preset on a fine grid, every property looked for: every state is expanded.
// Args: quantum, threads, exact (1: the key is the full state, no declared abstraction).
void bm_exhaustive_full(benchmark::State& state, const char* preset) {
  const cqm::Config config = finer(preset, static_cast<cqm::Minutes>(state.range(0)));
  const int threads = static_cast<int>(state.range(1));
  const bool exact = state.range(2) != 0;
  cqm::checker::SearchStats last;
  std::uint64_t states = 0;
  for (auto _ : state) {
    cqm::SearchModel model(config, exact);
    const auto r = cqm::checker::bfs(model, cqm::all_properties_mask(), cqm::checker::Limits{}, threads);
    if (r.violated) state.SkipWithError("a holding preset violated a property");
    last = r.stats;
    states += r.stats.states;
  }
  report(state, last, states);
}
BENCHMARK_CAPTURE(bm_exhaustive_full, fix_reconnect, "fix-reconnect")
    ->ArgNames({"quantum", "threads", "exact"})
    ->Args({15, 1, 0})
    ->Args({15, 2, 0})
    ->Args({15, 1, 1})
    ->Args({5, 1, 0})
    ->Args({5, 2, 0})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(bm_exhaustive_full, always_on, "workaround-always-on")
    ->ArgNames({"quantum", "threads", "exact"})
    ->Args({5, 1, 0})
    ->Args({5, 2, 0})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// From nothing to the replayed, confirmed shortest counterexample of the KB's bug.
void bm_time_to_kb_counterexample(benchmark::State& state) {
  const cqm::Config config = *cqm::find_preset("kb-q292030");
  cqm::CheckOptions o;
  o.explorers = {cqm::ExplorerKind::exhaustive};
  o.threads = 1;
  // Only the KB's property: the search stops at its first violation instead of going on for the others.
  o.properties = 1u << cqm::property_index("delivered_before_expiry");
  std::uint64_t states = 0;
  cqm::checker::SearchStats last;
  for (auto _ : state) {
    const auto r = cqm::check_exhaustive(config, o);
    const cqm::PropertyResult* p = r.result_of("delivered_before_expiry");
    if (!p || !p->counterexample) state.SkipWithError("no counterexample");
    last = r.search;
    states += r.search.states;
  }
  report(state, last, states);
}
BENCHMARK(bm_time_to_kb_counterexample)->Unit(benchmark::kMillisecond);

// Random schedules generated, simulated and checked per second (a holding preset: every run goes to the end),
// in one process and in two worker processes. Wall time: the workers' CPU time is not this process's.
void bm_random_schedules(benchmark::State& state) {
  const cqm::Config config = *cqm::find_preset("fix-reconnect");
  cqm::CheckOptions o;
  o.explorers = {cqm::ExplorerKind::random};
  o.runs = 10000;
  o.threads = static_cast<int>(state.range(0));
  std::uint64_t runs = 0;
  for (auto _ : state) runs += cqm::check_random(config, o).runs;
  state.counters["schedules/s"] = benchmark::Counter(static_cast<double>(runs), benchmark::Counter::kIsRate);
}
BENCHMARK(bm_random_schedules)
    ->ArgName("processes")
    ->Arg(1)
    ->Arg(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
