/// no_refused_events — every event a machine receives is one its current state accepts. Each machine's
/// `no_transition` records what it refused (STYLE: unhandled events are data); here the checker decides that
/// in any explored run none is allowed: a refusal means the route table sent an event wrongly, or the
/// environment did something the machines cannot (powering on a PC that is up). `cqmcheck simulate` lists a
/// user schedule's refusals instead of failing on them. Must hold under any environment the explorers
/// generate.
#include "properties/property.hpp"

namespace cqm {

const Property& no_refused_events() {
  static const Property p{
      "no_refused_events", "every event a machine receives is one its state accepts", false,
      [](const Config&, const SystemSnapshot& before, const SystemSnapshot& s) -> std::optional<std::string> {
        if (s.refusals > before.refusals)
          return std::to_string(s.refusals - before.refusals) +
                 " event(s) refused by a machine in this step (see `cqmcheck simulate` for which)";
        return std::nullopt;
      }};
  return p;
}

}  // namespace cqm
