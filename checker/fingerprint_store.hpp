#pragma once
// The exhaustive explorer's store in fingerprint mode (--fingerprints), as TLC stores states: a visited state
// is its 64-bit fingerprint (the key's hash_key) in an open-addressing table kept 80-90 % full, so a state
// costs 8.9-10 bytes in memory. Only the keys of the layer being expanded and of the next one are kept, to be
// expanded; the parent links that rebuild a counterexample go to a temporary file, 6 bytes a state, read back
// only when a violation is found. Two distinct states with one fingerprint would make the search skip the
// second: the verdict HOLDS then holds "up to fingerprint collisions", with TLC's estimate of their
// probability. A violation is replayed through the model from its path, so it stays exact.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <vector>

#include "checker/state_store.hpp"

namespace cqm::checker {

class FingerprintStore {
 public:
  static constexpr std::uint32_t kNoParent = StateStore::kNoParent;

  explicit FingerprintStore(std::size_t words) : words_(words), links_(std::tmpfile(), &std::fclose) {
    if (!links_)
      throw std::runtime_error("fingerprint mode: cannot create a temporary file for parent links");
    table_.assign(kFirstSlots, 0);
  }

  std::size_t words() const { return words_; }
  std::size_t size() const { return size_; }
  /// The key of state i: only states of the layer being expanded and later ones are kept (release_before).
  const std::uint64_t* key(std::uint32_t i) const { return &keys_[(std::size_t{i} - first_kept_) * words_]; }

  bool insert(const std::uint64_t* k, std::uint32_t parent, std::uint16_t choice) {
    return insert(k, hash_key(k, words_), parent, choice);
  }

  bool insert(const std::uint64_t* k, std::uint64_t hash, std::uint32_t parent, std::uint16_t choice) {
    if (size_ + 1 > table_.size() / 10 * 9) rehash(slots_for(size_ + 1));
    const std::uint64_t fp = fingerprint(hash);
    for (std::size_t i = slot_of(fp, table_.size());; i = i + 1 == table_.size() ? 0 : i + 1) {
      if (table_[i] == fp) return false;
      if (table_[i] == 0) {
        if (size_ >= UINT32_MAX - 1) throw std::length_error("state store full (4 billion states)");
        table_[i] = fp;
        keys_.insert(keys_.end(), k, k + words_);
        const Link link{parent, choice};
        if (std::fwrite(&link, kLinkBytes, 1, links_.get()) != 1)
          throw std::runtime_error("fingerprint mode: cannot write the parent links' temporary file");
        ++size_;
        return true;
      }
    }
  }

  /// The explorer has expanded every state before `first`: their keys are dropped.
  void release_before(std::uint32_t first) {
    if (first <= first_kept_) return;
    keys_.erase(keys_.begin(), keys_.begin() + static_cast<std::ptrdiff_t>((first - first_kept_) * words_));
    first_kept_ = first;
  }

  using Growth = StateStore::Growth;
  /// What taking `more` states would hold, and the most held on the way (an array and its replacement side
  /// by side while one is copied into the other).
  Growth growth_for(std::size_t more) const {
    Growth g{bytes(), bytes()};
    const auto grow = [&g](std::uint64_t now, std::uint64_t then) { g.replace(now, then); };
    grow(table_.size() * 8, (needs_rehash(more) ? slots_for(size_ + more) : table_.size()) * 8);
    grow(keys_.capacity() * 8, key_capacity_for(more) * 8);
    return g;
  }
  void reserve_for(std::size_t more) {
    if (needs_rehash(more)) rehash(slots_for(size_ + more));
    keys_.reserve(key_capacity_for(more));
  }

  void prefetch(std::uint64_t hash) const {
    __builtin_prefetch(&table_[slot_of(fingerprint(hash), table_.size())]);
  }

  std::vector<std::uint16_t> path_to(std::uint32_t i) const {
    if (std::fflush(links_.get()) != 0)
      throw std::runtime_error("fingerprint mode: cannot flush parent links");
    std::vector<std::uint16_t> path;
    for (Link link = read(i); link.parent != kNoParent; link = read(link.parent)) path.push_back(link.choice);
    return {path.rbegin(), path.rend()};
  }

  /// In memory per state: the fingerprint table (the frontier's keys come and go with the layers; the parent
  /// links are on disk).
  std::uint64_t bytes_used() const { return table_.size() * 8; }
  /// Held: the table and the frontier's keys.
  std::uint64_t bytes() const { return table_.size() * 8 + keys_capacity(); }

  /// TLC's "calculated (optimistic)" estimate of the probability that two distinct states of the search had
  /// one fingerprint: n (g - n) / 2^64, n the distinct states, g the states generated (transitions).
  static double collision_probability(std::uint64_t distinct, std::uint64_t generated) {
    const double n = static_cast<double>(distinct);
    const double g = static_cast<double>(std::max(generated, distinct));
    return n * (g - n) / 18446744073709551616.0;
  }

 private:
  struct Link {
    std::uint32_t parent;
    std::uint16_t choice;
  };
  static constexpr std::size_t kLinkBytes = 6;  ///< parent and choice, packed in the file
  static constexpr std::size_t kFirstSlots = 1024;

  // 0 marks a free slot: the one fingerprint it would be is taken as 1.
  static std::uint64_t fingerprint(std::uint64_t hash) { return hash == 0 ? 1 : hash; }
  // The high bits of the fingerprint scaled to the table (its size need not be a power of two).
  static std::size_t slot_of(std::uint64_t fp, std::size_t slots) {
    return static_cast<std::size_t>((static_cast<unsigned __int128>(fp) * slots) >> 64);
  }
  // Rehashed when 90 % full, to 80 % full.
  static std::size_t slots_for(std::size_t states) { return std::max(kFirstSlots, states / 4 * 5 + 5); }
  bool needs_rehash(std::size_t more) const { return size_ + more > table_.size() / 10 * 9; }
  std::size_t kept() const { return size_ - first_kept_; }
  std::size_t key_capacity_for(std::size_t more) const {
    const std::size_t needed = (kept() + more) * words_;
    return needed <= keys_.capacity() ? keys_.capacity() : std::max(needed, keys_.capacity() * 2);
  }
  std::uint64_t keys_capacity() const { return keys_.capacity() * 8; }

  void rehash(std::size_t slots) {
    std::vector<std::uint64_t> bigger(slots, 0);
    for (const std::uint64_t fp : table_) {
      if (fp == 0) continue;
      std::size_t i = slot_of(fp, slots);
      while (bigger[i] != 0) i = i + 1 == slots ? 0 : i + 1;
      bigger[i] = fp;
    }
    table_.swap(bigger);
  }

  Link read(std::uint32_t i) const {
    Link link{};
    if (std::fseek(links_.get(), static_cast<long>(std::size_t{i} * kLinkBytes), SEEK_SET) != 0 ||
        std::fread(&link, kLinkBytes, 1, links_.get()) != 1)
      throw std::runtime_error("fingerprint mode: cannot read the parent links' temporary file");
    // Reading moved the file position: appends go on at the end.
    std::fseek(links_.get(), 0, SEEK_END);
    return link;
  }

  std::size_t words_;
  std::size_t size_ = 0;
  std::uint32_t first_kept_ = 0;
  std::vector<std::uint64_t> table_;
  std::vector<std::uint64_t> keys_;
  std::unique_ptr<std::FILE, decltype(&std::fclose)> links_;
};

}  // namespace cqm::checker
