#include "writers/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

namespace cqm {
namespace {

std::atomic<int> g_injected_failures{0};

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what, int err) {
  throw OutputError("cannot write " + path.string() + ": " + what + ": " + std::strerror(err));
}

}  // namespace

void inject_write_failures(int nth) { g_injected_failures = nth; }

void ensure_output_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw OutputError("cannot create folder " + dir.string() + ": " + ec.message());
  if (!std::filesystem::is_directory(dir)) throw OutputError(dir.string() + " is not a folder");
  if (::access(dir.c_str(), W_OK) != 0) fail(dir, "folder not writable", errno);
}

namespace {

// Writes `content` to a new temporary file beside `path`; returns the temporary's name.
std::string write_temporary(const std::filesystem::path& path, std::string_view content) {
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::string tmpl = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) fail(path, "cannot create a temporary file", errno);
  auto abandon = [&](const char* what, int err) {
    ::close(fd);
    ::unlink(tmpl.c_str());
    fail(path, what, err);
  };
  if (g_injected_failures > 0 && --g_injected_failures == 0) abandon("write failed", ENOSPC);
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      abandon("write failed", errno);
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, 0644) != 0) abandon("chmod failed", errno);
  if (::fsync(fd) != 0) abandon("fsync failed", errno);
  if (::close(fd) != 0) {
    ::unlink(tmpl.c_str());
    fail(path, "close failed", errno);
  }
  return tmpl;
}

void commit(const std::string& temporary, const std::filesystem::path& path) {
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(temporary.c_str());
    fail(path, "rename failed", err);
  }
}

}  // namespace

void write_file_atomic(const std::filesystem::path& path, std::string_view content) {
  commit(write_temporary(path, content), path);
}

void write_files_atomic(const std::filesystem::path& dir,
                        const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<std::string> temporaries;
  try {
    for (const auto& [name, content] : files) temporaries.push_back(write_temporary(dir / name, content));
  } catch (const OutputError&) {
    for (const auto& t : temporaries) ::unlink(t.c_str());
    throw;
  }
  for (std::size_t i = 0; i < files.size(); ++i) commit(temporaries[i], dir / files[i].first);
}

}  // namespace cqm
