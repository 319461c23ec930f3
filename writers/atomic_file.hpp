#pragma once
// Every file cqmcheck writes goes through here: written to a temporary file in the same folder, flushed, then
// renamed over the target, so a reader never sees half a file and a failure leaves nothing behind.
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

/// Creates `dir` (and parents) if missing and checks it is a writable folder. Throws OutputError.
void ensure_output_dir(const std::filesystem::path& dir);

/// Test hook (CQM_TEST_FAIL_WRITE=N in cqmcheck's environment): the N-th file written from now on fails as on
/// a full disk (ENOSPC). 0 disables.
void inject_write_failures(int nth);

}  // namespace cqm
