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
/// The user is logged on: after a start-up's first copy cycle, or at a logon without a restart. A job that
/// was due while the PC was off runs now; one left scheduled (Q257280) runs again.
CQM_EVENT(user_logged_on);

}  // namespace cqm
