#include "writers/state_diagrams.hpp"

#include <sstream>

#include "model/machines.hpp"
#include "model/routes.hpp"
#include "writers/atomic_file.hpp"
#include "writers/graphviz.hpp"
#include "writers/machine_dot.hpp"

namespace cqm {
namespace {

constexpr const char* kOverview = "overview";

void add(std::vector<DiagramFile>& files, const std::string& stem, const std::string& dot, bool png) {
  files.push_back({stem + ".dot", dot});
  std::vector<ImageFormat> formats{ImageFormat::svg};
  if (png) formats.push_back(ImageFormat::png);
  for (const auto format : formats) {
    try {
      files.push_back({stem + "." + image_extension(format), render_dot(dot, format)});
    } catch (const RenderError& e) {
      throw RenderError(stem + ".dot: " + e.what());
    }
  }
}

}  // namespace

std::vector<std::string> state_diagram_stems() {
  std::vector<std::string> stems;
  for (const auto& m : describe_all()) stems.push_back(m.stem);
  stems.emplace_back(kOverview);
  return stems;
}

std::vector<DiagramFile> state_diagram_files(bool png) {
  const auto machines = describe_all();
  std::vector<DiagramFile> files;
  for (const auto& m : machines) {
    add(files, m.stem, machine_dot(m), png);
  }
  std::ostringstream overview;
  write_overview_dot(overview, machines, route_table());
  add(files, kOverview, overview.str(), png);
  return files;
}

std::vector<std::filesystem::path> write_state_diagrams(const std::filesystem::path& dir, bool png) {
  return write_diagram_files(dir, state_diagram_files(png));
}

std::vector<std::filesystem::path> write_diagram_files(const std::filesystem::path& dir,
                                                       const std::vector<DiagramFile>& files) {
  // As one: a set half old, half new (say a trace.svg that is not of the trace.json beside it) would mislead.
  std::vector<std::pair<std::string, std::string>> named;
  std::vector<std::filesystem::path> written;
  for (const auto& f : files) {
    named.emplace_back(f.name, f.content);
    written.push_back(dir / f.name);
  }
  write_files_atomic(dir, named);
  return written;
}

}  // namespace cqm
