#pragma once
// A machine's transition table as runtime data, for diagrams and anything else that must show the model as it
// is compiled. The data only: model/describe.hpp walks the MSM tables into it, in each machine's .cpp.
#include <string>
#include <vector>

namespace cqm {

struct TransitionDescription {
  std::string source;
  std::string event;   ///< empty: a completion (anonymous) transition, taken as soon as its source is entered
  std::string target;  ///< empty: an internal transition (no exit, no entry; the state stays active)
  std::string action;  ///< "a, b" for an action sequence; empty for none
  std::string guard;   ///< empty for none

  bool internal() const { return target.empty(); }
  bool completion() const { return event.empty(); }
};

struct MachineDescription {
  std::string name;                 ///< the registry's name ("CopyQueueManager")
  std::string stem;                 ///< the file stem of its header and diagram ("copy_queue")
  std::string initial;              ///< the initial state's name
  std::vector<std::string> states;  ///< indexed by MSM state id: the order of the registry's state names
  std::vector<TransitionDescription> transitions;  ///< in table order: the transition_table, then states' own
};

}  // namespace cqm
