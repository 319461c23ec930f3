#include "properties/property.hpp"

namespace cqm {

const std::vector<const Property*>& all_properties() {
  static const std::vector<const Property*> all{&delivered_before_expiry(),   &no_silent_loss(),
                                                &queue_survives_power_loss(), &delivered_at_most_once(),
                                                &retry_count_consistent(),    &no_refused_events()};
  return all;
}

const Property* find_property(std::string_view name) {
  for (const auto* p : all_properties())
    if (p->name == name) return p;
  return nullptr;
}

std::optional<Violation> check_step(const Config& config, const SystemSnapshot& before,
                                    const SystemSnapshot& after) {
  for (const auto* p : all_properties())
    if (auto why = p->check(config, before, after)) return Violation{p, std::move(*why), after.now};
  return std::nullopt;
}

std::vector<std::string> no_assumptions(const Config&) { return {"none: holds under any environment"}; }

std::vector<std::string> envelope_assumptions(const Config& c) {
  const auto& e = c.env;
  std::vector<std::string> out;
  out.push_back("init.failure = " + std::string(enum_name(c.init_failure)));
  out.push_back("environment.max_init_failures_in_a_row = " +
                (e.max_init_failures_in_a_row < 0 ? std::string("unbounded")
                                                  : std::to_string(e.max_init_failures_in_a_row)));
  if (e.user_powers_off) {
    out.push_back("the PC is switched on every day between " + format_clock(e.on_from) + " and " +
                  format_clock(e.on_until));
    out.push_back("environment.min_session = " + std::to_string(e.min_session) + " min after any start-up");
    if (e.max_session > 0)
      out.push_back("environment.max_session = " + std::to_string(e.max_session) +
                    " min (switched off nightly)");
  } else {
    out.push_back("the PC is never switched off (environment.user_powers_off = false)");
  }
  out.push_back("cqm.late_reinit_succeeds = " + std::string(c.late_reinit_succeeds ? "true" : "false"));
  if (e.max_cap_outages > 0)
    out.push_back("at most " + std::to_string(e.max_cap_outages) + " CAP outages of at most " +
                  std::to_string(e.max_outage) + " min");
  return out;
}

}  // namespace cqm
