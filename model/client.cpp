#include "model/client_table.hpp"
#include "model/describe.hpp"
#include "model/machine_handle_impl.hpp"

namespace cqm {
namespace {
using Back = boost::msm::back::state_machine<client_fsm::client_>;
template <class S, Client::State Id>
constexpr bool is_at = msm_state_id<Back, S> == int(Id) && Client::states[int(Id)] == S::name();
static_assert(is_at<client_fsm::Off, Client::State::Off>);
static_assert(is_at<client_fsm::Booting, Client::State::Booting>);
static_assert(is_at<client_fsm::Up, Client::State::Up>);
static_assert(is_at<client_fsm::ShuttingDown, Client::State::ShuttingDown>);
static_assert(is_at<client_fsm::Restarting, Client::State::Restarting>);
}  // namespace

MachineDescription Client::describe() { return describe_machine<Client, Back>(); }
}  // namespace cqm

CQM_INSTANTIATE_GROUP(cqm::Client)
CQM_ACCEPTS(cqm::Client, cqm::powered_on)
CQM_ACCEPTS(cqm::Client, cqm::shutdown_requested)
CQM_ACCEPTS(cqm::Client, cqm::restart_requested)
CQM_ACCEPTS(cqm::Client, cqm::power_timer_elapsed)
CQM_ACCEPTS(cqm::Client, cqm::logon_requested)
