#pragma once
// Events that more than one machine takes. Events are facts in the past tense (or imperatives for requests).
#include "model/event.hpp"

namespace cqm {

/// CQM stopped (shut-down or restart): what it kept in memory — the connection, the destinations' retry state
/// — goes with it; the queue is on disk.
CQM_EVENT(cqm_stopped);

}  // namespace cqm
