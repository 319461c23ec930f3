// The in-process renderer: DOT in, SVG/PNG bytes out, the same bytes every time, clear errors.
#include "writers/graphviz.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <sstream>
#include <stdexcept>
#include <string>

#include "model/machines.hpp"
#include "tests/writers/xml_check.hpp"
#include "writers/machine_dot.hpp"
#include "writers/module.hpp"

namespace cqm {
namespace {

// No newrank here on purpose: the renderer must add it, or Graphviz 2.42 frees an invalid pointer in
// gvFreeLayout (TOOLCHAIN). The valgrind CTest runs these under memcheck.
constexpr const char* kClusters = R"(digraph G {
  subgraph cluster_a { label="a"; a1 -> a2; }
  subgraph cluster_b { label="b"; b1 -> b2; }
  a2 -> b1; { rank=same; a1; b1; }
})";

TEST(graphviz, svg_names_every_state_and_is_xml) {
  for (const auto& m : describe_all()) {
    std::string warnings;
    const auto svg = render_dot(machine_dot(m), ImageFormat::svg, &warnings);
    EXPECT_EQ(warnings, "") << m.name;
    EXPECT_EQ(test::xml_problem(svg), "") << m.name;
    EXPECT_NE(svg.find("<svg"), std::string::npos);
    for (const auto& s : m.states)
      EXPECT_NE(svg.find(">" + s + "</text>"), std::string::npos) << m.name << ": " << s;
  }
}

TEST(graphviz, renders_byte_identical_output_twice) {
  const auto dot = machine_dot(CopyQueueManager::describe());
  EXPECT_EQ(render_dot(dot, ImageFormat::svg), render_dot(dot, ImageFormat::svg));
  const auto png = render_dot(dot, ImageFormat::png);
  EXPECT_EQ(png, render_dot(dot, ImageFormat::png));
  ASSERT_GT(png.size(), 8u);
  EXPECT_EQ(png.substr(1, 3), "PNG");
}

TEST(graphviz, renders_clusters_twice_without_newrank_in_the_dot) {
  const auto first = render_dot(kClusters, ImageFormat::svg);
  const auto second = render_dot(kClusters, ImageFormat::svg);
  EXPECT_EQ(first, second);
  EXPECT_EQ(test::xml_problem(first), "");
  EXPECT_NE(first.find("cluster_a"), std::string::npos);
  EXPECT_FALSE(render_dot(kClusters, ImageFormat::png).empty());
}

// The render thread loads Graphviz as a module; a module that cannot be loaded is named, with where it was
// looked for.
TEST(module, one_not_found_is_named_with_where_it_was_looked_for) {
  try {
    load_module("libcqm_no_such_module.so", "cqm_no_such_entry");
    FAIL() << "loaded a module that does not exist";
  } catch (const std::runtime_error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("cannot load the module libcqm_no_such_module.so: not found in "), std::string::npos)
        << what;
    EXPECT_NE(what.find(CQM_MODULE_DIR), std::string::npos) << what;
  }
}

TEST(module, the_graphviz_module_gives_its_table_once) {
  const void* first = load_module("libcqm_render.so", "cqm_render_module");
  EXPECT_NE(first, nullptr);
  EXPECT_EQ(load_module("libcqm_render.so", "cqm_render_module"), first);
}

TEST(graphviz, rejects_malformed_dot_with_graphviz_reason) {
  try {
    render_dot("digraph G { a -> ; }", ImageFormat::svg);
    FAIL() << "no RenderError";
  } catch (const RenderError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("Graphviz rejected the DOT"), std::string::npos) << what;
    EXPECT_NE(what.find("syntax error"), std::string::npos) << what;
    EXPECT_EQ(what.find('\n'), std::string::npos) << "one line: " << what;
  }
  EXPECT_THROW(render_dot("", ImageFormat::svg), RenderError);
  EXPECT_THROW(render_dot("not dot at all", ImageFormat::png), RenderError);
}

TEST(graphviz, render_error_is_an_output_error) {
  // main() turns an OutputError into one line and exit 2.
  EXPECT_THROW(render_dot("graph {", ImageFormat::svg), OutputError);
}

TEST(graphviz, renders_again_after_an_error) {
  const auto before = render_dot(kClusters, ImageFormat::svg);
  EXPECT_THROW(render_dot("digraph { \"unterminated }", ImageFormat::svg), RenderError);
  EXPECT_EQ(render_dot(kClusters, ImageFormat::svg), before);
}

TEST(graphviz, reports_render_time_per_svg) {
  // Not a benchmark: a record in the test log of what `cqmcheck diagrams` costs per picture.
  for (const auto& m : describe_all()) {
    const auto dot = machine_dot(m);
    const auto start = std::chrono::steady_clock::now();
    render_dot(dot, ImageFormat::svg);
    const auto ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf("%s.svg: %.1f ms\n", m.name.c_str(), ms);
    RecordProperty(m.name + "_svg_ms", static_cast<int>(ms + 0.5));
  }
}

}  // namespace
}  // namespace cqm
