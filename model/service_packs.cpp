#include "model/service_packs.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "model/config.hpp"

namespace cqm {

const ServicePackEntry& service_pack_entry(KbBehaviour behaviour) {
  for (const auto& e : kServicePackTable)
    if (e.behaviour == behaviour) return e;
  throw std::logic_error("model bug: a behaviour missing from the service-pack table");
}

bool has_behaviour(const ModelSettings& model, KbBehaviour behaviour) {
  return model.service_pack < service_pack_entry(behaviour).first_fixed;
}

bool restart_terminates_apm(const ModelSettings& model) {
  return model.os == Os::Win9x && has_behaviour(model, KbBehaviour::apm_terminated_before_unschedule);
}

std::string levels_with(const ServicePackEntry& e) {
  const int last = std::min(e.first_fixed, kLatestServicePack + 1) - 1;
  return last == 0 ? "0" : "0-" + std::to_string(last);
}

std::string service_pack_table_markdown() {
  std::string out =
      "| article | behaviour | levels with it | first fixed in | source |\n"
      "| --- | --- | --- | --- | --- |\n";
  for (const auto& e : kServicePackTable) {
    const std::string fixed =
        e.first_fixed == kNeverFixed ? "not fixed" : "SP" + std::to_string(e.first_fixed);
    out += "| " + std::string(e.article) + " | " + std::string(e.what) + " | " + levels_with(e) + " | " +
           fixed + " | " + std::string(e.source) + " |\n";
  }
  return out;
}

}  // namespace cqm
