#pragma once
// The one configuration struct. Every number the model or the explorers use lives here, with the KB's
// defaults; presets (presets.cpp) are named values of it. The KB is silent on several choices: each such
// field says so, and README.md lists them under "Model assumptions".
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/time.hpp"
#include "model/vocabulary.hpp"

namespace cqm {

/// The explorers' environment envelope: what the user and Windows may do. Fixes are proved only inside it,
/// and the suite prints it with every verdict (DESIGN §1 "Fairness").
struct Environment {
  Minutes quantum = 60;      ///< exhaustive explorer: environment decisions happen on multiples of this
  Minutes on_from = 480;     ///< the user switches the PC on every day, between on_from ...
  Minutes on_until = 540;    ///< ... and on_until (daily use: the fairness that lets a fix deliver)
  Minutes min_session = 60;  ///< after any start-up the PC stays up at least this long
  Minutes max_session =
      600;  ///< the user switches off at the latest this long after a start-up; 0 = may stay on
  bool user_powers_off = true;  ///< false: the PC is never switched off (workaround B)
  Minutes program_from = 480;   ///< the advertised program runs in [program_from, program_until)
  Minutes program_until = 1440;
  int max_init_failures_in_a_row = -1;  ///< -1: unbounded (the KB's "every start-up may fail")
  int max_cap_outages = 0;              ///< real CAP outages the environment may add
  Minutes max_outage = 0;               ///< ... each lasting at most this long
  int random_runs = 10000;              ///< schedules the random explorer checks per preset
};

/// The canonical timeline of `cqmcheck simulate`: the user's day as the KB tells it.
struct UserDay {
  Minutes on_at = 480;                   ///< 08:00
  Minutes off_at = 1020;                 ///< 17:00
  bool always_on = false;                ///< workaround B: the PC is left on
  Minutes program_at = 600;              ///< day 0 10:00: the advertised program finishes
  bool init_fails_when_possible = true;  ///< canonical timeline: CQM init fails at every start-up it may
  int days = 0;                          ///< horizon in days; 0 = long enough for the item lifetime to end
};

struct Config {
  std::string name = "custom";
  std::string summary;
  Verdict expected = Verdict::Holds;  ///< what `cqmcheck suite` expects of delivered_before_expiry

  // The client and the advertised program.
  Os os = Os::Win9x;
  AfterRunning after_running = AfterRunning::ProgramRestarts;
  MifResult mif = MifResult::Success;
  std::string site_code = "W2K";
  Minutes boot_minutes = 2;      ///< assumption: power-on to CQM start
  Minutes shutdown_minutes = 1;  ///< assumption: shut-down request to power off

  // Copy Queue Manager (KB defaults).
  Minutes wake_up_cycle = 1380;   ///< KB: "default Copy Queue Manager cycle is 1380 minutes"
  Minutes item_lifetime = 11520;  ///< KB: "item lifetime ... 11520 minutes (eight days)"
  bool startup_cycle = true;      ///< assumption: CQM runs a copy cycle as soon as it starts
  bool expire_while_inaccessible =
      true;  ///< assumption: SP2 behaviour; false keeps items of an inaccessible CAP
  RetryPolicy retry_policy =
      RetryPolicy::WakeUp;             ///< assumption behind "retry set to 1": wait for the wake-up
  Minutes retry_interval = 15;         ///< used by RetryPolicy::Interval (fix-short-retry)
  bool reconnect_when_broken = false;  ///< fix-reconnect: re-initialise a broken CAP connection
  Minutes reconnect_delay = 5;         ///< ... this long after the race window has passed
  bool late_reinit_succeeds = true;    ///< assumption: a re-initialisation after the race window succeeds

  // The Win9x initialisation race.
  InitFailure init_failure = InitFailure::Race;
  Minutes race_window = 2;  ///< "moments later": work arriving this soon after start-up races CQM's init

  UserDay day;
  Environment env;
};

/// Every preset, in the order `cqmcheck presets` lists them.
const std::vector<Config>& presets();
/// The preset of that name, or empty.
std::optional<Config> find_preset(std::string_view name);

/// The checks a config must pass whatever its source (preset, TOML, sweep): returns the offending field and
/// why.
std::optional<std::pair<std::string, std::string>> validate(const Config& config);

/// The horizon of the canonical timeline: the UserDay's days, or long enough for the item to expire.
Minutes canonical_horizon(const Config& config);

}  // namespace cqm
