#include "apps/cqmcheck/options.hpp"

#include <charconv>
#include <cmath>

namespace cqm::cli {

CLI::Validator whole_number(std::uint64_t lo, std::uint64_t hi) {
  return CLI::Validator(
      [lo, hi](std::string& text) -> std::string {
        std::uint64_t v = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (text.empty() || ec == std::errc::invalid_argument || end != text.data() + text.size())
          return "expected a whole number, got '" + text + "'";
        if (ec == std::errc::result_out_of_range || v < lo || v > hi)
          return "'" + text + "' lies outside [" + std::to_string(lo) + ", " + std::to_string(hi) + "]";
        return "";
      },
      "INT in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
}

CLI::Validator seconds() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        double v = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
          return "expected a number of seconds, got '" + text + "'";
        if (v <= 0 || v > 1e7) return "'" + text + "' lies outside (0, 10000000] seconds";
        return "";
      },
      "SECONDS");
}

CLI::Validator name_given() {
  return CLI::Validator([](std::string& text) -> std::string { return text.empty() ? "an empty name" : ""; },
                        "");
}

CLI::Option* add_memory_option(CLI::App& cmd, std::uint64_t& bytes, const std::string& help) {
  // AsSizeValue converts "-1" as an unsigned number: refuse the sign first.
  const auto unsigned_text = CLI::Validator(
      [](std::string& text) -> std::string {
        return text.empty() || text.front() == '-' || text.front() == '+'
                   ? "expected a size such as 512M or 4G"
                   : "";
      },
      "");
  const auto at_least_a_mib = CLI::Validator(
      [](std::string& text) -> std::string {
        std::uint64_t v = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (ec != std::errc() || v < (std::uint64_t{1} << 20)) return "at least 1M";
        return "";
      },
      "");
  return cmd.add_option("--max-memory", bytes, help)
      ->check(unsigned_text)
      ->transform(CLI::AsSizeValue(false))
      ->check(at_least_a_mib);
}

}  // namespace cqm::cli
