// The config reader on arbitrary bytes: it may reject them (InputError) but never crash, hang or run away.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/config_toml.hpp"
#include "io/input_error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const cqm::Config c =
        cqm::parse_config(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.toml");
    // What was accepted must survive its own writer and reader.
    (void)cqm::parse_config(cqm::config_to_toml(c), "fuzz-round-trip.toml");
  } catch (const cqm::InputError&) {
  }
  return 0;
}
