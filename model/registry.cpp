#include "model/describe.hpp"
#include "model/machine_handle_impl.hpp"
#include "model/registry_table.hpp"

namespace cqm {
namespace {
using Back = boost::msm::back::state_machine<registry_fsm::registry_>;
template <class S, Registry::State Id>
constexpr bool is_at = msm_state_id<Back, S> == int(Id) && Registry::states[int(Id)] == S::name();
static_assert(is_at<registry_fsm::HasRoom, Registry::State::HasRoom>);
static_assert(is_at<registry_fsm::Full, Registry::State::Full>);
}  // namespace

MachineDescription Registry::describe() { return describe_machine<Registry, Back>(); }
}  // namespace cqm

CQM_INSTANTIATE_GROUP(cqm::Registry)
CQM_ACCEPTS(cqm::Registry, cqm::item_stored)
