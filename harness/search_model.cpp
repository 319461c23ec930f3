#include "harness/search_model.hpp"

#include "io/input_error.hpp"

namespace cqm {

SearchModel::SearchModel(const Config& config, bool exact, std::atomic<std::uint32_t>* ran)
    : config_(&config),
      env_(config),
      codec_(config, env_.horizon(), exact),
      ran_(ran),
      system_(std::make_unique<System>(config)),
      successor_(codec_.words(), 0) {}

void SearchModel::initial(std::uint64_t* key) {
  system_->reset();
  system_->snapshot(before_);
  codec_.pack(before_, EnvBook{}, key);
}

namespace {

[[noreturn]] void refuse(const Config& c, const std::string& key, const std::string& why) {
  throw InputError(c.source.file.empty() ? c.name : c.source.file, c.source.line_of(key), key, why);
}

/// The first multiple of q at or after t.
Minutes grid_at_or_after(Minutes t, Minutes q) { return (t + q - 1) / q * q; }

}  // namespace

void check_grid(const Config& c) {
  if (c.model.site.clients > 1)
    refuse(c, "site.clients",
           "the exhaustive explorer searches a site of one client in this version; a site of " +
               std::to_string(c.model.site.clients) +
               " needs its symmetry-reduced search (issue 12, open): use --explorer random, or simulate");
  const auto& e = c.env;
  const Minutes q = e.quantum;
  const std::string grid = "the " + std::to_string(q) + "-minute environment.quantum grid";
  // The user switches the PC on only at grid points inside [on_from, on_until] (days start on the grid when q
  // divides a day; otherwise the window's points differ from day to day, and day 0's are checked here).
  if (grid_at_or_after(e.on_from, q) > e.on_until)
    refuse(c, "environment.on_from",
           "the power-on window " + format_clock(e.on_from) + "-" + format_clock(e.on_until) +
               " holds no point of " + grid +
               ": the exhaustive explorer would search an empty environment (widen the window to a multiple "
               "of the quantum, or choose a quantum that divides its start)");
  if (kMinutesPerDay % q != 0 && e.user_powers_off)
    refuse(c, "environment.quantum",
           "must divide a day (1440 minutes) so that every day's power-on window has the same grid points");
  for (int p = 0; p < c.programs(); ++p) {
    const ProgramWindow& w = e.programs[static_cast<std::size_t>(p)];
    if (grid_at_or_after(w.from, q) >= w.until)
      refuse(c, program_key(p, "runs_from"),
             "the program's window " + format_time(w.from) + " to " + format_time(w.until) +
                 " holds no point of " + grid + ": the program would never run in the exhaustive search");
  }
  // After a power-on on the grid, the first grid point the PC is up at: if the user must already switch off
  // there, nothing can happen while it is up.
  const Minutes boot = c.model.boot_minutes;
  const Minutes first_up = std::max<Minutes>(1, (boot + q - 1) / q) * q;
  if (e.user_powers_off && e.max_session > 0 && first_up - boot >= e.max_session)
    refuse(c, "environment.max_session",
           std::to_string(e.max_session) + " min is too short for " + grid +
               ": at the first grid point after a " + "start-up (" + std::to_string(first_up - boot) +
               " min into the session) the user must already "
               "switch off, so no program could run");
}

}  // namespace cqm
