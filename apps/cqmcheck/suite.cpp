// `cqmcheck suite` (also a bare `cqmcheck`): every preset against its expected verdict — the regression
// guard. The KB's configuration must be VIOLATED (delivered_before_expiry, by both explorers), the
// workarounds and fixes must HOLD within their stated bounds.
#include <fmt/format.h>

#include <cstdio>

#include "apps/cqmcheck/commands.hpp"
#include "apps/cqmcheck/progress.hpp"
#include "apps/cqmcheck/report.hpp"
#include "writers/atomic_file.hpp"
#include "writers/counterexample_files.hpp"
#include "writers/dot_text.hpp"  // dot::html escapes XML text

namespace cqm::cli {
namespace {

struct SuiteFlags {
  SearchFlags search;
  std::string out = "out/suite";
  std::string junit;
};

struct Row {
  std::string preset, explorer, verdict, expected, size, time, evidence;
  bool as_expected;
  double seconds;
  std::string story;
};

// JUnit XML: one test case per preset and explorer, so any CI shows the regression guard's results.
std::string junit_xml(const std::vector<Row>& rows) {
  int failures = 0;
  double total = 0;
  for (const auto& r : rows) failures += !r.as_expected, total += r.seconds;
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format(
      "<testsuites><testsuite name=\"cqmcheck suite\" tests=\"{}\" failures=\"{}\" time=\"{:.3f}\">\n",
      rows.size(), failures, total);
  for (const auto& r : rows) {
    out += fmt::format("  <testcase classname=\"cqmcheck.suite.{}\" name=\"{}\" time=\"{:.3f}\">\n",
                       dot::html(r.preset), dot::html(r.explorer), r.seconds);
    if (!r.as_expected)
      out += fmt::format("    <failure message=\"{} (expected {})\">{}</failure>\n", dot::html(r.verdict),
                         dot::html(r.expected), dot::html(r.story));
    out += fmt::format("    <system-out>verdict {}, expected {}, {}{}</system-out>\n", dot::html(r.verdict),
                       dot::html(r.expected), dot::html(r.size),
                       r.story.empty() ? "" : "\n" + dot::html(r.story));
    out += "  </testcase>\n";
  }
  return out + "</testsuite></testsuites>\n";
}

bool as_expected(const Config& c, const ExplorerReport& e) {
  if (e.verdict != c.expected) return false;
  // A preset expected to fail must fail the KB's property, not another one.
  return e.verdict != Verdict::Violated || e.counterexample->property == delivered_before_expiry().name;
}

void run_suite(const SuiteFlags& f) {
  const CheckOptions options = f.search.options(interrupt_flag());
  const bool json = f.search.format == "json";
  std::vector<Row> rows;
  nlohmann::ordered_json j;
  j["presets"] = nlohmann::ordered_json::array();
  bool all_ok = true;
  for (const Config& config : presets()) {
    ProgressPrinter progress("suite " + config.name, f.search.quiet);
    CheckOptions preset_options = options;
    preset_options.limits.progress = progress.callback();
    const CheckReport report = check(config, preset_options);
    nlohmann::ordered_json pj;
    pj["preset"] = config.name;
    pj["expected"] = std::string(enum_name(config.expected));
    pj["assumptions"] = envelope_assumptions(config);
    pj["explorers"] = nlohmann::ordered_json::array();
    for (const auto& e : report.explorers) {
      std::vector<std::filesystem::path> files;
      if (e.counterexample)
        files = write_counterexample(std::filesystem::path(f.out) / config.name / explorer_name(e.kind),
                                     *e.counterexample);
      const bool ok = as_expected(config, e);
      all_ok &= ok;
      auto ej = explorer_json(e, files);
      ej["as_expected"] = ok;
      pj["explorers"].push_back(ej);
      const std::string size = e.kind == ExplorerKind::exhaustive ? fmt::format("{} states", e.search.states)
                                                                  : fmt::format("{} runs", e.runs);
      rows.push_back({config.name, explorer_name(e.kind), std::string(enum_name(e.verdict)),
                      std::string(enum_name(config.expected)), size, seconds_text(e.seconds),
                      files.empty() ? "-" : files.front().parent_path().string(), ok, e.seconds,
                      e.counterexample ? story(*e.counterexample) : ""});
    }
    j["presets"].push_back(pj);
    if (interrupt_flag()->load()) break;  // what was found so far is written; the rest is not run
  }
  const bool interrupted = interrupt_flag()->load();
  all_ok &= !interrupted;
  if (!f.junit.empty()) write_file_atomic(f.junit, junit_xml(rows));
  if (json) {
    j["all_as_expected"] = all_ok;
    std::printf("%s\n", j.dump(2).c_str());
  } else {
    std::printf("%-34s %-10s %-12s %-12s %-15s %-10s %s\n", "preset", "explorer", "verdict", "expected",
                "states/runs", "time", "counterexample");
    for (const auto& r : rows)
      std::printf("%-34s %-10s %-12s %-12s %-15s %-10s %s%s\n", r.preset.c_str(), r.explorer.c_str(),
                  r.verdict.c_str(), r.expected.c_str(), r.size.c_str(), r.time.c_str(), r.evidence.c_str(),
                  r.as_expected ? "" : "   <-- NOT AS EXPECTED");
    std::printf("\nBounds the verdicts rest on:\n");
    for (const Config& c : presets()) {
      std::printf("  %s:", c.name.c_str());
      for (const auto& a : envelope_assumptions(c)) std::printf(" %s;", a.c_str());
      std::printf("\n");
    }
    std::printf("\n%s\n",
                all_ok ? "suite: every verdict as expected" : "suite: SOME VERDICTS NOT AS EXPECTED");
  }
  if (interrupted) {
    std::fprintf(stderr, "cqmcheck suite: interrupted after %zu of %zu presets\n", j["presets"].size(),
                 presets().size());
    throw ExitCode{rows.empty() ? kExitInconclusive : kExitInterrupted};
  }
  if (!all_ok) throw ExitCode{kExitViolated};
}

}  // namespace

void add_suite(CLI::App& app) {
  auto f = std::make_shared<SuiteFlags>();
  auto* cmd =
      app.add_subcommand("suite", "every preset against its expected verdict (what a bare cqmcheck runs)");
  f->search.add_to(*cmd);
  cmd->add_option("--out", f->out, "folder for the counterexamples (default out/suite)");
  cmd->add_option("--junit", f->junit, "also write the results as JUnit XML to this file");
  cmd->callback([f] { run_suite(*f); });
}

}  // namespace cqm::cli
