#include "model/describe.hpp"
#include "model/machine_handle_impl.hpp"
#include "model/status_manager_table.hpp"

namespace cqm {
namespace {
using Back = boost::msm::back::state_machine<status_manager_fsm::status_manager_>;
static_assert(msm_state_id<Back, status_manager_fsm::Watching> == int(StatusManager::State::Watching));
}  // namespace

MachineDescription StatusManager::describe() { return describe_machine<StatusManager, Back>(); }
}  // namespace cqm

CQM_INSTANTIATE_GROUP(cqm::StatusManager)
CQM_ACCEPTS(cqm::StatusManager, cqm::file_opened)
CQM_ACCEPTS(cqm::StatusManager, cqm::executive_restarted)
