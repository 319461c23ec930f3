// `cqmcheck diagrams`: the state diagrams of every machine and the overview, from the MSM tables, and each KB
// article's counterexample timeline, from the exhaustive explorer's shortest counterexample of its property.
#include <cstdio>
#include <memory>

#include "apps/cqmcheck/commands.hpp"
#include "writers/atomic_file.hpp"
#include "writers/counterexample_files.hpp"
#include "writers/state_diagrams.hpp"

namespace cqm::cli {
namespace {

/// The counterexamples diagrams/ shows: each article's preset and the property its story violates.
constexpr std::pair<const char*, const char*> kPictured[] = {
    {"kb-q292030", "delivered_before_expiry"},
    {"kb-q263594", "queue_bounded"},
    {"kb-q257280", "completed_job_never_reruns"},
    {"kb-q247230", "every_advertisement_gets_its_status"},
};

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
    for (const auto& [preset, property] : kPictured)
      for (auto& f : preset_counterexample_files(preset, property, opts->png)) files.push_back(std::move(f));
    for (const auto& path : write_diagram_files(opts->out, files)) std::printf("%s\n", path.c_str());
  });
}

}  // namespace cqm::cli
