#include "model/copy_queue.hpp"

#include "model/describe.hpp"
#include "model/machine_handle_impl.hpp"

namespace cqm {
namespace {
using Back = boost::msm::back::state_machine<copy_queue_fsm::copy_queue_>;
static_assert(msm_state_id<Back, copy_queue_fsm::Stopped> == int(CopyQueueState::Stopped));
static_assert(msm_state_id<Back, copy_queue_fsm::Initialising> == int(CopyQueueState::Initialising));
static_assert(msm_state_id<Back, copy_queue_fsm::Ready> == int(CopyQueueState::Ready));
static_assert(msm_state_id<Back, copy_queue_fsm::InitFailed> == int(CopyQueueState::InitFailed));
}  // namespace

MachineDescription describe_copy_queue() { return describe_machine<copy_queue_fsm::copy_queue_, Back>(); }
}  // namespace cqm

CQM_INSTANTIATE_HANDLE(cqm::copy_queue_fsm::copy_queue_)
CQM_ACCEPTS(cqm::copy_queue_fsm::copy_queue_, cqm::cqm_started)
CQM_ACCEPTS(cqm::copy_queue_fsm::copy_queue_, cqm::init_succeeded)
CQM_ACCEPTS(cqm::copy_queue_fsm::copy_queue_, cqm::init_failed)
CQM_ACCEPTS(cqm::copy_queue_fsm::copy_queue_, cqm::ok_to_process_signalled)
CQM_ACCEPTS(cqm::copy_queue_fsm::copy_queue_, cqm::copy_cycle_started)
CQM_ACCEPTS(cqm::copy_queue_fsm::copy_queue_, cqm::copy_cycle_finished)
CQM_ACCEPTS(cqm::copy_queue_fsm::copy_queue_, cqm::reconnected)
CQM_ACCEPTS(cqm::copy_queue_fsm::copy_queue_, cqm::cqm_stopped)
