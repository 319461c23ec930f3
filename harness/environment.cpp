#include "harness/environment.hpp"

#include <algorithm>

namespace cqm {

bool restarts_computer(AfterRunning option) {
  return option == AfterRunning::ProgramRestarts || option == AfterRunning::SmsRestarts;
}

std::uint16_t Choice::encode() const {
  return static_cast<std::uint16_t>(static_cast<unsigned>(power) | (init_fails ? 4u : 0u) |
                                    (static_cast<unsigned>(outage) << 3) | (unsigned{programs} << 5));
}

Choice Choice::decode(std::uint16_t code) {
  Choice c;
  c.power = static_cast<Power>(code & 3u);
  c.init_fails = code & 4u;
  c.outage = static_cast<Outage>((code >> 3) & 3u);
  c.programs = static_cast<std::uint8_t>(code >> 5);
  return c;
}

EnvironmentModel::EnvironmentModel(const Config& config)
    : config_(&config), horizon_(exploration_horizon(config)) {}

bool EnvironmentModel::init_can_fail() const {
  const auto& m = config_->model;
  return m.os == Os::Win9x && m.init_failure != InitFailure::Never &&
         config_->env.max_init_failures_in_a_row != 0;
}

void EnvironmentModel::choices(const System& s, const EnvBook& book, std::vector<Choice>& out) const {
  out.clear();
  const auto& e = config_->env;
  const Minutes t = s.now();
  const Minutes tod = t % kMinutesPerDay;
  const Minutes day = t / kMinutesPerDay;
  const auto client = s.state<Client>();

  // The user: switches the PC on at most once a day inside [on_from, on_until] — and must, at the window's
  // last grid point, after max_days_off days without — and off after at least min_session and at the latest
  // max_session after any start-up.
  Choice::Power powers[2] = {Choice::Power::none, Choice::Power::none};
  int n_powers = 1;
  if (client == Client::State::Off) {
    const bool window = tod >= e.on_from && tod <= e.on_until && book.last_on_day < day;
    const bool first_time = book.last_on_day < 0;
    if (window && (e.user_powers_off || first_time)) {
      const bool last_chance = tod + e.quantum > e.on_until;
      const bool must = last_chance && day - book.last_on_day > e.max_days_off;
      powers[0] = Choice::Power::on;
      if (!must) powers[n_powers++] = Choice::Power::none;
    }
  } else if (client == Client::State::Up && e.user_powers_off) {
    const Minutes age = t - s.data<Client>().up_since;
    if (e.max_session > 0 && age >= e.max_session) {
      powers[0] = Choice::Power::off;
    } else if (age >= e.min_session) {
      powers[n_powers++] = Choice::Power::off;
    }
  }

  // The programs: each pending one may finish now while the PC is up, inside its window.
  std::uint8_t possible = 0;
  bool any_restarts = false;
  if (client == Client::State::Up)
    for (int p = 0; p < config_->programs(); ++p) {
      const ProgramWindow& w = e.programs[static_cast<std::size_t>(p)];
      if (s.state<AdvertisedProgramsManager>(p) == AdvertisedProgramsManager::State::Pending && t >= w.from &&
          t < w.until) {
        possible |= static_cast<std::uint8_t>(1u << p);
        any_restarts |= restarts_computer(config_->model.programs[static_cast<std::size_t>(p)].after_running);
      }
    }

  Choice::Outage outages[2] = {Choice::Outage::none, Choice::Outage::none};
  int n_outages = 1;
  if (s.inputs().cap_outage) {
    if (t - book.outage_since >= e.max_outage)
      outages[0] = Choice::Outage::end;
    else
      outages[n_outages++] = Choice::Outage::end;
  } else if (e.cap_reachable && book.outages_used < e.max_cap_outages && e.max_outage > 0) {
    outages[n_outages++] = Choice::Outage::start;
  }

  for (int p = 0; p < n_powers; ++p) {
    // Every subset of the possible programs (none when the user switches off now).
    const std::uint8_t allowed = powers[p] == Choice::Power::off ? 0 : possible;
    for (unsigned subset = allowed;; subset = (subset - 1) & allowed) {
      const bool restart = any_restarts && subset != 0;
      const bool start_up_follows = powers[p] == Choice::Power::on || restart;
      for (int fail = 0; fail < (start_up_follows && init_can_fail() ? 2 : 1); ++fail)
        for (int o = 0; o < n_outages; ++o) {
          Choice c;
          c.power = powers[p];
          c.programs = static_cast<std::uint8_t>(subset);
          // Keep the planned outcome when no start-up follows, so equal states stay equal.
          c.init_fails = start_up_follows && fail;
          c.outage = outages[o];
          out.push_back(c);
        }
      if (subset == 0) break;
    }
  }
}

void EnvironmentModel::apply(System& s, EnvBook& book, const Choice& c,
                             std::vector<ScheduleEvent>* events) const {
  const Minutes t = s.now();
  auto act = [&](EnvAction a, int program = 0) {
    const ScheduleEvent ev{t, a, config_->model.programs[static_cast<std::size_t>(program)].mif, program};
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
  const bool start_up_follows = c.power == Choice::Power::on || c.programs != 0;
  if (start_up_follows) s.plan_next_init(c.init_fails ? InitOutcome::failed : InitOutcome::ok);
  if (c.power == Choice::Power::on) {
    book.last_on_day = t / kMinutesPerDay;
    act(EnvAction::power_on);
  } else if (c.power == Choice::Power::off) {
    act(EnvAction::power_off);
  }
  for (int p = 0; p < config_->programs(); ++p)
    if (c.programs >> p & 1u) act(EnvAction::program_finishes, p);
}

bool EnvironmentModel::is_terminal(const System& s) const {
  if (s.now() >= horizon_) return true;
  if (config_->model.inventory_agents() > 0) {
    // The agents keep adding items; a full registry has lost the user's profile, and the story ends there.
    return s.group<Registry>().size() > 0 && s.state<Registry>() == Registry::State::Full;
  }
  for (int p = 0; p < config_->programs(); ++p) {
    using S = AdvertisedProgramsManager::State;
    const auto state = s.state<AdvertisedProgramsManager>(p);
    if (state == S::Finished) continue;
    if (state == S::Pending && s.now() >= config_->env.programs[static_cast<std::size_t>(p)].until)
      continue;  // it can no longer run
    return false;
  }
  if (s.any_in_queue()) return false;
  // A status on its way through the site may still be lost or late.
  const auto& files = s.group<StatusFile>();
  for (int i = 0; i < files.size(); ++i)
    if (StatusFile::in_transit(files.state(i))) return false;
  return true;
}

Schedule schedule_of_path(const Config& config, const std::vector<std::uint16_t>& path) {
  const EnvironmentModel env(config);
  System system(config);
  EnvBook book;
  Schedule schedule;
  std::vector<bool> planned;  // the outcome planned when each start-up happened
  for (std::uint16_t code : path) {
    const int start_ups = system.data<Client>().start_ups;
    env.apply(system, book, Choice::decode(code), &schedule.events);
    const bool fails = system.inputs().next_init_fails;
    system.advance_to(system.now() + env.quantum());
    for (int k = start_ups; k < system.data<Client>().start_ups; ++k) planned.push_back(fails);
  }
  for (bool f : planned) schedule.init.push_back(f ? InitOutcome::failed : InitOutcome::ok);
  schedule.init_otherwise = InitOutcome::ok;
  schedule.horizon = system.now();
  return schedule;
}

}  // namespace cqm
