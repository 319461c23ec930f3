/// every_advertisement_gets_its_status — each advertisement whose program has run gets its own run status:
/// the 10005 of each run, and the final status once reported, name the advertisement's own id. KB Q247230
/// (SP1 and earlier): "When you create multiple advertisements for the same program or package, 'run' status
/// is only reported for the first advertisement. The remaining advertisements receive no run status at all."
/// A status message here is the queue item APM submitted (its `advertisement`); whether it then reaches the
/// site is delivered_before_expiry's question. Holds under any envelope.
#include "properties/property.hpp"

namespace cqm {

namespace {

bool has_status(const Config& c, const SystemSnapshot& s, int client, int advertisement, bool final) {
  for (const auto& item : of_client<QueueItem>(c, s, client)) {
    if (item.state == int(QueueItem::State::Empty) || item.data.status == StatusId::none) continue;
    const bool is_final = item.data.status != StatusId::program_started;
    if (is_final == final && item.data.advertisement == advertisement) return true;
  }
  return false;
}

}  // namespace

const Property& every_advertisement_gets_its_status() {
  static const Property p{
      "every_advertisement_gets_its_status", "every advertisement whose program ran gets its own run status",
      false,
      [](const Config& c, const SystemSnapshot&, const SystemSnapshot& s) -> std::optional<std::string> {
        const auto& jobs = s.all<AdvertisedProgramsManager>();
        for (std::size_t i = 0; i < jobs.size(); ++i) {
          const auto& d = jobs[i].data;
          const int client = client_of<AdvertisedProgramsManager>(c, s, i);
          const int ad = static_cast<int>(i) - client * c.programs();
          // The id is spelled only for a reason: the estimate checks every client's end.
          if (d.runs > 0 && !has_status(c, s, client, ad, false))
            return "advertisement " + advertisement_id(c.model.site_code, ad) +
                   " ran its program but no status 10005 names it";
          if (d.final_reported && !has_status(c, s, client, ad, true))
            return "advertisement " + advertisement_id(c.model.site_code, ad) +
                   " finished its run but no final status names it (it went to " +
                   advertisement_id(c.model.site_code, d.reports_for) + ")";
        }
        return std::nullopt;
      }};
  return p;
}

}  // namespace cqm
