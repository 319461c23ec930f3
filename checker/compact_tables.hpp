#pragma once
// The compact tables of the tree store (checker/tree_store.hpp): an array grown a block at a time, a table of
// 64-bit keys with 32-bit values in cache-line buckets (the nodes), and a set of 64-bit values (the roots).
#include <algorithm>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "checker/state_store.hpp"

namespace cqm::checker {

namespace detail {

/// An array grown a block at a time: growing copies nothing (only the small array of block pointers) and
/// leaves at most one block unused, where a doubling vector may hold twice what it uses.
template <class T>
class BlockArray {
 public:
  static constexpr std::size_t kShift = 14;
  static constexpr std::size_t kBlock = std::size_t{1} << kShift;

  std::size_t size() const { return size_; }
  std::size_t capacity() const { return blocks_.size() << kShift; }
  T operator[](std::size_t i) const { return blocks_[i >> kShift][i & (kBlock - 1)]; }
  void push_back(T v) {
    if (size_ == capacity()) reserve(size_ + 1);
    blocks_[size_ >> kShift][size_ & (kBlock - 1)] = v;
    ++size_;
  }
  std::uint64_t bytes() const { return bytes_with(blocks_.size(), blocks_.capacity()); }

  /// What reserve(n) does to g: the pointer array alone is replaced (old and new side by side a moment).
  void grow(StateStore::Growth& g, std::size_t n) const {
    const std::size_t blocks = blocks_for(n);
    if (blocks <= blocks_.size()) return;
    const std::size_t pointers = pointers_for(blocks);
    if (pointers != blocks_.capacity()) g.peak = std::max(g.peak, g.bytes + pointers * sizeof(void*));
    g.bytes += bytes_with(blocks, pointers) - bytes();
    g.peak = std::max(g.peak, g.bytes);
  }
  void reserve(std::size_t n) {
    const std::size_t blocks = blocks_for(n);
    if (blocks <= blocks_.size()) return;
    blocks_.reserve(pointers_for(blocks));
    while (blocks_.size() < blocks) blocks_.emplace_back(new T[kBlock]);
  }

 private:
  static std::size_t blocks_for(std::size_t n) { return (n + kBlock - 1) >> kShift; }
  std::size_t pointers_for(std::size_t blocks) const {
    return blocks <= blocks_.capacity() ? blocks_.capacity() : std::max(blocks, 2 * blocks_.capacity());
  }
  static std::uint64_t bytes_with(std::size_t blocks, std::size_t pointers) {
    return std::uint64_t{blocks} * kBlock * sizeof(T) + std::uint64_t{pointers} * sizeof(void*);
  }

  std::vector<std::unique_ptr<T[]>> blocks_;
  std::size_t size_ = 0;
};

/// Open addressing over buckets of one cache line: 5 nonzero 64-bit keys with a 32-bit value each, and a flag
/// set when a key found the bucket full and went on. Buckets fill from the left and nothing is removed, so a
/// lookup stops at a free slot, or at a full bucket whose flag is clear.
class BucketTable {
 public:
  static constexpr std::size_t kWays = 5;

  std::size_t buckets() const { return buckets_.size(); }
  std::size_t slots() const { return buckets() * kWays; }
  std::uint64_t bytes() const { return buckets_.capacity() * sizeof(Bucket); }
  static std::uint64_t bytes_for(std::size_t buckets) { return buckets * sizeof(Bucket); }
  void prefetch(std::size_t b) const { __builtin_prefetch(&buckets_[b]); }

