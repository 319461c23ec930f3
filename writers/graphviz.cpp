#include "writers/graphviz.hpp"

#include <cgraph.h>
#include <gvc.h>
#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

#include "writers/dot_text.hpp"
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

/// Every Graphviz call runs on one thread of its own, which owns the contexts. Graphviz keeps its state in
/// globals, so one thread is also what makes render_dot safe to call from any thread. And it lets a caller
/// start Graphviz early (start_graphviz): the context, fontconfig's start and the fonts' first opening then
/// cost the other core while the caller searches.
class RenderThread {
  static constexpr int kNice = 10;

 public:
  static RenderThread& get() {
    static RenderThread t;
    return t;
  }

  /// Runs `job` on the render thread and waits for it; its exception comes out here.
  template <class F>
  auto run(F job) -> decltype(job(std::declval<Contexts&>())) {
    std::packaged_task<decltype(job(std::declval<Contexts&>()))(Contexts&)> task(std::move(job));
    auto result = task.get_future();
    post([&task](Contexts& contexts) { task(contexts); });
    return result.get();
  }

  /// Queues `job` without waiting (the warm-up).
  void post(std::function<void(Contexts&)> job) {
    {
      std::lock_guard lock(mutex_);
      jobs_.push_back(std::move(job));
    }
    wake_.notify_one();
  }

  ~RenderThread() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
  }

 private:
  RenderThread() : thread_([this] { loop(); }) {
    // A process that forks (the random explorer's workers) must not do it while this thread is inside
    // Graphviz, fontconfig or the allocator: the child would inherit their locks held by a thread it does not
    // have. Before a fork the forking thread waits for the job under way and keeps the queue locked until the
    // fork is done; the child never renders.
    ::pthread_atfork([] { get().hold(); }, [] { get().release(); }, [] { get().release(); });
  }

  void hold() {
    mutex_.lock();
    while (busy_) {
      mutex_.unlock();
      std::this_thread::yield();
      mutex_.lock();
    }
  }
  void release() { mutex_.unlock(); }

  void loop() {
    // Below the caller's priority (and so the threads pango starts from here): a head start taken from a
    // search would cost more than it saves. Linux keeps a nice value per thread.
    ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), kNice);
    agseterrf(collect_message);
    Contexts contexts;
    contexts.harfbuzz = gvContextPlugins(harfbuzz_text_layout(), 1);
    for (;;) {
      std::function<void(Contexts&)> job;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
        if (jobs_.empty()) break;  // stopping, and nothing left to do
        job = std::move(jobs_.front());
        jobs_.pop_front();
        busy_ = true;
      }
      job(contexts);
      std::lock_guard lock(mutex_);
      busy_ = false;
    }
    for (GVC_t* gvc : {contexts.harfbuzz, contexts.pango})
      if (gvc) gvFreeContext(gvc);
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void(Contexts&)>> jobs_;
  bool stopping_ = false;
  bool busy_ = false;   ///< a job is running (the thread may hold Graphviz's and the libraries' locks)
  std::thread thread_;  // last: it starts once the rest is built
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

[[noreturn]] void fail(const std::string& what) {
  const std::string detail = take_messages();
  throw RenderError(what + (detail.empty() ? "" : ": " + detail));
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
                        TextMeasure text = TextMeasure::harfbuzz) {
  GVC_t* gvc = contexts.for_render(format, text);
  if (!gvc) throw RenderError("Graphviz could not create a context");
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

}  // namespace

const char* image_extension(ImageFormat format) { return format == ImageFormat::png ? "png" : "svg"; }

std::string render_dot(std::string_view dot, ImageFormat format, std::string* warnings, TextMeasure text) {
  return RenderThread::get().run(
      [&](Contexts& contexts) { return render_here(contexts, dot, format, warnings, text); });
}

std::shared_future<std::string> render_dot_async(std::string dot, ImageFormat format) {
  auto task = std::make_shared<std::packaged_task<std::string(Contexts&)>>(
      [dot = std::move(dot), format](Contexts& contexts) {
        return render_here(contexts, dot, format, nullptr);
      });
  std::shared_future<std::string> result = task->get_future().share();
  RenderThread::get().post([task](Contexts& contexts) { (*task)(contexts); });
  return result;
}

void start_graphviz() {
  // Fontconfig's start, its match and the opening of the plain and bold faces the pictures use: here, not in
  // the caller's first render.
  std::string warm_up = std::string("digraph warm_up { node [shape=plain, fontname=") +
                        dot::quote(dot::kFont) + "]; a [label=<<B>Up</B>>]; b [label=\"Up\"]; }";
  RenderThread::get().post([warm_up = std::move(warm_up)](Contexts& contexts) {
    try {
      render_here(contexts, warm_up, ImageFormat::svg, nullptr);
    } catch (const RenderError&) {
      // Whatever failed fails again, and is reported, in the render that matters.
    }
  });
}

}  // namespace cqm
