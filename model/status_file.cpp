#include "model/describe.hpp"
#include "model/machine_handle_impl.hpp"
#include "model/queue_item.hpp"
#include "model/status_file_table.hpp"

namespace cqm {
namespace {
using Back = boost::msm::back::state_machine<status_file_fsm::status_file_>;
template <class S, StatusFile::State Id>
constexpr bool is_at = msm_state_id<Back, S> == int(Id) && StatusFile::states[int(Id)] == S::name();
static_assert(is_at<status_file_fsm::Absent, StatusFile::State::Absent>);
static_assert(is_at<status_file_fsm::OnCap, StatusFile::State::OnCap>);
static_assert(is_at<status_file_fsm::CopyingVisible, StatusFile::State::CopyingVisible>);
static_assert(is_at<status_file_fsm::CopyingAsTmp, StatusFile::State::CopyingAsTmp>);
static_assert(is_at<status_file_fsm::InInbox, StatusFile::State::InInbox>);
static_assert(is_at<status_file_fsm::Parked, StatusFile::State::Parked>);
static_assert(is_at<status_file_fsm::Processed, StatusFile::State::Processed>);
static_assert(is_at<status_file_fsm::DeletedAsCorrupt, StatusFile::State::DeletedAsCorrupt>);
}  // namespace

int StatusFile::instances(const Config& c) { return QueueItem::instances(c); }
MachineDescription StatusFile::describe() { return describe_machine<StatusFile, Back>(); }
}  // namespace cqm

CQM_INSTANTIATE_GROUP(cqm::StatusFile)
CQM_ACCEPTS(cqm::StatusFile, cqm::copied_to_cap)
CQM_ACCEPTS(cqm::StatusFile, cqm::copy_started)
CQM_ACCEPTS(cqm::StatusFile, cqm::file_timer_elapsed)
CQM_ACCEPTS(cqm::StatusFile, cqm::processed)
CQM_ACCEPTS(cqm::StatusFile, cqm::parked)
CQM_ACCEPTS(cqm::StatusFile, cqm::deleted_as_corrupt)
CQM_ACCEPTS(cqm::StatusFile, cqm::future_queue_released)
