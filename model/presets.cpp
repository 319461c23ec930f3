// The named configurations: the KB's bug, its two workarounds, and our product fixes (the regression guard).
// Each preset changes only what its name says; everything else is the KB's default from config.hpp.
#include <string>
#include <string_view>

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
  c.expected.verdicts["status_reaches_site_database"] = Verdict::Violated;
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
  c.expected.verdicts["status_reaches_site_database"] = Verdict::Violated;
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

/// An article's preset at a service-pack level: "kb-q263594" before the level that fixed it, "kb-q263594-sp2"
/// from it on, with the summary of each; the property the article's story violates is expected VIOLATED
/// before.
Config at_level(std::string_view article, int service_pack, int fixed_in, std::string_view property,
                std::string_view bug, std::string_view fix) {
  Config c;
  std::string lower(article);
  lower[0] = 'q';
  c.name = "kb-" + lower + (service_pack < fixed_in ? "" : "-sp" + std::to_string(service_pack));
  c.article = std::string(article);
  c.summary = std::string(service_pack < fixed_in ? bug : fix);
  c.model.service_pack = service_pack;
  if (service_pack < fixed_in) c.expected.verdicts[std::string(property)] = Verdict::Violated;
  return c;
}

// Q263594: a Windows NT client cut off from its CAP, hardware and software inventory every 7 days (our
// assumption: the article gives no interval). The registry is scaled down to 6 items so that the search stays
// small: at SP1 nothing leaves the queue, so it passes any capacity, only later.
Config registry_fills(int service_pack) {
  Config c =
      at_level("Q263594", service_pack, 2, "queue_bounded",
               "Q263594 at SP1: an NT client cut off from its CAP keeps expired items; the registry fills",
               "Q263594's fix, SP2: expired items are deleted although the CAP is inaccessible");
  c.model.os = Os::WinNT;
  c.model.hardware_inventory_interval = 7 * kMinutesPerDay;
  c.model.software_inventory_interval = 7 * kMinutesPerDay;
  c.model.registry_capacity = 6;
  c.model.programs[0].after_running = AfterRunning::NoAction;
  c.env.cap_reachable = false;
  // A client cut off from its CAP delivers nothing: its statuses are lost at every level.
  c.expected.verdicts["delivered_before_expiry"] = Verdict::Violated;
  c.expected.verdicts["status_reaches_site_database"] = Verdict::Violated;
  return c;
}

// Q257280: a Windows 98 client, a package that restarts the computer, an advertisement that expires on day 5.
// CQM's initialisation never fails here, so that Q292030's loss stays out of this story.
Config job_reruns(int service_pack) {
  Config c =
      at_level("Q257280", service_pack, 2, "completed_job_never_reruns",
               "Q257280 at SP1: APM is terminated before it unschedules a job that restarts the PC; it "
               "reruns at every logon until day 5",
               "Q257280's fix, SP2: the job is unscheduled before the restart and runs once");
  c.model.init_failure = InitFailure::Never;
  c.model.programs[0].expires_at = 5 * kMinutesPerDay;
  return c;
}

// Q247230: two advertisements of one program, each run once with "No action" after running (the restart race
// of Q292030 stays out of this story).
Config shared_program(int service_pack) {
  Config c = at_level("Q247230", service_pack, 2, "every_advertisement_gets_its_status",
                      "Q247230 at SP1: two advertisements of one program; only the first gets run status",
                      "Q247230's fix, SP2: each advertisement gets its own run status");
  c.model.programs[0].after_running = AfterRunning::NoAction;
  c.model.programs.push_back(c.model.programs[0]);
  c.model.programs[1].same_program_as = 0;
  c.env.programs.push_back(c.env.programs[0]);
  c.env.programs[1].at = 14 * 60;  // the second advertisement is due at 14:00 in the canonical timeline
  return c;
}

