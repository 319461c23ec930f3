#pragma once
// Graphviz measures the text of every label through a "textlayout" plugin before it lays a graph out. Its own
// is pango's, which brings cairo, glib, harfbuzz, freetype and fontconfig into the process: on this machine
// about 15 ms from a new Graphviz context to the first text measured, more than the KB's whole search. This
// plugin measures the way that one does with two of those libraries: fontconfig picks the font file pango's
// font map would pick, and HarfBuzz shapes the text at pango's scale (96 dpi, in 1/1024 pixel) with pango's
// rounding of each glyph's advance to a whole pixel (its hinted metrics). The widths, and so the SVGs, are
// the same to the byte: tests/writers/text_layout_test.cpp renders every diagram and counterexample both
// ways.
//
// Only for renderers that read the measured size, such as the core SVG renderer; cairo's (PNG) draws the
// pango layout it expects the plugin to leave, so PNG keeps pango's plugin (writers/graphviz.cpp).
#include <gvcext.h>

namespace cqm {

/// The plugin as a Graphviz builtin, for gvContextPlugins: a null-terminated list of one library, whose
/// textlayout plugin outranks pango's (quality 10), so the context never loads pango's.
const lt_symlist_t* harfbuzz_text_layout();

}  // namespace cqm
