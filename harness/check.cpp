#include "harness/check.hpp"

#include <stdexcept>

#include "checker/bfs.hpp"
#include "checker/random.hpp"
#include "harness/generators.hpp"
#include "harness/search_model.hpp"
#include "io/input_error.hpp"

namespace cqm {
namespace {

Verdict verdict_of(checker::Outcome o) {
  if (o == checker::Outcome::violation) return Verdict::Violated;
  if (o == checker::Outcome::complete) return Verdict::Holds;
  return Verdict::Inconclusive;
}

// An explorer's counterexample must violate a property again on a fresh System, or it is not reported.
Counterexample confirm(const Config& config, const Schedule& schedule, const char* explorer) {
  auto cex = replay(config, schedule);
  if (!cex)
    throw std::logic_error(std::string("the ") + explorer +
                           " explorer's counterexample did not violate any property on replay (a model bug)");
  cex->explorer = explorer;
  return std::move(*cex);
}

}  // namespace

const char* explorer_name(ExplorerKind kind) {
  return kind == ExplorerKind::exhaustive ? "exhaustive" : "random";
}

Verdict CheckReport::verdict() const {
  bool inconclusive = false;
  for (const auto& e : explorers) {
    if (e.verdict == Verdict::Violated) return Verdict::Violated;
    inconclusive |= e.verdict == Verdict::Inconclusive;
  }
  return inconclusive ? Verdict::Inconclusive : Verdict::Holds;
}

ExplorerReport check_exhaustive(const Config& config, const CheckOptions& o) {
  const EnvironmentModel env(config);
  if (env.horizon() > kMaxKeyTime)
    throw InputError(config.name, 0, "cqm.item_lifetime",
                     "the exploration horizon (" + format_time(env.horizon()) +
                         ") exceeds what the exhaustive explorer's state encoding holds (" +
                         format_time(kMaxKeyTime) + ")");
  SearchModel model(config);
  const auto r = checker::bfs(model, o.limits, o.threads);
  ExplorerReport rep;
  rep.kind = ExplorerKind::exhaustive;
  rep.outcome = r.outcome;
  rep.verdict = verdict_of(r.outcome);
  rep.search = r.stats;
  rep.seconds = r.stats.seconds;
  if (r.outcome == checker::Outcome::violation) {
    rep.path_length = r.path.size();
    rep.counterexample = confirm(config, schedule_of_path(config, r.path), "exhaustive");
  }
  return rep;
}

ExplorerReport check_random(const Config& config, const CheckOptions& o) {
  checker::RandomParams params;
  params.seed = o.seed;
  params.runs = o.runs ? o.runs : static_cast<std::uint64_t>(config.env.random_runs);
  System system(config);
  std::uint64_t steps = 0;
  params.states_visited = [&] { return steps + system.events(); };
  const auto r = checker::random_search(
      habits_gen(config),
      [&](const Habits& h) {
        steps += system.events();  // reset() below zeroes the System's count
        return holds_everywhere(system, schedule_of(config, h));
      },
      params, o.limits);
  ExplorerReport rep;
  rep.kind = ExplorerKind::random;
  rep.outcome = r.outcome;
  rep.verdict = verdict_of(r.outcome);
  rep.runs = r.runs;
  rep.shrink_steps = r.shrink_steps;
  rep.shrink_tries = r.shrink_tries;
  rep.batch_seed = r.batch_seed;
  rep.random_states = r.states;
  rep.seconds = r.seconds;
  if (r.counterexample) {
    rep.counterexample = confirm(config, schedule_of(config, *r.counterexample), "random");
    rep.counterexample->seed = o.seed;
  }
  return rep;
}

CheckReport check(const Config& config, const CheckOptions& o) {
  CheckReport report;
  report.config = config;
  for (auto kind : o.explorers)
    report.explorers.push_back(kind == ExplorerKind::exhaustive ? check_exhaustive(config, o)
                                                                : check_random(config, o));
  return report;
}

}  // namespace cqm
