// The command line's shared options (apps/cqmcheck/options, SearchFlags) on arbitrary argument lists, one
// argument a line: CLI11 with our validators may refuse them (ParseError) but never crash, and whatever it
// accepts is in its documented range — never wrapped, saturated or switched off (issue 10, item 10).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "apps/cqmcheck/commands.hpp"
#include "apps/cqmcheck/options.hpp"

namespace {

constexpr std::size_t kMaxArgs = 16;
constexpr std::uint64_t kMiB = std::uint64_t{1} << 20;
constexpr double kMaxSeconds = 1e7;

void require(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> args{"cqmcheck"};
  std::string current;
  for (std::size_t i = 0; i < size && args.size() < kMaxArgs; ++i) {
    if (data[i] == '\n') {
      args.push_back(current);
      current.clear();
    } else {
      current += static_cast<char>(data[i]);
    }
  }
  if (args.size() < kMaxArgs) args.push_back(current);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());

  CLI::App app;
  cqm::cli::SearchFlags flags;
  flags.add_to(app);
  std::uint64_t clients = 1;
  std::string out;
  app.add_option("--clients", clients)->check(cqm::cli::whole_number(1, 1'000'000'000'000));
  app.add_option("--out", out)->check(cqm::cli::name_given());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError&) {
    return 0;
  }
  require(flags.threads >= 1 && flags.threads <= 64);
  require(app.count("--runs") == 0 || (flags.runs >= 1 && flags.runs <= 1'000'000'000));
  require(app.count("--max-states") == 0 || flags.max_states >= 1);
  require(app.count("--max-memory") == 0 || flags.max_memory >= kMiB);
  require(app.count("--max-seconds") == 0 ||
          (std::isfinite(flags.max_seconds) && flags.max_seconds > 0 && flags.max_seconds <= kMaxSeconds));
  require(clients >= 1 && clients <= 1'000'000'000'000);
  require(app.count("--out") == 0 || !out.empty());
  return 0;
}
