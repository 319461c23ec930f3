#pragma once
// The Advertised Programs Manager (APM, Smsapm32.log): one job per advertisement ([[program]]). When the
// advertisement is due and the client is up it starts the program and reports 10005; a job due while the PC
// is not up waits for the next start-up (Deferred). When the program ends, APM decides the final status from
// what the run left (model/apm_table.hpp, final_status_for): 10009 success by status .mif, 10007 failure by
// .mif, 10008 success by exit code. A program without a .mif is reported at once, by its exit code; a .mif is
// read only once the run is over — after the restart the program asked for, when it restarts the computer.
// That is why Q292030's loss "only occurs when the program successfully creates a status .mif file": only
// then is the status submitted in the start-up race. Then APM unschedules the completed job — unless, on
// Windows 9x before SP2, the restart terminates it first (Q257280): the job stays in the Jobs folder and the
// program runs again at the next logon, until the advertisement expires.
#include <array>
#include <boost/describe/class.hpp>
#include <string_view>

#include "model/description.hpp"
#include "model/env.hpp"
#include "model/events.hpp"
#include "model/machine_handle.hpp"

namespace cqm {

struct AdvertisedProgramsManager;

struct ApmData {
  MifResult mif = MifResult::Success;      ///< the run's .mif: planned when due, as the program left it after
  StatusId final_status = StatusId::none;  ///< the status APM sends for the run
  bool final_reported = false;             ///< the run's final status has been submitted
  bool job_scheduled = true;               ///< the job's schedule data file is in the Jobs folder
  int runs = 0;                            ///< times the job has started its program
  int reports_for = 0;                     ///< the advertisement its statuses name (Q247230: the first one)
  bool operator==(const ApmData&) const = default;
};
BOOST_DESCRIBE_STRUCT(ApmData, (), (mif, final_status, final_reported, job_scheduled, runs, reports_for))

/// The environment: the advertisement is due now and its program's run will leave `mif`. `client_up` is
/// filled by the route from the Client.
struct advertisement_due {
  static constexpr const char* name() { return "advertisement_due"; }
  MifResult mif;
  bool client_up;
};
/// The program's run is over: what it left, and whether it is restarting the computer.
struct program_exited {
  static constexpr const char* name() { return "program_exited"; }
  MifResult mif;
  bool restarting;
};

namespace apm_fsm {
struct apm_;  // the front-end, in model/apm_table.hpp
}  // namespace apm_fsm

/// The registry entry (model/machines.hpp): one job per [[program]].
struct AdvertisedProgramsManager {
  static constexpr std::string_view name = "AdvertisedProgramsManager";
  static constexpr std::string_view stem = "apm";
  using Front = apm_fsm::apm_;
  using Data = ApmData;
  enum class State : std::uint8_t {
    Pending,
    Deferred,
    Running,
    AwaitingRestart,
    ReportedAfterRestart,
    Lingering,
    Finished
  };
  static constexpr std::array<std::string_view, 7> states = {
      "Pending", "Deferred", "Running", "AwaitingRestart", "ReportedAfterRestart", "Lingering", "Finished"};
  static int instances(const Config& c) { return c.programs(); }
  static constexpr bool many = true;  ///< instances are named Name[i]
  static MachineDescription describe();
  /// A timeline shows the run: "run 2" is Q257280's rerun.
  static std::string note(int state, const Data& d) {
    return d.runs > 1 && state != int(State::Pending) ? "run " + std::to_string(d.runs) : "";
  }
  static std::string summary(int state, const Data& d) {
    if (state == int(State::Deferred)) return "job deferred";
    if (state == int(State::Lingering)) return "job left scheduled";
    if (state == int(State::Finished)) return "job done";
    return d.runs > 1 && state == int(State::Running) ? "job ran again" : "";
  }
};

}  // namespace cqm
