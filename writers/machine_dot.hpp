#pragma once
// State diagrams as DOT, from the descriptions walked out of the MSM tables (model/describe.hpp): one per
// machine, and an overview of how the System routes each machine's notices to the others.
#include <ostream>
#include <string>
#include <vector>

#include "model/describe.hpp"
#include "model/routes.hpp"

namespace cqm {

/// States as rounded boxes (internal transitions listed inside, under a rule), the initial state marked by a
/// point, edges labelled `event [guard] / action`. A state no event leaves has a double border.
/// `fired`, when given (one per transition, in table order), marks coverage: the rows that fired green, the
/// others and the states nothing reached grey and dashed (`cqmcheck report`).
void write_machine_dot(std::ostream& out, const MachineDescription& machine,
                       const std::vector<bool>* fired = nullptr);
/// The same as a string.
std::string machine_dot(const MachineDescription& machine, const std::vector<bool>* fired = nullptr);

/// The machines (with their states) as nodes, the environment's and the clock's inputs as dashed notes, and
/// an edge per announcer, target and notice of the route table, labelled with the events delivered.
void write_overview_dot(std::ostream& out, const std::vector<MachineDescription>& machines,
                        const std::vector<Route>& routes);

/// `event [guard] / action` on up to three lines, as edges and state boxes show a transition.
std::vector<std::string> transition_label_lines(const TransitionDescription& t);

}  // namespace cqm
