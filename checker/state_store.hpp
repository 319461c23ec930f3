#pragma once
// The visited-state store of the exhaustive explorer: keys in one array in insertion (BFS) order, each with
// its parent's index and the choice that led to it, and an open-addressing hash index over them. Memory per
// state: sizeof(Key) + 6 bytes, plus 4-8 bytes of hash slots (load factor 1/4 to 1/2).
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace cqm::checker {

/// 64-bit mix of a trivially copyable key (word-wise multiply-xorshift; keys are small).
template <class Key>
std::uint64_t hash_key(const Key& k) {
  static_assert(sizeof(Key) % 8 == 0, "keys are padded to whole 64-bit words");
  std::uint64_t h = 0x9E3779B97F4A7C15ull;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(&k);
  for (std::size_t i = 0; i < sizeof(Key); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
  }
  return h;
}

template <class Key>
class StateStore {
 public:
  static constexpr std::uint32_t kNoParent = UINT32_MAX;

  StateStore() : slots_(1u << 12, 0) {}

  std::size_t size() const { return keys_.size(); }
  const Key& key(std::uint32_t i) const { return keys_[i]; }

  /// Adds the key if new. Returns true when it was new.
  bool insert(const Key& k, std::uint32_t parent, std::uint16_t choice) {
    return insert(k, hash_key(k), parent, choice);
  }

  /// The same with the key's hash_key() already computed (explorers hash in parallel, insert in order).
  bool insert(const Key& k, std::uint64_t hash, std::uint32_t parent, std::uint16_t choice) {
    if ((keys_.size() + 1) * 2 > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const std::uint32_t s = slots_[i];
      if (s == 0) {
        if (keys_.size() >= UINT32_MAX - 1) throw std::length_error("state store full (4 billion states)");
        keys_.push_back(k);
        parents_.push_back(parent);
        choices_.push_back(choice);
        slots_[i] = static_cast<std::uint32_t>(keys_.size());
        return true;
      }
      if (std::memcmp(&keys_[s - 1], &k, sizeof(Key)) == 0) return false;
    }
  }

  /// Hints the cache about the slot a hash will probe (the probe is a random access into a large table).
  void prefetch(std::uint64_t hash) const { __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]); }

  /// The choices from the initial state to state i.
  std::vector<std::uint16_t> path_to(std::uint32_t i) const {
    std::vector<std::uint16_t> path;
    for (; parents_[i] != kNoParent; i = parents_[i]) path.push_back(choices_[i]);
    return {path.rbegin(), path.rend()};
  }

  /// Bytes per stored state, SPIN-style: key, parent link, choice, and the hash slots.
  std::uint64_t bytes_used() const { return keys_.size() * (sizeof(Key) + 4 + 2) + slots_.size() * 4; }

  /// Bytes held (capacity, not size: what the process really pays; --max-memory compares this).
  std::uint64_t bytes() const {
    return keys_.capacity() * sizeof(Key) + parents_.capacity() * 4 + choices_.capacity() * 2 +
           slots_.capacity() * 4;
  }

 private:
  void grow() {
    std::vector<std::uint32_t> bigger(slots_.size() * 2, 0);
    const std::size_t mask = bigger.size() - 1;
    for (std::uint32_t idx = 0; idx < keys_.size(); ++idx) {
      std::size_t i = hash_key(keys_[idx]) & mask;
      while (bigger[i] != 0) i = (i + 1) & mask;
      bigger[i] = idx + 1;
    }
    slots_.swap(bigger);
  }

  std::vector<Key> keys_;
  std::vector<std::uint32_t> parents_;
  std::vector<std::uint16_t> choices_;
  std::vector<std::uint32_t> slots_;
};

}  // namespace cqm::checker
