// The Graphviz module (libcqm_render.so): Graphviz's C library (cgraph + gvc) with the text measured by
// writers/text_layout.hpp, behind writers/render_module.hpp. Only the render thread calls in
// (writers/graphviz.cpp), so Graphviz's globals here are one thread's.
#include <cgraph.h>
#include <dlfcn.h>
#include <gvc.h>
#include <gvcjob.h>

#include <memory>
#include <string>
#include <string_view>

#include "writers/dot_text.hpp"
#include "writers/graphviz_numbers.hpp"
#include "writers/render_module.hpp"
#include "writers/text_layout.hpp"

namespace cqm {
namespace {

// Graphviz reports through a global callback; the text is collected per render and becomes the exception's
// message (errors) or the caller's warnings.
std::string g_messages;

int collect_message(char* text) {
  g_messages += text;
  return 0;
}

/// The process's Graphviz contexts (each loads the plugin configuration, which is slow and never fully
/// freed): one measuring text with writers/text_layout.hpp, for SVG, and pango's, made when first needed
/// (PNG, whose cairo renderer draws pango's layouts, or a caller asking for it).
struct Contexts {
  GVC_t* harfbuzz = nullptr;
  GVC_t* pango = nullptr;
  bool pango_tried = false;

  GVC_t* for_render(ImageFormat format, TextMeasure text) {
    if (format == ImageFormat::svg && text == TextMeasure::harfbuzz) return harfbuzz;
    if (!pango_tried) {
      pango_tried = true;
      pango = gvContext();
    }
    return pango;
  }
};

/// Graphviz's messages as one line, without its "Error: " / "Warning: " prefixes.
std::string take_messages() {
  std::string out;
  std::size_t start = 0;
  while (start < g_messages.size()) {
    std::size_t end = g_messages.find('\n', start);
    if (end == std::string::npos) end = g_messages.size();
    std::string line = g_messages.substr(start, end - start);
    for (const char* prefix : {"Error: ", "Warning: "})
      if (line.rfind(prefix, 0) == 0) line.erase(0, std::char_traits<char>::length(prefix));
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    if (!line.empty()) out += (out.empty() ? "" : "; ") + line;
    start = end + 1;
  }
  g_messages.clear();
  return out;
}

/// A render's failure, with Graphviz's messages: it becomes the RenderError the caller sees.
struct Failure {
  std::string what;
};

[[noreturn]] void fail(const std::string& what) {
  const std::string detail = take_messages();
  throw Failure{what + (detail.empty() ? "" : ": " + detail)};
}

// agmemread's default ID discipline makes a named object's ID the address of its interned name, and 2.42
// orders subgraphs by ID: clusters came out in heap order, different from one render to the next in the
// same process. Here no name maps to an ID (cgraph then keeps names in its internal map) and IDs count up
// per graph, so everything is ordered as the DOT text creates it.
void* open_ids(Agraph_t*, Agdisc_t*) { return new IDTYPE(1); }
long map_id(void* state, int, char* name, IDTYPE* id, int create) {
  if (name || !create) return 0;
  auto& next = *static_cast<IDTYPE*>(state);
  *id = next;
  next += 2;  // odd, as cgraph's own anonymous IDs
  return 1;
}
long alloc_id(void*, int, IDTYPE) { return 0; }
void free_id(void*, int, IDTYPE) {}
char* print_id(void*, int, IDTYPE) { return nullptr; }
void close_ids(void* state) { delete static_cast<IDTYPE*>(state); }
void register_id(void*, int, void*) {}
Agiddisc_t g_ordered_ids{open_ids, map_id, alloc_id, free_id, print_id, close_ids, register_id};

/// Reads the DOT a line at a time, as agmemread's reader does (the scanner counts lines per read).
struct Reader {
  std::string_view text;
  std::size_t at = 0;
};
int read_line(void* chan, char* buf, int size) {
  auto& r = *static_cast<Reader*>(chan);
  int n = 0;
  while (n < size && r.at < r.text.size()) {
    const char c = r.text[r.at++];
    buf[n++] = c;
    if (c == '\n') break;
  }
  return n;
}
Agiodisc_t g_reader{read_line, nullptr, nullptr};
Agdisc_t g_discipline{&AgMemDisc, &g_ordered_ids, &g_reader};

Agraph_t* parse(std::string_view dot) {
  g_reader.putstr = AgIoDisc.putstr;  // unused for reading, but cgraph expects a complete discipline
  g_reader.flush = AgIoDisc.flush;
  Reader reader{dot};
  return agread(&reader, &g_discipline);
}

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};

std::string render_here(Contexts& contexts, std::string_view dot, ImageFormat format, std::string* warnings,
                        TextMeasure text) {
  GVC_t* gvc = contexts.for_render(format, text);
  if (!gvc) throw Failure{"Graphviz could not create a context"};
  g_messages.clear();
  std::unique_ptr<Agraph_t, GraphCloser> graph(parse(dot));
  if (!graph) fail("Graphviz rejected the DOT");
  Agraph_t* g = graph.get();
  if (const char* newrank = agget(g, const_cast<char*>("newrank")); !newrank || !*newrank)
    agsafeset(g, const_cast<char*>("newrank"), const_cast<char*>("true"), const_cast<char*>(""));

  if (gvLayout(gvc, g, "dot") != 0) fail("Graphviz could not lay out the graph");
  char* data = nullptr;
  unsigned int length = 0;
  const int rc = gvRenderData(gvc, g, image_extension(format), &data, &length);
  std::string bytes = rc == 0 && data ? std::string(data, length) : std::string();
  if (data) gvFreeRenderData(data);
  gvFreeLayout(gvc, g);  // before agclose: the layout hangs off the graph
  if (rc != 0) fail(std::string("Graphviz could not render ") + image_extension(format));

  std::string messages = take_messages();
  if (warnings) *warnings = std::move(messages);
  return bytes;
}

/// Whether the Graphviz loaded is the one graphviz_double mirrors: on any other, gvprintdouble below hands
/// every number to the library's own.
bool g_numbers_mirrored = false;

void* open_contexts() {
  agseterrf(collect_message);
  auto* contexts = new Contexts;
  contexts->harfbuzz = gvContextPlugins(harfbuzz_text_layout(), 1);
  g_numbers_mirrored = contexts->harfbuzz && std::string_view(gvcVersion(contexts->harfbuzz)) == "2.43.0";
  return contexts;
}

void close_contexts(void* opened) {
  auto* contexts = static_cast<Contexts*>(opened);
  for (GVC_t* gvc : {contexts->harfbuzz, contexts->pango})
    if (gvc) gvFreeContext(gvc);
  delete contexts;
}

bool render(void* contexts, std::string_view dot, ImageFormat format, TextMeasure text, std::string* bytes,
            std::string* warnings, std::string* error) {
  try {
    *bytes = render_here(*static_cast<Contexts*>(contexts), dot, format, warnings, text);
    return true;
  } catch (const Failure& f) {
    *error = f.what;
    return false;
  }
}

const RenderModule g_module{open_contexts, close_contexts, render};

}  // namespace
}  // namespace cqm

extern "C" __attribute__((visibility("default"))) const cqm::RenderModule* cqm_render_module() {
  return &cqm::g_module;
}

// libgvc's own output call (exported, not in its installed headers).
extern "C" std::size_t gvwrite(GVJ_t* job, const char* s, std::size_t len);

/// Graphviz's gvprintdouble, which its SVG renderer calls for every coordinate, found here first: the module
/// is loaded into the global scope (writers/graphviz.cpp), which the plugins Graphviz loads later, and
/// libgvc's own calls, look in first. writers/graphviz_numbers.hpp says why.
extern "C" __attribute__((visibility("default"))) void gvprintdouble(GVJ_t* job, double num) {
  if (!cqm::g_numbers_mirrored) {
    static const auto original =
        reinterpret_cast<void (*)(GVJ_t*, double)>(::dlsym(RTLD_NEXT, "gvprintdouble"));
    original(job, num);
    return;
  }
  char buf[64];
  gvwrite(job, buf, cqm::graphviz_double(num, buf));
}
