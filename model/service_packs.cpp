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
  // Q311212 is fixed by a hotfix (and the SP4 rollup of hotfixes), not by a level.
  if (behaviour == KbBehaviour::file_visible_while_copied) return !model.site.inbox_hotfix;
  const ServicePackEntry& e = service_pack_entry(behaviour);
  return (e.side == Side::site ? model.site.service_pack : model.service_pack) < e.first_fixed;
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
      "| article | behaviour | where | levels with it | first fixed in | source |\n"
      "| --- | --- | --- | --- | --- | --- |\n";
  for (const auto& e : kServicePackTable) {
    const std::string fixed = !e.fixed_by.empty()            ? "a hotfix (`" + std::string(e.fixed_by) + "`)"
                              : e.first_fixed == kNeverFixed ? "not fixed"
                                                             : "SP" + std::to_string(e.first_fixed);
    const char* where = e.side == Side::site ? "site server" : "client";
    out += "| " + std::string(e.article) + " | " + std::string(e.what) + " | " + where + " | " +
           levels_with(e) + " | " + fixed + " | " + std::string(e.source) + " |\n";
  }
  return out;
}

}  // namespace cqm
