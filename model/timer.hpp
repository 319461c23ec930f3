#pragma once
// A timer: armed with a due time by the machine that owns it, cancelled, or reached by the System's clock,
// when it announces that it elapsed; the route table tells its owner (model/routes.cpp). Every timed decision
// in the model — boot and shut-down, CQM's wake-up cycle, an item's lifetime, the fixes' retry and reconnect
// — runs through one of these (the layout of the instances is TimerLayout, model/env.hpp).
#include <array>
#include <boost/describe/class.hpp>
#include <string_view>

#include "model/description.hpp"
#include "model/env.hpp"
#include "model/event.hpp"
#include "model/machine_handle.hpp"

namespace cqm {

struct Timer;

struct TimerData {
  Minutes due = kNever;
  bool operator==(const TimerData&) const = default;
};
BOOST_DESCRIBE_STRUCT(TimerData, (), (due))

struct timer_armed {
  static constexpr const char* name() { return "timer_armed"; }
  Minutes due;
};
CQM_EVENT(timer_cancelled);
/// The System's clock reached the timer's due time.
CQM_EVENT(clock_reached);

namespace timer_fsm {
struct timer_;  // the front-end, in model/timer_table.hpp
}  // namespace timer_fsm

/// The timers a config needs: one per queue slot, destination and inventory agent, and CQM's and the
/// client's.
TimerLayout timer_layout(const Config& config);

/// The registry entry (model/machines.hpp).
struct Timer {
  static constexpr std::string_view name = "Timer";
  static constexpr std::string_view stem = "timer";
  using Front = timer_fsm::timer_;
  using Data = TimerData;
  enum class State : std::uint8_t { Idle, Armed };
  static constexpr std::array<std::string_view, 2> states = {"Idle", "Armed"};
  static int instances(const Config& c);  ///< a client's timers (TimerLayout::count)
  /// The site's timers, after every client's: the SMS Executive's restart (TimerLayout::executive_restart).
  static int site_instances(const Config&) { return 1; }
  static constexpr bool many = true;  ///< instances are named Name[i]
  /// Timers are not a lane of the timeline: a timer step says which fired.
  static constexpr bool in_timeline = false;
  static MachineDescription describe();
};

}  // namespace cqm
