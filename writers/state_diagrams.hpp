#pragma once
// The committed set in diagrams/: each machine's and the overview's DOT and SVG (and PNG on request).
#include <filesystem>
#include <string>
#include <vector>

namespace cqm {

struct DiagramFile {
  std::string name;     ///< "client.dot", "overview.svg", ...
  std::string content;  ///< DOT text or image bytes
};

/// The stems, in the order files are produced: each machine's in registry order, then overview.
std::vector<std::string> state_diagram_stems();

/// Every file of the set, rendered in memory. Throws RenderError naming the diagram.
std::vector<DiagramFile> state_diagram_files(bool png);

/// Renders everything first, then writes the files into `dir` (created if missing) as one: a render or write
/// failure leaves the folder as it was. Returns the paths written. Throws OutputError (RenderError is one).
std::vector<std::filesystem::path> write_state_diagrams(const std::filesystem::path& dir, bool png);

/// Writes files already rendered into `dir` (created if missing) with write_files_atomic: all of them or, on
/// a failure, none. Returns the paths written. Throws OutputError.
std::vector<std::filesystem::path> write_diagram_files(const std::filesystem::path& dir,
                                                       const std::vector<DiagramFile>& files);

}  // namespace cqm
