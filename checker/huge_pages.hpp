#pragma once
// The stores' large tables on transparent huge pages. Every lookup of a state, a node or a root lands on a
// random line of a table of hundreds of MiB: with 4 KiB pages each is also a TLB miss, whose page walk a VM
// makes two-dimensional (perf put a quarter of the tree store's staging on one prefetch of a root's slot).
// A table of kHugeTableBytes or more is aligned to 2 MiB and advised (madvise MADV_HUGEPAGE), so that
// the kernel backs it with 2 MiB pages where it allows them. Debian's default is "madvise": only advised
// memory gets huge pages. Where huge pages are off, the advice is ignored and nothing else changes.
//
// Honest memory: a table on huge pages holds whole 2 MiB pages. allocated_bytes() counts them, and the stores
// count their tables with it, so --max-memory sees what is held.
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>
#include <vector>

namespace cqm::checker::detail {

inline constexpr std::size_t kHugePage = std::size_t{2} << 20;
/// Past the TLB's reach with 4 KiB pages (1 536 entries, 6 MiB), with at most 1/8 of a table's bytes in its
/// last huge page.
inline constexpr std::size_t kHugeTableBytes = std::size_t{16} << 20;

/// What a table of `bytes` holds: whole huge pages from kHugeTableBytes on.
constexpr std::uint64_t allocated_bytes(std::uint64_t bytes) {
  return bytes < kHugeTableBytes ? bytes : (bytes + kHugePage - 1) / kHugePage * kHugePage;
}

template <class T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) {}

  T* allocate(std::size_t n) {
    const std::size_t bytes = n * sizeof(T);
    if (bytes < kHugeTableBytes) return std::allocator<T>{}.allocate(n);
    const auto rounded = static_cast<std::size_t>(allocated_bytes(bytes));
    void* p = std::aligned_alloc(kHugePage, rounded);
    if (p == nullptr) throw std::bad_alloc();
    ::madvise(p, rounded, MADV_HUGEPAGE);  // advice: where it is refused, 4 KiB pages as before
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t n) {
    if (n * sizeof(T) < kHugeTableBytes)
      std::allocator<T>{}.deallocate(p, n);
    else
      std::free(p);
  }
  template <class U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

/// A table's storage: a vector whose large allocations are on huge pages.
template <class T>
using HugeVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace cqm::checker::detail
