#pragma once
// Events that more than one machine takes. Events are facts in the past tense (or imperatives for requests).
#include "model/machine_def.hpp"

namespace cqm {

/// CQM stopped (shut-down or restart): the Destination's in-memory retry state goes with it.
CQM_EVENT(cqm_stopped);

/// CQM re-initialised its broken connection to the CAP (a timed cycle late enough, or fix-reconnect).
CQM_EVENT(reconnected);

/// CQM finished a copy of the queued items to the CAP.
struct items_copied {
  static constexpr const char* name() { return "items_copied"; }
  int count;
};

}  // namespace cqm
