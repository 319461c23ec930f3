// The trace.json reader (nlohmann-json, with the line-finding scanner on its error path) on arbitrary bytes;
// what it accepts is then written as `replay --format json` and the text report would write it, whatever
// bytes its names hold (issue 10, item 2: a name that is not UTF-8 must not throw from the writer).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/input_error.hpp"
#include "io/trace_reader.hpp"
#include "results/replay_result.hpp"
#include "writers/json_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  cqm::ReplayResult r;
  r.trace = "fuzz.json";
  try {
    r.input = cqm::parse_trace(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json");
  } catch (const cqm::InputError&) {
    return 0;
  }
  (void)cqm::json_text(cqm::replay_json(r));
  (void)cqm::replay_text(r);
  return 0;
}