/// A site-server article's story: one status message from a program that needs no restart, on a client whose
/// CQM never fails to initialise (Q292030's loss stays out), judged end to end.
Config site_story(std::string_view name, std::string_view article, std::string_view summary, bool violated) {
  Config c;
  c.name = std::string(name);
  c.article = std::string(article);
  c.summary = std::string(summary);
  c.model.init_failure = InitFailure::Never;
  c.model.programs[0].after_running = AfterRunning::NoAction;
  if (violated) c.expected.verdicts["status_reaches_site_database"] = Verdict::Violated;
  return c;
}

// Q311212: the article gives no sizes. Ours: a 128 KiB status file over 8 kbit/s left for it on the
// CAP-to-site-server link, a copy of two minutes.
Config file_copied(bool hotfix) {
  Config c = site_story(
      hotfix ? "kb-q311212-hotfix" : "kb-q311212", "Q311212",
      hotfix
          ? "Q311212's hotfix: the Inbox Manager Assistant copies as .tmp and renames; Status Manager sees "
            "the file whole"
          : "Q311212 before the hotfix: a large status file on a slow link; Status Manager opens it mid-copy "
            "and deletes it as corrupt",
      !hotfix);
  c.model.site.status_file_bytes = 128 * 1024;
  c.model.site.link_kbps = 8;
  c.model.site.inbox_hotfix = hotfix;
  return c;
}

// Q246749: the article gives no offset. Ours: the client's clock an hour ahead of the site server's.
Config clock_ahead(int site_service_pack, Minutes restart_every = 0) {
  const bool fixed = site_service_pack >= 2;
  Config c = site_story(
      restart_every > 0 ? "workaround-q246749-restart-executive"
      : fixed           ? "kb-q246749-sp2"
                        : "kb-q246749",
      "Q246749",
      restart_every > 0 ? "Q246749's workaround at SP1: the SMS Executive is restarted every day; the future "
                          "queue is processed"
      : fixed ? "Q246749's fix, SP2: a status stamped by a client an hour ahead waits in the future queue "
                "for its time"
              : "Q246749 at SP1: a client an hour ahead of the site server; its status stays in the future "
                "queue",
      !fixed && restart_every == 0);
  c.model.clock_offset = 60;
  c.model.site.service_pack = site_service_pack;
  c.model.site.executive_restart_every = restart_every;
  return c;
}

// Q301352: three time-synchronised clients on one CAP run a mandatory advertisement at the same minute. The
// article gives no figures; the Inbox Manager Assistant taking the CAP's files every minute is our assumption
// (site.assistant_interval: a file must still be on the CAP when the next client copies its own).
Config names_collide(int service_pack) {
  const bool fixed = service_pack >= 4;
  Config c =
      site_story(fixed ? "kb-q301352-sp4" : "kb-q301352", "Q301352",
                 fixed ? "Q301352's fix, SP4: names not derived from the time; every status reaches the site"
                       : "Q301352 at SP3: three time-synchronised clients run an advertisement at the same "
                         "minute; two find their status files' names in use on the CAP and remove them",
                 !fixed);
  c.model.service_pack = service_pack;
  c.model.site.clients = 3;
  c.model.site.assistant_interval = 1;
  if (!fixed) c.expected.verdicts["delivered_before_expiry"] = Verdict::Violated;
  return c;
}

}  // namespace

const std::vector<Config>& presets() {
  static const std::vector<Config> all{kb_bug(),
                                       sms_restarts(),
                                       sms_restarts_any_boot(),
                                       always_on(),
                                       fix_short_retry(),
                                       fix_reconnect(),
                                       registry_fills(1),
                                       registry_fills(2),
                                       job_reruns(1),
                                       job_reruns(2),
                                       shared_program(1),
                                       shared_program(2),
                                       file_copied(false),
                                       file_copied(true),
                                       clock_ahead(1),
                                       clock_ahead(2),
                                       clock_ahead(1, kMinutesPerDay),
                                       names_collide(3),
                                       names_collide(4)};
  return all;
}

}  // namespace cqm
