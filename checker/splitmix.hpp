#pragma once
// splitmix64 (Vigna's published reference algorithm, prng.di.unimi.it): a good 64-bit mixer. It expands seeds
// (the random explorer's batch seeds, the estimate's client streams) and draws a schedule's numbers from one
// number of RapidCheck's stream (harness/generators.cpp).
#include <cstdint>

namespace cqm::checker {

/// The next number of the stream whose state is `state`.
constexpr std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

}  // namespace cqm::checker
