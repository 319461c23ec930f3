#include "writers/counterexample_files.hpp"

#include <atomic>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "harness/check.hpp"
#include "writers/atomic_file.hpp"
#include "writers/trace_dot.hpp"
#include "writers/trace_json.hpp"

namespace cqm {

Renderer graphviz_renderer() {
  return [](std::string_view dot, ImageFormat format) { return render_dot(dot, format); };
}

struct RenderAhead::Started {
  std::mutex mutex;
  std::map<std::string, std::shared_future<std::string>, std::less<>> svg;  ///< by DOT text
  /// What the DOT of each counterexample started is made from (one configuration's): a counterexample
  /// started again, as the search found it and then among the report's, is not drawn into DOT again.
  struct Seen {
    std::string property, explorer;
    Schedule schedule;
    std::string dot;
  };
  std::vector<Seen> seen;
};

RenderAhead::RenderAhead() : started_(std::make_shared<Started>()) {}

std::string RenderAhead::start(const Counterexample& cex) const {
  {
    std::lock_guard lock(started_->mutex);
    for (const auto& s : started_->seen)
      if (s.property == cex.property && s.explorer == cex.explorer && s.schedule == cex.schedule)
        return s.dot;
  }
  std::string dot = trace_dot(cex);
  std::lock_guard lock(started_->mutex);
  started_->seen.push_back({cex.property, cex.explorer, cex.schedule, dot});
  if (!started_->svg.contains(dot)) started_->svg.emplace(dot, render_dot_async(dot, ImageFormat::svg));
  return dot;
}

Renderer RenderAhead::renderer() const {
  return [started = started_](std::string_view dot, ImageFormat format) {
    if (format == ImageFormat::svg) {
      std::shared_future<std::string> svg;
      {
        std::lock_guard lock(started->mutex);
        if (const auto it = started->svg.find(dot); it != started->svg.end()) svg = it->second;
      }
      if (svg.valid()) return svg.get();  // waited for outside the lock: the other thread may look meanwhile
    }
    return render_dot(dot, format);
  };
}

std::function<void(const Counterexample&)> RenderAhead::starter() const {
  return [ahead = *this](const Counterexample& cex) { ahead.start(cex); };
}

std::vector<std::vector<DiagramFile>> RenderAhead::files(
    const std::vector<const Counterexample*>& all) const {
  std::vector<std::string> dots;
  for (const Counterexample* cex : all) dots.push_back(start(*cex));
  return counterexamples_files(all, renderer(), dots);
}

std::vector<DiagramFile> trace_diagram_files(const Counterexample& cex, const std::string& stem, bool png,
                                             const Renderer& render, const std::string* dot) {
  std::vector<DiagramFile> files{{stem + ".dot", dot ? *dot : trace_dot(cex)}};
  std::vector<ImageFormat> formats{ImageFormat::svg};
  if (png) formats.push_back(ImageFormat::png);
  for (const auto format : formats) {
    try {
      files.push_back({stem + "." + image_extension(format), render(files.front().content, format)});
    } catch (const RenderError& e) {
      throw RenderError(stem + ".dot: " + e.what());
    }
  }
  return files;
}

std::vector<DiagramFile> counterexample_files(const Counterexample& cex, const Renderer& render,
                                              const std::string* dot) {
  // Each log file the components wrote, as SMS 2.0 keeps them apart (Windows' and the site's only when there
  // are lines).
  const std::string& site = cex.config.model.site_code;
  std::vector<DiagramFile> files{{"trace.json", trace_to_json(cex)},
                                 {"Cqmgr32.log", render_log(cex.log, site, LogFile::cqmgr32)},
                                 {"Smsapm32.log", render_log(cex.log, site, LogFile::smsapm32)}};
  if (std::string windows = render_log(cex.log, site, LogFile::windows); !windows.empty())
    files.push_back({"Windows.log", std::move(windows)});
  // The site server's Status Manager, when the story reaches it.
  if (std::string statmgr = render_log(cex.log, site, LogFile::statmgr); !statmgr.empty())
    files.push_back({"Statmgr.log", std::move(statmgr)});
  for (auto& f : trace_diagram_files(cex, "trace", false, render, dot)) files.push_back(std::move(f));
  return files;
}

std::vector<std::vector<DiagramFile>> counterexamples_files(const std::vector<const Counterexample*>& all,
                                                            const Renderer& render,
                                                            const std::vector<std::string>& dots) {
  // Two at a time (this machine's cores; Graphviz has a thread of its own), each into its own slot: the
  // result does not depend on which thread built what. The first failure in order is the one thrown.
  std::vector<std::vector<DiagramFile>> files(all.size());
  std::vector<std::exception_ptr> failed(all.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < all.size(); i = next++) try {
        files[i] = counterexample_files(*all[i], render, dots.empty() ? nullptr : &dots[i]);
      } catch (...) {
        failed[i] = std::current_exception();
      }
  };
  std::optional<std::thread> helper;
  if (all.size() > 1) helper.emplace(work);
  work();
  if (helper) helper->join();
  for (const auto& e : failed)
    if (e) std::rethrow_exception(e);
  return files;
}

std::vector<std::filesystem::path> add_files(OutputSet& set, const std::filesystem::path& dir,
                                             std::vector<DiagramFile> files) {
  std::vector<std::filesystem::path> paths;
  for (auto& f : files) paths.push_back(set.add(dir / f.name, std::move(f.content)));
  return paths;
}

std::vector<std::filesystem::path> add_counterexample(OutputSet& set, const std::filesystem::path& dir,
                                                      const Counterexample& cex, const Renderer& render) {
  // Render everything first: a rendering failure adds nothing.
  return add_files(set, dir, counterexample_files(cex, render));
}

std::vector<std::filesystem::path> write_counterexample(const std::filesystem::path& dir,
                                                        const Counterexample& cex, const Renderer& render) {
  OutputSet set;
  add_counterexample(set, dir, cex, render);
  return set.commit();
}

std::vector<std::filesystem::path> write_trace_diagram(const std::filesystem::path& dir,
                                                       const Counterexample& cex, const Renderer& render) {
  return write_diagram_files(dir, trace_diagram_files(cex, "trace", false, render));
}

std::vector<DiagramFile> preset_counterexample_files(const std::string& preset, const std::string& property,
                                                     bool png) {
  const auto config = find_preset(preset);
  if (!config) throw OutputError("no preset named '" + preset + "' to draw a counterexample of");
  CheckOptions options;
  options.explorers = {ExplorerKind::exhaustive};
  const ExplorerReport report = check_exhaustive(*config, options);
  const PropertyResult* violated = report.result_of(property);
  if (!violated || !violated->counterexample)
    throw OutputError("the exhaustive explorer finds no counterexample of " + property + " for preset '" +
                      preset + "' to draw");
  return trace_diagram_files(*violated->counterexample, preset + "_counterexample", png);
}

}  // namespace cqm
