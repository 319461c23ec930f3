#pragma once
// Breadth-first exhaustive search over a model's states, stored as fixed-size keys in an open-addressing hash
// set, with parent links so that each property's first violation is reported with a shortest path (fewest
// steps). The search goes on past a violation until every property it looks for is violated or the state
// space is exhausted, so one run gives a verdict per property.
//
// The model is any type with:
//   std::size_t key_words() const;            64-bit words per key; keys are compared bytewise
//   void initial(std::uint64_t* key);
//   Model fork() const;                       an independent copy for another thread
//   template <class Emit> void expand(const std::uint64_t* key, std::uint32_t look_for, Emit&& emit);
//       calls emit(std::uint16_t choice, const std::uint64_t* successor, std::uint32_t violated) for each
//       successor; `violated` is the mask of the `look_for` properties the step violates; a null successor is
//       one the model cannot represent (a bound of the model: the search becomes inconclusive); nothing for a
//       terminal state
//   std::uint32_t depth_bound() const;        an upper bound on the depth, for progress reports
//   std::size_t key_split() const;            optional: where the tree store splits a key (TreeStore)
//
// Determinism: a layer is cut into chunks expanded on up to `threads` threads; successors are inserted in
// layer order (a chunk's while later ones are expanded, with the tree store), so the states, their numbering,
// the statistics and the counterexamples are the same for any thread count.
#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <chrono>
#include <cstring>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "checker/fingerprint_store.hpp"
#include "checker/memory.hpp"
#include "checker/round_pool.hpp"
#include "checker/search.hpp"
#include "checker/state_store.hpp"
#include "checker/tree_store.hpp"

