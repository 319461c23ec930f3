/// retry_count_consistent — the retry count CQM logs ("-Destination[...] retry set to N") matches the
/// destination's state: a destination waiting to retry has a count of at least 1 and a due time; an
/// accessible one has neither. KB Q292030: "retry set to 1" after "is inaccessible", and again after "not yet
/// ready for retry" — the count is not reset by a cycle that did not try. Must hold under any environment.
#include "properties/property.hpp"

namespace cqm {

const Property& retry_count_consistent() {
  static const Property p{
      "retry_count_consistent", "the logged retry count matches the destination's state", false,
      [](const Config&, const SystemSnapshot&, const SystemSnapshot& s) -> std::optional<std::string> {
        using D = Destination::State;
        const auto& all = s.all<Destination>();
        for (std::size_t i = 0; i < all.size(); ++i) {
          const auto& d = all[i].data;
          const auto state = static_cast<D>(all[i].state);
          const auto which = [i] { return "destination " + std::to_string(i); };
          if (state == D::RetryPending && (d.retry_count < 1 || d.retry_due == kNever))
            return which() + " is RetryPending with retry count " + std::to_string(d.retry_count) +
                   (d.retry_due == kNever ? " and no due time" : "");
          if (state == D::Accessible && (d.retry_count != 0 || d.retry_due != kNever))
            return which() + " is Accessible but keeps retry count " + std::to_string(d.retry_count);
        }
        return std::nullopt;
      }};
  return p;
}

}  // namespace cqm
