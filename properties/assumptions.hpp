#pragma once
// What a verdict rests on. Each assumption is a restriction of the world the explorers search — of the
// environment (the user switches the PC on every day) or of the model where the KB is silent (a late
// re-initialisation succeeds) — printed with every verdict. Each names its config key and, where the model
// has a weaker world, how to drop it: the suite's negation test (tests/harness/assumptions_test.cpp) drops
// each one of each holding preset and requires the verdict to change, unless the preset marks it as not
// needed (expected.assumptions_not_needed), in which case the verdict must stay.
#include <functional>
#include <string>
#include <vector>

#include "model/config.hpp"

namespace cqm {

struct Assumption {
  std::string key;   ///< the config key it is about ("init.failure")
  std::string text;  ///< as printed with a verdict
  /// The config without the assumption: a world that allows more. Empty when the model has none weaker (the
  /// line then only states the envelope's shape).
  std::function<void(Config&)> drop;
  std::string dropped;  ///< the weaker world in words: "init.failure = any_boot"
};

/// The assumptions of `config`'s verdicts, in a fixed order.
std::vector<Assumption> assumptions(const Config& config);

/// "text", or "text [not needed: the verdicts also hold with ...]" as the config's expectations mark it.
std::string assumption_line(const Config& config, const Assumption& assumption);

/// Every assumption line of `config`.
std::vector<std::string> assumption_lines(const Config& config);

}  // namespace cqm
