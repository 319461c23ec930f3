// The named configurations: the KB's bug, its two workarounds, and our product fixes (the regression guard).
// Each preset changes only what its name says; everything else is the KB's default from config.hpp.
#include "model/config.hpp"

namespace cqm {
namespace {

Config kb_bug() {
  Config c;
  c.name = "kb-q292030";
  c.article = "Q292030";
  c.summary =
      "the bug: Win9x, Program restarts computer, PC on 08:00-17:00, CQM init fails at every start-up";
  c.expected.verdicts["delivered_before_expiry"] = Verdict::Violated;
  return c;
}

Config sms_restarts() {
  Config c = kb_bug();
  c.name = "workaround-sms-restarts";
  c.summary = "KB workaround A: After Running = SMS restarts computer (init fails only in the start-up race)";
  c.model.programs[0].after_running = AfterRunning::SmsRestarts;
  c.expected = {};
  // The negation test (tests/harness/assumptions_test.cpp) drops each assumption: these keep every verdict.
  // What it needs is the race-only failure and a CAP that is never down.
  c.expected.assumptions_not_needed = {"cqm.late_reinit_succeeds", "environment.max_days_off",
                                       "environment.min_session", "environment.max_session",
                                       "environment.quantum"};
  return c;
}

Config sms_restarts_any_boot() {
  Config c = sms_restarts();
  c.name = "sms-restarts-init-fails-any-boot";
  c.summary = "workaround A when init may fail at any start-up: the status is lost again (expected VIOLATED)";
  c.model.init_failure = InitFailure::AnyBoot;
  c.expected = {};
  c.expected.verdicts["delivered_before_expiry"] = Verdict::Violated;
  return c;
}

Config always_on() {
  Config c = kb_bug();
  c.name = "workaround-always-on";
  c.summary = "KB workaround B: users leave the PC on, so the 23-hour wake-up cycle comes";
  c.env.day.always_on = true;
  c.env.user_powers_off = false;
  c.env.max_session = 0;
  c.expected = {};
  // The 23-hour wake-up repairs the connection whatever broke it, an init failure at any start-up or an
  // outage.
  c.expected.assumptions_not_needed = {"init.failure", "environment.max_cap_outages", "environment.quantum"};
  return c;
}

// The fixes are proved in a harsher world than the KB's: init may fail at any start-up, the program may run
// on either of the first two days, and the CAP itself may be down once for up to two hours.
Config harsh_world(Config c) {
  c.model.init_failure = InitFailure::AnyBoot;
  c.env.programs[0].until = 2 * kMinutesPerDay;
  c.env.max_cap_outages = 1;
  c.env.max_outage = 120;
  return c;
}

Config fix_short_retry() {
  Config c = harsh_world(kb_bug());
  c.name = "fix-short-retry";
  c.summary =
      "fix: retry an inaccessible destination after 15 min, not at the wake-up (any-boot init failures, "
      "a CAP outage)";
  c.model.retry_policy = RetryPolicy::Interval;
  c.model.retry_interval = 15;
  c.expected = {};
  c.expected.assumptions_not_needed = {"environment.min_session", "environment.max_session",
                                       "environment.max_cap_outages", "environment.quantum"};
  return c;
}

Config fix_reconnect() {
  Config c = harsh_world(kb_bug());
  c.name = "fix-reconnect";
  c.summary =
      "fix: re-initialise a broken CAP connection 5 min after the start-up race (any-boot init failures, "
      "a CAP outage)";
  c.model.reconnect_when_broken = true;
  c.model.reconnect_delay = 5;
  c.expected = {};
  c.expected.assumptions_not_needed = {"environment.min_session", "environment.max_session",
                                       "environment.max_cap_outages", "environment.quantum"};
  return c;
}

// Q263594: a Windows NT client cut off from its CAP, hardware and software inventory every 7 days (our
// assumption: the article gives no interval). The registry is scaled down to 6 items so that the search stays
// small: at SP1 nothing leaves the queue, so it passes any capacity, only later.
Config registry_fills(int service_pack) {
  Config c;
  c.name = service_pack < 2 ? "kb-q263594" : "kb-q263594-sp2";
  c.article = "Q263594";
  c.summary =
      service_pack < 2
          ? "Q263594 at SP1: an NT client cut off from its CAP keeps expired items; the registry fills"
          : "Q263594's fix, SP2: expired items are deleted although the CAP is inaccessible";
  c.model.os = Os::WinNT;
  c.model.service_pack = service_pack;
  c.model.hardware_inventory_interval = 7 * kMinutesPerDay;
  c.model.software_inventory_interval = 7 * kMinutesPerDay;
  c.model.registry_capacity = 6;
  c.model.programs[0].after_running = AfterRunning::NoAction;
  c.env.cap_reachable = false;
  // A client cut off from its CAP delivers nothing: its statuses are lost at every level.
  c.expected.verdicts["delivered_before_expiry"] = Verdict::Violated;
  if (service_pack < 2) c.expected.verdicts["queue_bounded"] = Verdict::Violated;
  return c;
}

// Q257280: a Windows 98 client, a package that restarts the computer, an advertisement that expires on day 5.
// CQM's initialisation never fails here, so that Q292030's loss stays out of this story.
Config job_reruns(int service_pack) {
  Config c;
  c.name = service_pack < 2 ? "kb-q257280" : "kb-q257280-sp2";
  c.article = "Q257280";
  c.summary =
      service_pack < 2
          ? "Q257280 at SP1: APM is terminated before it unschedules a job that restarts the PC; it reruns "
            "at every logon until day 5"
          : "Q257280's fix, SP2: the job is unscheduled before the restart and runs once";
  c.model.service_pack = service_pack;
  c.model.init_failure = InitFailure::Never;
  c.model.programs[0].expires_at = 5 * kMinutesPerDay;
  if (service_pack < 2) c.expected.verdicts["completed_job_never_reruns"] = Verdict::Violated;
  return c;
}

}  // namespace

const std::vector<Config>& presets() {
  static const std::vector<Config> all{
      kb_bug(),        sms_restarts(),    sms_restarts_any_boot(), always_on(),   fix_short_retry(),
      fix_reconnect(), registry_fills(1), registry_fills(2),       job_reruns(1), job_reruns(2)};
  return all;
}

}  // namespace cqm
