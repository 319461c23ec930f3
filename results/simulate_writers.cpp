#include <fmt/format.h>

#include "results/simulate_result.hpp"

namespace cqm {

SimulateResult simulate(const Config& config, const Schedule& schedule, std::string schedule_name) {
  SimulateResult r;
  r.config = config;
  r.schedule = std::move(schedule_name);
  r.horizon = horizon_of(schedule, config);
  System system(r.config, &r.log, &r.refusals);
  run_schedule(system, schedule);
  const auto& items = system.group<QueueItem>();
  const int per_client = QueueItem::instances(config);
  for (int i = 0; i < items.size(); ++i) {
    const auto state = static_cast<QueueItem::State>(items.state(i));
    if (state == QueueItem::State::Empty) continue;
    const auto& d = items.data(i);
    const Minutes settled = state == QueueItem::State::Delivered ? d.delivered_at
                            : state == QueueItem::State::Expired ? d.expired_at
                                                                 : kNever;
    r.fates.push_back({d.status, config.model.inbox(d.destination),
                       std::string(QueueItem::states[items.state(i)]), d.submitted_at, settled,
                       i / per_client});
  }
  r.queue_overflowed = system.queue_overflowed();
  return r;
}

std::string fate_text(const Fate& f, Minutes lifetime) {
  const std::string what =
      f.status == StatusId::none
          ? fmt::format("inventory file for {}", enum_name(f.inbox))
          : fmt::format("status {} ({})", enum_name(f.status), status_meaning(int(f.status)));
  const std::string submitted = "submitted " + format_time(f.submitted);
  if (f.state == "Removed")
    return what + ": Removed by CQM, its file's name in use on the CAP (Q301352), " + submitted;
  if (f.state == "Delivered") return what + ": Delivered at " + format_time(f.settled) + ", " + submitted;
  if (f.state == "Expired")
    return what + ": Expired at " + format_time(f.settled) + ", " + submitted + ", lifetime " +
           std::to_string(lifetime) + " min";
  return what + ": still in the queue (" + f.state + ") at the horizon, " + submitted;
}

std::string simulate_text(const SimulateResult& r) {
  std::string out = fmt::format("# cqmcheck simulate: {} — {}\n# {}, until {}\n", r.config.name,
                                r.config.summary, r.schedule, format_time(r.horizon));
  // Each client's logs, then the site server's; a site of one client reads as before.
  const int clients = r.config.model.site.clients;
  for (int client = 0; client <= clients; ++client)
    for (const LogFile file : {LogFile::smsapm32, LogFile::cqmgr32, LogFile::windows, LogFile::statmgr})
      if (std::string lines = render_log(r.log, r.config.model.site_code, file, client);
          !lines.empty() || (file == LogFile::cqmgr32 && client < clients)) {
        const std::string whose =
            clients > 1 && client < clients ? " (client " + std::to_string(client) + ")" : "";
        out += "\n== " + std::string(log_file_name(file)) + whose + " ==\n" + lines;
      }
  out += "\n== Queue items ==\n";
  if (r.fates.empty()) out += "no status message was submitted\n";
  for (const auto& f : r.fates)
    out += (clients > 1 ? "client " + std::to_string(f.client) + ": " : std::string()) +
           fate_text(f, r.config.model.item_lifetime) + "\n";
  if (r.queue_overflowed)
    out +=
        "an item found no free queue slot (environment.max_queue, or the registry's capacity passed): it was "
        "not submitted\n";
  if (!r.refusals.empty()) {
    out += "\n== Refused events (the state did not accept them) ==\n";
    for (const auto& x : r.refusals)
      out += fmt::format("{}: {}[{}] refused {} in {}\n", format_time(x.at), x.machine, x.instance, x.event,
                         x.state);
  }
  return out;
}

nlohmann::ordered_json simulate_json(const SimulateResult& r) {
  nlohmann::ordered_json j;
  j["preset"] = r.config.name;
  j["schedule"] = r.schedule;
  j["horizon"] = format_time(r.horizon);
  j["log"] = nlohmann::ordered_json::array();
  for (const auto& line : r.log) j["log"].push_back(log_line(line, r.config.model.site_code));
  j["items"] = nlohmann::ordered_json::array();
  for (const auto& f : r.fates)
    j["items"].push_back({{"status", std::string(enum_name(f.status))},
                          {"inbox", std::string(enum_name(f.inbox))},
                          {"state", f.state},
                          {"submitted", format_time(f.submitted)},
                          {"settled", f.settled == kNever ? nlohmann::ordered_json()
                                                          : nlohmann::ordered_json(format_time(f.settled))}});
  j["refusals"] = nlohmann::ordered_json::array();
  for (const auto& x : r.refusals)
    j["refusals"].push_back({{"at", format_time(x.at)},
                             {"machine", std::string(x.machine)},
                             {"instance", x.instance},
                             {"state", std::string(x.state)},
                             {"event", std::string(x.event)}});
  j["queue_overflowed"] = r.queue_overflowed;
  return j;
}

}  // namespace cqm
