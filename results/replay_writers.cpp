#include <fmt/format.h>

#include "results/check_result.hpp"
#include "results/replay_result.hpp"

namespace cqm {

std::string replay_text(const ReplayResult& r) {
  std::string out = fmt::format("cqmcheck replay: {} ({}, from the {} explorer)\n", r.trace,
                                r.input.config.name, r.input.explorer);
  if (r.counterexample) {
    out += story(*r.counterexample);
    if (r.counterexample->property != r.input.property)
      out += fmt::format("  note: the trace claimed {}; the replay violates {} first\n", r.input.property,
                         r.counterexample->property);
    for (const auto& p : r.files) out += "  wrote " + p.string() + "\n";
  } else {
    out += fmt::format("  {} is no longer violated: every property holds to {}\n", r.input.property,
                       format_time(r.input.schedule.horizon));
  }
  return out + fmt::format("verdict: {}\n", enum_name(r.verdict()));
}

nlohmann::ordered_json replay_json(const ReplayResult& r) {
  nlohmann::ordered_json j;
  j["trace"] = r.trace;
  j["preset"] = r.input.config.name;
  j["claimed_property"] = r.input.property;
  j["verdict"] = std::string(enum_name(r.verdict()));
  if (r.counterexample) {
    j["property"] = r.counterexample->property;
    j["reason"] = r.counterexample->reason;
    j["at"] = format_time(r.counterexample->at);
  }
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const auto& p : r.files) files.push_back(p.string());
  j["files"] = files;
  return j;
}

}  // namespace cqm
