// The trace.json reader (our own JSON parser with line numbers) on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/input_error.hpp"
#include "writers/trace_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)cqm::parse_trace(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json");
  } catch (const cqm::InputError&) {
  }
  return 0;
}
