#pragma once
// Events that more than one machine takes. Events are facts in the past tense (or imperatives for requests).
#include "model/event.hpp"

namespace cqm {

/// CQM stopped (shut-down or restart): what it kept in memory — the connection, the destinations' retry state
/// — goes with it; the queue is on disk.
CQM_EVENT(cqm_stopped);

/// The client came up: a status the program's restart left behind is submitted moments later, an inventory
/// run missed while the PC was off is taken.
CQM_EVENT(client_started);
/// The start-up's first copy cycle is over: a job that was due while the PC was off runs now.
CQM_EVENT(start_up_completed);

}  // namespace cqm
