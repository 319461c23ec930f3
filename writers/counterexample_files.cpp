#include "writers/counterexample_files.hpp"

#include "writers/atomic_file.hpp"
#include "writers/trace_json.hpp"

namespace cqm {
std::vector<std::filesystem::path> write_counterexample(const std::filesystem::path& dir, const Counterexample& cex) {
  ensure_output_dir(dir);
  // Render everything first: a rendering failure leaves no file behind.
  const std::pair<const char*, std::string> files[] = {{"trace.json", trace_to_json(cex)},
                                                        {"Cqmgr32.log", render_log(cex.log, cex.config.site_code)}};
  std::vector<std::filesystem::path> written;
  for (const auto& [name, content] : files) {
    write_file_atomic(dir / name, content);
    written.push_back(dir / name);
  }
  return written;
}

}  // namespace cqm
