#include "harness/check.hpp"

#include <fmt/format.h>

#include <bit>
#include <functional>
#include <optional>
#include <stdexcept>

#include "checker/bfs.hpp"
#include "checker/random.hpp"
#include "harness/generators.hpp"
#include "harness/search_model.hpp"

namespace cqm {
namespace {

// An explorer's counterexample must violate its property again on a fresh System, or it is not reported.
Counterexample confirm(const Config& config, const Schedule& schedule, int property, const char* explorer) {
  auto cex = replay(config, schedule, 1u << property);
  if (!cex)
    throw std::logic_error(std::string("the ") + explorer + " explorer's counterexample for " +
                           std::string(all_properties()[static_cast<std::size_t>(property)]->name) +
                           " did not violate it on replay (a model bug)");
  cex->explorer = explorer;
  return std::move(*cex);
}

std::uint32_t checked_mask(const CheckOptions& o) { return o.properties & all_properties_mask(); }

template <class F>
void for_each_property(std::uint32_t mask, F&& f) {
  for (std::size_t i = 0; i < all_properties().size(); ++i)
    if (mask >> i & 1u) f(static_cast<int>(i));
}

}  // namespace

const char* explorer_name(ExplorerKind kind) {
  return kind == ExplorerKind::exhaustive ? "exhaustive" : "random";
}

Verdict worse(Verdict a, Verdict b) {
  if (a == Verdict::Violated || b == Verdict::Violated) return Verdict::Violated;
  if (a == Verdict::Inconclusive || b == Verdict::Inconclusive) return Verdict::Inconclusive;
  return Verdict::Holds;
}

Verdict ExplorerReport::verdict() const {
  Verdict v = Verdict::Holds;
  for (const auto& p : properties) v = worse(v, p.verdict);
  return v;
}

const PropertyResult* ExplorerReport::result_of(std::string_view property) const {
  for (const auto& p : properties)
    if (p.property->name == property) return &p;
  return nullptr;
}

const PropertyResult* ExplorerReport::first_violation() const {
  for (const auto& p : properties)
    if (p.verdict == Verdict::Violated) return &p;
  return nullptr;
}

Verdict CheckReport::verdict_of(std::string_view property) const {
  Verdict v = Verdict::Holds;
  for (const auto& e : explorers)
    if (const auto* r = e.result_of(property)) v = worse(v, r->verdict);
  return v;
}

std::optional<Coverage> CheckReport::coverage() const {
  std::optional<Coverage> out;
  for (const auto& e : explorers)
    if (e.coverage) {
      if (!out) out.emplace();
      out->merge(*e.coverage);
    }
  return out;
}

Verdict CheckReport::verdict() const {
  Verdict v = Verdict::Holds;
  for (const auto& e : explorers) v = worse(v, e.verdict());
  return v;
}

ExplorerReport check_exhaustive(const Config& config, const CheckOptions& o) {
  check_grid(config);
  std::atomic<std::uint32_t> ran{0};
  CoverageSink coverage;
  SearchModel model(config, o.exact_states, &ran, o.symmetry, o.coverage ? &coverage : nullptr);
  const std::uint32_t mask = checked_mask(o);
  // Each property's shortest counterexample is replayed as soon as the search has it, not after the search:
  // a caller drawing it (on_counterexample) then draws while the search goes on.
  std::vector<std::optional<Counterexample>> confirmed(all_properties().size());
  const checker::ViolationFn on_violation = [&](int p, const std::vector<std::uint16_t>& path) {
    auto& cex = confirmed[static_cast<std::size_t>(p)];
    cex = confirm(config, schedule_of_path(config, path, o.exact_states, o.symmetry), p, "exhaustive");
    if (o.on_counterexample) o.on_counterexample(*cex);
  };
  // Exact by default, tree-compressed (about 20 bytes a state); whole keys or fingerprints when asked.
  const auto search = [&]<class Store>() {
    return checker::bfs<Store>(model, mask, o.limits, o.threads, on_violation);
  };
  const auto r = o.fingerprints   ? search.operator()<checker::FingerprintStore>()
                 : o.uncompressed ? search.operator()<checker::StateStore>()
                                  : search.operator()<checker::TreeStore>();
  ExplorerReport rep;
  rep.kind = ExplorerKind::exhaustive;
  model.flush_coverage();  // the other threads' models ended with the search
  if (o.coverage) rep.coverage = std::move(coverage.coverage);
  rep.outcome = r.outcome;
  rep.search = r.stats;
  rep.seconds = r.stats.seconds;
  rep.key_bits = model.codec().bits();
  rep.exact_states = o.exact_states;
  rep.symmetry = o.symmetry;
  rep.fingerprints = o.fingerprints;
  rep.uncompressed = o.uncompressed && !o.fingerprints;
  if (o.fingerprints)
    rep.collision_probability =
        checker::FingerprintStore::collision_probability(r.stats.states, r.stats.transitions);
  rep.queue_bound = QueueItem::instances(config);
  rep.truncated = r.truncated;
  // A HOLDS needs the whole state space, within the model's bounds, and every program run somewhere in it.
  std::string unfinished;
  if (r.outcome != checker::Outcome::complete && r.outcome != checker::Outcome::violation)
    unfinished = checker::outcome_name(r.outcome);
  if (r.truncated)
    unfinished = std::to_string(r.truncated) + " successor(s) needed more than the queue bound of " +
                 std::to_string(rep.queue_bound) + " items (environment.max_queue)";
  const std::uint32_t programs = (1u << config.programs()) - 1;
  if (unfinished.empty() && (ran.load() & programs) != programs) {
    const int missing = std::countr_zero(~ran.load() & programs);
    unfinished =
        "vacuous: program[" + std::to_string(missing) +
        "] never ran inside the envelope (its window, the power-on window and the sessions never meet on "
        "the quantum grid), so nothing it reports was checked";
  }
  for_each_property(mask, [&](int p) {
    PropertyResult res;
    res.property = all_properties()[static_cast<std::size_t>(p)];
    if (r.violated >> p & 1u) {
      const auto& path = r.paths[static_cast<std::size_t>(p)];
      res.verdict = Verdict::Violated;
      res.path_length = path.size();
      res.counterexample = std::move(confirmed[static_cast<std::size_t>(p)]);
      if (!res.counterexample)
        throw std::logic_error("the exhaustive search did not hand over its counterexample for " +
                               std::string(res.property->name) + " (a checker bug)");
    } else if (!unfinished.empty()) {
      res.verdict = Verdict::Inconclusive;
      res.note = unfinished;
    } else if (o.fingerprints) {
      // Two distinct states with one fingerprint would have hidden the second's successors.
      res.note = fmt::format("up to fingerprint collisions, probability ≤ {:.1e}", rep.collision_probability);
    }
    rep.properties.push_back(std::move(res));
  });
  return rep;
}

ExplorerReport check_random(const Config& config, const CheckOptions& o) {
  const std::uint64_t total = o.runs ? o.runs : static_cast<std::uint64_t>(config.env.random_runs);
  System system(config);
  Coverage coverage;
  if (o.coverage) system.record_coverage(&coverage);
  std::uint64_t steps = 0;
  const auto gen = habits_gen(config);
  // A run ends where nothing can change a verdict any more, as an exhaustive path does; but when recording
  // coverage it plays its whole schedule: what fires after that point is coverage too.
  const EnvironmentModel env(config);
  const EnvironmentModel* const settled_at = o.coverage ? nullptr : &env;
  Schedule scratch;  // each run's schedule, laid out in the room of the one before
  std::uint32_t looking = checked_mask(o);
  ExplorerReport rep;
  rep.kind = ExplorerKind::random;
  std::vector<std::optional<PropertyResult>> found(all_properties().size());
  checker::RandomParams params;
  params.seed = o.seed;
  params.states_visited = [&] { return steps + system.events(); };
  // Processes, for RapidCheck (checker/random_workers.hpp); one when recording coverage, kept in this one.
  params.workers = o.coverage ? 1 : o.threads;
  params.runs = total;
  params.add_states = [&](std::uint64_t n) { steps += n; };
  params.reports = o.random_reports;
  checker::Limits limits = o.limits;
  if (o.random_shard) {
    // A shard: its batches, every property looked for, the verdicts left to the merge.
    rep.batches = checker::random_shard(
        gen,
        [&](const Habits& h) {
          steps += system.events();
          schedule_of(config, h, scratch);
          return violations_of(system, scratch, looking, settled_at) == 0;
        },
        params, limits, *o.random_shard);
    rep.random_states = steps + system.events();
    return rep;
  }
  if (o.limits.progress)
    limits.progress = [&](const checker::Progress& p) {
      o.limits.progress({p.unit, rep.runs + p.done,
                         static_cast<double>(rep.runs + p.done) / static_cast<double>(total),
                         rep.seconds + p.seconds});
    };
  // Each failure is shrunk and taken as the counterexample of the properties it violates; the search goes on
  // with the rest until the runs are done.
  bool stopped = false;
  bool any_found = false;
  checker::Outcome last = checker::Outcome::complete;
  while (looking != 0 && rep.runs < total) {
    params.runs = total - rep.runs;
    const auto r = checker::random_search(
        gen,
        [&](const Habits& h) {
          steps += system.events();  // the reset below zeroes the System's count
          schedule_of(config, h, scratch);
          return violations_of(system, scratch, looking, settled_at) == 0;
        },
        params, limits);
    rep.runs += r.runs;
    rep.random_states = r.states;
    rep.seconds += r.seconds;
    params.first_batch = r.next_batch;
    last = r.outcome;
    if (!r.counterexample) {
      stopped = checker::inconclusive(r.outcome);
      break;
    }
    if (!any_found) {
      rep.shrink_steps = r.shrink_steps;
      rep.shrink_tries = r.shrink_tries;
      rep.batch_seed = r.batch_seed;
    }
    any_found = true;
    const Schedule schedule = schedule_of(config, *r.counterexample);
    const std::uint32_t violated = violations_of(system, schedule, looking);
    if (violated == 0) throw std::logic_error("the random explorer's counterexample holds on a second run");
    for_each_property(violated, [&](int p) {
      PropertyResult res;
      res.property = all_properties()[static_cast<std::size_t>(p)];
      res.verdict = Verdict::Violated;
      res.counterexample = confirm(config, schedule, p, "random");
      res.counterexample->seed = o.seed;
      if (r.shrink_stopped) res.note = "shrinking stopped by a limit or signal: confirmed, maybe not minimal";
      found[static_cast<std::size_t>(p)] = std::move(res);
    });
    looking &= ~violated;
  }
  rep.outcome = stopped ? last : any_found ? checker::Outcome::violation : checker::Outcome::complete;
  system.record_coverage(nullptr);
  if (o.coverage) rep.coverage = std::move(coverage);
  const bool finished = !stopped;
  for_each_property(checked_mask(o), [&](int p) {
    if (found[static_cast<std::size_t>(p)]) {
      rep.properties.push_back(std::move(*found[static_cast<std::size_t>(p)]));
      return;
    }
    PropertyResult res;
    res.property = all_properties()[static_cast<std::size_t>(p)];
    if (!finished) {
      res.verdict = Verdict::Inconclusive;
      res.note = checker::outcome_name(rep.outcome);
    }
    rep.properties.push_back(std::move(res));
  });
  return rep;
}

CheckReport check(const Config& config, const CheckOptions& o) {
  CheckReport report;
  report.config = config;
  for (auto kind : o.explorers) {
    // Asked for with others, an explorer that cannot take the config says so and the others run; asked for
    // alone, it refuses (check_grid's error).
    if (kind == ExplorerKind::exhaustive && config.model.site.clients > kMaxSearchClients &&
        o.explorers.size() > 1) {
      report.not_run.push_back(
          "exhaustive: not run — site.clients = " + std::to_string(config.model.site.clients) +
          ": the exhaustive explorer takes a site of at most " + std::to_string(kMaxSearchClients) +
          " clients");
      continue;
    }
    report.explorers.push_back(kind == ExplorerKind::exhaustive ? check_exhaustive(config, o)
                                                                : check_random(config, o));
  }
  return report;
}

}  // namespace cqm
