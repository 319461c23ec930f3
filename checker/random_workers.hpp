#pragma once
// The random explorer on several cores. RapidCheck keeps its implicit parameters (the generation context) in
// plain statics, so two of its checks cannot run in one process at a time: the workers are processes. A run
// of batches is cut by batch number, as one process would do them: worker w of W takes batches w, w + W, … of
// its range, each a RapidCheck check of the same seed and size as the serial search's, without shrinking, and
// reports on a pipe whether it passed, with its runs and its states. The parent commits the reports in batch
// order and stops at the first batch that did not pass (a failure, a limit, a worker gone): the serial search
// takes over from there and runs that batch itself, shrinking included. So the runs, states, counterexample
// and shrink steps are the serial search's, whatever the number of workers; only time-limited runs differ, as
// they would between two serial runs.
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <optional>
#include <vector>

namespace cqm::checker {

/// One batch's report from a worker (or a shard): fixed size, written whole (below PIPE_BUF, so never
/// interleaved).
struct BatchReport {
  std::uint64_t batch = 0;
  std::uint64_t states = 0;  ///< states the batch visited (the worker's count before and after)
  std::uint32_t passed = 0;
  std::uint32_t pad = 0;
};

}  // namespace cqm::checker

namespace cqm::checker::detail {

struct Prefix {
  std::uint64_t batches = 0;  ///< leading batches that passed
  std::uint64_t runs = 0;     ///< their runs
};

/// Runs `run_batch(b)` for batches [first, first + count) in `workers` forked processes and returns the
/// passing prefix. `run_batch(b)` returns whether batch b passed (every run held, no limit hit); `states()`
/// is the caller's state count, `add_states(n)` adds a committed batch's states to it in the parent,
/// `runs_of(b)` is batch b's run count, `committed(runs)` is called after each commit (progress), and
/// `stop()` says a signal or a limit stops the search: the parent stops waiting then, so a worker that hangs
/// cannot hold the search past its limit.
template <class RunBatch, class States, class AddStates, class RunsOf, class Committed, class Stop>
Prefix passing_prefix(int workers, std::uint64_t first, std::uint64_t count, RunBatch run_batch,
                      States states, AddStates add_states, RunsOf runs_of, Committed committed, Stop stop) {
  struct Worker {
    pid_t pid = -1;
    int fd = -1;
  };
  std::vector<Worker> pool;
  for (int w = 0; w < workers && static_cast<std::uint64_t>(w) < count; ++w) {
    int fds[2];
    if (::pipe(fds) != 0) break;  // fewer workers: the serial search does the rest
    const pid_t pid = ::fork();
    if (pid < 0) {
      ::close(fds[0]);
      ::close(fds[1]);
      break;
    }
    if (pid == 0) {  // the worker: its batches in order, until one does not pass
      ::close(fds[0]);
      for (const auto& other : pool) ::close(other.fd);
      for (std::uint64_t b = first + static_cast<std::uint64_t>(w); b < first + count;
           b += static_cast<std::uint64_t>(workers)) {
        BatchReport report;
        report.batch = b;
        const std::uint64_t before = states();
        try {
          report.passed = run_batch(b) ? 1 : 0;
        } catch (...) {
          // Never past here with the parent's stack: unreported, the batch is run again by the parent, where
          // the exception is the caller's.
          ::_exit(1);
        }
        report.states = states() - before;
        if (::write(fds[1], &report, sizeof report) != sizeof report || !report.passed) break;
      }
      ::_exit(0);  // no destructors, no atexit handlers: they belong to the parent
    }
    ::close(fds[1]);
    pool.push_back({pid, fds[0]});
  }

  std::vector<std::optional<BatchReport>> reports(count);
  Prefix prefix;
  std::size_t open = pool.size();
  // Commits the next batch if its report is in and it passed.
  const auto commit_next = [&] {
    const auto& r = reports[prefix.batches];
    if (!r || !r->passed) return false;
    add_states(r->states);
    prefix.runs += runs_of(first + prefix.batches);
    ++prefix.batches;
    committed(prefix.runs);
    return true;
  };
  while (prefix.batches < count && open > 0) {
    if (commit_next()) continue;
    if (reports[prefix.batches]) break;  // reported, and did not pass
    // The next batch's worker is gone (or was never started) without reporting it: the serial search runs it.
    if (const auto owner = prefix.batches % static_cast<std::uint64_t>(workers);
        owner >= pool.size() || pool[owner].fd < 0)
      break;
    if (stop()) break;
    std::vector<pollfd> fds;
    for (const auto& w : pool)
      if (w.fd >= 0) fds.push_back({w.fd, POLLIN, 0});
    if (::poll(fds.data(), fds.size(), 100) < 0 && errno != EINTR) break;
    for (const auto& p : fds) {
      if (!(p.revents & (POLLIN | POLLHUP | POLLERR))) continue;
      BatchReport report;
      const ssize_t n = ::read(p.fd, &report, sizeof report);
      if (n == static_cast<ssize_t>(sizeof report) && report.batch >= first && report.batch < first + count) {
        reports[report.batch - first] = report;
        continue;
      }
      for (auto& w : pool)  // end of file (or a broken report): the worker is done
        if (w.fd == p.fd) {
          ::close(w.fd);
          w.fd = -1;
          --open;
        }
    }
  }
  // Whatever the workers still do is past the prefix: stopped, and waited for.
  for (auto& w : pool) {
    if (w.fd >= 0) ::close(w.fd);
    ::kill(w.pid, SIGKILL);
    while (::waitpid(w.pid, nullptr, 0) < 0 && errno == EINTR) {
    }
  }
  // A report that arrived with the last poll still counts, in order.
  while (prefix.batches < count && commit_next()) {
  }
  return prefix;
}

}  // namespace cqm::checker::detail
