#pragma once
// Events are plain structs with a static name() (STYLE: facts in the past tense, or imperatives for
// requests). This header needs no Boost.MSM: the machines' data headers and the route table declare events
// with it.
#include <string_view>

namespace cqm {

/// The event's name for refusals and diagrams; an anonymous (completion) transition has none.
template <class Event>
std::string_view event_name() {
  if constexpr (requires { Event::name(); })
    return Event::name();
  else
    return "(completion)";
}

/// An event without payload.
#define CQM_EVENT(name_)                                   \
  struct name_ {                                           \
    static constexpr const char* name() { return #name_; } \
  }

}  // namespace cqm
