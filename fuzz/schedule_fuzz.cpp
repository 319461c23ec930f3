// The schedule reader on arbitrary bytes; accepted schedules must round-trip.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "io/input_error.hpp"
#include "io/schedule_toml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const cqm::Schedule s =
        cqm::parse_schedule(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.toml");
    if (!(cqm::parse_schedule(cqm::schedule_to_toml(s), "fuzz-round-trip.toml") == s)) std::abort();
  } catch (const cqm::InputError&) {
  }
  return 0;
}
