// The diagram set as files: all of it or, on a failure, whole files only and no temporaries left behind.
#include "writers/state_diagrams.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/writers/temp_dir.hpp"
#include "writers/atomic_file.hpp"

namespace cqm {
namespace {

namespace fs = std::filesystem;
using test::listing;
using test::read;
using test::TempDir;

TEST(state_diagrams, writes_dot_and_svg_per_machine_and_overview) {
  TempDir tmp;
  const auto written = write_state_diagrams(tmp.path / "diagrams", false);
  EXPECT_EQ(written.size(), 28u);
  EXPECT_EQ(listing(tmp.path / "diagrams"), (std::vector<std::string>{"apm.dot",
                                                                      "apm.svg",
                                                                      "cap_inbox.dot",
                                                                      "cap_inbox.svg",
                                                                      "client.dot",
                                                                      "client.svg",
                                                                      "connection.dot",
                                                                      "connection.svg",
                                                                      "copy_queue.dot",
                                                                      "copy_queue.svg",
                                                                      "destination.dot",
                                                                      "destination.svg",
                                                                      "inventory_agent.dot",
                                                                      "inventory_agent.svg",
                                                                      "overview.dot",
                                                                      "overview.svg",
                                                                      "program.dot",
                                                                      "program.svg",
                                                                      "queue_item.dot",
                                                                      "queue_item.svg",
                                                                      "registry.dot",
                                                                      "registry.svg",
                                                                      "status_file.dot",
                                                                      "status_file.svg",
                                                                      "status_manager.dot",
                                                                      "status_manager.svg",
                                                                      "timer.dot",
                                                                      "timer.svg"}));
  // Each machine's in registry order, then the overview.
  EXPECT_EQ(state_diagram_stems(),
            (std::vector<std::string>{"client", "apm", "program", "inventory_agent", "copy_queue",
                                      "connection", "destination", "queue_item", "registry", "status_file",
                                      "cap_inbox", "status_manager", "timer", "overview"}));
}

TEST(state_diagrams, writes_png_on_request) {
  const auto files = state_diagram_files(true);
  EXPECT_EQ(files.size(), 42u);  // thirteen machines and the overview, as DOT, SVG and PNG
  for (const auto& f : files)
    if (f.name.ends_with(".png")) {
      EXPECT_EQ(f.content.substr(1, 3), "PNG") << f.name;
    }
}

TEST(state_diagrams, leaves_whole_files_only_when_a_write_fails) {
  TempDir tmp;
  inject_write_failures(1);
  EXPECT_THROW(write_state_diagrams(tmp.path, false), OutputError);
  EXPECT_TRUE(listing(tmp.path).empty()) << "not even a temporary file";

  // A refresh that fails keeps the previous files whole.
  write_state_diagrams(tmp.path, false);
  const auto before = listing(tmp.path);
  std::ofstream(tmp.path / "client.dot", std::ios::trunc) << "previous";
  inject_write_failures(1);
  EXPECT_THROW(write_state_diagrams(tmp.path, false), OutputError);
  inject_write_failures(0);
  EXPECT_EQ(listing(tmp.path), before);
  EXPECT_EQ(read(tmp.path / "client.dot"), "previous");
}

TEST(state_diagrams, refuses_an_out_folder_it_cannot_create) {
  TempDir tmp;
  std::ofstream(tmp.path / "a_file") << "x";
  EXPECT_THROW(write_state_diagrams(tmp.path / "a_file" / "diagrams", false), OutputError);
  EXPECT_THROW(write_state_diagrams(tmp.path / "a_file", false), OutputError);
  EXPECT_EQ(listing(tmp.path), std::vector<std::string>{"a_file"});
  EXPECT_EQ(read(tmp.path / "a_file"), "x");
}

}  // namespace
}  // namespace cqm
