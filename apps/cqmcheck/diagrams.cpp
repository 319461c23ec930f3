// `cqmcheck diagrams`: the state diagrams of every machine and the overview, from the MSM tables.
#include <cstdio>
#include <memory>

#include "apps/cqmcheck/commands.hpp"
#include "writers/state_diagrams.hpp"

namespace cqm::cli {
namespace {

struct DiagramOptions {
  std::string out;
  bool png = false;
};

}  // namespace

void add_diagrams(CLI::App& app) {
  auto opts = std::make_shared<DiagramOptions>();
  auto* cmd =
      app.add_subcommand("diagrams", "write each machine's state diagram and the overview (DOT, SVG)");
  cmd->add_option("--out", opts->out, "the folder to write into (created if missing)")->required();
  cmd->add_flag("--png", opts->png, "also write PNG images");
  // An OutputError (a RenderError too) reaches main: one line on stderr, exit 2.
  cmd->callback([opts] {
    for (const auto& path : write_state_diagrams(opts->out, opts->png)) std::printf("%s\n", path.c_str());
  });
}

}  // namespace cqm::cli
