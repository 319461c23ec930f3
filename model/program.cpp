#include "model/program.hpp"

#include "model/describe.hpp"
#include "model/machine_handle_impl.hpp"

namespace cqm {
namespace {
using Back = boost::msm::back::state_machine<program_fsm::program_>;
static_assert(msm_state_id<Back, program_fsm::Pending> == int(ProgramState::Pending));
static_assert(msm_state_id<Back, program_fsm::Running> == int(ProgramState::Running));
static_assert(msm_state_id<Back, program_fsm::AwaitingRestart> == int(ProgramState::AwaitingRestart));
static_assert(msm_state_id<Back, program_fsm::Finished> == int(ProgramState::Finished));
}  // namespace

MachineDescription describe_program() { return describe_machine<program_fsm::program_, Back>(); }
}  // namespace cqm

CQM_INSTANTIATE_HANDLE(cqm::program_fsm::program_)
CQM_ACCEPTS(cqm::program_fsm::program_, cqm::program_started)
CQM_ACCEPTS(cqm::program_fsm::program_, cqm::program_finished)
CQM_ACCEPTS(cqm::program_fsm::program_, cqm::client_started)
