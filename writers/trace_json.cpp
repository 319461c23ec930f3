#include "writers/trace_json.hpp"

#include <array>
#include <string>
#include <vector>

#include "io/config_toml.hpp"
#include "io/trace_reader.hpp"
#include "properties/assumptions.hpp"
#include "writers/described_json.hpp"
#include "writers/json_stream.hpp"

namespace cqm {

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

// {"Client": {"state": "Up", "up_since": 482, ...}, ...}: every instance of every machine, labels distinct.
void write_machines(JsonStream& out, const SystemSnapshot& s, Labels& labels) {
  out.object();
  for_each_machine([&]<class M>(std::type_identity<M>) {
    const auto& instances = s.all<M>();
    for (std::size_t i = 0; i < instances.size(); ++i) {
      out.key(labels.of(machine_index<M>, i)).object().key("state").value(M::states[instances[i].state]);
      write_described(out, instances[i].data);
      out.end();
    }
  });
  out.end();
}

}  // namespace

std::string trace_to_json(const Counterexample& cex) {
  // Written as it is made (JsonStream): a trace holds every instance of every step, and nlohmann's tree of
  // it, built, printed and freed, was most of the file's cost. The text is json_text's.
  JsonStream out(1024 * (cex.steps.size() + 8));
  out.object();
  out.key("format").value("cqm-model trace");
  out.key("version").value(kTraceVersion);
  out.key("preset").value(cex.config.name);
  out.key("summary").value(cex.config.summary);
  out.key("explorer").value(cex.explorer);
  out.key("seed").value(cex.seed);
  out.key("property").value(cex.property);
  out.key("reason").value(cex.reason);
  out.key("violated_at").value(format_time(cex.at));
  out.key("assumptions").array();
  for (const auto& line : assumption_lines(cex.config)) out.value(line);
  out.end();
  out.key("config").value(config_to_toml(cex.config));
  out.key("schedule").object();
  out.key("horizon").value(format_time(cex.schedule.horizon));
  out.key("init").array();
  for (auto o : cex.schedule.init) out.value(enum_name(o));
  out.end();
  out.key("init_otherwise").value(enum_name(cex.schedule.init_otherwise));
  out.key("events").array();
  for (const auto& e : cex.schedule.events) {
    out.object().key("at").value(format_time(e.at)).key("do").value(enum_name(e.action));
    if (e.action == EnvAction::program_finishes)
      out.key("mif").value(enum_name(e.mif)).key("program").value(e.program);
    out.end();
  }
  out.end().end();
  out.key("steps").array();
  Labels labels(cex.config);
  std::size_t log_begin = 0;
  for (const auto& s : cex.steps) {
    out.object().key("at").value(format_time(s.at)).key("event").value(s.event);
    if (!s.detail.empty()) out.key("detail").value(s.detail);
    out.key("inputs").object();
    write_described(out, s.state.inputs);
    out.end();
    out.key("machines");
    write_machines(out, s.state, labels);
    out.key("log").array();
    for (std::size_t i = log_begin; i < s.log_end; ++i)
      out.value(log_text(cex.log[i], cex.config.model.site_code));
    log_begin = s.log_end;
    out.end().end();
  }
  out.end().end();
  return out.text("\n");
}

}  // namespace cqm
