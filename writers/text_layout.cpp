#include "writers/text_layout.hpp"

#include <fontconfig/fontconfig.h>
#include <gvplugin.h>
#include <gvplugin_textlayout.h>
#include <hb.h>
#include <textspan.h>

#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace cqm {
namespace {

// Pango's plugin lays text out at 96 dpi, in pango units of 1/1024 pixel, and reports points.
constexpr double kDpi = 96.0;
constexpr double kPointsPerInch = 72.0;
constexpr int kPangoScale = 1024;
constexpr double kToPoints = kPointsPerInch / (kDpi * kPangoScale);

/// A pango unit rounded to a whole pixel (PANGO_UNITS_ROUND): what hinted metrics do to each advance.
constexpr hb_position_t whole_pixel(hb_position_t units) {
  return (units + kPangoScale / 2) & ~(kPangoScale - 1);
}

/// The fonts one render thread has opened. Graphviz calls its plugin from one thread at a time (writers/
/// graphviz.cpp gives it one), so one instance, never freed: fonts stay open for the process's next picture.
class Fonts {
 public:
  static Fonts& get() {
    static Fonts* fonts = new Fonts;  // never destroyed: Graphviz may measure until its context goes
    return *fonts;
  }

  /// The HarfBuzz font for a Graphviz font at its size, or null when fontconfig finds no file.
  hb_font_t* font(const textfont_t& f) {
    const int weight_style = f.flags & (HTML_BF | HTML_IF);
    const std::string family = f.name ? f.name : "";
    const auto key = std::make_tuple(family, weight_style, f.size);
    if (const auto it = fonts_.find(key); it != fonts_.end()) return it->second;
    hb_font_t* font = nullptr;
    if (hb_face_t* face = this->face(family, f.postscript_alias, weight_style)) {
      font = hb_font_create(face);
      // Pango's size: the point size in pango units (truncated), scaled to pixels at 96 dpi.
      const double pixels =
          static_cast<int>(f.size * kPangoScale) / static_cast<double>(kPangoScale) * kDpi / kPointsPerInch;
      const int scale = static_cast<int>(pixels * kPangoScale);
      hb_font_set_scale(font, scale, scale);
    }
    fonts_.emplace(key, font);
    return font;
  }

  /// The text's width in pango units, each advance a whole pixel: shaped once per font and text. A
  /// timeline repeats its labels (every power_on, every state name), and the two pictures of a counterexample
  /// pair most of theirs; HarfBuzz's shaping was a fifth of a picture's rendering.
  long width(hb_font_t* font, const char* text) {
    std::string key(reinterpret_cast<const char*>(&font), sizeof font);
    key += text;
    if (const auto it = widths_.find(key); it != widths_.end()) return it->second;
    hb_buffer_clear_contents(buffer_);
    hb_buffer_add_utf8(buffer_, text, -1, 0, -1);
    hb_buffer_guess_segment_properties(buffer_);
    hb_buffer_set_language(buffer_, hb_language_from_string("en", -1));  // not the environment's locale
    hb_shape(font, buffer_, nullptr, 0);
    unsigned int count = 0;
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer_, &count);
    long width = 0;
    for (unsigned int i = 0; i < count; ++i) width += whole_pixel(positions[i].x_advance);
    if (widths_.size() >= kMaxWidths) widths_.clear();  // a long-lived process's texts do not pile up
    widths_.emplace(std::move(key), width);
    return width;
  }

 private:
  Fonts() : buffer_(hb_buffer_create()) {}

  /// The face fontconfig matches for pango's pattern: the families of a comma-separated list (or a PostScript
  /// alias's family), the weight and slant.
  hb_face_t* face(const std::string& family, const PostscriptAlias* alias, int weight_style) {
    const auto key = std::make_pair(family, weight_style);
    if (const auto it = faces_.find(key); it != faces_.end()) return it->second;
    FcPattern* pattern = FcPatternCreate();
    const std::string families = alias && alias->family ? alias->family : family;
    for (std::size_t at = 0; at <= families.size();) {
      std::size_t end = families.find(',', at);
      if (end == std::string::npos) end = families.size();
      std::string_view one(families.data() + at, end - at);
      while (!one.empty() && one.front() == ' ') one.remove_prefix(1);
      while (!one.empty() && one.back() == ' ') one.remove_suffix(1);
      if (!one.empty())
        FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(std::string(one).c_str()));
      at = end + 1;
    }
    const bool bold =
        (weight_style & HTML_BF) || (alias && alias->weight && std::string_view(alias->weight) == "bold");
    const bool italic =
        (weight_style & HTML_IF) || (alias && alias->style && std::string_view(alias->style) == "italic");
    FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pattern, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    FcPatternAddInteger(pattern, FC_WIDTH, FC_WIDTH_NORMAL);
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    hb_face_t* face = nullptr;
    if (FcPattern* match = FcFontMatch(nullptr, pattern, &result)) {
      FcChar8* file = nullptr;
      int index = 0;
      if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
        FcPatternGetInteger(match, FC_INDEX, 0, &index);
        hb_blob_t* blob = hb_blob_create_from_file(reinterpret_cast<const char*>(file));
        if (hb_blob_get_length(blob) > 0) face = hb_face_create(blob, static_cast<unsigned>(index));
        hb_blob_destroy(blob);
      }
      FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
    faces_.emplace(key, face);
    return face;
  }

  std::map<std::pair<std::string, int>, hb_face_t*> faces_;
  std::map<std::tuple<std::string, int, double>, hb_font_t*> fonts_;
  static constexpr std::size_t kMaxWidths = 1 << 16;
  std::unordered_map<std::string, long> widths_;
  hb_buffer_t* buffer_;
};

/// The textlayout entry: the span's size in points, as pango's plugin computes it. False (no font, or no
/// width) lets Graphviz fall back on its own estimate, as it does for pango.
boolean measure(textspan_t* span, char** /*fontpath: only for -v*/) {
  span->layout = nullptr;
  span->free_layout = nullptr;
  if (!span->font || !span->str) return false;
  hb_font_t* font = Fonts::get().font(*span->font);
  if (!font) return false;
  const long width = Fonts::get().width(font, span->str);
  hb_font_extents_t extents{};
  hb_font_get_h_extents(font, &extents);
  // As pango's plugin: the width rounded up, the line height from the point size alone, the centre line
  // 0.2 of the size below the middle, and the baseline (read only by cairo's renderer) at the ascent.
  span->size.x = static_cast<int>(static_cast<double>(width) * kToPoints + 1);
  span->size.y = static_cast<int>(span->font->size * 1.1 + .5);
  span->yoffset_layout = whole_pixel(extents.ascender) * kToPoints;
  span->yoffset_centerline = 0.2 * span->font->size;
  return width != 0;
}

gvtextlayout_engine_t g_engine{measure};
gvplugin_installed_t g_types[] = {{0, "textlayout", 20, &g_engine, nullptr},
                                  {0, nullptr, 0, nullptr, nullptr}};
gvplugin_api_t g_apis[] = {{API_textlayout, g_types}, {static_cast<api_t>(0), nullptr}};
char g_package[] = "cqm_text_layout";
gvplugin_library_t g_library{g_package, g_apis};
const lt_symlist_t g_builtins[] = {{"gvplugin_cqm_text_layout_LTX_library", &g_library}, {nullptr, nullptr}};

}  // namespace

const lt_symlist_t* harfbuzz_text_layout() { return g_builtins; }

}  // namespace cqm
