/// retry_count_consistent — the retry count CQM logs ("-Destination[...] retry set to N") matches the
/// destination's state: a destination waiting to retry has a count of at least 1 and a due time; an
/// accessible one has neither. KB Q292030: "retry set to 1" after "is inaccessible", and again after "not yet
/// ready for retry" — the count is not reset by a cycle that did not try. Environment assumptions: none — it
/// must hold under any environment. (The log lines themselves are compared with the state on replay: every
/// "retry set to N" carries the count the Destination holds.)
#include "properties/property.hpp"

namespace cqm {

const Property& retry_count_consistent() {
  static const Property p{
      "retry_count_consistent", "the logged retry count matches the destination's state", no_assumptions,
      [](const Config&, const SystemSnapshot&, const SystemSnapshot& s) -> std::optional<std::string> {
        using D = DestinationState;
        const auto d = static_cast<D>(s.destination);
        if (d == D::RetryPending && (s.retry_count < 1 || s.retry_due == kNever))
          return "destination is RetryPending with retry count " + std::to_string(s.retry_count) +
                 (s.retry_due == kNever ? " and no due time" : "");
        if (d == D::Accessible && (s.retry_count != 0 || s.retry_due != kNever))
          return "destination is Accessible but keeps retry count " + std::to_string(s.retry_count);
        if (d == D::Attempting) return "a step ended in the middle of a copy attempt (Attempting)";
        return std::nullopt;
      }};
  return p;
}

}  // namespace cqm
