#include "model/copy_queue_table.hpp"
#include "model/describe.hpp"
#include "model/machine_handle_impl.hpp"

namespace cqm {
namespace {
using Back = boost::msm::back::state_machine<copy_queue_fsm::copy_queue_>;
template <class S, CopyQueueManager::State Id>
constexpr bool is_at = msm_state_id<Back, S> == int(Id) && CopyQueueManager::states[int(Id)] == S::name();
static_assert(is_at<copy_queue_fsm::Stopped, CopyQueueManager::State::Stopped>);
static_assert(is_at<copy_queue_fsm::StartingUp, CopyQueueManager::State::StartingUp>);
static_assert(is_at<copy_queue_fsm::Running, CopyQueueManager::State::Running>);
}  // namespace

MachineDescription CopyQueueManager::describe() { return describe_machine<CopyQueueManager, Back>(); }
}  // namespace cqm

CQM_INSTANTIATE_GROUP(cqm::CopyQueueManager)
CQM_ACCEPTS(cqm::CopyQueueManager, cqm::cqm_started)
CQM_ACCEPTS(cqm::CopyQueueManager, cqm::ok_to_process_signalled)
CQM_ACCEPTS(cqm::CopyQueueManager, cqm::start_up_cycle_due)
CQM_ACCEPTS(cqm::CopyQueueManager, cqm::copy_cycle_started)
CQM_ACCEPTS(cqm::CopyQueueManager, cqm::copy_cycle_finished)
CQM_ACCEPTS(cqm::CopyQueueManager, cqm::pending_checked)
CQM_ACCEPTS(cqm::CopyQueueManager, cqm::wake_up_due)
CQM_ACCEPTS(cqm::CopyQueueManager, cqm::retry_due)
CQM_ACCEPTS(cqm::CopyQueueManager, cqm::reconnect_due)
CQM_ACCEPTS(cqm::CopyQueueManager, cqm::overdue_item_found)
CQM_ACCEPTS(cqm::CopyQueueManager, cqm::cqm_stopped)
