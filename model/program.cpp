#include "model/describe.hpp"
#include "model/machine_handle_impl.hpp"
#include "model/program_table.hpp"

namespace cqm {
namespace {
using Back = boost::msm::back::state_machine<program_fsm::program_>;
template <class S, Program::State Id>
constexpr bool is_at = msm_state_id<Back, S> == int(Id) && Program::states[int(Id)] == S::name();
static_assert(is_at<program_fsm::Idle, Program::State::Idle>);
static_assert(is_at<program_fsm::Running, Program::State::Running>);
static_assert(is_at<program_fsm::Exited, Program::State::Exited>);
}  // namespace

MachineDescription Program::describe() { return describe_machine<Program, Back>(); }
}  // namespace cqm

CQM_INSTANTIATE_GROUP(cqm::Program)
CQM_ACCEPTS(cqm::Program, cqm::program_launched)
