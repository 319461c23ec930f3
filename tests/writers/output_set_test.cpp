// A command's outputs as one set (issue 10, items 6 and 15): all files or none, the folders it made removed
// again on failure, and a temporary name that fits beside a target of the longest name a folder allows.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/writers/temp_dir.hpp"
#include "writers/atomic_file.hpp"

namespace cqm {
namespace {

using test::listing;
using test::read;
using test::TempDir;

TEST(output_set, writes_every_file_creating_the_folders) {
  TempDir tmp;
  OutputSet set;
  set.add(tmp.path / "a" / "b" / "one.txt", "1");
  set.add(tmp.path / "two.txt", "2");
  EXPECT_EQ(set.commit().size(), 2u);
  EXPECT_EQ(read(tmp.path / "a" / "b" / "one.txt"), "1");
  EXPECT_EQ(read(tmp.path / "two.txt"), "2");
}

TEST(output_set, a_failure_at_any_file_leaves_nothing_not_even_a_folder) {
  for (int nth = 1; nth <= 3; ++nth) {
    TempDir tmp;
    OutputSet set;
    set.add(tmp.path / "new" / "one.txt", "1");
    set.add(tmp.path / "new" / "deeper" / "two.txt", "2");
    set.add(tmp.path / "three.txt", "3");
    inject_write_failures(nth);
    EXPECT_THROW(set.commit(), OutputError) << "failure at file " << nth;
    inject_write_failures(0);
    EXPECT_TRUE(listing(tmp.path).empty()) << "failure at file " << nth;
  }
}

TEST(output_set, a_target_name_of_255_bytes_gets_a_temporary) {
  TempDir tmp;
  const std::string name(255, 'j');
  OutputSet set;
  set.add(tmp.path / name, "x");
  set.commit();
  EXPECT_EQ(read(tmp.path / name), "x");
}

// The set syncs once a filesystem (syncfs), so a set that spans two must sync both and write every file.
TEST(output_set, a_set_across_two_filesystems_is_written_whole) {
  TempDir tmp;
  const std::filesystem::path shm = "/dev/shm";
  struct stat a {
  }, b{};
  if (::stat(shm.c_str(), &a) != 0 || ::stat(tmp.path.c_str(), &b) != 0 || a.st_dev == b.st_dev ||
      ::access(shm.c_str(), W_OK) != 0)
    GTEST_SKIP() << "needs a writable /dev/shm on another filesystem than " << tmp.path;
  std::string name = (shm / "cqm_output_set_XXXXXX").string();
  ASSERT_NE(::mkdtemp(name.data()), nullptr);
  const std::filesystem::path other = name;
  OutputSet set;
  set.add(tmp.path / "one.txt", "1");
  set.add(other / "sub" / "two.txt", "2");
  set.add(tmp.path / "three.txt", "3");
  EXPECT_EQ(set.commit().size(), 3u);
  EXPECT_EQ(read(tmp.path / "one.txt"), "1");
  EXPECT_EQ(read(other / "sub" / "two.txt"), "2");
  EXPECT_EQ(read(tmp.path / "three.txt"), "3");
  EXPECT_EQ(listing(other), std::vector<std::string>{"sub"});  // no temporary left behind
  std::filesystem::remove_all(other);
}

// syncfs would wait for all of it: with much of the page cache dirty, each file is fsync'd instead, and the
// failure injection still undoes the set.
TEST(output_set, while_much_else_is_dirty_each_file_is_synced_on_its_own) {
  TempDir tmp;
  {
    // Written and not synced: the page cache's dirty data, on the same filesystem as the set.
    std::FILE* ballast = std::fopen((tmp.path / "ballast").c_str(), "wb");
    ASSERT_NE(ballast, nullptr);
    const std::string mib(1 << 20, 'x');
    for (std::uint64_t i = 0; i < 2 * (OutputSet::kSyncfsDirtyBytes >> 20); ++i)
      std::fwrite(mib.data(), 1, mib.size(), ballast);
    std::fclose(ballast);
  }
  if (dirty_bytes() < OutputSet::kSyncfsDirtyBytes)
    GTEST_SKIP() << "no dirty page cache after writing " << tmp.path << " (tmpfs?)";
  OutputSet set;
  set.add(tmp.path / "out" / "one.txt", "1");
  set.add(tmp.path / "two.txt", "2");
  EXPECT_EQ(set.commit().size(), 2u);
  EXPECT_FALSE(set.synced_whole_filesystems());
  EXPECT_EQ(read(tmp.path / "out" / "one.txt"), "1");
  EXPECT_EQ(read(tmp.path / "two.txt"), "2");

  OutputSet failing;
  failing.add(tmp.path / "new" / "three.txt", "3");
  failing.add(tmp.path / "four.txt", "4");
  inject_write_failures(2);
  EXPECT_THROW(failing.commit(), OutputError);
  inject_write_failures(0);
  std::filesystem::remove(tmp.path / "ballast");
  EXPECT_EQ(listing(tmp.path), (std::vector<std::string>{"out", "two.txt"}));
}

TEST(output_set, dirty_bytes_reads_the_page_cache) {
  const std::uint64_t dirty = dirty_bytes();
  EXPECT_LT(dirty, std::uint64_t{1} << 50) << "/proc/meminfo unread";  // less than a petabyte dirty
}

TEST(output_set, check_output_dir_probes_without_creating) {
  TempDir tmp;
  EXPECT_NO_THROW(check_output_dir(tmp.path / "not" / "yet"));
  EXPECT_TRUE(listing(tmp.path).empty());
  { std::ofstream(tmp.path / "file") << "x"; }
  EXPECT_THROW(check_output_dir(tmp.path / "file" / "sub"), OutputError);
}

}  // namespace
}  // namespace cqm
