#pragma once
// Every file cqmcheck writes goes through here: written to a temporary file in the same folder, flushed, then
// renamed over the target, so a reader never sees half a file and a failure leaves nothing behind.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace cqm {

/// An output that could not be written (unwritable folder, full disk): the CLI reports it and exits 2.
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Writes `content` to `path` atomically. Throws OutputError naming the path and the reason.
void write_file_atomic(const std::filesystem::path& path, std::string_view content);

/// Creates `dir` (and parents) if missing and checks it is a writable folder. Throws OutputError.
void ensure_output_dir(const std::filesystem::path& dir);

/// Test hook: make the next N writes fail as a full disk would (ENOSPC). 0 disables.
void inject_write_failures(int count);

}  // namespace cqm
