#pragma once
// A counterexample as files in one folder: trace.json (replayable), Cqmgr32.log, and the timeline picture
// trace.dot / trace.svg. Everything is rendered in memory before the first file is written, and the files are
// written as one (write_files_atomic): a rendering or write failure leaves the folder as it was.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "harness/counterexample.hpp"
#include "writers/atomic_file.hpp"
#include "writers/graphviz.hpp"
#include "writers/state_diagrams.hpp"

namespace cqm {

/// DOT in, image bytes out; render_dot unless a test wants a renderer that fails.
using Renderer = std::function<std::string(std::string_view dot, ImageFormat format)>;

/// The default Renderer: render_dot.
Renderer graphviz_renderer();

/// Timelines (trace.svg) rendered ahead, on Graphviz's thread, while the caller does something else: the
/// search that goes on past a violation (CheckOptions::on_counterexample), then the JSON and the logs.
/// A handle: copies share what is started. Safe to use from several threads.
class RenderAhead {
 public:
  RenderAhead();
  /// Starts rendering the counterexample's timeline, unless the same counterexample (property, explorer and
  /// schedule: a RenderAhead serves one configuration) or one with the same DOT text is started. Returns its
  /// DOT text (trace_dot), made once for each counterexample.
  std::string start(const Counterexample& cex) const;
  /// A Renderer that hands out what was started (waiting for it), rendering anything else as
  /// graphviz_renderer does. It shares what this holds, and may outlive it.
  Renderer renderer() const;
  /// start() as a callback: CheckOptions::on_counterexample, so each picture starts as the search finds it.
  std::function<void(const Counterexample&)> starter() const;
  /// counterexamples_files of each, the pictures not started yet started first (on Graphviz's thread while
  /// the JSON and logs are built). Throws RenderError.
  std::vector<std::vector<DiagramFile>> files(const std::vector<const Counterexample*>& all) const;

 private:
  struct Started;
  std::shared_ptr<Started> started_;
};

/// `stem`.dot and `stem`.svg (and `stem`.png when `png`) of the counterexample's timeline, in memory; `dot`,
/// when given, is its trace_dot already made. Throws RenderError naming `stem`.dot.
std::vector<DiagramFile> trace_diagram_files(const Counterexample& cex, const std::string& stem, bool png,
                                             const Renderer& render = graphviz_renderer(),
                                             const std::string* dot = nullptr);

/// A counterexample folder's files in memory: trace.json, the logs, trace.dot and trace.svg (`dot` as for
/// trace_diagram_files). Throws RenderError.
std::vector<DiagramFile> counterexample_files(const Counterexample& cex,
                                              const Renderer& render = graphviz_renderer(),
                                              const std::string* dot = nullptr);

/// counterexample_files of each, built two at a time; the same result as one at a time. `dots`, empty or
/// one for each, are their trace_dot already made. Throws the first failure in order. `render` must be safe
/// to call from two threads (render_dot and RenderAhead's are).
std::vector<std::vector<DiagramFile>> counterexamples_files(const std::vector<const Counterexample*>& all,
                                                            const Renderer& render,
                                                            const std::vector<std::string>& dots = {});

/// Adds files to a command's output set under `dir`; returns their paths.
std::vector<std::filesystem::path> add_files(OutputSet& set, const std::filesystem::path& dir,
                                             std::vector<DiagramFile> files);

/// Renders trace.json, Cqmgr32.log, trace.dot and trace.svg for `dir` into a command's output set; returns
/// their paths. Throws RenderError.
std::vector<std::filesystem::path> add_counterexample(OutputSet& set, const std::filesystem::path& dir,
                                                      const Counterexample& cex,
                                                      const Renderer& render = graphviz_renderer());

/// Writes trace.json, Cqmgr32.log, trace.dot and trace.svg into `dir` as one set; returns the paths written.
/// Throws OutputError (RenderError is one).
std::vector<std::filesystem::path> write_counterexample(const std::filesystem::path& dir,
                                                        const Counterexample& cex,
                                                        const Renderer& render = graphviz_renderer());

/// Only the picture: trace.dot and trace.svg into `dir` (`cqmcheck replay --svg`, next to a trace.json).
std::vector<std::filesystem::path> write_trace_diagram(const std::filesystem::path& dir,
                                                       const Counterexample& cex,
                                                       const Renderer& render = graphviz_renderer());

/// The shortest counterexample the exhaustive explorer finds for a preset, as `<preset>_counterexample`.dot /
/// .svg (/.png) of one property: what diagrams/ shows. Throws OutputError when it holds or the preset is
/// unknown.
std::vector<DiagramFile> preset_counterexample_files(const std::string& preset, const std::string& property,
                                                     bool png);

}  // namespace cqm
