#include "model/client.hpp"

#include "model/describe.hpp"
#include "model/machine_handle_impl.hpp"

namespace cqm {
namespace {
using Back = boost::msm::back::state_machine<client_fsm::client_>;
static_assert(msm_state_id<Back, client_fsm::Off> == int(ClientState::Off));
static_assert(msm_state_id<Back, client_fsm::Booting> == int(ClientState::Booting));
static_assert(msm_state_id<Back, client_fsm::Up> == int(ClientState::Up));
static_assert(msm_state_id<Back, client_fsm::ShuttingDown> == int(ClientState::ShuttingDown));
static_assert(msm_state_id<Back, client_fsm::Restarting> == int(ClientState::Restarting));
}  // namespace

MachineDescription describe_client() { return describe_machine<client_fsm::client_, Back>(); }
}  // namespace cqm

CQM_INSTANTIATE_HANDLE(cqm::client_fsm::client_)
CQM_ACCEPTS(cqm::client_fsm::client_, cqm::powered_on)
CQM_ACCEPTS(cqm::client_fsm::client_, cqm::boot_completed)
CQM_ACCEPTS(cqm::client_fsm::client_, cqm::shutdown_requested)
CQM_ACCEPTS(cqm::client_fsm::client_, cqm::shutdown_completed)
CQM_ACCEPTS(cqm::client_fsm::client_, cqm::restart_requested)
