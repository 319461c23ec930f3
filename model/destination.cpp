#include "model/describe.hpp"
#include "model/destination_table.hpp"
#include "model/machine_handle_impl.hpp"

namespace cqm {
namespace {
using Back = boost::msm::back::state_machine<destination_fsm::destination_>;
template <class S, Destination::State Id>
constexpr bool is_at = msm_state_id<Back, S> == int(Id) && Destination::states[int(Id)] == S::name();
static_assert(is_at<destination_fsm::Accessible, Destination::State::Accessible>);
static_assert(is_at<destination_fsm::RetryPending, Destination::State::RetryPending>);
}  // namespace

MachineDescription Destination::describe() { return describe_machine<Destination, Back>(); }
}  // namespace cqm

CQM_INSTANTIATE_GROUP(cqm::Destination)
CQM_ACCEPTS(cqm::Destination, cqm::service_requested)
CQM_ACCEPTS(cqm::Destination, cqm::reconnected)
CQM_ACCEPTS(cqm::Destination, cqm::item_received)
CQM_ACCEPTS(cqm::Destination, cqm::cqm_stopped)
