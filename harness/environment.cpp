#include "harness/environment.hpp"

#include <algorithm>

namespace cqm {

bool restarts_computer(AfterRunning option) {
  return option == AfterRunning::ProgramRestarts || option == AfterRunning::SmsRestarts;
}

std::uint32_t Choice::any_programs() const {
  std::uint32_t out = 0;
  for (const auto& c : clients) out |= c.programs;
  return out;
}

EnvironmentModel::EnvironmentModel(const Config& config)
    : config_(&config), horizon_(exploration_horizon(config)) {}

bool EnvironmentModel::init_can_fail() const {
  const auto& m = config_->model;
  return m.os == Os::Win9x && m.init_failure != InitFailure::Never &&
         config_->env.max_init_failures_in_a_row != 0;
}

void EnvironmentModel::client_choices(const System& s, ClientChoices& out) const {
  out.clear();
  const auto& e = config_->env;
  const Minutes t = s.now();
  const Minutes tod = t % kMinutesPerDay;
  const Minutes day = t / kMinutesPerDay;
  const auto client = s.state<Client>();
  const Minutes last_on_day = s.data<Client>().last_on_day;

  // The user: switches the PC on at most once a day inside [on_from, on_until] — and must, at the window's
  // last grid point, after max_days_off days without — and off after at least min_session and at the latest
  // max_session after any start-up.
  Choice::Power powers[2] = {Choice::Power::none, Choice::Power::none};
  int n_powers = 1;
  if (client == Client::State::Off) {
    const bool window = tod >= e.on_from && tod <= e.on_until && last_on_day < day;
    const bool first_time = last_on_day < 0;
    if (window && (e.user_powers_off || first_time)) {
      const bool last_chance = tod + e.quantum > e.on_until;
      const bool must = last_chance && day - last_on_day > e.max_days_off;
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

  for (int p = 0; p < n_powers; ++p) {
    // Every subset of the possible programs (none when the user switches off now).
    const std::uint8_t allowed = powers[p] == Choice::Power::off ? 0 : possible;
    for (unsigned subset = allowed;; subset = (subset - 1) & allowed) {
      const bool restart = any_restarts && subset != 0;
      const bool start_up_follows = powers[p] == Choice::Power::on || restart;
      for (int fail = 0; fail < (start_up_follows && init_can_fail() ? 2 : 1); ++fail)
        // Keep the planned outcome when no start-up follows, so equal states stay equal.
        out.push_back({powers[p], static_cast<std::uint8_t>(subset), start_up_follows && fail != 0});
      if (subset == 0) break;
    }
  }
}

void EnvironmentModel::choices(const System& s, const EnvBook& book, std::vector<Choice>& out) const {
  out.clear();
  const auto& e = config_->env;
  const Minutes t = s.now();
  const int clients = s.clients();
  if (clients > kMaxSearchClients)
    throw std::logic_error("model bug: a site of more clients than the exhaustive explorer takes");

  // Each client's own options, then every combination (client 0's varying slowest), the CAP's last.
  std::array<ClientChoices, kMaxSearchClients> of;
  const int focused = s.focused();
  for (int c = 0; c < clients; ++c) {
    s.focus(c);
    client_choices(s, of[static_cast<std::size_t>(c)]);
  }
  s.focus(focused);

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

  std::array<std::size_t, kMaxSearchClients> at{};
  for (;;) {
    for (int o = 0; o < n_outages; ++o) {
      Choice c;
      for (int k = 0; k < clients; ++k)
        c.clients[static_cast<std::size_t>(k)] =
            of[static_cast<std::size_t>(k)][at[static_cast<std::size_t>(k)]];
      c.outage = outages[o];
      out.push_back(c);
    }
    // The next combination: the last client's option varies fastest.
    int k = clients - 1;
    while (k >= 0 && ++at[static_cast<std::size_t>(k)] == of[static_cast<std::size_t>(k)].size())
      at[static_cast<std::size_t>(k--)] = 0;
    if (k < 0) break;
  }
}

void EnvironmentModel::apply(System& s, EnvBook& book, const Choice& c, std::vector<ScheduleEvent>* events,
                             const int* client_of) const {
  const Minutes t = s.now();
  auto act = [&](EnvAction a, int program = 0, int client = 0) {
    const ScheduleEvent ev{t, a, config_->model.programs[static_cast<std::size_t>(program)].mif, program,
                           client};
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
  // Client by client in the real order: the events of one minute keep the clients' order in the schedule.
  std::array<int, kMaxSearchClients> part_of{};
  for (int j = 0; j < s.clients(); ++j) part_of[static_cast<std::size_t>(client_of ? client_of[j] : j)] = j;
  for (int client = 0; client < s.clients(); ++client) {
    const Choice::OfClient& mine =
        c.clients[static_cast<std::size_t>(part_of[static_cast<std::size_t>(client)])];
    const bool start_up_follows = mine.power == Choice::Power::on || mine.programs != 0;
    if (start_up_follows) s.plan_next_init(mine.init_fails ? InitOutcome::failed : InitOutcome::ok, client);
    if (mine.power == Choice::Power::on)
      act(EnvAction::power_on, 0, client);
    else if (mine.power == Choice::Power::off)
      act(EnvAction::power_off, 0, client);
    for (int p = 0; p < config_->programs(); ++p)
      if (mine.programs >> p & 1u) act(EnvAction::program_finishes, p, client);
  }
}

bool EnvironmentModel::is_terminal(const System& s) const { return s.now() >= horizon_ || settled(s); }

bool EnvironmentModel::settled(const System& s) const {
  const int focused = s.focused();
  bool done = true;
  for (int client = 0; client < s.clients() && done; ++client) {
    s.focus(client);
    done = client_done(s);
  }
  s.focus(focused);
  if (!done || config_->model.inventory_agents() > 0) return done;
  // A status on its way through the site may still be lost or late.
  const auto& files = s.group<StatusFile>();
  for (int i = 0; i < files.size(); ++i)
    if (StatusFile::in_transit(files.state(i))) return false;
  return true;
}

bool EnvironmentModel::client_done(const System& s) const {
  if (config_->model.inventory_agents() > 0) {
    // The agents keep adding items; a full registry has lost the user's profile, and the story ends there.
    return s.count<Registry>() > 0 && s.state<Registry>() == Registry::State::Full;
  }
  for (int p = 0; p < config_->programs(); ++p) {
    using S = AdvertisedProgramsManager::State;
    const auto state = s.state<AdvertisedProgramsManager>(p);
    if (state == S::Finished) continue;
    if (state == S::Pending && s.now() >= config_->env.programs[static_cast<std::size_t>(p)].until)
      continue;  // it can no longer run
    return false;
  }
  return !s.any_in_queue();
}

}  // namespace cqm
