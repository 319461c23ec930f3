// The flags every exploring command takes, with the range checks of options.hpp; apart from the commands so
// that the fuzz target of the command line (fuzz/cli_options_fuzz.cpp) parses exactly what cqmcheck parses.
#include <unistd.h>

#include "apps/cqmcheck/commands.hpp"

namespace cqm::cli {

void SearchFlags::add_to(CLI::App& cmd) {
  cmd.add_option("--seed", seed, "random explorer seed (same seed, same runs, same counterexample)")
      ->check(whole_number(0, UINT64_MAX));
  cmd.add_option("--runs", runs, "random schedules to check (default: the config's environment.random_runs)")
      ->check(whole_number(1, 1'000'000'000));
  cmd.add_option("--threads", threads,
                 "threads for the exhaustive explorer, worker processes for the random one")
      ->check(whole_number(1, 64));
  cmd.add_option("--max-states", max_states, "stop a search past this many states: INCONCLUSIVE")
      ->check(whole_number(1, UINT64_MAX));
  add_memory_option(cmd, max_memory,
                    "stop a search holding more than this (e.g. 512M, 4G; default: half the RAM)");
  cmd.add_option("--max-seconds", max_seconds, "stop a search after this long: INCONCLUSIVE")
      ->check(seconds());
  cmd.add_option("--format", format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd.add_flag("--quiet", quiet, "no progress line on stderr");
  cmd.add_flag("--no-symmetry", no_symmetry,
               "exhaustive: store a site's clients in the order they have instead of a canonical order (to "
               "compare state counts with the symmetry reduction)");
  cmd.add_flag(
      "--fingerprints", fingerprints,
      "exhaustive: store each state as a 64-bit fingerprint (about 10 bytes a state, as TLC): HOLDS "
      "then holds up to fingerprint collisions, with their probability; a violation is replayed, exact");
  cmd.add_flag(
         "--uncompressed", uncompressed,
         "exhaustive: store each state's key whole instead of tree-compressed (about 8 bytes a key word "
         "more a state; as exact)")
      ->excludes("--fingerprints");
  cmd.add_flag(
      "--coverage", coverage,
      "record which table rows fired and which (machine, state, event) triples were reached, and list "
      "them (the random explorer then runs in one process)");
  cmd.add_flag("--exact-states", exact_states,
               "exhaustive: store the full state, without the abstractions the state key declares");
}

CheckOptions SearchFlags::options(const std::atomic<bool>* interrupted) const {
  CheckOptions o;
  o.seed = seed;
  o.runs = runs;
  o.threads = threads;
  o.exact_states = exact_states;
  o.symmetry = !no_symmetry;
  o.fingerprints = fingerprints;
  o.uncompressed = uncompressed;
  o.coverage = coverage;
  o.limits.max_states = max_states;
  o.limits.max_seconds = max_seconds;
  o.limits.interrupted = interrupted;
  // A safe share of the machine by default: half its physical memory.
  o.limits.max_memory_bytes = max_memory ? max_memory
                                         : static_cast<std::uint64_t>(::sysconf(_SC_PHYS_PAGES)) *
                                               static_cast<std::uint64_t>(::sysconf(_SC_PAGE_SIZE)) / 2;
  return o;
}

}  // namespace cqm::cli
