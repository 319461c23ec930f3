// `cqmcheck check` and `cqmcheck replay`: the verdicts of one configuration, and the re-run of a saved trace.
#include <unistd.h>

#include <cstdio>

#include "apps/cqmcheck/commands.hpp"
#include "apps/cqmcheck/progress.hpp"
#include "apps/cqmcheck/report.hpp"
#include "io/input_error.hpp"
#include "writers/counterexample_files.hpp"
#include "writers/trace_json.hpp"

namespace cqm::cli {

void SearchFlags::add_to(CLI::App& cmd) {
  cmd.add_option("--seed", seed, "random explorer seed (same seed, same runs, same counterexample)");
  cmd.add_option("--runs", runs, "random schedules to check (default: the config's environment.random_runs)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1'000'000'000}));
  cmd.add_option("--threads", threads, "threads for the exhaustive explorer")->check(CLI::Range(1, 64));
  cmd.add_option("--max-states", max_states,
                 "stop the exhaustive search past this many states: INCONCLUSIVE");
  cmd.add_option("--max-memory", max_memory,
                 "stop a search holding more than this (e.g. 512M, 4G; default: half the RAM)");
  cmd.add_option("--max-seconds", max_seconds, "stop a search after this long: INCONCLUSIVE")
      ->check(CLI::PositiveNumber);
  cmd.add_option("--format", format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd.add_flag("--quiet", quiet, "no progress line on stderr");
}

namespace {
std::uint64_t parse_size(const std::string& text) {
  std::size_t used = 0;
  unsigned long long v = 0;
  try {
    v = std::stoull(text, &used);
  } catch (const std::exception&) {
    throw InputError("command line", 0, "--max-memory",
                     "expected a size such as 512M or 4G, got '" + text + "'");
  }
  const std::string unit = text.substr(used);
  const std::uint64_t scale = unit.empty() || unit == "B" ? 1
                              : unit == "K"               ? 1ull << 10
                              : unit == "M"               ? 1ull << 20
                              : unit == "G"               ? 1ull << 30
                                                          : 0;
  if (scale == 0 || v == 0)
    throw InputError("command line", 0, "--max-memory",
                     "expected a size such as 512M or 4G, got '" + text + "'");
  return v * scale;
}
}  // namespace

CheckOptions SearchFlags::options(const std::atomic<bool>* interrupted) const {
  CheckOptions o;
  o.seed = seed;
  o.runs = runs;
  o.threads = threads;
  o.limits.max_states = max_states;
  o.limits.max_seconds = max_seconds;
  o.limits.interrupted = interrupted;
  if (!max_memory.empty()) {
    o.limits.max_memory_bytes = parse_size(max_memory);
  } else {
    // A safe share of the machine: half its physical memory.
    o.limits.max_memory_bytes = static_cast<std::uint64_t>(::sysconf(_SC_PHYS_PAGES)) *
                                static_cast<std::uint64_t>(::sysconf(_SC_PAGE_SIZE)) / 2;
  }
  return o;
}

namespace {

struct CheckFlags {
  ModelChoice model;
  SearchFlags search;
  std::string explorer = "all";
  std::string out;
};

std::vector<ExplorerKind> explorers_of(const std::string& name) {
  if (name == "exhaustive") return {ExplorerKind::exhaustive};
  if (name == "random") return {ExplorerKind::random};
  return {ExplorerKind::exhaustive, ExplorerKind::random};
}

void run_check(const CheckFlags& f) {
  const Config config = f.model.load();
  CheckOptions options = f.search.options(interrupt_flag());
  options.explorers = explorers_of(f.explorer);
  ProgressPrinter progress("check " + config.name, f.search.quiet);
  options.limits.progress = progress.callback();
  const CheckReport report = check(config, options);
  const bool json = f.search.format == "json";
  nlohmann::ordered_json j;
  j["preset"] = config.name;
  j["summary"] = config.summary;
  j["assumptions"] = envelope_assumptions(config);
  j["explorers"] = nlohmann::ordered_json::array();
  if (!json) {
    std::printf("cqmcheck check: %s — %s\n", config.name.c_str(), config.summary.c_str());
    std::printf("environment assumptions:");
    for (const auto& a : envelope_assumptions(config)) std::printf(" %s;", a.c_str());
    std::printf("\n");
  }
  bool out_taken = false;
  for (const auto& e : report.explorers) {
    std::vector<std::filesystem::path> files;
    if (e.counterexample && !f.out.empty()) {
      // The first counterexample (the exhaustive explorer's shortest, when it found one) goes straight into
      // --out; any other explorer's into a sub-folder named after it.
      const std::filesystem::path dir =
          out_taken ? std::filesystem::path(f.out) / explorer_name(e.kind) : std::filesystem::path(f.out);
      files = write_counterexample(dir, *e.counterexample);
      out_taken = true;
    }
    if (json)
      j["explorers"].push_back(explorer_json(e, files));
    else
      std::printf("%s", explorer_text(e, files).c_str());
  }
  const Verdict v = report.verdict();
  const bool interrupted = interrupt_flag()->load();
  if (json) {
    j["verdict"] = std::string(enum_name(v));
    j["interrupted"] = interrupted;
    std::printf("%s\n", j.dump(2).c_str());
  } else {
    std::printf("verdict: %s%s\n", std::string(enum_name(v)).c_str(),
                interrupted ? " (interrupted: the figures above are those reached)" : "");
  }
  if (interrupted) throw ExitCode{v == Verdict::Violated ? kExitInterrupted : kExitInconclusive};
  if (exit_code(v) != kExitOk) throw ExitCode{exit_code(v)};
}

struct ReplayFlags {
  std::string trace;
  std::string out;
  std::string format = "text";
  bool svg = false;
};

void run_replay(const ReplayFlags& f) {
  const TraceInput in = read_trace(f.trace);
  auto cex = replay(in.config, in.schedule);
  const bool json = f.format == "json";
  std::vector<std::filesystem::path> files;
  if (cex) {
    cex->explorer = in.explorer;
    cex->seed = in.seed;
    if (!f.out.empty())
      files = write_counterexample(f.out, *cex);  // the picture included
    else if (f.svg)
      files = write_trace_diagram(std::filesystem::path(f.trace).parent_path().empty()
                                      ? std::filesystem::path(".")
                                      : std::filesystem::path(f.trace).parent_path(),
                                  *cex);
  }
  const Verdict v = cex ? Verdict::Violated : Verdict::Holds;
  if (json) {
    nlohmann::ordered_json j;
    j["trace"] = f.trace;
    j["preset"] = in.config.name;
    j["claimed_property"] = in.property;
    j["verdict"] = std::string(enum_name(v));
    if (cex) j["property"] = cex->property, j["reason"] = cex->reason, j["at"] = format_time(cex->at);
    std::printf("%s\n", j.dump(2).c_str());
  } else {
    std::printf("cqmcheck replay: %s (%s, from the %s explorer)\n", f.trace.c_str(), in.config.name.c_str(),
                in.explorer.c_str());
    if (cex) {
      std::printf("%s", story(*cex).c_str());
      if (cex->property != in.property)
        std::printf("  note: the trace claimed %s; the replay violates %s first\n", in.property.c_str(),
                    cex->property.c_str());
      for (const auto& p : files) std::printf("  wrote %s\n", p.c_str());
    } else {
      std::printf("  %s is no longer violated: every property holds to %s\n", in.property.c_str(),
                  format_time(in.schedule.horizon).c_str());
    }
    std::printf("verdict: %s\n", std::string(enum_name(v)).c_str());
  }
  if (cex) throw ExitCode{kExitViolated};
}

}  // namespace

void add_check(CLI::App& app) {
  auto f = std::make_shared<CheckFlags>();
  auto* cmd = app.add_subcommand("check",
                                 "check every property on one configuration (exit 0 holds, 1 violated, "
                                 "2 bad input, 3 inconclusive)");
  f->model.add_to(*cmd, "kb-q292030");
  f->search.add_to(*cmd);
  cmd->add_option("--explorer", f->explorer, "random, exhaustive or all")
      ->check(CLI::IsMember({"random", "exhaustive", "all"}));
  cmd->add_option(
      "--out", f->out,
      "write the counterexample (trace.json, Cqmgr32.log, trace.dot, trace.svg) into this folder; "
      "a second explorer's goes into a sub-folder named after it");
  cmd->callback([f] { run_check(*f); });
}

void add_replay(CLI::App& app) {
  auto f = std::make_shared<ReplayFlags>();
  auto* cmd =
      app.add_subcommand("replay", "re-run a counterexample's trace.json through the model and re-check it");
  cmd->add_option("trace", f->trace, "a trace.json written by check or suite")->required();
  cmd->add_option("--out", f->out, "write the replayed counterexample into this folder");
  cmd->add_option("--format", f->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_flag("--svg", f->svg,
                "draw the replayed counterexample: trace.dot and trace.svg into --out, else "
                "next to the trace file");
  cmd->callback([f] { run_replay(*f); });
}

}  // namespace cqm::cli
