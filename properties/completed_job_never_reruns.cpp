/// completed_job_never_reruns — a job whose program has run to completion never runs again. KB Q257280
/// (Windows 95/98, SP1 and earlier): "the clients may run the package every time they log on to the network
/// until the advertisement expires", because "APM is terminated before it can unschedule programs" that
/// restart the computer. The job counts its runs (AdvertisedProgramsManager::runs); a second one is the
/// rerun. Holds under any envelope: nothing the user does may make a completed job run again.
#include "properties/property.hpp"

namespace cqm {

const Property& completed_job_never_reruns() {
  static const Property p{
      "completed_job_never_reruns", "a job whose program has completed never runs again", false,
      [](const Config& c, const SystemSnapshot&, const SystemSnapshot& s) -> std::optional<std::string> {
        const auto& jobs = s.all<AdvertisedProgramsManager>();
        for (std::size_t i = 0; i < jobs.size(); ++i)
          if (jobs[i].data.runs > 1)
            return "the program of advertisement " +
                   advertisement_id(c.model.site_code, static_cast<int>(i)) + " ran again (run no. " +
                   std::to_string(jobs[i].data.runs) +
                   ") after it had completed: its job was left in the Jobs folder";
        return std::nullopt;
      }};
  return p;
}

}  // namespace cqm
