#include "model/connection_table.hpp"
#include "model/describe.hpp"
#include "model/machine_handle_impl.hpp"

namespace cqm {
namespace {
using Back = boost::msm::back::state_machine<connection_fsm::connection_>;
template <class S, Connection::State Id>
constexpr bool is_at = msm_state_id<Back, S> == int(Id) && Connection::states[int(Id)] == S::name();
static_assert(is_at<connection_fsm::Closed, Connection::State::Closed>);
static_assert(is_at<connection_fsm::Broken, Connection::State::Broken>);
static_assert(is_at<connection_fsm::Established, Connection::State::Established>);
}  // namespace

MachineDescription Connection::describe() { return describe_machine<Connection, Back>(); }
}  // namespace cqm

CQM_INSTANTIATE_GROUP(cqm::Connection)
CQM_ACCEPTS(cqm::Connection, cqm::connect_requested)
CQM_ACCEPTS(cqm::Connection, cqm::reinit_requested)
CQM_ACCEPTS(cqm::Connection, cqm::reconnect_timer_elapsed)
CQM_ACCEPTS(cqm::Connection, cqm::link_found_down)
CQM_ACCEPTS(cqm::Connection, cqm::cqm_stopped)
