#pragma once
// Breadth-first exhaustive search over a model's states, stored as fixed-size keys in an open-addressing hash
// set, with parent links so the first violation found is reported with a shortest path (fewest steps).
//
// The model is any type with:
//   using Key = ...;                       trivially copyable, compared bytewise
//   Key initial();
//   Model fork() const;                    an independent copy for another thread
//   template <class Emit> void expand(const Key& k, Emit&& emit);
//       calls emit(std::uint16_t choice, const Key& successor, const V* violation) for each successor,
//       violation null when the step keeps every property; nothing for a terminal state
//   std::uint32_t depth_bound() const;     an upper bound on the depth, for progress reports
// and V a copyable violation description of the model's choosing.
//
// Determinism: a layer is cut into chunks expanded on up to `threads` threads; successors are inserted in
// layer order, so the states, their numbering, the statistics and the counterexample are the same for any
// thread count.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <functional>
#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

#include "checker/search.hpp"
#include "checker/state_store.hpp"

namespace cqm::checker {

template <class V>
struct BfsResult {
  Outcome outcome = Outcome::complete;
  SearchStats stats;
  std::vector<std::uint16_t> path;  ///< choices from the initial state to the violating state
  std::optional<V> violation;
};

template <class Model>
auto bfs(Model& model, const Limits& limits, int threads) {
  using Key = typename Model::Key;
  using V = typename Model::Violation;
  static_assert(std::is_trivially_copyable_v<Key>);
  using clock = std::chrono::steady_clock;
  const auto t0 = clock::now();
  BfsResult<V> result;
  StateStore<Key> store;
  store.insert(model.initial(), StateStore<Key>::kNoParent, 0);

  struct Found {
    std::uint32_t parent;
    std::uint16_t choice;
    V violation;
  };
  struct Successor {
    Key key;
    std::uint64_t hash;
    std::uint32_t parent;
    std::uint16_t choice;
  };
  struct Chunk {
    std::vector<Successor> successors;
    std::optional<Found> found;
    std::uint64_t transitions = 0;
  };

  std::vector<Model> workers;
  for (int i = 1; i < threads; ++i) workers.push_back(model.fork());

  // A signal is honoured within a chunk, so a search stops within milliseconds of Ctrl-C.
  auto stop_requested = [&] {
    return limits.interrupted && limits.interrupted->load(std::memory_order_relaxed);
  };
  auto expand_range = [&](Model& m, std::uint32_t from, std::uint32_t to, Chunk& out) {
    for (std::uint32_t i = from; i < to; ++i) {
      if ((i & 1023) == 0 && stop_requested()) return;
      const Key k = store.key(i);
      m.expand(k, [&](std::uint16_t choice, const Key& succ, const V* v) {
        ++out.transitions;
        if (v && !out.found) out.found = Found{i, choice, *v};
        out.successors.push_back({succ, hash_key(succ), i, choice});
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

  std::uint32_t layer_begin = 0;
  std::uint32_t layer_end = 1;
  std::vector<Chunk> out;  // kept across layers: its buffers are reused, not faulted in afresh
  while (layer_begin < layer_end) {
    const std::uint32_t width = layer_end - layer_begin;
    // Chunks are consecutive slices of the layer, expanded completely and concatenated in order, so how the
    // layer is cut (and so the thread count) changes nothing in the result. Several chunks per thread even
    // out uneven costs.
    const std::uint32_t per_chunk =
        threads <= 1 ? width : std::max<std::uint32_t>(256, (width + threads * 8 - 1) / (threads * 8));
    const std::uint32_t chunks = (width + per_chunk - 1) / per_chunk;
    if (out.size() < chunks) out.resize(chunks);
    for (std::uint32_t c = 0; c < chunks; ++c) {
      out[c].successors.clear();
      out[c].found.reset();
      out[c].transitions = 0;
    }
    auto slice = [&](std::uint32_t c, Model& m) {
      expand_range(m, layer_begin + c * per_chunk, std::min(layer_end, layer_begin + (c + 1) * per_chunk),
                   out[c]);
    };
    if (chunks == 1) {
      slice(0, model);
    } else {
      std::atomic<std::uint32_t> next{0};
      auto work = [&](Model& m) {
        for (std::uint32_t c = next++; c < chunks; c = next++) slice(c, m);
      };
      std::vector<std::thread> pool;
      for (int t = 1; t < threads; ++t) pool.emplace_back(work, std::ref(workers[t - 1]));
      work(model);
      for (auto& th : pool) th.join();
    }
    // A violation found in this layer is still a shortest one, even if the layer was cut short by a signal:
    // every shallower layer was complete.
    for (std::uint32_t c = 0; c < chunks; ++c) {
      Chunk& chunk = out[c];
      result.stats.transitions += chunk.transitions;
      if (chunk.found) {
        // The first violation in layer order: a shortest counterexample, the same for any thread count.
        result.path = store.path_to(chunk.found->parent);
        result.path.push_back(chunk.found->choice);
        result.violation = std::move(chunk.found->violation);
        result.stats.depth += 1;
        return finish(Outcome::violation);
      }
      // Insertion is the serial part: hashes were computed in parallel, and the slot a few successors ahead
      // is prefetched so the random probes overlap.
      constexpr std::size_t kAhead = 8;
      const auto& succ = chunk.successors;
      for (std::size_t i = 0; i < succ.size(); ++i) {
        if (i + kAhead < succ.size()) store.prefetch(succ[i + kAhead].hash);
        store.insert(succ[i].key, succ[i].hash, succ[i].parent, succ[i].choice);
      }
    }
    if (stop_requested()) return finish(Outcome::interrupted);
    result.stats.depth += 1;
    layer_begin = layer_end;
    layer_end = static_cast<std::uint32_t>(store.size());
    if (limits.max_states && store.size() > limits.max_states) return finish(Outcome::limit_states);
    if (limits.max_memory_bytes && store.bytes() > limits.max_memory_bytes)
      return finish(Outcome::limit_memory);
    if (limits.max_seconds > 0 &&
        std::chrono::duration<double>(clock::now() - t0).count() > limits.max_seconds)
      return finish(Outcome::limit_time);
    if (limits.interrupted && limits.interrupted->load()) return finish(Outcome::interrupted);
    if (limits.progress)
      limits.progress({"states", store.size(),
                       static_cast<double>(result.stats.depth) / std::max<double>(1, model.depth_bound()),
                       std::chrono::duration<double>(clock::now() - t0).count()});
  }
  return finish(Outcome::complete);
}

}  // namespace cqm::checker
