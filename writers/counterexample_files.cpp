#include "writers/counterexample_files.hpp"

#include "harness/check.hpp"
#include "writers/atomic_file.hpp"
#include "writers/trace_dot.hpp"
#include "writers/trace_json.hpp"

namespace cqm {

Renderer graphviz_renderer() {
  return [](std::string_view dot, ImageFormat format) { return render_dot(dot, format); };
}

std::vector<DiagramFile> trace_diagram_files(const Counterexample& cex, const std::string& stem, bool png,
                                             const Renderer& render) {
  std::vector<DiagramFile> files{{stem + ".dot", trace_dot(cex)}};
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

std::vector<std::filesystem::path> add_counterexample(OutputSet& set, const std::filesystem::path& dir,
                                                      const Counterexample& cex, const Renderer& render) {
  // Render everything first: a rendering failure adds nothing.
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
  for (auto& f : trace_diagram_files(cex, "trace", false, render)) files.push_back(std::move(f));
  std::vector<std::filesystem::path> paths;
  for (auto& f : files) paths.push_back(set.add(dir / f.name, std::move(f.content)));
  return paths;
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
