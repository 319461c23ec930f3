#include <fmt/format.h>

#include "results/check_result.hpp"
#include "results/coverage_result.hpp"

namespace cqm {

const Evidence* CheckResult::evidence_of(std::string_view property, ExplorerKind explorer) const {
  for (const auto& e : evidence)
    if (e.property == property && e.explorer == explorer) return &e;
  return nullptr;
}

std::string seconds_text(double s) {
  return s < 1 ? fmt::format("{:.1f} ms", s * 1000) : fmt::format("{:.2f} s", s);
}

int exit_code(Verdict v) {
  switch (v) {
    case Verdict::Holds:
      return 0;
    case Verdict::Violated:
      return 1;
    case Verdict::Inconclusive:
      return 3;
  }
  return 3;
}

std::string story(const Counterexample& cex) {
  std::string out = fmt::format("    {} violated at {}: {}\n", cex.property, format_time(cex.at), cex.reason);
  out += "    schedule:";
  for (const auto& e : cex.schedule.events) {
    out += fmt::format(" {} {}{}", format_time(e.at),
                       cex.config.model.site.clients > 1 && e.action != EnvAction::cap_outage_started &&
                               e.action != EnvAction::cap_outage_ended
                           ? fmt::format("client {} ", e.client)
                           : "",
                       enum_name(e.action));
    if (e.action == EnvAction::program_finishes)
      out += cex.config.programs() > 1 ? fmt::format(" (program[{}], {} mif)", e.program, enum_name(e.mif))
                                       : fmt::format(" ({} mif)", enum_name(e.mif));
    out += ";";
  }
  out += "\n    CQM init at each start-up:";
  for (auto o : cex.schedule.init) out += fmt::format(" {}", enum_name(o));
  out += fmt::format(" (then {})\n", enum_name(cex.schedule.init_otherwise));
  return out;
}

std::string explorer_text(const ExplorerReport& e, const CheckResult* files) {
  std::string out;
  if (e.kind == ExplorerKind::exhaustive) {
    const auto& s = e.search;
    out += fmt::format("exhaustive: {} ({})\n", enum_name(e.verdict()), checker::outcome_name(e.outcome));
    out += fmt::format(
        "  states stored {}, transitions {}, depth {}, {:.0f} states/s, {:.1f} bytes/state, {:.1f} MiB held, "
        "{}\n",
        s.states, s.transitions, s.depth, s.states_per_second(), s.bytes_per_state(),
        static_cast<double>(s.bytes) / (1 << 20), seconds_text(s.seconds));
    const int clients = files ? files->report.config.model.site.clients : 1;
    out += fmt::format(
        "  state key {} bits ({}{}), queue bound {} items{}\n", e.key_bits,
        e.exact_states ? "exact: the full state" : "with the declared abstractions",
        e.fingerprints   ? fmt::format("; stored as 64-bit fingerprints, collision probability ≤ {:.1e}",
                                       e.collision_probability)
        : e.uncompressed ? "; stored whole"
                         : "; stored tree-compressed",
        e.queue_bound,
        clients == 1 ? ""
        : e.symmetry ? fmt::format(", {} clients stored in canonical order", clients)
                     : fmt::format(", {} clients in their own order (--no-symmetry)", clients));
  } else {
    out += fmt::format("random: {} ({}), {} runs, {} states visited", enum_name(e.verdict()),
                       checker::outcome_name(e.outcome), e.runs, e.random_states);
    if (e.first_violation())
      out += fmt::format(", first failure shrunk in {} steps ({} tried), RapidCheck batch seed {}",
                         e.shrink_steps, e.shrink_tries, e.batch_seed);
    out += fmt::format(", {}\n", seconds_text(e.seconds));
  }
  for (const auto& p : e.properties) {
    out += fmt::format("  {:<26} {}", p.property->name, enum_name(p.verdict));
    if (!p.note.empty()) out += " (" + p.note + ")";
    if (p.counterexample && e.kind == ExplorerKind::exhaustive)
      out += fmt::format(", shortest counterexample: {} environment decisions", p.path_length);
    if (p.counterexample && e.kind == ExplorerKind::random)
      out += fmt::format(", seed {}", p.counterexample->seed);
    out += "\n";
    if (!p.counterexample) continue;
    out += story(*p.counterexample);
    if (const Evidence* ev = files ? files->evidence_of(p.property->name, e.kind) : nullptr)
      for (const auto& f : ev->files) out += "    wrote " + f.string() + "\n";
  }
  return out;
}

nlohmann::ordered_json explorer_json(const ExplorerReport& e, const CheckResult* files) {
  nlohmann::ordered_json j;
  j["explorer"] = explorer_name(e.kind);
  j["verdict"] = std::string(enum_name(e.verdict()));
  j["outcome"] = checker::outcome_name(e.outcome);
  j["seconds"] = e.seconds;
  if (e.kind == ExplorerKind::exhaustive) {
    j["states"] = e.search.states;
    j["transitions"] = e.search.transitions;
    j["depth"] = e.search.depth;
    j["states_per_second"] = e.search.states_per_second();
    j["bytes_per_state"] = e.search.bytes_per_state();
    j["bytes_held"] = e.search.bytes;
    j["key_bits"] = e.key_bits;
    j["exact_states"] = e.exact_states;
    j["fingerprints"] = e.fingerprints;
    j["store"] = e.fingerprints ? "fingerprints" : e.uncompressed ? "whole" : "tree";
    if (e.fingerprints) j["collision_probability"] = e.collision_probability;
    j["queue_bound"] = e.queue_bound;
  } else {
    j["runs"] = e.runs;
    j["states_visited"] = e.random_states;
    j["shrink_steps"] = e.shrink_steps;
    j["shrink_tries"] = e.shrink_tries;
  }
  j["properties"] = nlohmann::ordered_json::array();
  for (const auto& p : e.properties) {
    nlohmann::ordered_json pj;
    pj["property"] = p.property->name;
    pj["verdict"] = std::string(enum_name(p.verdict));
    if (!p.note.empty()) pj["note"] = p.note;
    if (p.counterexample) {
      const auto& c = *p.counterexample;
      pj["counterexample"] = {{"reason", c.reason}, {"at", format_time(c.at)}, {"steps", c.steps.size()}};
      if (e.kind == ExplorerKind::exhaustive) pj["counterexample"]["decisions"] = p.path_length;
      if (e.kind == ExplorerKind::random) pj["counterexample"]["seed"] = c.seed;
      nlohmann::ordered_json paths = nlohmann::ordered_json::array();
      if (const Evidence* ev = files ? files->evidence_of(p.property->name, e.kind) : nullptr)
        for (const auto& f : ev->files) paths.push_back(f.string());
      pj["counterexample"]["files"] = paths;
    }
    j["properties"].push_back(pj);
  }
  return j;
}

namespace {
/// The explorers whose coverage is shown: "exhaustive, random".
std::string explorers_of(const CheckResult& r) {
  std::string out;
  for (const auto& e : r.report.explorers)
    if (e.coverage) out += (out.empty() ? "" : ", ") + std::string(explorer_name(e.kind));
  return out;
}
}  // namespace

std::string check_text(const CheckResult& r) {
  const Config& c = r.report.config;
  std::string out = fmt::format("cqmcheck check: {} — {}\n", c.name, c.summary);
  out += "assumptions:";
  for (const auto& a : r.assumptions) out += " " + a + ";";
  out += "\n";
  for (const auto& e : r.report.explorers) out += explorer_text(e, &r);
  for (const auto& why : r.report.not_run) out += why + "\n";
  if (const auto coverage = r.report.coverage())
    out += coverage_text(coverage_report(*coverage), explorers_of(r));
  const Verdict v = r.report.verdict();
  std::string which;
  for (const auto* p : all_properties())
    if (r.report.verdict_of(p->name) == v && v != Verdict::Holds)
      which += (which.empty() ? "" : ", ") + std::string(p->name);
  out += fmt::format("verdict: {}{}{}\n", enum_name(v), which.empty() ? "" : " (" + which + ")",
                     r.interrupted ? " (interrupted: the figures above are those reached)" : "");
  return out;
}

nlohmann::ordered_json check_json(const CheckResult& r) {
  const Config& c = r.report.config;
  nlohmann::ordered_json j;
  j["preset"] = c.name;
  j["summary"] = c.summary;
  j["assumptions"] = r.assumptions;
  j["explorers"] = nlohmann::ordered_json::array();
  for (const auto& e : r.report.explorers) j["explorers"].push_back(explorer_json(e, &r));
  if (!r.report.not_run.empty()) j["not_run"] = r.report.not_run;
  nlohmann::ordered_json verdicts = nlohmann::ordered_json::object();
  for (const auto* p : all_properties())
    if ((r.report.explorers.empty() ? nullptr : r.report.explorers.front().result_of(p->name)))
      verdicts[std::string(p->name)] = std::string(enum_name(r.report.verdict_of(p->name)));
  j["properties"] = verdicts;
  j["verdict"] = std::string(enum_name(r.report.verdict()));
  if (const auto coverage = r.report.coverage()) {
    nlohmann::ordered_json cj;
    cj["explorers"] = explorers_of(r);
    cj.update(coverage_json(coverage_report(*coverage)));
    j["coverage"] = std::move(cj);
  }
  j["interrupted"] = r.interrupted;
  return j;
}

}  // namespace cqm
