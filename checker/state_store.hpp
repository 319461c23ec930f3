#pragma once
// The visited-state store of the exhaustive explorer: keys of a fixed number of 64-bit words (the model says
// how many) in one array in insertion (BFS) order, each with its parent's index and the choice that led to
// it, and an open-addressing hash index over them. Memory per state: 8 bytes a key word + 6, plus 4-8 bytes
// of hash slots (load factor 1/4 to 1/2).
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <utility>
#include <vector>

namespace cqm::checker {

/// 64-bit mix of a key (word-wise multiply-xorshift).
inline std::uint64_t hash_key(const std::uint64_t* key, std::size_t words) {
  std::uint64_t h = 0x9E3779B97F4A7C15ull;
  for (std::size_t i = 0; i < words; ++i) {
    h = (h ^ key[i]) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
  }
  return h;
}

class StateStore {
 public:
  static constexpr std::uint32_t kNoParent = UINT32_MAX;

  explicit StateStore(std::size_t words) : words_(words), slots_(1u << 12, 0) {}

  std::size_t words() const { return words_; }
  std::size_t size() const { return parents_.size(); }
  const std::uint64_t* key(std::uint32_t i) const { return &keys_[std::size_t{i} * words_]; }

  /// Adds the key if new. Returns true when it was new.
  bool insert(const std::uint64_t* k, std::uint32_t parent, std::uint16_t choice) {
    return insert(k, hash_key(k, words_), parent, choice);
  }

  /// The same with the key's hash_key() already computed (explorers hash in parallel, insert in order).
  bool insert(const std::uint64_t* k, std::uint64_t hash, std::uint32_t parent, std::uint16_t choice) {
    if ((size() + 1) * 2 > slots_.size()) rehash(slots_.size() * 2);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const std::uint32_t s = slots_[i];
      if (s == 0) {
        if (size() >= UINT32_MAX - 1) throw std::length_error("state store full (4 billion states)");
        keys_.insert(keys_.end(), k, k + words_);
        parents_.push_back(parent);
        choices_.push_back(choice);
        slots_[i] = static_cast<std::uint32_t>(size());
        return true;
      }
      if (std::memcmp(key(s - 1), k, words_ * sizeof(std::uint64_t)) == 0) return false;
    }
  }

  /// What reserve_for(more) would leave the store holding, and the most it holds on the way (an array and its
  /// replacement side by side while one is copied into the other).
  struct Growth {
    std::uint64_t bytes = 0;
    std::uint64_t peak = 0;
    /// An array of `now` bytes replaced by one of `then`: both are held while one is copied into the other.
    void replace(std::uint64_t now, std::uint64_t then) {
      if (then == now) return;
      peak = std::max(peak, bytes + then);
      bytes = bytes - now + then;
    }
  };
  Growth growth_for(std::size_t more) const {
    const std::size_t states = grown(parents_.capacity(), size() + more);
    const std::size_t slots = grown(slots_.size(), (size() + more) * 2);
    Growth g{bytes(), bytes()};
    // In reserve_for's order: keys, parents, choices, slots.
    for (auto [now, then] :
         {std::pair{keys_.capacity() * 8, states * words_ * 8},
          std::pair{parents_.capacity() * 4, states * 4}, std::pair{choices_.capacity() * 2, states * 2},
          std::pair{slots_.size() * 4, slots * 4}}) {
      if (then == now) continue;
      g.peak = std::max(g.peak, g.bytes + then);
      g.bytes = g.bytes - now + then;
    }
    return g;
  }

  /// Grows the arrays (doubling, as std::vector would) and the slot table (load at most 1/2) so that `more`
  /// states go in without another allocation: the explorer checks growth_for() against its memory cap first.
  void reserve_for(std::size_t more) {
    const std::size_t states = grown(parents_.capacity(), size() + more);
    keys_.reserve(states * words_);
    parents_.reserve(states);
    choices_.reserve(states);
    const std::size_t slots = grown(slots_.size(), (size() + more) * 2);
    if (slots != slots_.size()) rehash(slots);
  }

  /// The explorer has expanded every state before `first`; this store keeps their keys (they are its states).
  void release_before(std::uint32_t) {}

  /// Hints the cache about the slot a hash will probe (the probe is a random access into a large table).
  void prefetch(std::uint64_t hash) const { __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]); }

  /// The choices from the initial state to state i.
  std::vector<std::uint16_t> path_to(std::uint32_t i) const {
    std::vector<std::uint16_t> path;
    for (; parents_[i] != kNoParent; i = parents_[i]) path.push_back(choices_[i]);
    return {path.rbegin(), path.rend()};
  }

  /// Bytes per stored state, SPIN-style: key, parent link, choice, and the hash slots.
  std::uint64_t bytes_used() const { return size() * (words_ * 8 + 4 + 2) + slots_.size() * 4; }

  /// Bytes held (capacity, not size: what the process really pays; --max-memory compares this).
  std::uint64_t bytes() const {
    return keys_.capacity() * 8 + parents_.capacity() * 4 + choices_.capacity() * 2 + slots_.capacity() * 4;
  }

 private:
  static std::size_t grown(std::size_t capacity, std::size_t needed) {
    if (capacity >= needed) return capacity;
    std::size_t c = std::max<std::size_t>(capacity, kFirstCapacity);
    while (c < needed) c *= 2;
    return c;
  }
  static constexpr std::size_t kFirstCapacity = 1024;

  void rehash(std::size_t slots) {
    std::vector<std::uint32_t> bigger(slots, 0);
    const std::size_t mask = bigger.size() - 1;
    for (std::uint32_t idx = 0; idx < size(); ++idx) {
      std::size_t i = hash_key(key(idx), words_) & mask;
      while (bigger[i] != 0) i = (i + 1) & mask;
      bigger[i] = idx + 1;
    }
    slots_.swap(bigger);
  }

  std::size_t words_;
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> parents_;
  std::vector<std::uint16_t> choices_;
  std::vector<std::uint32_t> slots_;
};

}  // namespace cqm::checker
