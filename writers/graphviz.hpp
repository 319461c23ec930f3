#pragma once
// DOT text in, image bytes out, through Graphviz's C library in this process (cgraph + gvc): no `dot` binary
// on PATH needed, and one error path. State diagrams and counterexample traces both render through here.
#include <string>
#include <string_view>

#include "writers/atomic_file.hpp"

namespace cqm {

/// DOT that Graphviz rejects (syntax, layout or render failure). An OutputError, so the CLI reports it with
/// one line and exit 2 like any other output that could not be produced.
class RenderError : public OutputError {
 public:
  using OutputError::OutputError;
};

enum class ImageFormat { svg, png };

/// The file extension and Graphviz format name: "svg", "png".
const char* image_extension(ImageFormat format);

/// Lays out `dot` with the dot engine and renders it. The same DOT gives byte-identical output.
/// Graphviz's warnings go to `warnings` (one per line) when given, else nowhere. Throws RenderError.
/// A graph without a `newrank` attribute gets newrank=true: Graphviz 2.42 frees an invalid pointer in
/// gvFreeLayout for clusters without it (TOOLCHAIN).
/// Not thread-safe: Graphviz keeps global state, and the process shares one Graphviz context.
std::string render_dot(std::string_view dot, ImageFormat format, std::string* warnings = nullptr);

}  // namespace cqm
