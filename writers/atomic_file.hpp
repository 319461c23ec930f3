#pragma once
// Every file cqmcheck writes goes through here: written to a temporary file in the same folder, flushed, then
// renamed over the target, so a reader never sees half a file and a failure leaves nothing behind.
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cqm {

/// An output that could not be written (unwritable folder, full disk): the CLI reports it and exits 2.
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Writes `content` to `path` atomically. Throws OutputError naming the path and the reason.
void write_file_atomic(const std::filesystem::path& path, std::string_view content);

/// Writes several files into `dir` as one: every file goes to a temporary first; only when all are written
/// are they renamed into place, so a failure (say a full disk at the third file) leaves none of them behind.
void write_files_atomic(const std::filesystem::path& dir,
                        const std::vector<std::pair<std::string, std::string>>& files);

/// Checks, without creating anything, that `dir` could be written: its nearest existing ancestor is a
/// writable folder. Commands call it before their work so that a bad --out fails in a second, not after the
/// search.
void check_output_dir(const std::filesystem::path& dir);

/// All the files one command writes, committed as one: each goes to a temporary beside its target first
/// (folders created as needed); only when every one is written and on disk (one syncfs per filesystem) are
/// they renamed into place. A failure at any file removes the temporaries and the folders the set created, so
/// the disk is as it was.
class OutputSet {
 public:
  /// Adds a file to the set; returns its path.
  const std::filesystem::path& add(std::filesystem::path path, std::string content);
  /// The paths added so far, in order.
  std::vector<std::filesystem::path> paths() const;
  bool empty() const { return files_.empty(); }
  /// Writes the set. Throws OutputError naming the file and the reason.
  std::vector<std::filesystem::path> commit();
  /// How the last commit put its files on disk: one syncfs per filesystem (true), or an fsync per file, as
  /// when much else was dirty (kSyncfsDirtyBytes).
  bool synced_whole_filesystems() const { return synced_whole_filesystems_; }

  /// syncfs waits for everything dirty on the filesystem, not only ours: a set is synced so only while the
  /// machine's dirty and in-writeback page cache (/proc/meminfo) is under this.
  static constexpr std::uint64_t kSyncfsDirtyBytes = 32ull << 20;

 private:
  std::vector<std::pair<std::filesystem::path, std::string>> files_;
  bool synced_whole_filesystems_ = false;
};

/// The machine's page cache waiting to be written or being written (Dirty + Writeback in /proc/meminfo), in
/// bytes; unknown (no /proc) counts as much.
std::uint64_t dirty_bytes();

/// Test hook (CQM_TEST_FAIL_WRITE=N in cqmcheck's environment): the N-th file written from now on fails as on
/// a full disk (ENOSPC). 0 disables.
void inject_write_failures(int nth);

}  // namespace cqm
