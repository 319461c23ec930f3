#include "model/describe.hpp"
#include "model/machine_handle_impl.hpp"
#include "model/queue_item.hpp"
#include "model/timer_table.hpp"

namespace cqm {
namespace {
using Back = boost::msm::back::state_machine<timer_fsm::timer_>;
template <class S, Timer::State Id>
constexpr bool is_at = msm_state_id<Back, S> == int(Id) && Timer::states[int(Id)] == S::name();
static_assert(is_at<timer_fsm::Idle, Timer::State::Idle>);
static_assert(is_at<timer_fsm::Armed, Timer::State::Armed>);
}  // namespace

TimerLayout timer_layout(const Config& c) {
  return TimerLayout{QueueItem::instances(c), c.model.destinations(), c.model.inventory_agents()};
}
int Timer::instances(const Config& c) { return timer_layout(c).count(); }
MachineDescription Timer::describe() { return describe_machine<Timer, Back>(); }
}  // namespace cqm

CQM_INSTANTIATE_GROUP(cqm::Timer)
CQM_ACCEPTS(cqm::Timer, cqm::timer_armed)
CQM_ACCEPTS(cqm::Timer, cqm::timer_cancelled)
CQM_ACCEPTS(cqm::Timer, cqm::clock_reached)
