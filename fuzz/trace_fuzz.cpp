// The trace.json reader (nlohmann-json, with the line-finding scanner on its error path) on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/input_error.hpp"
#include "io/trace_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)cqm::parse_trace(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json");
  } catch (const cqm::InputError&) {
  }
  return 0;
}
