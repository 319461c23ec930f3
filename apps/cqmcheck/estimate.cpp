// `cqmcheck estimate` and `cqmcheck sweep`: placeholders until the Monte Carlo estimator lands.
#include "apps/cqmcheck/commands.hpp"

namespace cqm::cli {

void add_estimate(CLI::App& app) { (void)app; }
void add_sweep(CLI::App& app) { (void)app; }

}  // namespace cqm::cli
