#include "harness/environment.hpp"

#include <algorithm>

namespace cqm {

std::uint16_t Choice::encode() const {
  return static_cast<std::uint16_t>(static_cast<unsigned>(power) | (program ? 4u : 0u) |
                                    (init_fails ? 8u : 0u) | (static_cast<unsigned>(outage) << 4));
}

Choice Choice::decode(std::uint16_t code) {
  Choice c;
  c.power = static_cast<Power>(code & 3u);
  c.program = code & 4u;
  c.init_fails = code & 8u;
  c.outage = static_cast<Outage>((code >> 4) & 3u);
  return c;
}

EnvironmentModel::EnvironmentModel(const Config& config) : config_(&config) {
  const Minutes q = config.env.quantum;
  // The last status can be submitted a restart after program_until; give it its whole lifetime, on the grid.
  const Minutes last_submit = config.env.program_until + config.shutdown_minutes + config.boot_minutes;
  horizon_ = ((last_submit + config.item_lifetime) / q + 2) * q;
}

bool EnvironmentModel::init_can_fail() const {
  return config_->os == Os::Win9x && config_->init_failure != InitFailure::Never &&
         config_->env.max_init_failures_in_a_row != 0;
}

void EnvironmentModel::choices(const System& s, const EnvBook& book, std::vector<Choice>& out) const {
  out.clear();
  const EnvironmentModel& self = *this;
  const auto& e = config_->env;
  const Minutes t = s.now();
  const Minutes tod = t % kMinutesPerDay;
  const Minutes day = t / kMinutesPerDay;

  // The user: switched on once a day inside [on_from, on_until] (forced at the last chance), off after at
  // least min_session and at the latest max_session after any start-up.
  Choice::Power powers[2] = {Choice::Power::none, Choice::Power::none};
  int n_powers = 1;
  if (s.client_state() == ClientState::Off) {
    const bool window = tod >= e.on_from && tod <= e.on_until && book.last_on_day < day;
    const bool first_time = book.last_on_day < 0;
    if (window && (e.user_powers_off || first_time)) {
      const bool last_chance = tod + e.quantum > e.on_until;
      powers[0] = Choice::Power::on;
      if (!last_chance) powers[n_powers++] = Choice::Power::none;
    }
  } else if (s.client_state() == ClientState::Up && e.user_powers_off) {
    const Minutes age = t - s.client().up_since;
    if (e.max_session > 0 && age >= e.max_session) {
      powers[0] = Choice::Power::off;
    } else if (age >= e.min_session) {
      powers[n_powers++] = Choice::Power::off;
    }
  }

  const bool program_possible = s.client_state() == ClientState::Up &&
                                s.program_state() == ProgramState::Pending && !s.program_deferred() &&
                                t >= e.program_from && t < e.program_until;
  const bool restarts = config_->after_running == AfterRunning::ProgramRestarts ||
                        config_->after_running == AfterRunning::SmsRestarts;

  Choice::Outage outages[2] = {Choice::Outage::none, Choice::Outage::none};
  int n_outages = 1;
  if (s.cap_outage()) {
    if (t - book.outage_since >= e.max_outage)
      outages[0] = Choice::Outage::end;
    else
      outages[n_outages++] = Choice::Outage::end;
  } else if (book.outages_used < e.max_cap_outages && e.max_outage > 0) {
    outages[n_outages++] = Choice::Outage::start;
  }

  for (int p = 0; p < n_powers; ++p)
    for (int prog = 0; prog < (program_possible && powers[p] != Choice::Power::off ? 2 : 1); ++prog) {
      const bool start_up_follows = powers[p] == Choice::Power::on || (prog && restarts);
      for (int fail = 0; fail < (start_up_follows && self.init_can_fail() ? 2 : 1); ++fail)
        for (int o = 0; o < n_outages; ++o) {
          Choice c;
          c.power = powers[p];
          c.program = prog;
          // Keep the planned outcome when no start-up follows, so equal states stay equal.
          c.init_fails = start_up_follows ? fail : false;
          c.outage = outages[o];
          out.push_back(c);
        }
    }
}

void EnvironmentModel::apply(System& s, EnvBook& book, const Choice& c,
                             std::vector<ScheduleEvent>* events) const {
  const Minutes t = s.now();
  auto act = [&](EnvAction a) {
    const ScheduleEvent ev{t, a, config_->mif};
    cqm::apply(s, ev);
    if (events) events->push_back(ev);
  };
  if (c.outage == Choice::Outage::start) {
    book.outage_since = t;
    ++book.outages_used;
    act(EnvAction::cap_outage_started);
  } else if (c.outage == Choice::Outage::end) {
    act(EnvAction::cap_outage_ended);
  }
  const bool start_up_follows = c.power == Choice::Power::on || c.program;
  if (start_up_follows) s.plan_next_init(c.init_fails ? InitOutcome::failed : InitOutcome::ok);
  if (c.power == Choice::Power::on) {
    book.last_on_day = t / kMinutesPerDay;
    act(EnvAction::power_on);
  } else if (c.power == Choice::Power::off) {
    act(EnvAction::power_off);
  }
  if (c.program) act(EnvAction::program_finishes);
}

bool EnvironmentModel::is_terminal(const System& s) const {
  if (s.now() >= horizon_) return true;
  if (s.program_state() == ProgramState::Pending)
    return !s.program_deferred() && s.now() >= config_->env.program_until;
  if (s.program_state() != ProgramState::Finished) return false;
  for (int i = 0; i < s.items_submitted(); ++i)
    if (s.item_state(i) == QueueItemState::Queued) return false;
  return true;
}

Schedule schedule_of_path(const Config& config, const std::vector<std::uint16_t>& path) {
  const EnvironmentModel env(config);
  System system(config);
  EnvBook book;
  Schedule schedule;
  std::vector<bool> planned;  // the outcome planned when each start-up happened
  for (std::uint16_t code : path) {
    const int start_ups = system.client().start_ups;
    env.apply(system, book, Choice::decode(code), &schedule.events);
    const bool fails = system.snapshot().next_init_fails;
    system.advance_to(system.now() + env.quantum());
    for (int k = start_ups; k < system.client().start_ups; ++k) planned.push_back(fails);
  }
  for (bool f : planned) schedule.init.push_back(f ? InitOutcome::failed : InitOutcome::ok);
  schedule.init_otherwise = InitOutcome::ok;
  schedule.horizon = system.now();
  return schedule;
}

}  // namespace cqm
