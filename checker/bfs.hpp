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
// Determinism: a layer is cut into chunks expanded on up to `threads` threads; successors are inserted in chunk
// order, so the states, their numbering and the counterexample are the same for any thread count.
#include <chrono>
#include <cstring>
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
    std::uint32_t parent;
    std::uint16_t choice;
    Key key;
  };
  struct Chunk {
    std::vector<Successor> successors;
    std::optional<Found> found;
    std::uint64_t transitions = 0;
  };

  std::vector<Model> workers;
  for (int i = 1; i < threads; ++i) workers.push_back(model.fork());

  auto expand_range = [&](Model& m, std::uint32_t from, std::uint32_t to, Chunk& out) {
    for (std::uint32_t i = from; i < to && !out.found; ++i) {
      const Key k = store.key(i);
      m.expand(k, [&](std::uint16_t choice, const Key& succ, const V* v) {
        ++out.transitions;
        if (v && !out.found) out.found = Found{i, choice, *v};
        out.successors.push_back({i, choice, succ});
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
  while (layer_begin < layer_end) {
    const std::uint32_t width = layer_end - layer_begin;
    // Small layers are not worth a thread; chunk boundaries depend only on the layer, not on the thread count.
    constexpr std::uint32_t kChunk = 4096;
    const std::uint32_t chunks = (width + kChunk - 1) / kChunk;
    std::vector<Chunk> out(chunks);
    if (threads <= 1 || chunks == 1) {
      for (std::uint32_t c = 0; c < chunks; ++c)
        expand_range(model, layer_begin + c * kChunk, std::min(layer_end, layer_begin + (c + 1) * kChunk), out[c]);
    } else {
      std::vector<std::thread> pool;
      for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
          Model& m = t == 0 ? model : workers[t - 1];
          for (std::uint32_t c = t; c < chunks; c += threads)
            expand_range(m, layer_begin + c * kChunk, std::min(layer_end, layer_begin + (c + 1) * kChunk), out[c]);
        });
      for (auto& th : pool) th.join();
    }
    for (auto& chunk : out) {
      result.stats.transitions += chunk.transitions;
      if (chunk.found) {
        // The first violation in layer order: a shortest counterexample, the same for any thread count.
        result.path = store.path_to(chunk.found->parent);
        result.path.push_back(chunk.found->choice);
        result.violation = std::move(chunk.found->violation);
        result.stats.depth += 1;
        return finish(Outcome::violation);
      }
      for (const auto& s : chunk.successors) store.insert(s.key, s.parent, s.choice);
    }
    result.stats.depth += 1;
    layer_begin = layer_end;
    layer_end = static_cast<std::uint32_t>(store.size());
    if (limits.max_states && store.size() > limits.max_states) return finish(Outcome::limit_states);
    if (limits.max_memory_bytes && store.bytes() > limits.max_memory_bytes) return finish(Outcome::limit_memory);
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
