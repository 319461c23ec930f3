#include "harness/generators.hpp"

#include <algorithm>

#include "harness/environment.hpp"

namespace cqm {

int habit_days(const Config& c) {
  Minutes last = 0;
  for (const auto& w : c.env.programs) last = std::max(last, w.until);
  return static_cast<int>((last + c.model.item_lifetime) / kMinutesPerDay + 2);
}

rc::Gen<Habits> habits_gen(const Config& c) {
  const auto& e = c.env;
  const Minutes on_span = e.on_until - e.on_from;
  // With no upper limit the user may keep the PC on into the night; a day's session never runs past the next
  // on.
  const Minutes session_span = (e.max_session > 0 ? e.max_session : kMinutesPerDay) - e.min_session;
  const int days = e.user_powers_off ? habit_days(c) : 1;
  const int start_ups = habit_days(c) + 4 + 2 * c.programs();
  auto away = e.max_days_off > 0 ? rc::gen::arbitrary<bool>() : rc::gen::just(false);
  auto day = rc::gen::build<DayHabit>(
      rc::gen::set(&DayHabit::on_offset, rc::gen::inRange<Minutes>(0, on_span + 1)),
      rc::gen::set(&DayHabit::session, rc::gen::inRange<Minutes>(0, std::max(session_span, 0) + 1)),
      rc::gen::set(&DayHabit::away, away));
  auto outage = rc::gen::build<Outage>(
      rc::gen::set(&Outage::start, rc::gen::inRange<Minutes>(0, habit_days(c) * kMinutesPerDay)),
      rc::gen::set(&Outage::length, rc::gen::inRange<Minutes>(1, std::max<Minutes>(e.max_outage, 1) + 1)));
  const auto delay = rc::gen::inRange<Minutes>(0, e.min_session + std::max(session_span, 0) + 1);
  auto one_client = rc::gen::build<Habits>(
      rc::gen::set(&Habits::days,
                   rc::gen::container<std::vector<DayHabit>>(static_cast<std::size_t>(days), day)),
      rc::gen::set(&Habits::program_delays,
                   rc::gen::container<std::vector<Minutes>>(static_cast<std::size_t>(c.programs()), delay)),
      rc::gen::set(&Habits::init_fails,
                   rc::gen::container<std::vector<bool>>(static_cast<std::size_t>(start_ups),
                                                         rc::gen::arbitrary<bool>())));
  auto site_client = rc::gen::build<Habits>(
      rc::gen::set(&Habits::days,
                   rc::gen::container<std::vector<DayHabit>>(static_cast<std::size_t>(days), day)),
      rc::gen::set(&Habits::program_delays,
                   rc::gen::container<std::vector<Minutes>>(static_cast<std::size_t>(c.programs()), delay)),
      rc::gen::set(&Habits::init_fails, rc::gen::container<std::vector<bool>>(
                                            static_cast<std::size_t>(start_ups), rc::gen::arbitrary<bool>())),
      rc::gen::set(&Habits::outages,
                   rc::gen::resize(e.max_cap_outages, rc::gen::container<std::vector<Outage>>(outage))));
  // A site of one client draws exactly what it drew before sites had several.
  if (c.model.site.clients == 1) return site_client;
  return rc::gen::apply(
      [](Habits h, std::vector<Habits> more) {
        h.more_clients = std::move(more);
        return h;
      },
      site_client,
      rc::gen::container<std::vector<Habits>>(static_cast<std::size_t>(c.model.site.clients - 1),
                                              one_client));
}

namespace {

/// One client's days as events for client `client`.
void client_days(const Config& c, const Habits& h, int client, std::vector<ScheduleEvent>& events) {
  const auto& e = c.env;
  Minutes previous_off = -1;
  int away_in_a_row = 0;
  for (std::size_t d = 0; d < h.days.size(); ++d) {
    const bool away = d > 0 && h.days[d].away && away_in_a_row < e.max_days_off;
    away_in_a_row = away ? away_in_a_row + 1 : 0;
    if (away) continue;
    const Minutes on = static_cast<Minutes>(d) * kMinutesPerDay + e.on_from + h.days[d].on_offset;
    if (on <= previous_off) continue;  // the PC is still on: the user finds it running
    const Minutes up = on + c.model.boot_minutes;
    const Minutes session = e.min_session + h.days[d].session;
    events.push_back({on, EnvAction::power_on, MifResult::Success, 0, client});
    // The last start-up of the day is the last program's restart, if one restarts the PC; the session limits
    // count from there (the envelope's min_session / max_session after any start-up).
    Minutes last_start = up;
    if (d == 0) {
      // Each program finishes while the PC is up, inside its window when the session allows.
      for (int p = 0; p < c.programs(); ++p) {
        const ProgramWindow& w = e.programs[static_cast<std::size_t>(p)];
        const Minutes delay = h.program_delays[static_cast<std::size_t>(p)];
        Minutes at = std::clamp(up + std::min(delay, session), w.from, w.until - 1);
        at = std::max(at, up);
        events.push_back(
            {at, EnvAction::program_finishes, c.model.programs[static_cast<std::size_t>(p)].mif, p, client});
        if (restarts_computer(c.model.programs[static_cast<std::size_t>(p)].after_running))
          last_start = std::max(last_start, at + c.model.shutdown_minutes + c.model.boot_minutes);
      }
    }
    if (!e.user_powers_off) break;
    Minutes off = std::max(up + session, last_start + e.min_session);
    if (e.max_session > 0) off = std::min(off, last_start + e.max_session);
    const Minutes next_on = static_cast<Minutes>(d + 1) * kMinutesPerDay + e.on_from;
    off = std::min(off, next_on - c.model.shutdown_minutes - 1);
    events.push_back({off, EnvAction::power_off, MifResult::Success, 0, client});
    previous_off = off + c.model.shutdown_minutes;
  }
}

std::vector<InitOutcome> outcomes(const std::vector<bool>& fails) {
  std::vector<InitOutcome> out;
  for (bool f : fails) out.push_back(f ? InitOutcome::failed : InitOutcome::ok);
  return out;
}

}  // namespace

Schedule schedule_of(const Config& c, const Habits& h) {
  const auto& e = c.env;
  Schedule s;
  client_days(c, h, 0, s.events);
  for (std::size_t k = 0; k < h.more_clients.size(); ++k) {
    client_days(c, h.more_clients[k], static_cast<int>(k + 1), s.events);
    s.client_init.push_back(outcomes(h.more_clients[k].init_fails));
  }
  for (const auto& o : h.outages) {
    s.events.push_back({o.start, EnvAction::cap_outage_started});
    s.events.push_back({o.start + o.length, EnvAction::cap_outage_ended});
  }
  std::stable_sort(s.events.begin(), s.events.end(),
                   [](const ScheduleEvent& a, const ScheduleEvent& b) { return a.at < b.at; });
  s.init = outcomes(h.init_fails);
  s.init_otherwise = InitOutcome::ok;
  s.horizon =
      static_cast<Minutes>(h.days.size() + (e.user_powers_off ? 0 : habit_days(c) - 1)) * kMinutesPerDay;
  return s;
}

}  // namespace cqm
