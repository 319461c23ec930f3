// A counterexample's folder: trace.json, Cqmgr32.log and the timeline picture, rendered before anything is
// written, so a failure leaves nothing half-written; and the kb-q292030 picture diagrams/ shows.
#include "writers/counterexample_files.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "harness/check.hpp"
#include "tests/writers/temp_dir.hpp"
#include "tests/writers/xml_check.hpp"
#include "writers/atomic_file.hpp"
#include "writers/trace_dot.hpp"

namespace cqm {
namespace {

using test::listing;
using test::read;
using test::TempDir;

const Counterexample& kb() {
  static const Counterexample cex = [] {
    CheckOptions o;
    o.explorers = {ExplorerKind::exhaustive};
    return *check_exhaustive(*find_preset("kb-q292030"), o)
                .result_of("delivered_before_expiry")
                ->counterexample;
  }();
  return cex;
}

Renderer failing_renderer() {
  return [](std::string_view, ImageFormat) -> std::string { throw RenderError("syntax error in line 3"); };
}

TEST(counterexample_files, writes_the_trace_picture_next_to_trace_json) {
  TempDir tmp;
  const auto written = write_counterexample(tmp.path / "D", kb());
  EXPECT_EQ(written.size(), 6u);  // Statmgr.log too: the KB's first status, 10005, reaches the site
  EXPECT_EQ(listing(tmp.path / "D"), (std::vector<std::string>{"Cqmgr32.log", "Smsapm32.log", "Statmgr.log",
                                                               "trace.dot", "trace.json", "trace.svg"}));
  EXPECT_EQ(read(tmp.path / "D" / "trace.dot"), trace_dot(kb()));
  const std::string svg = read(tmp.path / "D" / "trace.svg");
  EXPECT_EQ(test::xml_problem(svg), "");
  EXPECT_EQ(svg, render_dot(trace_dot(kb()), ImageFormat::svg));
}

// What check, suite and report write: the pictures started as the search finds them (starter) and the rest by
// files(); the same bytes as drawn in place, for a counterexample handed over twice too.
TEST(counterexample_files, rendered_ahead_are_the_files_drawn_in_place) {
  const RenderAhead ahead;
  ahead.starter()(kb());  // as the search hands it over
  const std::vector<const Counterexample*> all{&kb(), &kb()};
  const auto ahead_files = ahead.files(all);
  const auto in_place = counterexamples_files(all, graphviz_renderer());
  ASSERT_EQ(ahead_files.size(), 2u);
  ASSERT_EQ(in_place.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    ASSERT_EQ(ahead_files[i].size(), in_place[i].size());
    for (std::size_t f = 0; f < in_place[i].size(); ++f) {
      EXPECT_EQ(ahead_files[i][f].name, in_place[i][f].name);
      EXPECT_EQ(ahead_files[i][f].content, in_place[i][f].content) << in_place[i][f].name;
    }
  }
  EXPECT_TRUE(std::any_of(in_place[0].begin(), in_place[0].end(),
                          [](const DiagramFile& f) { return f.name == "trace.svg"; }));
}

TEST(counterexample_files, a_render_failure_writes_nothing_and_names_the_file) {
  TempDir tmp;
  try {
    write_counterexample(tmp.path, kb(), failing_renderer());
    FAIL() << "no RenderError";
  } catch (const RenderError& e) {
    EXPECT_EQ(std::string(e.what()), "trace.dot: syntax error in line 3");
  }
  EXPECT_TRUE(listing(tmp.path).empty()) << "not even trace.json";
  EXPECT_THROW(write_trace_diagram(tmp.path, kb(), failing_renderer()), OutputError);
  EXPECT_TRUE(listing(tmp.path).empty());
}

TEST(counterexample_files, a_failed_write_leaves_the_folder_as_it_was) {
  TempDir tmp;
  inject_write_failures(3);  // Smsapm32.log, after trace.json and Cqmgr32.log
  EXPECT_THROW(write_counterexample(tmp.path, kb()), OutputError);
  inject_write_failures(0);
  EXPECT_TRUE(listing(tmp.path).empty()) << "no trace.json without its picture, no temporary file";

  // Over an earlier counterexample: all of it stays, not a mix of old and new.
  write_counterexample(tmp.path, kb());
  std::ofstream(tmp.path / "trace.svg", std::ios::trunc) << "previous";
  inject_write_failures(6);  // trace.svg
  EXPECT_THROW(write_counterexample(tmp.path, kb()), OutputError);
  inject_write_failures(0);
  EXPECT_EQ(listing(tmp.path), (std::vector<std::string>{"Cqmgr32.log", "Smsapm32.log", "Statmgr.log",
                                                         "trace.dot", "trace.json", "trace.svg"}));
  EXPECT_EQ(read(tmp.path / "trace.svg"), "previous");
}

TEST(counterexample_files, trace_diagram_alone_writes_dot_and_svg) {
  TempDir tmp;
  const auto written = write_trace_diagram(tmp.path, kb());
  EXPECT_EQ(written.size(), 2u);
  EXPECT_EQ(listing(tmp.path), (std::vector<std::string>{"trace.dot", "trace.svg"}));
}

TEST(counterexample_files, trace_diagram_files_add_png_on_request) {
  const auto files = trace_diagram_files(kb(), "t", true);
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].name, "t.dot");
  EXPECT_EQ(files[1].name, "t.svg");
  EXPECT_EQ(files[2].name, "t.png");
  EXPECT_EQ(files[2].content.substr(1, 3), "PNG");
}

TEST(counterexample_files, preset_counterexample_is_the_exhaustive_explorers_shortest) {
  const auto files = preset_counterexample_files("kb-q292030", "delivered_before_expiry", false);
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].name, "kb-q292030_counterexample.dot");
  EXPECT_EQ(files[1].name, "kb-q292030_counterexample.svg");
  EXPECT_EQ(files[0].content, trace_dot(kb()));
  EXPECT_EQ(preset_counterexample_files("kb-q292030", "delivered_before_expiry", false)[1].content,
            files[1].content)
      << "byte-identical";
}

TEST(counterexample_files, preset_counterexample_refuses_a_preset_that_holds_or_is_unknown) {
  EXPECT_THROW(preset_counterexample_files("fix-short-retry", "delivered_before_expiry", false), OutputError);
  EXPECT_THROW(preset_counterexample_files("no-such-preset", "delivered_before_expiry", false), OutputError);
  EXPECT_THROW(preset_counterexample_files("kb-q263594-sp2", "queue_bounded", false), OutputError)
      << "the fix holds: nothing to draw";
}

}  // namespace
}  // namespace cqm
