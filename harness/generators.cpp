#include "harness/generators.hpp"

#include <algorithm>

namespace cqm {

int habit_days(const Config& c) {
  return static_cast<int>((c.env.program_until + c.item_lifetime) / kMinutesPerDay + 2);
}

rc::Gen<Habits> habits_gen(const Config& c) {
  const auto& e = c.env;
  const Minutes on_span = e.on_until - e.on_from;
  // With no upper limit the user may keep the PC on into the night; a day's session never runs past the next
  // on.
  const Minutes session_span = (e.max_session > 0 ? e.max_session : kMinutesPerDay) - e.min_session;
  const int days = e.user_powers_off ? habit_days(c) : 1;
  const int start_ups = habit_days(c) + 4;
  auto day = rc::gen::build<DayHabit>(
      rc::gen::set(&DayHabit::on_offset, rc::gen::inRange<Minutes>(0, on_span + 1)),
      rc::gen::set(&DayHabit::session, rc::gen::inRange<Minutes>(0, std::max(session_span, 0) + 1)));
  auto outage = rc::gen::build<Outage>(
      rc::gen::set(&Outage::start, rc::gen::inRange<Minutes>(0, habit_days(c) * kMinutesPerDay)),
      rc::gen::set(&Outage::length, rc::gen::inRange<Minutes>(1, std::max<Minutes>(e.max_outage, 1) + 1)));
  return rc::gen::build<Habits>(
      rc::gen::set(&Habits::days, rc::gen::container<std::vector<DayHabit>>(days, day)),
      rc::gen::set(&Habits::program_delay, rc::gen::inRange<Minutes>(0, e.min_session + session_span + 1)),
      rc::gen::set(&Habits::init_fails,
                   rc::gen::container<std::vector<bool>>(start_ups, rc::gen::arbitrary<bool>())),
      rc::gen::set(&Habits::outages,
                   rc::gen::resize(e.max_cap_outages, rc::gen::container<std::vector<Outage>>(outage))));
}

Schedule schedule_of(const Config& c, const Habits& h) {
  const auto& e = c.env;
  Schedule s;
  const bool restarts =
      c.after_running == AfterRunning::ProgramRestarts || c.after_running == AfterRunning::SmsRestarts;
  Minutes program_at = kNever;
  Minutes previous_off = -1;
  for (std::size_t d = 0; d < h.days.size(); ++d) {
    const Minutes on = static_cast<Minutes>(d) * kMinutesPerDay + e.on_from + h.days[d].on_offset;
    if (on <= previous_off) continue;  // the PC is still on: the user finds it running
    const Minutes up = on + c.boot_minutes;
    const Minutes session = e.min_session + h.days[d].session;
    s.events.push_back({on, EnvAction::power_on});
    if (d == 0) {
      // The program finishes while the PC is up, inside the program window when the session allows.
      program_at = std::clamp(up + std::min(h.program_delay, session), e.program_from, e.program_until - 1);
      program_at = std::max(program_at, up);
      s.events.push_back({program_at, EnvAction::program_finishes, c.mif});
    }
    if (!e.user_powers_off) break;
    // The last start-up of the day is the program's restart, if it restarts the PC; the session limits count
    // from there (the envelope's min_session / max_session after any start-up).
    const Minutes last_start =
        d == 0 && restarts ? std::max(up, program_at + c.shutdown_minutes + c.boot_minutes) : up;
    Minutes off = std::max(up + session, last_start + e.min_session);
    if (e.max_session > 0) off = std::min(off, last_start + e.max_session);
    const Minutes next_on = static_cast<Minutes>(d + 1) * kMinutesPerDay + e.on_from;
    off = std::min(off, next_on - c.shutdown_minutes - 1);
    s.events.push_back({off, EnvAction::power_off});
    previous_off = off + c.shutdown_minutes;
  }
  for (const auto& o : h.outages) {
    s.events.push_back({o.start, EnvAction::cap_outage_started});
    s.events.push_back({o.start + o.length, EnvAction::cap_outage_ended});
  }
  std::stable_sort(s.events.begin(), s.events.end(),
                   [](const ScheduleEvent& a, const ScheduleEvent& b) { return a.at < b.at; });
  for (bool f : h.init_fails) s.init.push_back(f ? InitOutcome::failed : InitOutcome::ok);
  s.init_otherwise = InitOutcome::ok;
  s.horizon =
      static_cast<Minutes>(h.days.size() + (e.user_powers_off ? 0 : habit_days(c) - 1)) * kMinutesPerDay;
  return s;
}

}  // namespace cqm
