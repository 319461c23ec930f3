#pragma once
// RapidCheck generators of environment schedules inside the config's envelope. A schedule is generated as
// "habits" — small numbers RapidCheck knows how to shrink (toward the earliest power-on, the shortest
// session, each program right after start-up, fewer failed inits, fewer outages, fewer days away) — and then
// laid out as a Schedule. One generator draws all of a value's numbers (generators.cpp says why); its shrinks
// are those RapidCheck's combinators would give, in their order.
#include <rapidcheck.h>

#include <boost/container/small_vector.hpp>
#include <vector>

#include "model/schedule.hpp"

namespace cqm {

struct DayHabit {
  Minutes on_offset = 0;  ///< minutes after environment.on_from
  Minutes session = 0;    ///< minutes after environment.min_session
  bool away = false;      ///< the PC stays off today (at most environment.max_days_off days in a row)
};

struct Outage {
  Minutes start = 0;   ///< minutes from day 0 00:00
  Minutes length = 1;  ///< minutes, at most environment.max_outage
};

/// A vector held in the value up to N elements. RapidCheck's shrinkable hands out a copy of the value for
/// each run and each shrink candidate; held in place, a kb-q292030 value's copy allocates nothing.
template <class T, std::size_t N>
using InPlace = boost::container::small_vector<T, N>;

struct Habits {
  InPlace<DayHabit, 16> days;          ///< one per day of the horizon
  InPlace<Minutes, 4> program_delays;  ///< per program: after day 0's start-up, within its session
  InPlace<bool, 32> init_fails;        ///< per start-up (true: failed); past the end: ok
  InPlace<Outage, 4> outages;
  /// The other clients of the site (site.clients > 1), each on its own days; the CAP's outages are the
  /// first client's, the site's.
  std::vector<Habits> more_clients;
};

/// Days a schedule spans under this config: the programs' days plus the item lifetime, and one more.
int habit_days(const Config& config);

rc::Gen<Habits> habits_gen(const Config& config);

/// The habits as a timeline that keeps the envelope: the PC on within [on_from, on_until] every day (but for
/// at most max_days_off days in a row), off after at least min_session after any start-up (including a
/// program's restart) and at most max_session.
Schedule schedule_of(const Config& config, const Habits& habits);
/// The same into `out`, whose vectors keep their room (a random search lays out a schedule a run).
void schedule_of(const Config& config, const Habits& habits, Schedule& out);

}  // namespace cqm
