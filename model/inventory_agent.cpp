#include "model/describe.hpp"
#include "model/inventory_agent_table.hpp"
#include "model/machine_handle_impl.hpp"

namespace cqm {
namespace {
using Back = boost::msm::back::state_machine<inventory_agent_fsm::inventory_agent_>;
template <class S, InventoryAgent::State Id>
constexpr bool is_at = msm_state_id<Back, S> == int(Id) && InventoryAgent::states[int(Id)] == S::name();
static_assert(is_at<inventory_agent_fsm::NotStarted, InventoryAgent::State::NotStarted>);
static_assert(is_at<inventory_agent_fsm::Scheduled, InventoryAgent::State::Scheduled>);
static_assert(is_at<inventory_agent_fsm::Missed, InventoryAgent::State::Missed>);
}  // namespace

MachineDescription InventoryAgent::describe() { return describe_machine<InventoryAgent, Back>(); }
}  // namespace cqm

CQM_INSTANTIATE_GROUP(cqm::InventoryAgent)
CQM_ACCEPTS(cqm::InventoryAgent, cqm::client_started)
CQM_ACCEPTS(cqm::InventoryAgent, cqm::inventory_due)