  /// The value kept with `key` (nonzero), looked for from bucket `home`, else fresh() kept with it; and
  /// whether it was new.
  template <class Fresh>
  std::pair<std::uint32_t, bool> find_or_add(std::uint64_t key, std::size_t home, Fresh fresh) {
    for (std::size_t b = home;; b = next(b)) {
      Bucket& bucket = buckets_[b];
      for (std::size_t j = 0; j < kWays; ++j) {
        if (bucket.key[j] == key) return {bucket.value[j], false};
        if (bucket.key[j] == 0) {  // every bucket before was full and flagged: this is where it goes
          bucket.value[j] = fresh();
          bucket.key[j] = key;
          return {bucket.value[j], true};
        }
      }
      if (!bucket.overflow) break;
    }
    return {add(key, fresh(), home), true};
  }
  /// Rebuilt with n buckets; home(key, value, n) places a key.
  template <class Home>
  void rehash(std::size_t n, Home home) {
    std::vector<Bucket> old(n);
    old.swap(buckets_);
    for (const Bucket& bucket : old)
      for (std::size_t j = 0; j < kWays && bucket.key[j] != 0; ++j)
        add(bucket.key[j], bucket.value[j], home(bucket.key[j], bucket.value[j], n));
  }

 private:
  struct alignas(64) Bucket {
    std::uint64_t key[kWays];  ///< 0: free
    std::uint32_t value[kWays];
    std::uint32_t overflow;
  };
  static_assert(sizeof(Bucket) == 64);

  std::size_t next(std::size_t b) const { return b + 1 == buckets() ? 0 : b + 1; }
  // Into the first bucket with room from b, flagging the full ones passed.
  std::uint32_t add(std::uint64_t key, std::uint32_t value, std::size_t b) {
    for (;; b = next(b)) {
      Bucket& bucket = buckets_[b];
      for (std::size_t j = 0; j < kWays; ++j)
        if (bucket.key[j] == 0) return bucket.key[j] = key, bucket.value[j] = value;
      bucket.overflow = 1;
    }
  }

  std::vector<Bucket> buckets_;
};

/// A set of nonzero 64-bit values by linear probing over 8-byte slots (8 to a cache line), placed by a mix of
/// the value itself, so it grows with nothing but the values: a root of the tree store costs its 8 bytes at
/// 70-85 % load (9.4-11.4 bytes), where a bucket slot with a value beside its key costs 14-16.
class ValueSet {
 public:
  std::size_t slots() const { return slots_.size(); }
  std::uint64_t bytes() const { return slots_.capacity() * 8; }
  static std::uint64_t bytes_for(std::size_t slots) { return std::uint64_t{slots} * 8; }
  /// Grown when fuller than this, to kRefill: past 85 %, probes of a linear table grow fast.
  static std::size_t limit(std::size_t slots) { return slots / 20 * 17; }
  static std::size_t slots_for(std::size_t count) { return std::max<std::size_t>(64, count / 7 * 10 + 10); }

  /// Adds v (nonzero); whether it was new.
  bool add(std::uint64_t v) {
    for (std::size_t i = home(v, slots_.size());; i = i + 1 == slots_.size() ? 0 : i + 1) {
      if (slots_[i] == v) return false;
      if (slots_[i] == 0) {
        slots_[i] = v;
        return true;
      }
    }
  }
  /// Brings v's home slot toward the cache ahead of add(v).
  void prefetch(std::uint64_t v) const { __builtin_prefetch(&slots_[home(v, slots_.size())]); }
  /// Rebuilt with n slots (the old and the new table side by side meanwhile).
  void rehash(std::size_t n) {
    std::vector<std::uint64_t> old(n, 0);
    old.swap(slots_);
    for (const std::uint64_t v : old) {
      if (v == 0) continue;
      std::size_t i = home(v, n);
      while (slots_[i] != 0) i = i + 1 == n ? 0 : i + 1;
      slots_[i] = v;
    }
  }

 private:
  // Murmur3's finalizer, scaled to the table (whose size need not be a power of two).
  static std::size_t home(std::uint64_t x, std::size_t n) {
    x = (x ^ (x >> 33)) * 0xFF51AFD7ED558CCDull;
    x = (x ^ (x >> 33)) * 0xC4CEB9FE1A85EC53ull;
    x ^= x >> 33;
    return static_cast<std::size_t>((static_cast<unsigned __int128>(x) * n) >> 64);
  }
  std::vector<std::uint64_t> slots_;
};

}  // namespace detail

}  // namespace cqm::checker
