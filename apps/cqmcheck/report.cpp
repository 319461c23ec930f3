// `cqmcheck report`: the suite (or some presets) as one self-contained HTML page — the verdict table, a
// step-through of each counterexample, each machine's state diagram with the rows the presets reached, the
// rows never reached, and estimate or sweep plots already drawn. See doc/report.md.
#include <algorithm>
#include <cstdio>

#include "apps/cqmcheck/commands.hpp"
#include "apps/cqmcheck/progress.hpp"
#include "io/config_toml.hpp"
#include "io/input_error.hpp"
#include "io/toml_fields.hpp"
#include "model/machines.hpp"
#include "properties/assumptions.hpp"
#include "results/report_result.hpp"
#include "writers/counterexample_files.hpp"
#include "writers/graphviz.hpp"
#include "writers/machine_dot.hpp"
#include "writers/report_page.hpp"

namespace cqm::cli {
namespace {

struct ReportFlags {
  SearchFlags search;
  std::vector<std::string> presets;
  std::vector<std::string> configs;
  bool suite = false;
  std::vector<std::string> plots;
  std::string out;
};

std::vector<Config> chosen(const ReportFlags& f) {
  if (f.suite) return presets();
  std::vector<Config> out;
  for (const auto& name : f.presets) {
    auto c = find_preset(name);
    if (!c)
      throw InputError("command line", 0, "--preset",
                       "unknown preset '" + name + "' (see `cqmcheck presets`)");
    out.push_back(std::move(*c));
  }
  for (const auto& file : f.configs) out.push_back(read_config(file));
  return out;
}

/// Every .svg directly in the folders, by name: what `estimate --out` and `sweep --out` wrote.
std::vector<ReportPlot> plots_in(const std::vector<std::string>& dirs) {
  std::vector<ReportPlot> out;
  for (const auto& dir : dirs) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
      if (entry.path().extension() == ".svg") files.push_back(entry.path());
    if (ec) throw InputError(dir, 0, "--plots", "cannot read the folder: " + ec.message());
    if (files.empty()) throw InputError(dir, 0, "--plots", "no .svg file in the folder");
    std::sort(files.begin(), files.end());
    for (const auto& file : files)
      out.push_back({std::filesystem::path(dir).filename().string() + ": " + file.stem().string(),
                     toml_io::read_file_text(file.string())});
  }
  return out;
}

/// Each machine's state diagram with the rows the presets fired, rendered on Graphviz's thread.
std::vector<ReportDiagram> diagrams_of(const CoverageReport& coverage) {
  const auto machines = describe_all();
  std::vector<std::shared_future<std::string>> svgs;
  std::vector<ReportDiagram> out;
  for (std::size_t i = 0; i < machines.size(); ++i) {
    const auto& rows = coverage.machines[i].rows;
    std::vector<bool> fired;
    for (const auto& r : rows) fired.push_back(r.fired);
    svgs.push_back(render_dot_async(machine_dot(machines[i], &fired), ImageFormat::svg));
    out.push_back({machines[i].name, {}, coverage.machines[i].fired(), static_cast<int>(rows.size())});
  }
  for (std::size_t i = 0; i < out.size(); ++i) out[i].svg = svgs[i].get();
  return out;
}

void run_report(const ReportFlags& f) {
  if (f.presets.empty() && f.configs.empty() && !f.suite)
    throw InputError(
        "command line", 0, "--preset",
        "name a preset (--preset NAME) or a config (--config FILE), both repeatable, or --suite");
  const std::vector<Config> configs = chosen(f);
  const std::vector<ReportPlot> plots = plots_in(f.plots);
  check_output_dir(f.out);  // before the searches, not after them
  start_graphviz();
  CheckOptions options = f.search.options(interrupt_flag());
  options.coverage = true;
  ReportResult result;
  result.title = f.suite ? "cqm-model suite" : "cqm-model report";
  result.seed = options.seed;
  result.plots = plots;
  Coverage all;
  for (const Config& config : configs) {
    ProgressPrinter progress("report " + config.name, f.search.quiet);
    CheckOptions preset_options = options;
    preset_options.limits.progress = progress.callback();
    const RenderAhead ahead;  // each counterexample's picture drawn while the search goes on
    preset_options.on_counterexample = ahead.starter();
    CheckResult check_result;
    check_result.report = cqm::check(config, preset_options);
    check_result.assumptions = assumption_lines(config);
    const Coverage coverage = check_result.report.coverage().value_or(Coverage{});
    all.merge(coverage);
    result.coverage.push_back(coverage_report(coverage));
    // The counterexamples' trace.json and timeline, in memory: the page holds them.
    std::vector<const Counterexample*> cexs;
    for (const auto& e : check_result.report.explorers)
      for (const auto& p : e.properties)
        if (p.counterexample) {
          cexs.push_back(&*p.counterexample);
          result.counterexamples.push_back(
              {counterexample_id(config.name, std::string(p.property->name), e.kind),
               config.name,
               std::string(p.property->name),
               e.kind,
               {},
               {}});
        }
    auto files = ahead.files(cexs);
    for (std::size_t i = 0; i < files.size(); ++i) {
      auto& cx = result.counterexamples[result.counterexamples.size() - files.size() + i];
      for (auto& file : files[i]) {
        if (file.name == "trace.json") cx.trace_json = std::move(file.content);
        if (file.name == "trace.svg") cx.timeline_svg = std::move(file.content);
      }
    }
    result.presets.push_back(std::move(check_result));
    if (interrupt_flag()->load()) break;
  }
  if (interrupt_flag()->load()) {
    std::fprintf(stderr, "cqmcheck report: interrupted after %zu of %zu presets; nothing written\n",
                 result.presets.size(), configs.size());
    throw ExitCode{kExitInconclusive};
  }
  result.suite_coverage = coverage_report(all);
  result.diagrams = diagrams_of(result.suite_coverage);
  const std::string page =
      report_page(result.title,
                  report_json(result).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
  OutputSet set;
  const auto path = set.add(std::filesystem::path(f.out) / "index.html", page);
  set.commit();
  int failing = 0;
  for (const auto& check : result.presets)
    for (const auto& e : check.report.explorers)
      for (const auto& p : e.properties)
        failing += p.verdict != check.report.config.expected.of(p.property->name);
  std::printf(
      "wrote %s: %zu presets, %zu counterexamples, %d of %d table rows reached, %d verdicts not as "
      "expected\n",
      path.c_str(), result.presets.size(), result.counterexamples.size(), result.suite_coverage.fired(),
      result.suite_coverage.rows(), failing);
  if (failing) throw ExitCode{kExitViolated};
}

}  // namespace

void add_report(CLI::App& app) {
  auto f = std::make_shared<ReportFlags>();
  auto* cmd = app.add_subcommand(
      "report",
      "check presets (or the whole suite) and write one self-contained HTML page: verdicts, "
      "step-through counterexamples, state diagrams with coverage, plots");
  f->search.add_to(*cmd);
  auto* preset = cmd->add_option("--preset", f->presets, "a preset to check (repeatable)");
  auto* config = cmd->add_option("--config", f->configs,
                                 "a TOML configuration to check (repeatable; its [expected] verdicts are the "
                                 "row's expected ones)")
                     ->check(name_given());
  cmd->add_flag("--suite", f->suite, "every preset, as `cqmcheck suite`")->excludes(preset)->excludes(config);
  cmd->add_option("--plots", f->plots,
                  "a folder of plots written by `estimate --out` or `sweep --out` to show (repeatable)")
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--out", f->out, "the folder to write index.html into (created if missing)")
      ->required()
      ->check(name_given());
  cmd->callback([f] { run_report(*f); });
}

}  // namespace cqm::cli
