#pragma once
// An advertised program: it runs, writes its status .mif and applies its After Running option. With "Program
// restarts computer" the status waits in AwaitingRestart and is submitted only after the next start-up — the
// KB's race with CQM's initialisation. A program due while the PC is not up waits (Deferred) and runs at the
// next start-up. A client runs any number of them ([[program]] in the config), each its own instance.
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
  MifResult mif = MifResult::Success;      ///< what the program's run left behind
  StatusId final_status = StatusId::none;  ///< the status SMS sends for it
  bool operator==(const ProgramData&) const = default;
};
BOOST_DESCRIBE_STRUCT(ProgramData, (), (mif, final_status))

/// The environment: the program ran and finished now. `client_up` is filled by the route from the Client.
struct program_finished {
  static constexpr const char* name() { return "program_finished"; }
  MifResult mif;
  bool client_up;
};
/// The start-up's first copy cycle is over: a program that was due while the PC was off runs now.
CQM_EVENT(start_up_completed);

namespace program_fsm {
struct program_;  // the front-end, in model/program_table.hpp
}  // namespace program_fsm

/// The registry entry (model/machines.hpp): one instance per [[program]].
struct Program {
  static constexpr std::string_view name = "Program";
  static constexpr std::string_view stem = "program";
  using Front = program_fsm::program_;
  using Data = ProgramData;
  enum class State : std::uint8_t { Pending, Deferred, Running, AwaitingRestart, Finished };
  static constexpr std::array<std::string_view, 5> states = {"Pending", "Deferred", "Running",
                                                             "AwaitingRestart", "Finished"};
  static int instances(const Config& c) { return c.programs(); }
  static constexpr bool many = true;  ///< instances are named Name[i]
  static MachineDescription describe();
  static std::string summary(int state, const Data&) {
    return state == int(State::Finished)   ? "program finished"
           : state == int(State::Deferred) ? "program deferred"
                                           : "";
  }
};

}  // namespace cqm
