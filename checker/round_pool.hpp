#pragma once
// The exhaustive search's other threads, started once for a search and handed each round's work, instead of
// a thread started and joined per round (1 644 of them for bench/spin/big.toml). A round is a few
// milliseconds, so the hand-over is a counter the helpers wait on (std::atomic::wait: a short spin, then a
// futex), not a queue.
#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <thread>
#include <vector>

namespace cqm::checker {

class RoundPool {
 public:
  /// `helpers` threads besides the caller's.
  explicit RoundPool(int helpers) {
    threads_.reserve(static_cast<std::size_t>(helpers));
    for (int t = 1; t <= helpers; ++t) threads_.emplace_back([this, t] { serve(t); });
  }
  ~RoundPool() {
    stopping_.store(true, std::memory_order_relaxed);
    round_.fetch_add(1, std::memory_order_release);
    round_.notify_all();
    for (auto& t : threads_) t.join();
  }
  RoundPool(const RoundPool&) = delete;
  RoundPool& operator=(const RoundPool&) = delete;

  int helpers() const { return static_cast<int>(threads_.size()); }

  /// Runs work(t) on helper t (1 … helpers) and work(0) on the calling thread; returns when every call has,
  /// and rethrows the first exception by thread number.
  void run(const std::function<void(int)>& work) {
    failed_.assign(threads_.size() + 1, nullptr);
    work_ = &work;
    busy_.store(static_cast<int>(threads_.size()), std::memory_order_relaxed);
    round_.fetch_add(1, std::memory_order_release);
    round_.notify_all();
    call(0);
    for (int left = busy_.load(std::memory_order_acquire); left != 0;
         left = busy_.load(std::memory_order_acquire))
      busy_.wait(left, std::memory_order_acquire);
    work_ = nullptr;
    for (const auto& e : failed_)
      if (e) std::rethrow_exception(e);
  }

 private:
  void call(int t) {
    try {
      (*work_)(t);
    } catch (...) {
      failed_[static_cast<std::size_t>(t)] = std::current_exception();
    }
  }

  void serve(int t) {
    std::uint64_t seen = 0;
    for (;;) {
      round_.wait(seen, std::memory_order_acquire);
      seen = round_.load(std::memory_order_acquire);
      if (stopping_.load(std::memory_order_relaxed)) return;
      call(t);
      if (busy_.fetch_sub(1, std::memory_order_acq_rel) == 1) busy_.notify_one();
    }
  }

  std::vector<std::thread> threads_;
  std::atomic<std::uint64_t> round_{0};  ///< bumped for each round (and once to stop)
  std::atomic<int> busy_{0};             ///< helpers still in this round's work
  std::atomic<bool> stopping_{false};
  const std::function<void(int)>* work_ = nullptr;
  std::vector<std::exception_ptr> failed_;
};

}  // namespace cqm::checker
