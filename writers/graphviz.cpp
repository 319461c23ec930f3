#include "writers/graphviz.hpp"

#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

#include "writers/dot_text.hpp"
#include "writers/module.hpp"
#include "writers/render_module.hpp"

namespace cqm {
namespace {

/// Graphviz as the render thread holds it: the module's table and its contexts, or why the module could not
/// be loaded (every render then fails with that reason).
class Graphviz {
 public:
  Graphviz() {
    try {
      module_ = static_cast<const RenderModule*>(load_module("libcqm_render.so", "cqm_render_module", true));
      contexts_ = module_->open();
    } catch (const std::runtime_error& e) {
      failure_ = e.what();
    }
  }
  ~Graphviz() {
    if (module_) module_->close(contexts_);
  }
  Graphviz(const Graphviz&) = delete;
  Graphviz& operator=(const Graphviz&) = delete;

  std::string render(std::string_view dot, ImageFormat format, std::string* warnings,
                     TextMeasure text = TextMeasure::harfbuzz) {
    if (!module_) throw RenderError(failure_);
    std::string bytes, error;
    if (!module_->render(contexts_, dot, format, text, &bytes, warnings, &error)) throw RenderError(error);
    return bytes;
  }

 private:
  const RenderModule* module_ = nullptr;
  void* contexts_ = nullptr;
  std::string failure_;
};

/// Every Graphviz call runs on one thread of its own, which loads the Graphviz module and owns the
/// contexts. Graphviz keeps its state in globals, so one thread is also what makes render_dot safe to call
/// from any thread. And it lets a caller start Graphviz early (start_graphviz): the module's libraries, the
/// context, fontconfig's start and the fonts' first opening then cost the other core while the caller
/// searches.
class RenderThread {
  static constexpr int kNice = 10;

 public:
  static RenderThread& get() {
    static RenderThread t;
    return t;
  }

  /// Runs `job` on the render thread and waits for it; its exception comes out here.
  template <class F>
  auto run(F job) -> decltype(job(std::declval<Graphviz&>())) {
    std::packaged_task<decltype(job(std::declval<Graphviz&>()))(Graphviz&)> task(std::move(job));
    auto result = task.get_future();
    post([&task](Graphviz& graphviz) { task(graphviz); });
    return result.get();
  }

  /// Queues `job` without waiting (the warm-up).
  void post(std::function<void(Graphviz&)> job) {
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
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [&] { return started_ && !busy_; });
    lock.release();  // unlocked by release() in the parent and in the child
  }
  void release() { mutex_.unlock(); }

  void loop() {
    // Below the caller's priority (and so the threads pango starts from here): a head start taken from a
    // search would cost more than it saves. Linux keeps a nice value per thread.
    ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), kNice);
    // Loaded in the first job, not before it: a fork waits for a job under way (hold), and so for dlopen too.
    std::optional<Graphviz> graphviz;
    {
      // A fork also waits for this thread's start (the C library's and a sanitizer's bookkeeping) to be over.
      std::lock_guard lock(mutex_);
      started_ = true;
      idle_.notify_all();
    }
    for (;;) {
      std::function<void(Graphviz&)> job;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
        if (jobs_.empty()) break;  // stopping, and nothing left to do
        job = std::move(jobs_.front());
        jobs_.pop_front();
        busy_ = true;
      }
      if (!graphviz) graphviz.emplace();
      job(*graphviz);
      job = nullptr;  // what it holds is freed before a fork may go on (tests/writers/render_fork_test.cpp)
      std::lock_guard lock(mutex_);
      busy_ = false;
      idle_.notify_all();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;  ///< a job is queued, or the thread is to stop
  std::condition_variable idle_;  ///< the thread has started, or finished a job (a fork may be waiting)
  std::deque<std::function<void(Graphviz&)>> jobs_;
  bool stopping_ = false;
  bool started_ = false;  ///< the thread is in its loop
  bool busy_ = false;     ///< a job is running (the thread may hold Graphviz's and the libraries' locks)
  std::thread thread_;    // last: it starts once the rest is built
};

}  // namespace

std::string render_dot(std::string_view dot, ImageFormat format, std::string* warnings, TextMeasure text) {
  return RenderThread::get().run(
      [&](Graphviz& graphviz) { return graphviz.render(dot, format, warnings, text); });
}

std::shared_future<std::string> render_dot_async(std::string dot, ImageFormat format) {
  auto task = std::make_shared<std::packaged_task<std::string(Graphviz&)>>(
      [dot = std::move(dot), format](Graphviz& graphviz) { return graphviz.render(dot, format, nullptr); });
  std::shared_future<std::string> result = task->get_future().share();
  RenderThread::get().post([task](Graphviz& graphviz) { (*task)(graphviz); });
  return result;
}

void start_graphviz() {
  // Fontconfig's start, its match and the opening of the plain and bold faces the pictures use: here, not in
  // the caller's first render.
  std::string warm_up = std::string("digraph warm_up { node [shape=plain, fontname=") +
                        dot::quote(dot::kFont) + "]; a [label=<<B>Up</B>>]; b [label=\"Up\"]; }";
  RenderThread::get().post([warm_up = std::move(warm_up)](Graphviz& graphviz) {
    try {
      graphviz.render(warm_up, ImageFormat::svg, nullptr);
    } catch (const RenderError&) {
      // Whatever failed fails again, and is reported, in the render that matters.
    }
  });
}

}  // namespace cqm
