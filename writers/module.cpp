#include "writers/module.hpp"

#include <dlfcn.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <stdexcept>
#include <system_error>
#include <vector>

namespace cqm {

const void* load_module(const std::string& file, const char* entry, bool global) {
  static std::mutex mutex;
  static std::map<std::string, const void*> loaded;
  std::lock_guard lock(mutex);
  if (const auto it = loaded.find(file); it != loaded.end()) return it->second;
  std::vector<std::filesystem::path> places;
  std::error_code ec;
  if (const auto self = std::filesystem::read_symlink("/proc/self/exe", ec); !ec)
    places.push_back(self.parent_path() / "modules" / file);
  places.push_back(std::filesystem::path(CQM_MODULE_DIR) / file);
  std::string why;
  for (const auto& path : places) {
    if (!std::filesystem::exists(path, ec)) continue;
    // Never closed: the table and the code it points to live as long as the process.
    void* handle = ::dlopen(path.c_str(), RTLD_LAZY | (global ? RTLD_GLOBAL : RTLD_LOCAL));
    if (!handle) {
      why = ::dlerror();
      break;
    }
    using Entry = const void* (*)();
    const auto get = reinterpret_cast<Entry>(::dlsym(handle, entry));
    if (!get) {
      why = path.string() + " has no " + entry;
      break;
    }
    return loaded[file] = get();
  }
  if (why.empty()) why = "not found in " + places.front().parent_path().string() + " nor " + CQM_MODULE_DIR;
  throw std::runtime_error("cannot load the module " + file + ": " + why);
}

}  // namespace cqm
