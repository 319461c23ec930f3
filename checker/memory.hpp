#pragma once
// The process's resident memory, for --max-memory checks of explorers whose memory is not one data structure.
#include <unistd.h>

#include <cstdint>
#include <cstdio>

namespace cqm::checker {

inline std::uint64_t resident_bytes() {
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (!f) return 0;
  unsigned long long pages_total = 0, pages_resident = 0;
  const int n = std::fscanf(f, "%llu %llu", &pages_total, &pages_resident);
  std::fclose(f);
  return n == 2 ? pages_resident * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE)) : 0;
}

}  // namespace cqm::checker
