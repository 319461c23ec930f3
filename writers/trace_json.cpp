#include "writers/trace_json.hpp"

#include <nlohmann/json.hpp>

#include "io/config_toml.hpp"
#include "io/trace_reader.hpp"
#include "properties/assumptions.hpp"
#include "writers/described_json.hpp"
#include "writers/json_text.hpp"

namespace cqm {

using Json = nlohmann::ordered_json;

Json machines_json(const SystemSnapshot& s, const Config& config) {
  Json j = Json::object();
  for_each_machine([&]<class M>(std::type_identity<M>) {
    const auto& instances = s.all<M>();
    for (std::size_t i = 0; i < instances.size(); ++i) {
      Json m;
      m["state"] = std::string(M::states[instances[i].state]);
      const Json data = described_json(instances[i].data);
      for (const auto& [k, v] : data.items()) m[k] = v;
      j[instance_label(config, machine_index<M>, static_cast<int>(i))] = m;
    }
  });
  return j;
}

std::string trace_to_json(const Counterexample& cex) {
  Json j;
  j["format"] = "cqm-model trace";
  j["version"] = kTraceVersion;
  j["preset"] = cex.config.name;
  j["summary"] = cex.config.summary;
  j["explorer"] = cex.explorer;
  j["seed"] = cex.seed;
  j["property"] = cex.property;
  j["reason"] = cex.reason;
  j["violated_at"] = format_time(cex.at);
  j["assumptions"] = assumption_lines(cex.config);
  j["config"] = config_to_toml(cex.config);
  Json schedule;
  schedule["horizon"] = format_time(cex.schedule.horizon);
  schedule["init"] = Json::array();
  for (auto o : cex.schedule.init) schedule["init"].push_back(std::string(enum_name(o)));
  schedule["init_otherwise"] = std::string(enum_name(cex.schedule.init_otherwise));
  schedule["events"] = Json::array();
  for (const auto& e : cex.schedule.events) {
    Json ev;
    ev["at"] = format_time(e.at);
    ev["do"] = std::string(enum_name(e.action));
    if (e.action == EnvAction::program_finishes) {
      ev["mif"] = std::string(enum_name(e.mif));
      ev["program"] = e.program;
    }
    schedule["events"].push_back(ev);
  }
  j["schedule"] = schedule;
  Json steps = Json::array();
  std::size_t log_begin = 0;
  for (const auto& s : cex.steps) {
    Json step;
    step["at"] = format_time(s.at);
    step["event"] = s.event;
    if (!s.detail.empty()) step["detail"] = s.detail;
    step["inputs"] = described_json(s.state.inputs);
    step["machines"] = machines_json(s.state, cex.config);
    step["log"] = Json::array();
    for (std::size_t i = log_begin; i < s.log_end; ++i)
      step["log"].push_back(log_text(cex.log[i], cex.config.model.site_code));
    log_begin = s.log_end;
    steps.push_back(step);
  }
  j["steps"] = steps;
  return json_text(j);
}

}  // namespace cqm
