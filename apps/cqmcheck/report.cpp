#include "apps/cqmcheck/report.hpp"

#include <fmt/format.h>

#include "apps/cqmcheck/commands.hpp"

namespace cqm::cli {

std::string seconds_text(double s) {
  return s < 1 ? fmt::format("{:.1f} ms", s * 1000) : fmt::format("{:.2f} s", s);
}

int exit_code(Verdict v) {
  switch (v) {
    case Verdict::Holds:
      return kExitOk;
    case Verdict::Violated:
      return kExitViolated;
    case Verdict::Inconclusive:
      return kExitInconclusive;
  }
  return kExitInconclusive;
}

std::string story(const Counterexample& cex) {
  std::string out = fmt::format("  {} violated at {}: {}\n", cex.property, format_time(cex.at), cex.reason);
  out += "  schedule:";
  for (const auto& e : cex.schedule.events) {
    out += fmt::format(" {} {}", format_time(e.at), enum_name(e.action));
    if (e.action == EnvAction::program_finishes) out += fmt::format(" ({} mif)", enum_name(e.mif));
    out += ";";
  }
  out += "\n  CQM init at each start-up:";
  for (auto o : cex.schedule.init) out += fmt::format(" {}", enum_name(o));
  out += fmt::format(" (then {})\n", enum_name(cex.schedule.init_otherwise));
  return out;
}

std::string explorer_text(const ExplorerReport& e, const std::vector<std::filesystem::path>& files) {
  std::string out;
  if (e.kind == ExplorerKind::exhaustive) {
    const auto& s = e.search;
    out += fmt::format("exhaustive: {} ({})\n", enum_name(e.verdict), checker::outcome_name(e.outcome));
    out += fmt::format(
        "  states stored {}, transitions {}, depth {}, {:.0f} states/s, {:.1f} bytes/state, {:.1f} MiB held, "
        "{}\n",
        s.states, s.transitions, s.depth, s.states_per_second(), s.bytes_per_state(),
        static_cast<double>(s.bytes) / (1 << 20), seconds_text(s.seconds));
    if (e.counterexample)
      out += fmt::format("  shortest counterexample: {} environment decisions\n", e.path_length);
  } else {
    out += fmt::format("random: {} ({}), {} runs, {} states visited", enum_name(e.verdict),
                       checker::outcome_name(e.outcome), e.runs, e.random_states);
    if (e.counterexample)
      out += fmt::format(", shrunk in {} steps ({} tried), seed {} (RapidCheck batch seed {})",
                         e.shrink_steps, e.shrink_tries, e.counterexample->seed, e.batch_seed);
    out += fmt::format(", {}\n", seconds_text(e.seconds));
  }
  if (e.counterexample) {
    out += story(*e.counterexample);
    for (const auto& f : files) out += "  wrote " + f.string() + "\n";
  }
  return out;
}

nlohmann::ordered_json explorer_json(const ExplorerReport& e,
                                     const std::vector<std::filesystem::path>& files) {
  nlohmann::ordered_json j;
  j["explorer"] = explorer_name(e.kind);
  j["verdict"] = std::string(enum_name(e.verdict));
  j["outcome"] = checker::outcome_name(e.outcome);
  j["seconds"] = e.seconds;
  if (e.kind == ExplorerKind::exhaustive) {
    j["states"] = e.search.states;
    j["transitions"] = e.search.transitions;
    j["depth"] = e.search.depth;
    j["states_per_second"] = e.search.states_per_second();
    j["bytes_per_state"] = e.search.bytes_per_state();
    j["bytes_held"] = e.search.bytes;
  } else {
    j["runs"] = e.runs;
    j["states_visited"] = e.random_states;
    j["shrink_steps"] = e.shrink_steps;
    j["shrink_tries"] = e.shrink_tries;
  }
  if (e.counterexample) {
    const auto& c = *e.counterexample;
    j["counterexample"] = {
        {"property", c.property}, {"reason", c.reason}, {"at", format_time(c.at)}, {"steps", c.steps.size()}};
    nlohmann::ordered_json paths = nlohmann::ordered_json::array();
    for (const auto& f : files) paths.push_back(f.string());
    j["counterexample"]["files"] = paths;
  }
  return j;
}

}  // namespace cqm::cli
