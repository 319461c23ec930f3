// `cqmcheck merge`'s readers (stats/shards.hpp, results/random_shards.hpp) on arbitrary bytes: the input is
// cut at its first NUL into two shard files, so the checks between shards run too; whatever they accept is
// merged. A random search's shards are read, not run (the merge would run the model).
#include <cstddef>
#include <cstdint>
#include <string>

#include "io/input_error.hpp"
#include "results/random_shards.hpp"
#include "stats/shards.hpp"
#include "writers/json_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const auto cut = bytes.find('\0');
  std::vector<cqm::stats::ShardFile> files{{"a.json", bytes.substr(0, cut)}};
  if (cut != std::string::npos) files.push_back({"b.json", bytes.substr(cut + 1)});
  try {
    if (cqm::is_random_shard(files.front().text)) {
      (void)cqm::read_random_shards(files);
    } else {
      (void)cqm::json_text(cqm::stats::merge_shards(files).json);
    }
  } catch (const cqm::InputError&) {
  }
  return 0;
}
