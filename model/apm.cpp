#include "model/apm_table.hpp"
#include "model/describe.hpp"
#include "model/machine_handle_impl.hpp"

namespace cqm {
namespace {
using Back = boost::msm::back::state_machine<apm_fsm::apm_>;
using S = AdvertisedProgramsManager::State;
template <class St, S Id>
constexpr bool is_at =
    msm_state_id<Back, St> == int(Id) && AdvertisedProgramsManager::states[int(Id)] == St::name();
static_assert(is_at<apm_fsm::Pending, S::Pending>);
static_assert(is_at<apm_fsm::Deferred, S::Deferred>);
static_assert(is_at<apm_fsm::Running, S::Running>);
static_assert(is_at<apm_fsm::AwaitingRestart, S::AwaitingRestart>);
static_assert(is_at<apm_fsm::ReportedAfterRestart, S::ReportedAfterRestart>);
static_assert(is_at<apm_fsm::Lingering, S::Lingering>);
static_assert(is_at<apm_fsm::Finished, S::Finished>);
}  // namespace

MachineDescription AdvertisedProgramsManager::describe() {
  return describe_machine<AdvertisedProgramsManager, Back>();
}
}  // namespace cqm

CQM_INSTANTIATE_GROUP(cqm::AdvertisedProgramsManager)
CQM_ACCEPTS(cqm::AdvertisedProgramsManager, cqm::advertisement_due)
CQM_ACCEPTS(cqm::AdvertisedProgramsManager, cqm::program_exited)
CQM_ACCEPTS(cqm::AdvertisedProgramsManager, cqm::client_started)
CQM_ACCEPTS(cqm::AdvertisedProgramsManager, cqm::user_logged_on)
