// A command's outputs as one set (issue 10, items 6 and 15): all files or none, the folders it made removed
// again on failure, and a temporary name that fits beside a target of the longest name a folder allows.
#include <gtest/gtest.h>

#include <string>

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

TEST(output_set, check_output_dir_probes_without_creating) {
  TempDir tmp;
  EXPECT_NO_THROW(check_output_dir(tmp.path / "not" / "yet"));
  EXPECT_TRUE(listing(tmp.path).empty());
  { std::ofstream(tmp.path / "file") << "x"; }
  EXPECT_THROW(check_output_dir(tmp.path / "file" / "sub"), OutputError);
}

}  // namespace
}  // namespace cqm
