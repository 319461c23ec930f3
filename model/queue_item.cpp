#include "model/queue_item.hpp"

#include "model/describe.hpp"
#include "model/machine_handle_impl.hpp"

namespace cqm {
namespace {
using Back = boost::msm::back::state_machine<queue_item_fsm::queue_item_>;
static_assert(msm_state_id<Back, queue_item_fsm::Empty> == int(QueueItemState::Empty));
static_assert(msm_state_id<Back, queue_item_fsm::Queued> == int(QueueItemState::Queued));
static_assert(msm_state_id<Back, queue_item_fsm::Delivered> == int(QueueItemState::Delivered));
static_assert(msm_state_id<Back, queue_item_fsm::Expired> == int(QueueItemState::Expired));
}  // namespace

MachineDescription describe_queue_item() { return describe_machine<queue_item_fsm::queue_item_, Back>(); }
}  // namespace cqm

CQM_INSTANTIATE_HANDLE(cqm::queue_item_fsm::queue_item_)
CQM_ACCEPTS(cqm::queue_item_fsm::queue_item_, cqm::item_submitted)
CQM_ACCEPTS(cqm::queue_item_fsm::queue_item_, cqm::item_copied)
CQM_ACCEPTS(cqm::queue_item_fsm::queue_item_, cqm::lifetime_elapsed)
