// `cqmcheck diagrams`: the state diagrams of every machine and the overview, from the MSM tables, and each KB
// article's counterexample timeline, from the exhaustive explorer's shortest counterexample of its property.
#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "apps/cqmcheck/commands.hpp"
#include "harness/kb_articles.hpp"
#include "model/config.hpp"
#include "writers/atomic_file.hpp"
#include "writers/counterexample_files.hpp"
#include "writers/state_diagrams.hpp"

namespace cqm::cli {
namespace {

/// The counterexamples diagrams/ shows: each row of the KB table (harness/kb_articles.hpp) whose preset
/// expects its property VIOLATED — each article's own story.
std::vector<std::pair<std::string, std::string>> pictured() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& row : kb_articles()) {
    const auto config = find_preset(row.preset);
    if (config && config->expected.of(row.property) == Verdict::Violated)
      out.emplace_back(row.preset, row.property);
  }
  return out;
}

struct DiagramOptions {
  std::string out;
  bool png = false;
};

}  // namespace

void add_diagrams(CLI::App& app) {
  auto opts = std::make_shared<DiagramOptions>();
  auto* cmd = app.add_subcommand(
      "diagrams",
      "write each machine's state diagram, the overview and each KB article's counterexample (DOT, SVG)");
  cmd->add_option("--out", opts->out, "the folder to write into (created if missing)")
      ->required()
      ->check(name_given());
  cmd->add_flag("--png", opts->png, "also write PNG images");
  // An OutputError (a RenderError too) reaches main: one line on stderr, exit 2.
  cmd->callback([opts] {
    check_output_dir(opts->out);  // before a second of rendering, not after
    // Everything rendered before the first file is written: a failure leaves the folder as it was.
    auto files = state_diagram_files(opts->png);
    for (const auto& [preset, property] : pictured())
      for (auto& f : preset_counterexample_files(preset, property, opts->png)) files.push_back(std::move(f));
    for (const auto& path : write_diagram_files(opts->out, files)) std::printf("%s\n", path.c_str());
  });
}

}  // namespace cqm::cli
