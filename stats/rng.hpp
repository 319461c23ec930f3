#pragma once
// One random stream per client: xoshiro256** seeded through splitmix64 from (seed, client index), so a
// client's draws depend on nothing but the seed and its index — not on the thread that runs it, nor on how
// many threads there are. Both generators are Vigna's published reference algorithms (prng.di.unimi.it).
#include <cstdint>

#include "checker/splitmix.hpp"

namespace cqm::stats {

using checker::splitmix64;  // used here only to expand seeds

/// xoshiro256**: fast (about 1 ns a draw), 256 bits of state, no heap.
class Xoshiro256 {
 public:
  /// The stream of client `index` under `seed`.
  static Xoshiro256 for_client(std::uint64_t seed, std::uint64_t index) {
    std::uint64_t s = seed;
    const std::uint64_t base = splitmix64(s);
    // A second splitmix pass over (base, index) decorrelates neighbouring indices.
    std::uint64_t x = base ^ (index * 0xD1B54A32D192ED03ull);
    Xoshiro256 g;
    for (auto& word : g.s_) word = splitmix64(x);
    return g;
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  /// Uniform in [0, 1), 53 bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  /// True with probability p (p = 0: never, p = 1: always).
  bool chance(double p) { return uniform() < p; }

  /// Uniform integer in [lo, hi] (Lemire's multiply-shift; the bias is below 2^-32 for our ranges).
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
    const auto scaled = static_cast<unsigned __int128>(next()) * span;
    return lo + static_cast<std::int64_t>(scaled >> 64);
  }

 private:
  static constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4]{};
};

}  // namespace cqm::stats
