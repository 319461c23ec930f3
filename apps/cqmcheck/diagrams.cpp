// `cqmcheck diagrams`: placeholder until the Graphviz writers land.
#include "apps/cqmcheck/commands.hpp"

namespace cqm::cli {

void add_diagrams(CLI::App& app) { (void)app; }

}  // namespace cqm::cli
