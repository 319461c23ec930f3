#pragma once
// The route table: how each notice — a fact a machine announced, or an input of the environment or the clock
// — becomes events for machines, in order, and what each event carries from the world. It is the only wiring
// of the model: the System dispatches by it, diagrams/overview.svg is drawn from it, and a test holds it to
// the machines' tables (every event a table takes arrives by some route; every routed event is in its
// target's table).
#include <optional>
#include <string_view>
#include <vector>

#include "model/env.hpp"

namespace cqm {

class System;

/// Which instances of the target machine receive the event.
enum class Select : std::uint8_t {
  one,             ///< the single instance
  every,           ///< every instance, in order
  announcer,       ///< the instance with the announcing one's index (program i -> program i)
  arg,             ///< the instance the notice names (a timer's owner arms timer k)
  timer_item,      ///< the queue item whose lifetime timer elapsed
  free_slot,       ///< the queue's first Empty slot (none left: the System notes the overflow)
  in_queue,        ///< every item in the queue (Queued, Overdue or Kept), in order
  inventory_slot,  ///< the first slot an inventory file may take: one an inventory file left, else Empty
  its_items,       ///< every item in the queue for the announcing destination, in order
  timer_agent,     ///< the inventory agent whose schedule timer elapsed
  timer_file,      ///< the status file whose timer elapsed
  parked,          ///< every status file in Status Manager's future queue, in order
};
std::string_view select_name(Select select);

std::string_view timer_role_name(TimerRole role);
TimerRole timer_role(const TimerLayout& layout, int timer);

struct Route {
  NoticeKind notice;
  std::string_view from;  ///< who announces it: a machine's name, several, "environment" or "clock"
  std::optional<TimerRole> role;
  std::size_t to;  ///< the target's registry index
  Select select;
  std::string_view event;  ///< the event delivered
  /// A plain function: the makers are captureless, and dispatch calls one per delivered event.
  void (*deliver)(System&, const Notice&, int instance);
};

/// Every route; the routes of one notice in the order their events are delivered.
const std::vector<Route>& route_table();

}  // namespace cqm
