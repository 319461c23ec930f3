// The habits reader on arbitrary bytes; accepted habits must round-trip through their writer.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/habits_toml.hpp"
#include "io/input_error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto h =
        cqm::parse_habits(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.toml");
    (void)cqm::parse_habits(cqm::habits_to_toml(h), "fuzz-round-trip.toml");
  } catch (const cqm::InputError&) {
  }
  return 0;
}