namespace cqm::checker {

inline constexpr int kMaxProperties = 32;

namespace detail {
// Successor buffers get 1/kRoundShare of a memory cap, within [kMinRoundBytes, kMaxRoundBytes]; without a cap
// the most. Before anything is known, a state is taken to have kFirstBranching successors.
inline constexpr std::uint64_t kRoundShare = 8;
inline constexpr std::uint64_t kMinRoundBytes = 1ull << 20;
inline constexpr std::uint64_t kMaxRoundBytes = 256ull << 20;
inline constexpr double kFirstBranching = 16;
inline constexpr double kMinRoundStates = 256;
// The store makes room for this many successors at a time: each growth is checked against the cap.
inline constexpr std::size_t kInsertGroup = 4096;
// The least a round's last chunks shrink to (with two threads or more); the most states a round expanded on
// one thread has, which is also the least a round's largest chunks have.
inline constexpr std::uint32_t kMinChunk = 64;
inline constexpr std::uint32_t kSmallRound = 256;

/// A round's states [begin, end) cut into the chunks the threads take one at a time: chunk c is [bounds[c],
/// bounds[c + 1]). One chunk on one thread, or for a round of at most kSmallRound states (handing a few
/// states to the other thread saves nothing measurable: 128 was tried, doc/performance.md's eleventh stop).
/// Otherwise several a thread, which even out uneven costs, and a chunk expanded is inserted while the next
/// are expanded; not many, for a chunk is what a successor is deduplicated against. 8 a thread, at least 256
/// states: the most states/s on bench/spin/big.toml, two threads, of 4, 8 and 16 (with the inserts
/// overlapped; 4 before them). The last chunks shrink with what is left of the round, to a quarter of it a
/// thread and at least kMinChunk, so that the threads run out of work together rather than up to a chunk
/// apart (fix-reconnect at quantum 5, two threads: layers of about 1 900 states, 1.85 cores busy with equal
/// chunks, 1.91 with these).
inline void cut_into_chunks(std::uint32_t begin, std::uint32_t end, int threads,
                            std::vector<std::uint32_t>& bounds) {
  bounds.assign(1, begin);
  if (threads <= 1 || end - begin <= kSmallRound) {
    bounds.push_back(end);
    return;
  }
  const auto n = static_cast<std::uint32_t>(threads);
  const std::uint32_t most = std::max<std::uint32_t>(kSmallRound, (end - begin + n * 8 - 1) / (n * 8));
  while (bounds.back() < end) {
    const std::uint32_t left = end - bounds.back();
    bounds.push_back(bounds.back() + std::min(left, std::clamp(left / (4 * n), kMinChunk, most)));
  }
}
}  // namespace detail

struct BfsResult {
  Outcome outcome = Outcome::complete;
  SearchStats stats;
  std::uint32_t violated = 0;  ///< the properties found violated
  /// For each violated property (by bit): the choices from the initial state to its first violation.
  std::array<std::vector<std::uint16_t>, kMaxProperties> paths;
  std::uint64_t truncated = 0;  ///< successors outside the model's bounds (not explored)
};

/// Told of each property's first violation as soon as its path is fixed (the property's bit, the path), on
/// the search's own thread between two rounds, while the search goes on: a caller can replay and draw the
/// counterexample meanwhile. Its time is not the search's (SearchStats::seconds leaves it out).
using ViolationFn = std::function<void(int property, const std::vector<std::uint16_t>& path)>;

/// `Store` is StateStore (every key, exact) or FingerprintStore (64-bit fingerprints, the frontier's keys).
template <class Store = StateStore, class Model>
BfsResult bfs(Model& model, std::uint32_t look_for, const Limits& limits, int threads,
              const ViolationFn& on_violation = {}) {
  using clock = std::chrono::steady_clock;
  auto t0 = clock::now();  // moved on by the time spent in on_violation
  const std::size_t words = model.key_words();
  BfsResult result;
  Store store = [&] {
    if constexpr (requires { Store(words, model.key_split()); })
      return Store(words, model.key_split());
    else
      return Store(words);
  }();
  {
    std::vector<std::uint64_t> first(words, 0);
    model.initial(first.data());
    store.insert(first.data(), StateStore::kNoParent, 0);
  }

  struct Found {
    std::uint32_t parent;
    std::uint16_t choice;
  };
  struct Successor {
    std::uint64_t hash;
    std::uint32_t parent;
    std::uint16_t choice;
  };
  // A successor equal to an earlier one of its chunk is dropped before the serial insert: the store would
  // find it a duplicate (the earlier one goes in first), so only the work changes, not the states, their
  // numbers or parents. Where layers never meet (a clock in the key) every duplicate is one of its own layer:
  // fix-reconnect at quantum 5 generates 3.3 M successors for 1.28 M states, and 87 % of the duplicates meet
  // within a chunk.
  struct Chunk {
    std::vector<std::uint64_t> keys;  ///< the successors' keys, `words` each
    std::vector<Successor> successors;
    std::vector<std::uint32_t> seen;  ///< an open-addressing index over `successors` (position + 1; 0 free)
    std::array<Found, kMaxProperties> found{};
    std::uint32_t found_mask = 0;
    std::uint64_t transitions = 0;
    std::uint64_t truncated = 0;

    /// Whether key k (hash h) equals a successor already in the chunk; if not, it is indexed as the next one.
    bool repeats(std::uint64_t h, const std::uint64_t* k, std::size_t words) {
      if ((successors.size() + 1) * 2 > seen.size()) {
        seen.assign(std::max<std::size_t>(1024, seen.size() * 2), 0);
        for (std::uint32_t j = 0; j < successors.size(); ++j) slot_for(successors[j].hash) = j + 1;
      }
      for (std::size_t at = h & (seen.size() - 1);; at = (at + 1) & (seen.size() - 1)) {
        if (seen[at] == 0) {
          seen[at] = static_cast<std::uint32_t>(successors.size() + 1);
          return false;
        }
        const std::size_t j = seen[at] - 1;
        if (successors[j].hash == h && std::memcmp(&keys[j * words], k, words * sizeof(std::uint64_t)) == 0)
          return true;
      }
    }
    std::uint32_t& slot_for(std::uint64_t h) {
      std::size_t at = h & (seen.size() - 1);
      while (seen[at] != 0) at = (at + 1) & (seen.size() - 1);
      return seen[at];
    }
    void clear() {
      keys.clear();
      successors.clear();
      std::fill(seen.begin(), seen.end(), 0);
      found_mask = 0;
      transitions = 0;
      truncated = 0;
    }
  };

  // Each helper's model is made on the helper's own thread, so that the allocator puts it (the object and
  // every buffer of its System) in another arena than this thread's: interleaved in one heap, the two
  // threads' models could share cache lines that both write on every event. Two threads were about 5 %
  // faster for it in alternated runs (doc/performance.md, the fifth stop).
  std::vector<std::unique_ptr<Model>> workers(static_cast<std::size_t>(std::max(threads, 1) - 1));
  std::optional<RoundPool> pool;  // after the models: its threads stop before the models go
  if (!workers.empty()) {
    pool.emplace(static_cast<int>(workers.size()));
    std::mutex forking;  // Model::fork is not promised to be safe from two threads at once
    pool->run([&](int t) {
      if (t == 0) return;
      std::lock_guard lock(forking);
      workers[static_cast<std::size_t>(t - 1)] = std::make_unique<Model>(model.fork());
    });
  }

  // Signals and the time limit are looked at within a chunk, so a search stops within milliseconds of either.
  auto stop_requested = [&] {
    if (limits.interrupted && limits.interrupted->load(std::memory_order_relaxed))
      return Outcome::interrupted;
    if (limits.max_seconds > 0 &&
        std::chrono::duration<double>(clock::now() - t0).count() > limits.max_seconds)
      return Outcome::limit_time;
    return Outcome::complete;
  };
  std::uint32_t remaining = look_for;
  auto expand_range = [&](Model& m, std::uint32_t from, std::uint32_t to, Chunk& out) {
    for (std::uint32_t i = from; i < to; ++i) {
      if ((i & 1023) == 0 && stop_requested() != Outcome::complete) return;
      m.expand(store.key(i), remaining,
               [&](std::uint16_t choice, const std::uint64_t* succ, std::uint32_t v) {
                 ++out.transitions;
                 for (std::uint32_t fresh = v & ~out.found_mask; fresh; fresh &= fresh - 1)
                   out.found[static_cast<std::size_t>(std::countr_zero(fresh))] = Found{i, choice};
                 out.found_mask |= v;
                 if (!succ) {
                   ++out.truncated;
                   return;
                 }
                 const std::uint64_t h = hash_key(succ, words);
                 if (out.repeats(h, succ, words)) return;
                 out.keys.insert(out.keys.end(), succ, succ + words);
                 out.successors.push_back({h, i, choice});
               });
    }
  };

  auto finish = [&](Outcome o) {
    result.outcome = o;
    result.stats.states = store.size();
    result.stats.bytes = store.bytes();
    result.stats.bytes_used = store.bytes_used();
    result.stats.seconds = std::chrono::duration<double>(clock::now() - t0).count();
    return result;
  };

  // --max-memory bounds what the process holds: what it held before the search (measured), the successor
  // buffers and the store, whose every growth is checked before it is made (doc/hardening.md).
  std::vector<Chunk> out;             // kept across rounds: its buffers are reused, not faulted in afresh
  std::vector<std::uint32_t> bounds;  // a round's chunk c: states [bounds[c], bounds[c + 1])
  const std::uint64_t held_before = limits.max_memory_bytes ? resident_bytes() : 0;
  auto buffer_bytes = [&] {
    std::uint64_t b = 0;
    for (const auto& c : out)
      b += c.keys.capacity() * 8 + c.successors.capacity() * sizeof(Successor) + c.seen.capacity() * 4;
    return b;
  };
  auto room_for = [&](std::size_t more) {
    if (limits.max_memory_bytes &&
        held_before + buffer_bytes() + store.growth_for(more).peak > limits.max_memory_bytes)
      return false;
    store.reserve_for(more);
    return true;
  };
  // A layer is expanded in rounds whose successor buffers stay near kRoundBytes (a fraction of the cap), so a
  // wide layer neither outgrows the cap in buffers nor waits for a whole layer to see a limit.
  const std::uint64_t round_bytes =
      limits.max_memory_bytes ? std::clamp<std::uint64_t>(limits.max_memory_bytes / detail::kRoundShare,
                                                          detail::kMinRoundBytes, detail::kMaxRoundBytes)
                              : detail::kMaxRoundBytes;
  std::uint64_t expanded = 0;
  // Successors a state, as far as known.
  const auto branching = [&] {
    return std::max(1.0, expanded
                             ? static_cast<double>(result.stats.transitions) / static_cast<double>(expanded)
                             : detail::kFirstBranching);
  };

  std::uint32_t layer_begin = 0;
  std::uint32_t layer_end = 1;
  while (layer_begin < layer_end) {
    for (std::uint32_t round_begin = layer_begin; round_begin < layer_end;) {
      const double per_state = static_cast<double>(words * 8 + sizeof(Successor)) * branching();
      const auto round_states = static_cast<std::uint32_t>(
          std::min<double>(std::max(static_cast<double>(round_bytes) / per_state, detail::kMinRoundStates),
                           layer_end - round_begin));
      const std::uint32_t round_end = round_begin + round_states;
      const std::uint32_t width = round_end - round_begin;
      // Chunks are consecutive slices of the round, expanded completely and concatenated in order, so how the
      // layer is cut (and so the thread count) changes nothing in the result.
      detail::cut_into_chunks(round_begin, round_end, threads, bounds);
      const auto chunks = static_cast<std::uint32_t>(bounds.size() - 1);
      if (out.size() < chunks) out.resize(chunks);
      for (std::uint32_t c = 0; c < chunks; ++c) out[c].clear();
      // Where the inserts have got to: chunk `at_chunk`, successor `at` of it. Chunks go in in order, whoever
      // inserts them, so the states and their numbers are those of inserting after the whole round.
      std::atomic<std::uint32_t> at_chunk{0};
      std::size_t at = 0;
      // Inserts from there, a group at a time with room made first (each growth checked against the cap when
      // `check`), up to the end of chunk `last`. Stops early, leaving the place, when a limit or the room
      // says so (`why`); the serial pass then stops at the same place with the outcome.
      Outcome why = Outcome::complete;
      auto insert_upto = [&](std::uint32_t last, bool check, auto&& may_go_on) {
        for (std::uint32_t c = at_chunk.load(std::memory_order_relaxed); c <= last && c < chunks; ++c) {
          constexpr std::size_t kAhead = 8;
          const auto& succ = out[c].successors;
          for (; at < succ.size(); ++at) {
            if (at % detail::kInsertGroup == 0) {
              const std::size_t group = std::min(detail::kInsertGroup, succ.size() - at);
              if (!may_go_on(group)) return false;
              if (check && !room_for(group)) {
                why = Outcome::limit_memory;
                return false;
              }
              if (!check) store.reserve_for(group);
              // A round's insert can take seconds (millions of successors): a signal or the time limit stops
              // it.
              if (const Outcome o = stop_requested(); o != Outcome::complete) {
                why = o;
                return false;
              }
            }
            if constexpr (requires { store.insert_run(out[c].keys.data(), succ.data(), std::size_t{1}); }) {
              // The rest of the group in one run, where the store has one (TreeStore: staged in batches whose
              // lookups overlap).
              const std::size_t end =
                  std::min(succ.size(), at + detail::kInsertGroup - at % detail::kInsertGroup);
              store.insert_run(&out[c].keys[at * words], succ.data() + at, end - at);
              at = end - 1;  // the loop's ++at ends the group
            } else {
              if (at + kAhead < succ.size()) store.prefetch(succ[at + kAhead].hash);
              store.insert(&out[c].keys[at * words], succ[at].hash, succ[at].parent, succ[at].choice);
            }
          }
          at = 0;
          at_chunk.store(c + 1, std::memory_order_release);
        }
        return true;
      };
      // The tree store's inserts read and grow only what the expansion does not read, but for the frontier's
      // keys: with room for the round's keys made first (and the round far within the memory cap), a chunk's
      // successors go in while later chunks are being expanded — one thread inserts, the other goes on
      // expanding — instead of after the whole round, on one core. Each group's room is made as the serial
      // pass makes it; a group past the keys' room is left to the serial pass.
      bool overlap = false;
      if constexpr (requires { store.key_room(); }) {
        const auto expect = static_cast<std::size_t>(static_cast<double>(width) * branching() * 1.25);
        overlap = chunks > 1 && threads > 1 &&
                  (!limits.max_memory_bytes ||
                   held_before + buffer_bytes() + round_bytes + store.growth_for(2 * expect).peak <=
                       limits.max_memory_bytes / 2);
        if (overlap) store.reserve_keys(expect);
      }
      std::vector<std::atomic<bool>> expanded_chunk(overlap ? chunks : 0);
      for (auto& e : expanded_chunk) e.store(false, std::memory_order_relaxed);
      std::atomic<bool> inserting{false};
      std::atomic<bool> overlapping{overlap};
      auto insert_expanded = [&] {
        // Whoever takes the flag inserts every chunk expanded so far, in order; a chunk finished meanwhile
        // by the other thread (which found the flag taken) is looked for again after the flag is let go.
        auto ready = [&] {
          const std::uint32_t c = at_chunk.load(std::memory_order_acquire);
          return overlapping.load(std::memory_order_relaxed) && c < chunks &&
                 expanded_chunk[c].load(std::memory_order_acquire);
        };
        while (ready() && !inserting.exchange(true, std::memory_order_acquire)) {
          std::uint32_t last = at_chunk.load(std::memory_order_relaxed);
          while (last + 1 < chunks && expanded_chunk[last + 1].load(std::memory_order_acquire)) ++last;
          const bool went_on = insert_upto(last, false, [&](std::size_t group) {
            if constexpr (requires { store.key_room(); })
              return store.key_room() >= group;
            else
              return false;  // no overlap: the store's inserts may move the keys the expansion reads
          });
          if (!went_on) overlapping.store(false, std::memory_order_relaxed);
          inserting.store(false, std::memory_order_release);
        }
      };
      auto slice = [&](std::uint32_t c, Model& m) {
        expand_range(m, bounds[c], bounds[c + 1], out[c]);
        if (overlap) {
          expanded_chunk[c].store(true, std::memory_order_release);
          insert_expanded();
        }
      };
      if (chunks == 1) {
        slice(0, model);
      } else {
        std::atomic<std::uint32_t> next{0};
        auto work = [&](Model& m) {
          for (std::uint32_t c = next++; c < chunks; c = next++) slice(c, m);
        };
        pool->run([&](int t) { work(t == 0 ? model : *workers[static_cast<std::size_t>(t - 1)]); });
      }
      expanded += width;
      // A violation found in this round is a shortest one for its property, even if the round was cut short
      // by a limit: every shallower layer was complete. The first in layer order: the same for any thread
      // count.
      for (std::uint32_t c = 0; c < chunks; ++c) {
        Chunk& chunk = out[c];
        result.stats.transitions += chunk.transitions;
        result.truncated += chunk.truncated;
        for (std::uint32_t fresh = chunk.found_mask & ~result.violated; fresh; fresh &= fresh - 1) {
          const auto p = static_cast<std::size_t>(std::countr_zero(fresh));
          result.paths[p] = store.path_to(chunk.found[p].parent);
          result.paths[p].push_back(chunk.found[p].choice);
          if (on_violation) {
            const auto called = clock::now();
            on_violation(static_cast<int>(p), result.paths[p]);
            t0 += clock::now() - called;
          }
        }
        result.violated |= chunk.found_mask;
      }
      // Once every property is violated the layer is still finished, so that the figures do not depend on how
      // it was cut into rounds; a limit hit meanwhile does not take the verdict away.
      const bool all_found = (look_for & ~result.violated) == 0;
      const auto stop_with = [&](Outcome o) { return finish(all_found ? Outcome::violation : o); };
      // What is left is inserted on this thread: hashes were computed in parallel, and the slot a few
      // successors ahead is prefetched so the random probes overlap. Room is made a group at a time, each
      // growth checked.
      why = Outcome::complete;
      if (!insert_upto(chunks, true, [](std::size_t) { return true; })) return stop_with(why);
      if (const Outcome o = stop_requested(); o != Outcome::complete) return stop_with(o);
      if (limits.max_states && store.size() > limits.max_states) return stop_with(Outcome::limit_states);
      if (limits.max_memory_bytes && held_before + buffer_bytes() + store.bytes() > limits.max_memory_bytes)
        return stop_with(Outcome::limit_memory);
      round_begin = round_end;
    }
    result.stats.depth += 1;
    remaining = look_for & ~result.violated;
    if (remaining == 0) return finish(Outcome::violation);
    layer_begin = layer_end;
    layer_end = static_cast<std::uint32_t>(store.size());
    store.release_before(layer_begin);
    if (limits.progress)
      limits.progress({"states", store.size(),
                       static_cast<double>(result.stats.depth) / std::max<double>(1, model.depth_bound()),
                       std::chrono::duration<double>(clock::now() - t0).count()});
  }
  return finish(result.truncated ? Outcome::limit_model : Outcome::complete);
}

}  // namespace cqm::checker
