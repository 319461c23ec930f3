#pragma once
// An advertised program's own run: launched by the Advertised Programs Manager, it runs, leaves its status
// .mif (or none), and exits — or, with "Program restarts computer", restarts the PC itself before SMS has
// read the .mif. What the run means for SMS (status messages, the job) is APM's (model/apm.hpp). A program
// runs again when APM launches it again (a job left scheduled, Q257280).
#include <array>
#include <boost/describe/class.hpp>
#include <string_view>

#include "model/description.hpp"
#include "model/env.hpp"
#include "model/events.hpp"
#include "model/machine_handle.hpp"

namespace cqm {

struct Program;

struct ProgramData {
  MifResult mif = MifResult::Success;  ///< what the run left behind
  bool operator==(const ProgramData&) const = default;
};
BOOST_DESCRIBE_STRUCT(ProgramData, (), (mif))

/// APM starts the program; `mif` is what this run will leave behind (the environment's choice).
struct program_launched {
  static constexpr const char* name() { return "program_launched"; }
  MifResult mif;
};

namespace program_fsm {
struct program_;  // the front-end, in model/program_table.hpp
}  // namespace program_fsm

/// The registry entry (model/machines.hpp): one instance per [[program]].
struct Program {
  static constexpr std::string_view name = "Program";
  static constexpr std::string_view stem = "program";
  using Front = program_fsm::program_;
  using Data = ProgramData;
  enum class State : std::uint8_t { Idle, Running, Exited };
  static constexpr std::array<std::string_view, 3> states = {"Idle", "Running", "Exited"};
  static int instances(const Config& c) { return c.programs(); }
  static constexpr bool many = true;  ///< instances are named Name[i]
  /// Not a lane of the timeline: the job's lane (AdvertisedProgramsManager) tells the run.
  static constexpr bool in_timeline = false;
  static MachineDescription describe();
};

}  // namespace cqm
