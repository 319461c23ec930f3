#pragma once
// The boundary between the program and its Graphviz module (libcqm_render.so: Graphviz, fontconfig and
// HarfBuzz, writers/graphviz_module.cpp), which the render thread loads (writers/module.hpp). Plain values
// cross it; a failure comes back as its message, not as an exception.
#include <string>
#include <string_view>

#include "writers/graphviz.hpp"

namespace cqm {

struct RenderModule {
  /// Graphviz's contexts, for the calling thread to render with (Graphviz keeps its state in globals: one
  /// thread of the process renders).
  void* (*open)();
  void (*close)(void* contexts);
  /// Lays out and renders `dot` (render_dot's contract); false with the reason in `error` on a failure.
  bool (*render)(void* contexts, std::string_view dot, ImageFormat format, TextMeasure text,
                 std::string* bytes, std::string* warnings, std::string* error);
};

}  // namespace cqm

/// The module's one entry point.
extern "C" const cqm::RenderModule* cqm_render_module();
