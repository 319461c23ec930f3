/// status_reaches_site_database — the end-to-end property: every status message a program's run produces is
/// processed by Status Manager into the site database within site.status_deadline of its submission.
/// delivered_before_expiry judges CQM's half of the path; this one the whole of it (Q200852's path: CQM to
/// the CAP, the Inbox Manager Assistant to the site server, Status Manager). It fails at once when the status
/// can no longer arrive — deleted on the client (Q292030), deleted as corrupt by Status Manager (Q311212) —
/// and at its deadline when it is still on its way (held on the client, parked in the future queue: Q246749).
/// Rests on the envelope, as delivered_before_expiry does.
#include "properties/property.hpp"

namespace cqm {

namespace {
/// Statmgr.log's number of the file of item i of the site's snapshot (each client's block in turn).
int file_number(const Config& c, std::size_t i) {
  const auto per_client = static_cast<std::size_t>(QueueItem::instances(c));
  return static_cast<int>(i / per_client) * kFilesPerClient + static_cast<int>(i % per_client);
}
}  // namespace

const Property& status_reaches_site_database() {
  static const Property p{
      "status_reaches_site_database",
      "every status a run produces is processed at the site within site.status_deadline", true,
      [](const Config& c, const SystemSnapshot&, const SystemSnapshot& s) -> std::optional<std::string> {
        const auto& items = s.all<QueueItem>();
        const auto& files = s.all<StatusFile>();
        for (std::size_t i = 0; i < items.size(); ++i) {
          const auto& item = items[i];
          if (item.state == int(QueueItem::State::Empty) || item.data.status == StatusId::none) continue;
          const auto file = static_cast<StatusFile::State>(files[i].state);
          if (file == StatusFile::State::Processed) continue;
          // Built only for a violation: this runs on every step of every search.
          const auto what = [&] {
            return status_text(item.data.status) + " submitted " + format_time(item.data.submitted_at);
          };
          if (item.state == int(QueueItem::State::Removed))
            return what() + " was removed on the client: its file's name was in use in the CAP's inbox";
          if (item.state == int(QueueItem::State::Expired))
            return what() + " was deleted on the client (its item lifetime ended) and never reached the CAP";
          if (file == StatusFile::State::DeletedAsCorrupt)
            return what() + " reached the CAP, but Status Manager deleted its file " +
                   svf_name(file_number(c, i)) +
                   " as corrupt while the Inbox Manager Assistant was still copying it";
          const Minutes deadline = item.data.submitted_at + c.model.site.status_deadline;
          if (s.now >= deadline)
            return what() + " was not processed at the site by its deadline " + format_time(deadline) + " (" +
                   (file == StatusFile::State::Absent
                        ? "QueueItem " + std::string(QueueItem::states[item.state]) + " on the client"
                        : "StatusFile " + std::string(StatusFile::states[static_cast<std::size_t>(file)])) +
                   ")";
        }
        return std::nullopt;
      }};
  return p;
}

}  // namespace cqm
