#pragma once
// What every explorer shares: the limits that may stop it, the figures it reports, how it ended. Explorers
// know nothing of the CQM; they never print: they return a result.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace cqm::checker {

/// How far a long search has come; explorers report it, the command line draws it (explorers never print).
struct Progress {
  const char* unit = "states";  ///< what `done` counts
  std::uint64_t done = 0;
  double fraction = -1;  ///< 0..1 when known, else negative
  double seconds = 0;
};
using ProgressFn = std::function<void(const Progress&)>;

/// Caps on a search. Reaching one ends it with an inconclusive outcome, never a silent pass.
struct Limits {
  std::uint64_t max_states = 0;                    ///< 0: no cap
  std::uint64_t max_memory_bytes = 0;              ///< 0: no cap
  double max_seconds = 0;                          ///< 0: no cap
  const std::atomic<bool>* interrupted = nullptr;  ///< set by a signal handler: stop as soon as possible
  ProgressFn progress;                             ///< called between layers / batches, when set
};

/// Part `index` of `count` of a piece of work cut into equal, disjoint parts (`--shard i/N`): an estimate's
/// sites, a sweep's cells, a random search's batches. The shards' results, merged in index order, are the
/// whole's (stats/shards.hpp, results/random_shards.hpp).
struct Shard {
  std::uint64_t index = 0;
  std::uint64_t count = 1;
  /// The part's contiguous share of [0, total): [first, last).
  std::uint64_t first(std::uint64_t total) const { return part(total, index); }
  std::uint64_t last(std::uint64_t total) const { return part(total, index + 1); }

 private:
  std::uint64_t part(std::uint64_t total, std::uint64_t k) const {
    // total * k / count without overflow: both fit in 64 bits, their product in 128.
    return static_cast<std::uint64_t>(static_cast<unsigned __int128>(total) * k / count);
  }
};

enum class Outcome {
  complete,      ///< every reachable state (or run) checked, no violation
  violation,     ///< a counterexample was found (for everything looked for)
  limit_states,  ///< stopped by max_states: inconclusive
  limit_memory,  ///< stopped by max_memory: inconclusive
  limit_time,    ///< stopped by max_seconds: inconclusive
  interrupted,   ///< stopped by a signal: inconclusive
  limit_model,   ///< some states lay past a bound of the model (e.g. its queue bound): inconclusive
};

inline bool inconclusive(Outcome o) { return o != Outcome::complete && o != Outcome::violation; }

inline const char* outcome_name(Outcome o) {
  switch (o) {
    case Outcome::complete:
      return "complete";
    case Outcome::violation:
      return "violation";
    case Outcome::limit_states:
      return "state limit reached";
    case Outcome::limit_memory:
      return "memory limit reached";
    case Outcome::limit_time:
      return "time limit reached";
    case Outcome::interrupted:
      return "interrupted";
    case Outcome::limit_model:
      return "model bound reached";
  }
  return "?";
}

/// SPIN-style summary of an exhaustive search.
struct SearchStats {
  std::uint64_t states = 0;       ///< distinct states stored
  std::uint64_t transitions = 0;  ///< successors generated (including those already seen)
  std::uint32_t depth = 0;        ///< BFS layers completed
  double seconds = 0;
  std::uint64_t bytes = 0;       ///< memory held by the state store and hash table at the end (capacity)
  std::uint64_t bytes_used = 0;  ///< of which states, links and hash slots in use
  double bytes_per_state() const {
    return states ? static_cast<double>(bytes_used) / static_cast<double>(states) : 0;
  }
  double states_per_second() const { return seconds > 0 ? static_cast<double>(states) / seconds : 0; }
};

}  // namespace cqm::checker
