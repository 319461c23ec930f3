#pragma once
// The model's enumerations and their names: one table each, shared by the TOML readers, the trace writer,
// the CLI and the error messages that list what is accepted.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace cqm {

enum class Os { Win9x, WinNT };
/// The advertised program's "After Running" option (SMS 2.0 program properties).
enum class AfterRunning { NoAction, ProgramRestarts, SmsRestarts, SmsLogsOff };
/// What the program leaves behind when it finishes.
enum class MifResult { Success, Failure, None };
/// When CQM's start-up initialisation may fail (DESIGN §1, "two choices that decide the verdicts").
enum class InitFailure { Never, Race, AnyBoot };
/// How long an inaccessible destination waits before CQM retries it.
enum class RetryPolicy { WakeUp, Interval };
/// What CQM does when its file's name is already in use in the CAP's inbox (Q301352): the article's log
/// removes the item after the first try; its text says CQM "creates a new random file name and tries the
/// operation again up to 50 times".
enum class NameCollision { Remove, Retry };
enum class Verdict { Holds, Violated, Inconclusive };
/// The outcome of CQM's initialisation at one start-up.
enum class InitOutcome : std::uint8_t { ok, failed };
/// SMS status message ids a program's run produces (DESIGN §1; Q292030's query words: "no 10008 10009 only
/// 10005"). `none`: no status yet.
enum class StatusId : std::int32_t {
  none = 0,
  program_started = 10005,
  failed_mif = 10007,
  succeeded_exit_code = 10008,
  succeeded_mif = 10009,
};
/// The CAP inboxes CQM copies to, one Destination each: status messages, hardware inventory (Q243681: "a
/// hardware or software inventory notifies Copy-Queue to move the resulting inventory file to the CAP"), and
/// software inventory (Q200852: "CAP_<SiteCode>\Sinv.box").
enum class Inbox : std::uint8_t { statmsgs, inventry, sinv };

/// What the environment (user, Windows, CAP) does in a schedule.
enum class EnvAction : std::uint8_t {
  power_on,
  power_off,
  program_finishes,
  cap_outage_started,
  cap_outage_ended,
  logon  ///< the user logs off and on again without a restart (Q257280: "every time they log on")
};

template <class E>
struct EnumNames;

#define CQM_NAMES(E, N, ...)                                                             \
  template <>                                                                            \
  struct EnumNames<E> {                                                                  \
    static constexpr std::array<std::pair<E, std::string_view>, N> table{{__VA_ARGS__}}; \
  };
CQM_NAMES(Os, 2, {Os::Win9x, "win9x"}, {Os::WinNT, "winnt"})
CQM_NAMES(AfterRunning, 4, {AfterRunning::NoAction, "no_action"},
          {AfterRunning::ProgramRestarts, "program_restarts"}, {AfterRunning::SmsRestarts, "sms_restarts"},
          {AfterRunning::SmsLogsOff, "sms_logs_off"})
CQM_NAMES(MifResult, 3, {MifResult::Success, "success"}, {MifResult::Failure, "failure"},
          {MifResult::None, "none"})
CQM_NAMES(InitFailure, 3, {InitFailure::Never, "never"}, {InitFailure::Race, "race"},
          {InitFailure::AnyBoot, "any_boot"})
CQM_NAMES(RetryPolicy, 2, {RetryPolicy::WakeUp, "wake_up"}, {RetryPolicy::Interval, "interval"})
CQM_NAMES(NameCollision, 2, {NameCollision::Remove, "remove"}, {NameCollision::Retry, "retry"})
CQM_NAMES(Verdict, 3, {Verdict::Holds, "HOLDS"}, {Verdict::Violated, "VIOLATED"},
          {Verdict::Inconclusive, "INCONCLUSIVE"})
CQM_NAMES(InitOutcome, 2, {InitOutcome::ok, "ok"}, {InitOutcome::failed, "failed"})
CQM_NAMES(StatusId, 5, {StatusId::none, "none"}, {StatusId::program_started, "10005"},
          {StatusId::failed_mif, "10007"}, {StatusId::succeeded_exit_code, "10008"},
          {StatusId::succeeded_mif, "10009"})
CQM_NAMES(Inbox, 3, {Inbox::statmsgs, "statmsgs.box"}, {Inbox::inventry, "inventry.box"},
          {Inbox::sinv, "sinv.box"})
CQM_NAMES(EnvAction, 6, {EnvAction::power_on, "power_on"}, {EnvAction::power_off, "power_off"},
          {EnvAction::program_finishes, "program_finishes"},
          {EnvAction::cap_outage_started, "cap_outage_started"},
          {EnvAction::cap_outage_ended, "cap_outage_ended"}, {EnvAction::logon, "logon"})
#undef CQM_NAMES

template <class E>
constexpr std::string_view enum_name(E value) {
  for (const auto& [v, n] : EnumNames<E>::table)
    if (v == value) return n;
  return "?";
}

/// The value's position in its name table, and the table's size: how state keys encode enumerations.
template <class E>
constexpr int enum_index(E value) {
  int i = 0;
  for (const auto& [v, n] : EnumNames<E>::table) {
    if (v == value) return i;
    ++i;
  }
  return -1;
}
template <class E>
constexpr int enum_count() {
  return static_cast<int>(EnumNames<E>::table.size());
}
template <class E>
constexpr E enum_at(int index) {
  return EnumNames<E>::table[static_cast<std::size_t>(index)].first;
}

template <class E>
constexpr std::optional<E> enum_from_name(std::string_view name) {
  for (const auto& [v, n] : EnumNames<E>::table)
    if (n == name) return v;
  return std::nullopt;
}

/// "a, b, c": for error messages that list what is accepted.
template <class E>
std::string enum_choices() {
  std::string out;
  for (const auto& [v, n] : EnumNames<E>::table) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

}  // namespace cqm
