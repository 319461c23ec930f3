#pragma once
// DOT text in, image bytes out, through Graphviz's C library in this process (cgraph + gvc): no `dot` binary
// on PATH needed, and one error path. State diagrams and counterexample traces both render through here.
#include <future>
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
inline const char* image_extension(ImageFormat format) { return format == ImageFormat::png ? "png" : "svg"; }

/// How text is measured for the layout: by writers/text_layout.hpp (the default; the same sizes as pango's
/// without loading pango) or by Graphviz's pango plugin. PNG is always pango's: cairo draws pango's layouts.
enum class TextMeasure { harfbuzz, pango };

/// Lays out `dot` with the dot engine and renders it. The same DOT gives byte-identical output.
/// Graphviz's warnings go to `warnings` (one per line) when given, else nowhere. Throws RenderError.
/// A graph without a `newrank` attribute gets newrank=true: Graphviz 2.42 frees an invalid pointer in
/// gvFreeLayout for clusters without it (TOOLCHAIN).
/// Safe from any thread: every render runs on Graphviz's own thread (it keeps global state), one at a time.
std::string render_dot(std::string_view dot, ImageFormat format, std::string* warnings = nullptr,
                       TextMeasure text = TextMeasure::harfbuzz);

/// render_dot without waiting: queued on Graphviz's thread behind what is already there; the future gives the
/// bytes or throws the RenderError.
std::shared_future<std::string> render_dot_async(std::string dot, ImageFormat format);

/// Starts Graphviz on its thread and returns at once: its context, plugins, fonts and a first text measured,
/// while the caller does something else (a search) on the other core. Only a head start: render_dot works
/// without it.
void start_graphviz();

}  // namespace cqm
