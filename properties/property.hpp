#pragma once
// A property is a named predicate over one step of a run: the System's state before and after it. State
// invariants ignore `before`. Every property also names the environment assumptions its verdict rests on:
// a property that holds only because the environment was too kind is useless, so they are printed with it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/system.hpp"

namespace cqm {

struct Property {
  std::string_view name;
  std::string_view summary;  ///< the KB behaviour it encodes
  /// The environment assumptions, as config fields and values ("environment.min_session = 60").
  std::vector<std::string> (*assumptions)(const Config& config);
  /// Empty when the step keeps the property; otherwise why it does not.
  std::optional<std::string> (*check)(const Config& config, const SystemSnapshot& before,
                                      const SystemSnapshot& after);
};

/// Every property, in a fixed order (the order counterexamples and tables use).
const std::vector<const Property*>& all_properties();
const Property* find_property(std::string_view name);

const Property& delivered_before_expiry();
const Property& no_silent_loss();
const Property& queue_survives_power_loss();
const Property& delivered_at_most_once();
const Property& retry_count_consistent();
const Property& no_refused_events();

/// A property found false on a step.
struct Violation {
  const Property* property = nullptr;
  std::string reason;
  Minutes at = 0;
};

/// Checks every property on one step; the first that fails, in all_properties() order.
std::optional<Violation> check_step(const Config& config, const SystemSnapshot& before,
                                    const SystemSnapshot& after);

/// For properties that must hold under any environment.
std::vector<std::string> no_assumptions(const Config& config);

/// The environment envelope the explorers keep to, as the config's fields say (shared by the properties).
std::vector<std::string> envelope_assumptions(const Config& config);

}  // namespace cqm
