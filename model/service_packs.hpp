#pragma once
// The service-pack table: for each KB article, the behaviour it documents and the SMS 2.0 levels that have
// it. `client.service_pack` (0 = the release, 1-4) picks a level; the machines' guards ask `has_behaviour`
// and never test a level themselves, so this table is the only place a level is decided. doc/service_packs.md
// shows the same table, rendered by service_pack_table_markdown() (a test keeps the two equal).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace cqm {

struct ModelSettings;

/// The documented behaviours, one per article.
enum class KbBehaviour {
  init_race_loses_status,            ///< Q292030
  expired_kept_while_inaccessible,   ///< Q263594
  apm_terminated_before_unschedule,  ///< Q257280
  status_for_first_advertisement,    ///< Q247230
  future_queue_never_processed,      ///< Q246749 (the site server)
  file_visible_while_copied,         ///< Q311212 (the site server; fixed by a hotfix, not a service pack)
  file_names_from_time,              ///< Q301352
};

/// Where the behaviour lives: the client's level is client.service_pack, the site server's site.service_pack.
enum class Side : std::uint8_t { client, site };

struct ServicePackEntry {
  KbBehaviour behaviour;
  std::string_view article;
  std::string_view what;    ///< the behaviour, in the article's words where it has them
  int first_fixed;          ///< the first level without it; kNeverFixed: present at every level
  std::string_view source;  ///< where the article says so
  Side side = Side::client;
  std::string_view fixed_by = {};  ///< a fix that is not a level (a hotfix): the config key that applies it
};

inline constexpr int kNeverFixed = 5;
inline constexpr int kLatestServicePack = 4;

inline constexpr std::array<ServicePackEntry, 7> kServicePackTable{{
    {KbBehaviour::init_race_loses_status, "Q292030",
     "CQM's initialisation fails at a start-up; the status a restarting program left behind is retried only "
     "at "
     "the 23-hour wake-up, which a PC switched off every evening never reaches, and is deleted after its "
     "lifetime",
     kNeverFixed, "\"Applies to: Systems Management Server version 2.0\", Solution Type: kbnofix"},
    {KbBehaviour::expired_kept_while_inaccessible, "Q263594",
     "\"If the destination is inaccessible, Copy Queue Manager does not delete the expired items\": the "
     "queue "
     "(registry keys) keeps growing while the client is cut off from its CAP",
     2, "\"This problem was first corrected in Systems Management Server version 2.0 Service Pack 2\""},
    {KbBehaviour::apm_terminated_before_unschedule, "Q257280",
     "\"On Windows 95/Windows 98 clients, APM is terminated before it can unschedule programs\" that restart "
     "the "
     "computer: the job stays in the Jobs folder and runs again at every logon until the advertisement "
     "expires",
     2, "\"This problem was first corrected in Systems Management Server version 2.0 Service Pack 2\""},
    {KbBehaviour::status_for_first_advertisement, "Q247230",
     "\"When you create multiple advertisements for the same program or package, 'run' status is only "
     "reported "
     "for the first advertisement. The remaining advertisements receive no run status at all.\"",
     2, "\"This problem was first corrected in Systems Management Server version 2.0 Service Pack 2\""},
    {KbBehaviour::future_queue_never_processed, "Q246749",
     "Status Manager moves a status message \"with a time-stamp that is greater than the current time on the "
     "site server\" to Statmgr.box\\Futureq, where it \"may never be processed\" until the SMS Executive "
     "restarts",
     2, "\"This problem was first corrected in Systems Management Server version 2.0 Service Pack 2\"",
     Side::site},
    {KbBehaviour::file_visible_while_copied, "Q311212",
     "Inbox Manager Assistant copies a file from the CAP under its final name, so Status Manager \"can start "
     "processing the file before it is completely copied\", takes it for corrupt and deletes it",
     kNeverFixed,
     "\"first corrected in the Systems Management Server 2.0 Service Pack 4 Hotfix Rollup Package\" (the "
     "hotfix)",
     Side::site, "site.inbox_hotfix"},
    {KbBehaviour::file_names_from_time, "Q301352",
     "CQM derives the names of the files it copies to the CAP from the time, so time-synchronised clients "
     "running the same advertisement collide: \"Item[...] NOT copied, already exists, set status to "
     "Remove\"",
     4, "\"This problem was first corrected in Systems Management Server 2.0 Service Pack 4\""},
}};

/// The entry of a behaviour.
const ServicePackEntry& service_pack_entry(KbBehaviour behaviour);
/// Whether the configured level has the behaviour.
bool has_behaviour(const ModelSettings& model, KbBehaviour behaviour);
/// Q257280 on this client: a restart terminates APM before it can unschedule (Windows 9x at the levels that
/// have the behaviour). APM's guard and the queue's size (ModelSettings::max_runs) both ask this one
/// question.
bool restart_terminates_apm(const ModelSettings& model);
/// "0-1", "0-4": the levels that have the behaviour.
std::string levels_with(const ServicePackEntry& entry);
/// The table as Markdown: article, behaviour, levels with it, first fixed in, source.
std::string service_pack_table_markdown();

}  // namespace cqm
