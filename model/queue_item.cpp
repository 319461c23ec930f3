#include "model/describe.hpp"
#include "model/machine_handle_impl.hpp"
#include "model/queue_item_table.hpp"

namespace cqm {
namespace {
using Back = boost::msm::back::state_machine<queue_item_fsm::queue_item_>;
template <class S, QueueItem::State Id>
constexpr bool is_at = msm_state_id<Back, S> == int(Id) && QueueItem::states[int(Id)] == S::name();
static_assert(is_at<queue_item_fsm::Empty, QueueItem::State::Empty>);
static_assert(is_at<queue_item_fsm::Queued, QueueItem::State::Queued>);
static_assert(is_at<queue_item_fsm::Overdue, QueueItem::State::Overdue>);
static_assert(is_at<queue_item_fsm::Kept, QueueItem::State::Kept>);
static_assert(is_at<queue_item_fsm::Delivered, QueueItem::State::Delivered>);
static_assert(is_at<queue_item_fsm::Expired, QueueItem::State::Expired>);
static_assert(is_at<queue_item_fsm::Removed, QueueItem::State::Removed>);
}  // namespace

MachineDescription QueueItem::describe() { return describe_machine<QueueItem, Back>(); }
}  // namespace cqm

CQM_INSTANTIATE_GROUP(cqm::QueueItem)
CQM_ACCEPTS(cqm::QueueItem, cqm::item_submitted)
CQM_ACCEPTS(cqm::QueueItem, cqm::item_copied)
CQM_ACCEPTS(cqm::QueueItem, cqm::lifetime_ended)
CQM_ACCEPTS(cqm::QueueItem, cqm::expiry_checked)
