#include "model/destination.hpp"

#include "model/describe.hpp"
#include "model/machine_handle_impl.hpp"

namespace cqm {
namespace {
using Back = boost::msm::back::state_machine<destination_fsm::destination_>;
static_assert(msm_state_id<Back, destination_fsm::Accessible> == int(DestinationState::Accessible));
static_assert(msm_state_id<Back, destination_fsm::Attempting> == int(DestinationState::Attempting));
static_assert(msm_state_id<Back, destination_fsm::RetryPending> == int(DestinationState::RetryPending));
}  // namespace

MachineDescription describe_destination() { return describe_machine<destination_fsm::destination_, Back>(); }
}  // namespace cqm

CQM_INSTANTIATE_HANDLE(cqm::destination_fsm::destination_)
CQM_ACCEPTS(cqm::destination_fsm::destination_, cqm::service_requested)
CQM_ACCEPTS(cqm::destination_fsm::destination_, cqm::found_inaccessible)
CQM_ACCEPTS(cqm::destination_fsm::destination_, cqm::items_copied)
CQM_ACCEPTS(cqm::destination_fsm::destination_, cqm::reconnected)
CQM_ACCEPTS(cqm::destination_fsm::destination_, cqm::cqm_stopped)
