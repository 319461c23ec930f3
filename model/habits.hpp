#pragma once
// The habits of a population of users: the distributions `cqmcheck estimate` draws each simulated client
// from. Every number the estimator uses about people lives here, with an office population's defaults;
// doc/estimate.md gives the reasoning behind each default. Times of day are minutes after 00:00.
#include <optional>
#include <string>
#include <utility>

#include "model/time.hpp"

namespace cqm::stats {

struct Habits {
  // The working day. Each client has a usual start of day and usual hours, drawn once (uniform); each day
  // varies both by up to ±jitter minutes (uniform).
  Minutes start_from = 450;   ///< 07:30: the earliest usual start of day
  Minutes start_until = 570;  ///< 09:30: the latest
  Minutes hours_min = 480;    ///< 8 h: the shortest usual day with the PC on
  Minutes hours_max = 600;    ///< 10 h: the longest
  Minutes jitter = 15;        ///< day-to-day variation of start and end
  double leave_on = 0.05;  ///< each evening: the chance the PC is left on overnight (until the next evening)
  double absent = 0.05;    ///< each working day after day 0: the chance the user does not come in
  bool weekends_off = true;  ///< nobody switches a PC on on Saturday or Sunday
  /// Each day the user is in: the chance they log off and on again once, without a restart, at a uniform time
  /// of their session (Q257280: a job left scheduled runs "every time they log on"). The articles give no
  /// figure; 0 keeps every logon a start-up's.
  double logon = 0.0;

  // The advertised program. It finishes on day 0, a working day the user is in (day 0's weekday is uniform
  // over Monday-Friday), this long after day 0's first start-up (uniform); its After Running option is the
  // config's.
  Minutes program_from = 0;
  Minutes program_until = 240;
  /// When set (a time of day on the site server's clock), the advertisement is due at this moment on every
  /// client of a site — "the clients that run the advertisement at the same time" of Q301352 — and each
  /// client's program finishes program_from..program_until after it (after the client's start-up, if it comes
  /// later). kNever: each program finishes that long after day 0's first start-up, as an office's recurring
  /// advertisement would.
  Minutes program_at = kNever;

  // The clients' clocks. Each client's clock is off the site server's by a whole number of minutes, uniform
  // in [-clock_skew, +clock_skew], drawn once per client on top of the config's client.clock_offset (Q301352:
  // time-synchronised clients pick the same file names; Q246749: a clock ahead parks statuses). At most
  // kMaxClockSkew: the CAP's inbox tells apart the names of kMaxClockSpread minutes.
  Minutes clock_skew = 0;

  // CQM's initialisation: the chance it fails at a start-up where the config's init.failure allows a failure
  // (race: work races the start-up; any_boot: every start-up; never: none) — "per start-up where a failure is
  // possible". The System ignores a drawn failure where the config does not allow one.
  double init_failure = 0.5;
};

/// The largest clock_skew: clocks 2 x 7 minutes apart still fit the CAP's inbox's 16 minutes of names.
inline constexpr Minutes kMaxClockSkew = 7;

/// Checks a Habits value whatever its source (file, sweep): the offending key (as in the TOML file) and why.
std::optional<std::pair<std::string, std::string>> validate(const Habits& habits);

}  // namespace cqm::stats
