#include "writers/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <utility>

namespace cqm {
namespace {

std::atomic<int> g_injected_failures{0};

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what, int err) {
  throw OutputError("cannot write " + path.string() + ": " + what + ": " + std::strerror(err));
}

}  // namespace

void inject_write_failures(int nth) { g_injected_failures = nth; }

std::uint64_t dirty_bytes() {
  // Read with plain calls: this is on every commit's path, and /proc/meminfo is a few hundred bytes.
  const int fd = ::open("/proc/meminfo", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return UINT64_MAX;
  char buf[8192];
  const ssize_t n = ::read(fd, buf, sizeof buf - 1);
  ::close(fd);
  if (n <= 0) return UINT64_MAX;
  buf[n] = '\0';
  std::uint64_t kib = 0;
  int found = 0;
  for (const char* key : {"\nDirty:", "\nWriteback:"})
    if (const char* at = std::strstr(buf, key)) {
      kib += std::strtoull(at + std::strlen(key), nullptr, 10);
      ++found;
    }
  return found == 2 ? kib * 1024 : UINT64_MAX;
}

namespace {

/// A temporary file beside its target, written and open until it is fsync'd (`finish`: a single file, or a
/// set while much else is dirty) or closed for a set's one syncfs (`close_unsynced`).
struct Temporary {
  std::string name;
  int fd = -1;
};

// Writes `content` to a new temporary file beside `path` and starts its writeback, so that the sync that
// follows (fsync for one file, syncfs for a set) finds it under way. The name is short, not derived from the
// target's: a target name of NAME_MAX characters still gets a temporary.
Temporary write_temporary(const std::filesystem::path& path, std::string_view content) {
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::string tmpl = (dir / ".cqm-XXXXXX").string();
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
  ::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);  // only a head start: fsync below is what counts
  return {std::move(tmpl), fd};
}

/// Waits for the temporary to be on disk and closes it; on failure removes it.
void finish(Temporary& t, const std::filesystem::path& path) {
  const int fd = std::exchange(t.fd, -1);
  if (::fsync(fd) != 0) {
    const int err = errno;
    ::close(fd);
    ::unlink(t.name.c_str());
    t.name.clear();
    fail(path, "fsync failed", err);
  }
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(t.name.c_str());
    t.name.clear();
    fail(path, "close failed", err);
  }
}

/// Closes the temporary, whose data a later syncfs puts on disk; on failure removes it.
void close_unsynced(Temporary& t, const std::filesystem::path& path) {
  if (::close(std::exchange(t.fd, -1)) != 0) {
    const int err = errno;
    ::unlink(t.name.c_str());
    t.name.clear();
    fail(path, "close failed", err);
  }
}

void commit_one(const std::string& temporary, const std::filesystem::path& path) {
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(temporary.c_str());
    fail(path, "rename failed", err);
  }
}

}  // namespace

void write_file_atomic(const std::filesystem::path& path, std::string_view content) {
  Temporary t = write_temporary(path, content);
  finish(t, path);
  commit_one(t.name, path);
}

void check_output_dir(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::path at = dir.empty() ? std::filesystem::path(".") : dir;
  while (!std::filesystem::exists(at, ec)) {
    if (!at.has_parent_path() || at.parent_path() == at) {
      at = ".";
      break;
    }
    at = at.parent_path();
  }
  const std::string what = at == dir ? std::string() : "cannot create folder " + dir.string() + ": ";
  if (!std::filesystem::is_directory(at, ec)) throw OutputError(what + at.string() + " is not a folder");
  if (::access(at.c_str(), W_OK) != 0) {
    const int err = errno;
    throw OutputError(what.empty()
                          ? "cannot write " + at.string() + ": folder not writable: " + std::strerror(err)
                          : what + at.string() + " is not writable: " + std::strerror(err));
  }
}

const std::filesystem::path& OutputSet::add(std::filesystem::path path, std::string content) {
  files_.emplace_back(std::move(path), std::move(content));
  return files_.back().first;
}

std::vector<std::filesystem::path> OutputSet::paths() const {
  std::vector<std::filesystem::path> out;
  for (const auto& [path, content] : files_) out.push_back(path);
  return out;
}

std::vector<std::filesystem::path> OutputSet::commit() {
  std::vector<std::filesystem::path> created;  // folders this set made, outermost first
  std::vector<Temporary> temporaries;
  // For syncfs, one open folder per filesystem the set writes to, opened before the first temporary on it:
  // syncfs reports the writeback errors the filesystem met since then (Linux 5.8 on), and so ours.
  struct Filesystem {
    dev_t device;
    int fd;
    std::size_t first;  ///< the first file on it, named if its sync fails
  };
  std::vector<Filesystem> filesystems;
  auto undo = [&] {
    for (auto& t : temporaries) {
      if (t.fd >= 0) ::close(t.fd);
      ::unlink(t.name.c_str());
    }
    for (const auto& f : filesystems) ::close(f.fd);
    std::error_code ec;
    for (auto it = created.rbegin(); it != created.rend(); ++it) std::filesystem::remove(*it, ec);
  };
  // One syncfs a filesystem is the faster (12 files of a counterexample pair: 2.8 ms of fsyncs, 0.5 ms for
  // one syncfs on this machine's ext4), but it waits for whatever else is dirty there too: beside a large
  // copy, or a build's freshly written objects, that is unbounded. Then each file is fsync'd instead.
  synced_whole_filesystems_ = dirty_bytes() < kSyncfsDirtyBytes;
  try {
    for (const auto& [path, content] : files_) {
      const std::filesystem::path dir =
          path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
      std::vector<std::filesystem::path> missing;
      std::error_code ec;
      for (auto at = dir; !at.empty() && !std::filesystem::exists(at, ec); at = at.parent_path()) {
        missing.push_back(at);
        if (!at.has_parent_path()) break;
      }
      for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        if (std::filesystem::create_directory(*it, ec))
          created.push_back(*it);
        else if (ec)
          throw OutputError("cannot create folder " + it->string() + ": " + ec.message());
      }
      if (!std::filesystem::is_directory(dir, ec)) throw OutputError(dir.string() + " is not a folder");
      if (::access(dir.c_str(), W_OK) != 0) fail(dir, "folder not writable", errno);
      struct stat folder {};
      if (::stat(dir.c_str(), &folder) != 0) fail(dir, "cannot read the folder", errno);
      if (synced_whole_filesystems_ &&
          std::none_of(filesystems.begin(), filesystems.end(),
                       [&](const Filesystem& f) { return f.device == folder.st_dev; })) {
        const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0) fail(dir, "cannot open the folder", errno);
        filesystems.push_back({folder.st_dev, fd, temporaries.size()});
      }
      temporaries.push_back(write_temporary(path, content));
      if (synced_whole_filesystems_)
        close_unsynced(temporaries.back(), path);
      else
        finish(temporaries.back(), path);
    }
    // Every temporary on disk before any is renamed.
    if (synced_whole_filesystems_)
      for (const auto& f : filesystems)
        if (::syncfs(f.fd) != 0) fail(files_[f.first].first, "syncfs failed", errno);
  } catch (const OutputError&) {
    undo();
    throw;
  }
  for (const auto& f : filesystems) ::close(f.fd);
  for (std::size_t i = 0; i < files_.size(); ++i) commit_one(temporaries[i].name, files_[i].first);
  return paths();
}

void write_files_atomic(const std::filesystem::path& dir,
                        const std::vector<std::pair<std::string, std::string>>& files) {
  OutputSet set;
  for (const auto& [name, content] : files) set.add(dir / name, content);
  set.commit();
}

}  // namespace cqm
