// `cqmcheck suite` (also a bare `cqmcheck`): every preset against its expected verdict per property — the
// regression guard. The KB's configuration must violate delivered_before_expiry (by both explorers) and hold
// the rest; the workarounds and fixes must hold everything, within the assumptions printed.
#include <cstdio>

#include "apps/cqmcheck/commands.hpp"
#include "apps/cqmcheck/progress.hpp"
#include "properties/assumptions.hpp"
#include "results/suite_result.hpp"
#include "writers/atomic_file.hpp"
#include "writers/counterexample_files.hpp"
#include "writers/json_text.hpp"

namespace cqm::cli {
namespace {

struct SuiteFlags {
  SearchFlags search;
  std::string out = "out/suite";
  std::string junit;
};

void run_suite(const SuiteFlags& f) {
  const CheckOptions options = f.search.options(interrupt_flag());
  SuiteResult result;
  result.of = presets().size();
  // Both outputs are probed before the first search, and written as one set after the last.
  check_output_dir(f.out);
  start_graphviz();  // on the other core while the first preset is searched
  if (!f.junit.empty()) check_output_dir(std::filesystem::path(f.junit).parent_path());
  OutputSet set;
  for (const Config& config : presets()) {
    ProgressPrinter progress("suite " + config.name, f.search.quiet);
    CheckOptions preset_options = options;
    preset_options.limits.progress = progress.callback();
    const RenderAhead ahead;  // each counterexample's picture drawn while the search goes on
    preset_options.on_counterexample = ahead.starter();
    SuiteEntry entry;
    entry.check.report = check(config, preset_options);
    entry.check.assumptions = assumption_lines(config);
    entry.check.evidence =
        add_evidence(set, entry.check.report, std::filesystem::path(f.out) / config.name, false, ahead);
    result.presets.push_back(std::move(entry));
    if (interrupt_flag()->load()) break;  // what was found so far is written; the rest is not run
  }
  result.interrupted = interrupt_flag()->load();
  if (!f.junit.empty()) set.add(f.junit, suite_junit(result));
  set.commit();
  if (f.search.format == "json")
    std::printf("%s", json_text(suite_json(result)).c_str());
  else
    std::printf("%s", suite_text(result).c_str());
  if (result.interrupted) {
    std::fprintf(stderr, "cqmcheck suite: interrupted after %zu of %zu presets\n", result.presets.size(),
                 result.of);
    throw ExitCode{result.presets.empty() ? kExitInconclusive : kExitInterrupted};
  }
  if (result.any_conclusive_miss()) throw ExitCode{kExitViolated};
  if (!result.all_as_expected()) throw ExitCode{kExitInconclusive};
}

}  // namespace

void add_suite(CLI::App& app) {
  auto f = std::make_shared<SuiteFlags>();
  auto* cmd =
      app.add_subcommand("suite", "every preset against its expected verdicts (what a bare cqmcheck runs)");
  f->search.add_to(*cmd);
  cmd->add_option("--out", f->out, "folder for the counterexamples (default out/suite)")->check(name_given());
  cmd->add_option("--junit", f->junit, "also write the results as JUnit XML to this file")
      ->check(name_given());
  cmd->callback([f] { run_suite(*f); });
}

}  // namespace cqm::cli
