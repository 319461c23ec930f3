#include "properties/assumptions.hpp"

#include <algorithm>

namespace cqm {
namespace {

std::string minutes(Minutes m) { return std::to_string(m) + " min"; }

/// A quantum that divides this one: a finer grid holds every point of the coarser.
Minutes finer_quantum(Minutes q) {
  for (Minutes p = 2; p <= q; ++p)
    if (q % p == 0) return q / p;
  return q;
}

}  // namespace

std::vector<Assumption> assumptions(const Config& c) {
  const auto& m = c.model;
  const auto& e = c.env;
  std::vector<Assumption> out;
  if (m.os == Os::WinNT)
    out.push_back({"client.os",
                   "the client runs Windows NT, where CQM's initialisation never fails (client.os = winnt)",
                   [](Config& x) { x.model.os = Os::Win9x; }, "client.os = win9x"});
  switch (m.init_failure) {
    case InitFailure::Never:
      out.push_back({"init.failure", "CQM's initialisation never fails (init.failure = never)",
                     [](Config& x) { x.model.init_failure = InitFailure::Race; }, "init.failure = race"});
      break;
    case InitFailure::Race:
      out.push_back({"init.failure",
                     "CQM's initialisation fails only when work races the start-up (init.failure = race)",
                     [](Config& x) { x.model.init_failure = InitFailure::AnyBoot; },
                     "init.failure = any_boot"});
      break;
    case InitFailure::AnyBoot:
      out.push_back({"init.failure",
                     "CQM's initialisation may fail at any start-up (init.failure = any_boot)",
                     {},
                     ""});
      break;
  }
  if (e.max_init_failures_in_a_row >= 0)
    out.push_back({"environment.max_init_failures_in_a_row",
                   "at most " + std::to_string(e.max_init_failures_in_a_row) +
                       " failed initialisations in a row (environment.max_init_failures_in_a_row)",
                   [](Config& x) { x.env.max_init_failures_in_a_row = -1; },
                   "no bound on failures in a row"});
  else
    out.push_back(
        {"environment.max_init_failures_in_a_row",
         "initialisation may fail at every start-up in a row (environment.max_init_failures_in_a_row = "
         "unbounded)",
         {},
         ""});
  if (m.late_reinit_succeeds)
    out.push_back({"cqm.late_reinit_succeeds",
                   "a re-initialisation after the race window succeeds (cqm.late_reinit_succeeds = true)",
                   [](Config& x) { x.model.late_reinit_succeeds = false; },
                   "cqm.late_reinit_succeeds = false"});
  if (e.user_powers_off) {
    const int lifetime_days = m.item_lifetime / kMinutesPerDay + 1;
    out.push_back(
        {"environment.max_days_off",
         "the PC is switched on between " + format_clock(e.on_from) + " and " + format_clock(e.on_until) +
             (e.max_days_off == 0
                  ? " every day"
                  : ", never more than " + std::to_string(e.max_days_off) + " days in a row without") +
             " (environment.on_from, on_until, max_days_off)",
         [lifetime_days](Config& x) { x.env.max_days_off = lifetime_days + 1; },
         "up to " + std::to_string(lifetime_days + 1) + " days in a row without"});
    out.push_back({"environment.min_session",
                   "the PC stays up at least " + minutes(e.min_session) +
                       " after any start-up (environment.min_session)",
                   [](Config& x) { x.env.min_session = 0; }, "environment.min_session = 0"});
    if (e.max_session > 0)
      out.push_back({"environment.max_session",
                     "the user switches off at the latest " + minutes(e.max_session) +
                         " after a start-up (environment.max_session)",
                     [](Config& x) { x.env.max_session = 0; },
                     "no latest switch-off (environment.max_session = 0)"});
  } else {
    out.push_back({"environment.user_powers_off",
                   "the PC is never switched off once on (environment.user_powers_off = false)",
                   [](Config& x) {
                     x.env.user_powers_off = true;
                     x.env.day.always_on = false;
                   },
                   "a user who may switch off"});
  }
  if (!e.cap_reachable)
    out.push_back(
        {"environment.cap_reachable",
         "the client is cut off from its CAP for the whole run (environment.cap_reachable = false; the "
         "question asked, not an assumption)",
         {},
         ""});
  else if (e.max_cap_outages == 0 || e.max_outage == 0)
    out.push_back({"environment.max_cap_outages",
                   "the CAP itself is never down (environment.max_cap_outages = 0)",
                   [](Config& x) {
                     x.env.max_cap_outages = 1;
                     x.env.max_outage = 120;
                   },
                   "one CAP outage of up to 120 min"});
  else
    out.push_back(
        {"environment.max_cap_outages",
         "at most " + std::to_string(e.max_cap_outages) + " CAP outages of at most " + minutes(e.max_outage) +
             " (environment.max_cap_outages, max_outage)",
         [](Config& x) {
           x.env.max_cap_outages += 1;
           x.env.max_outage *= 2;
         },
         std::to_string(e.max_cap_outages + 1) + " CAP outages of up to " + minutes(2 * e.max_outage)});
  for (int p = 0; p < c.programs(); ++p) {
    const ProgramWindow& w = e.programs[static_cast<std::size_t>(p)];
    out.push_back({program_key(p, "runs_from"),
                   (c.programs() > 1 ? "program[" + std::to_string(p) + "]" : std::string("the program")) +
                       " finishes between " + format_time(w.from) + " and " + format_time(w.until) +
                       " (the question asked, not an assumption)",
                   {},
                   ""});
  }
  if (m.inventory_agents() > 0)
    out.push_back({"inventory.hardware_interval",
                   "the search ends at " + format_time(exploration_horizon(c)) +
                       ": by then a queue nothing leaves has passed the registry's " +
                       std::to_string(m.registry_capacity) +
                       " items (a bounded horizon: the agents never stop)",
                   {},
                   ""});
  // The site past the CAP, where a preset sets it apart from the defaults (its figures are ours).
  if (m.site.clients > 1)
    out.push_back(
        {"site.clients",
         std::to_string(m.site.clients) +
             " clients alike on one CAP, each on its own schedule (site.clients; the question asked)",
         {},
         ""});
  if (m.site.assistant_interval > 0)
    out.push_back({"site.assistant_interval",
                   "the Inbox Manager Assistant takes the CAP's files every " +
                       minutes(m.site.assistant_interval) + " (site.assistant_interval)",
                   {},
                   ""});
  if (const Minutes copy = m.site_copy_minutes(); copy > 0)
    out.push_back(
        {"site.status_file_bytes",
         "the assistant's copy of a status file takes " + minutes(copy) +
             " (site.status_file_bytes over site.link_kbps), and a half-written file Status Manager opens "
             "gives error " +
             std::to_string(m.site.open_error) + " (site.open_error)",
         {},
         ""});
  if (m.clock_offset != 0)
    out.push_back({"client.clock_offset",
                   "the client's clock is " + minutes(m.clock_offset) +
                       " ahead of the site server's (client.clock_offset)",
                   {},
                   ""});
  const Minutes finer = finer_quantum(e.quantum);
  out.push_back(
      {"environment.quantum",
       "exhaustive: the environment acts on a " + minutes(e.quantum) + " grid (environment.quantum)",
       finer == e.quantum ? std::function<void(Config&)>{} : [finer](Config& x) { x.env.quantum = finer; },
       "a " + minutes(finer) + " grid"});
  return out;
}

std::string assumption_line(const Config& c, const Assumption& a) {
  return a.text + (a.drop && c.expected.not_needed(a.key)
                       ? " [not needed: the verdicts also hold with " + a.dropped + "]"
                       : "");
}

std::vector<std::string> assumption_lines(const Config& c) {
  std::vector<std::string> out;
  for (const auto& a : assumptions(c)) out.push_back(assumption_line(c, a));
  return out;
}

}  // namespace cqm
