// The stores' large tables are advised onto transparent huge pages, and counted as the whole pages they hold.
#include "checker/huge_pages.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "checker/compact_tables.hpp"
#include "checker/fingerprint_store.hpp"

namespace cqm::checker {
namespace {

using detail::allocated_bytes;
using detail::kHugePage;
using detail::kHugeTableBytes;

TEST(huge_pages, a_large_table_is_counted_in_whole_huge_pages_and_a_small_one_as_it_is) {
  EXPECT_EQ(allocated_bytes(1000), 1000u);
  EXPECT_EQ(allocated_bytes(kHugeTableBytes - 8), kHugeTableBytes - 8);
  EXPECT_EQ(allocated_bytes(kHugeTableBytes), kHugeTableBytes);
  EXPECT_EQ(allocated_bytes(kHugeTableBytes + 8), kHugeTableBytes + kHugePage);
  // The tables' own counts go through it: a set of roots a little over the threshold holds a whole last page.
  const std::size_t slots = kHugeTableBytes / 8 + 1;
  EXPECT_EQ(detail::ValueSet::bytes_for(slots), kHugeTableBytes + kHugePage);
  detail::ValueSet set;
  set.rehash(slots);
  EXPECT_EQ(set.bytes(), kHugeTableBytes + kHugePage);
}

/// The VmFlags line of the mapping that holds `p`, from /proc/self/smaps; empty when it cannot be read.
std::string vm_flags_of(const void* p) {
  std::ifstream smaps("/proc/self/smaps");
  const auto at = reinterpret_cast<std::uintptr_t>(p);
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    std::uintptr_t lo = 0, hi = 0;
    char dash = 0;
    std::istringstream head(line);
    if (head >> std::hex >> lo >> dash >> hi && dash == '-' && line.find(':') > line.find(' ')) {
      inside = lo <= at && at < hi;
      continue;
    }
    if (inside && line.rfind("VmFlags:", 0) == 0) return line;
  }
  return {};
}

bool transparent_huge_pages_available() {
  std::ifstream f("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  return std::getline(f, modes) && modes.find("[never]") == std::string::npos;
}

TEST(huge_pages, a_large_table_is_aligned_to_a_huge_page_and_advised) {
  if (!transparent_huge_pages_available())
    GTEST_SKIP() << "transparent huge pages are off or absent on this kernel";
  detail::HugeVector<std::uint64_t> table(kHugeTableBytes / 8, 0);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(table.data()) % kHugePage, 0u);
  const std::string flags = vm_flags_of(table.data());
  ASSERT_FALSE(flags.empty()) << "no mapping found for the table in /proc/self/smaps";
  EXPECT_NE((flags + " ").find(" hg "), std::string::npos) << "not advised for huge pages: " << flags;
  // A small one is left to the allocator: no advice asked for a few KiB.
  detail::HugeVector<std::uint64_t> small(512, 0);
  EXPECT_EQ((vm_flags_of(small.data()) + " ").find(" hg "), std::string::npos);
}

TEST(huge_pages, the_fingerprint_table_is_counted_in_whole_huge_pages) {
  // 2.1 M states: a table of 2 625 005 slots, 21 MB, which holds 22 MiB of huge pages.
  FingerprintStore store(1);
  store.reserve_for(2'100'000);
  EXPECT_EQ(store.bytes_used() % kHugePage, 0u);
  EXPECT_GE(store.bytes_used(), (2'100'000u / 4 * 5 + 5) * 8);
  EXPECT_LT(store.bytes_used(), (2'100'000u / 4 * 5 + 5) * 8 + kHugePage);
}

}  // namespace
}  // namespace cqm::checker
