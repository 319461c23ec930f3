#include "model/cap_inbox_table.hpp"
#include "model/describe.hpp"
#include "model/machine_handle_impl.hpp"

namespace cqm {
namespace {
using Back = boost::msm::back::state_machine<cap_inbox_fsm::cap_inbox_>;
template <class S, CapInbox::State Id>
constexpr bool is_at = msm_state_id<Back, S> == int(Id) && CapInbox::states[int(Id)] == S::name();
static_assert(is_at<cap_inbox_fsm::Empty, CapInbox::State::Empty>);
static_assert(is_at<cap_inbox_fsm::Holding, CapInbox::State::Holding>);
}  // namespace

MachineDescription CapInbox::describe() { return describe_machine<CapInbox, Back>(); }
}  // namespace cqm

CQM_INSTANTIATE_GROUP(cqm::CapInbox)
CQM_ACCEPTS(cqm::CapInbox, cqm::file_landed)
CQM_ACCEPTS(cqm::CapInbox, cqm::file_collected)
