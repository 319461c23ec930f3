// A fork while Graphviz's thread finishes a job (the random explorer forks its workers while a counterexample
// is drawn): the child must inherit no lock held by a thread it does not have. glibc's malloc locks itself
// around fork; the allocator of GCC 12's AddressSanitizer does not (libasan.so.8 has no fork interceptor), so
// a fork made while the render thread is inside free() can leave the child spinning on the sanitizer's
// quarantine lock forever. The render thread's fork handler holds it between jobs, with nothing freed.
//
// Its own executable: it replaces the global operator new/delete (by malloc/free, which the sanitizers see
// as a pair) so that a delete on another thread can be made slow, and seen from the child.
#include <gtest/gtest.h>
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <new>
#include <string>
#include <thread>

#include "writers/graphviz.hpp"

namespace {

const pthread_t g_main = ::pthread_self();
std::atomic<bool> g_slow{false};        ///< deletes on other threads take kSlowDelete
std::atomic<std::uint64_t> g_begun{0};  ///< deletes begun on other threads
std::atomic<int> g_inside{0};           ///< deletes under way on other threads
constexpr auto kSlowDelete = std::chrono::milliseconds(20);

void delete_on_any_thread(void* p) {
  if (::pthread_equal(::pthread_self(), g_main) || !g_slow.load()) return std::free(p);
  ++g_inside;
  ++g_begun;
  std::this_thread::sleep_for(kSlowDelete);
  std::free(p);
  --g_inside;
}

}  // namespace

void* operator new(std::size_t n) {
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { delete_on_any_thread(p); }
void operator delete(void* p, std::size_t) noexcept { delete_on_any_thread(p); }

namespace cqm {
namespace {

/// Waits up to `limit` for `pid`; its exit code, or -1 (killed) if it is still there.
int exit_code_within(pid_t pid, std::chrono::seconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) != pid) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(render_thread, a_fork_never_catches_it_inside_free) {
  const std::string dot = "digraph G { a -> b -> c; a -> c; }";
  ASSERT_NE(render_dot(dot, ImageFormat::svg).find("<svg"), std::string::npos);  // Graphviz loaded
  for (int i = 0; i < 8; ++i) {
    g_slow = true;
    const std::uint64_t begun = g_begun.load();
    auto svg = render_dot_async(dot, ImageFormat::svg);
    // The fork comes once the render thread has begun freeing what the job leaves (or frees within it).
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (g_begun.load() == begun && std::chrono::steady_clock::now() < give_up)
      std::this_thread::sleep_for(std::chrono::microseconds(50));
    ASSERT_NE(g_begun.load(), begun) << "the render thread freed nothing for the job";
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      const int inside = g_inside.load();
      for (int k = 0; k < 64; ++k) std::make_unique<char[]>(64 << 10)[k] = 1;  // a worker's allocations
      ::_exit(inside == 0 ? 0 : 3);
    }
    const int code = exit_code_within(pid, std::chrono::seconds(30));
    EXPECT_NE(code, 3) << "fork " << i << ": made while the render thread was inside free()";
    EXPECT_EQ(code == 3 ? 0 : code, 0) << "fork " << i << ": the child hung or failed";
    EXPECT_NE(svg.get().find("<svg"), std::string::npos);
    // Whatever the job still frees, before the next one.
    while (g_inside.load() != 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    g_slow = false;
    std::this_thread::sleep_for(kSlowDelete * 4);
  }
}

}  // namespace
}  // namespace cqm
