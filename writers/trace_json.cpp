#include "writers/trace_json.hpp"

#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "io/config_toml.hpp"
#include "io/trace_reader.hpp"
#include "properties/assumptions.hpp"
#include "writers/described_json.hpp"
#include "writers/json_text.hpp"

namespace cqm {

using Json = nlohmann::ordered_json;

namespace {

// Each instance's label, made once for a trace rather than for every step.
class Labels {
 public:
  explicit Labels(const Config& config) : config_(config) {}
  const std::string& of(std::size_t machine, std::size_t i) {
    auto& labels = labels_[machine];
    while (labels.size() <= i)
      labels.push_back(instance_label(config_, machine, static_cast<int>(labels.size())));
    return labels[i];
  }

 private:
  const Config& config_;
  std::array<std::vector<std::string>, kMachines> labels_;
};

Json machines_json(const SystemSnapshot& s, Labels& labels) {
  // Each object built where it ends up: a trace holds every instance of every step. The labels are distinct,
  // so each is appended to the object's list of members: j[label] would look through every member before
  // it (nlohmann's ordered_map is a list), and the room is made first, as a const key is copied on a move.
  Json j = Json::object();
  auto& members = j.get_ref<Json::object_t&>();
  std::size_t count = 0;
  for_each_machine([&]<class M>(std::type_identity<M>) { count += s.all<M>().size(); });
  members.reserve(count);
  for_each_machine([&]<class M>(std::type_identity<M>) {
    const auto& instances = s.all<M>();
    for (std::size_t i = 0; i < instances.size(); ++i) {
      Json& m = members.emplace_back(labels.of(machine_index<M>, i), Json::object()).second;
      m["state"] = std::string(M::states[instances[i].state]);
      add_described(m, instances[i].data);
    }
  });
  return j;
}

}  // namespace

Json machines_json(const SystemSnapshot& s, const Config& config) {
  Labels labels(config);
  return machines_json(s, labels);
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
    Json& ev = schedule["events"].emplace_back();
    ev["at"] = format_time(e.at);
    ev["do"] = std::string(enum_name(e.action));
    if (e.action == EnvAction::program_finishes) {
      ev["mif"] = std::string(enum_name(e.mif));
      ev["program"] = e.program;
    }
  }
  j["schedule"] = std::move(schedule);
  Json& steps = j["steps"] = Json::array();
  Labels labels(cex.config);
  std::size_t log_begin = 0;
  for (const auto& s : cex.steps) {
    Json& step = steps.emplace_back();
    step["at"] = format_time(s.at);
    step["event"] = s.event;
    if (!s.detail.empty()) step["detail"] = s.detail;
    step["inputs"] = described_json(s.state.inputs);
    step["machines"] = machines_json(s.state, labels);
    Json& log = step["log"] = Json::array();
    for (std::size_t i = log_begin; i < s.log_end; ++i)
      log.push_back(log_text(cex.log[i], cex.config.model.site_code));
    log_begin = s.log_end;
  }
  return json_text(j);
}

}  // namespace cqm
