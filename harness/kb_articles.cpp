#include "harness/kb_articles.hpp"

#include <algorithm>

#include "harness/check.hpp"

namespace cqm {

const std::vector<KbArticle>& kb_articles() {
  static const std::vector<KbArticle> rows{
      {"Q292030",
       "\"This problem only occurs when the program successfully creates a status .mif file\": CQM's "
       "initialisation fails at the restart, the status waits for the 23-hour wake-up and is deleted after "
       "its "
       "lifetime",
       "kb-q292030",
       "delivered_before_expiry",
       {"-Servicing Destination[CAP List for site W2K,statmsgs.box\\]",
        "Destination[CAP List for site W2K,statmsgs.box\\] is inaccessible",
        "-Destination[CAP List for site W2K,statmsgs.box\\] retry set to 1", "Copy cycle finished normally",
        "Starting Copy Cycle no. 2", "'OK to Process' event unsignalled",
        "-Servicing Destination[CAP List for site W2K,statmsgs.box\\]",
        "-Destination[CAP List for site W2K,statmsgs.box\\] not yet ready for retry",
        "-Destination[CAP List for site W2K,statmsgs.box\\] retry set to 1", "Copy cycle finished normally"}},
      {"Q292030",
       "workaround: \"change the After Running option to SMS Restarts Computer\"",
       "workaround-sms-restarts",
       "delivered_before_expiry",
       {}},
      {"Q292030",
       "workaround: \"Ensure that users do not turn off their computers\"",
       "workaround-always-on",
       "delivered_before_expiry",
       {}},
      {"Q263594",
       "SP1: \"If the destination is inaccessible, Copy Queue Manager does not delete the expired items\"",
       "kb-q263594",
       "queue_bounded",
       {},
       "statmsgs.box\\] is inaccessible"},
      {"Q263594", "\"first corrected in ... Service Pack 2\"", "kb-q263594-sp2", "queue_bounded", {}},
      {"Q257280",
       "SP1, Windows 95/98: \"APM is terminated before it can unschedule programs\"; the package runs again "
       "\"every time they log on\"",
       "kb-q257280",
       "completed_job_never_reruns",
       {},
       "(run no. 2)"},
      {"Q257280",
       "\"first corrected in ... Service Pack 2\"",
       "kb-q257280-sp2",
       "completed_job_never_reruns",
       {}},
      {"Q247230",
       "SP1: \"'run' status is only reported for the first advertisement. The remaining advertisements "
       "receive "
       "no run status at all\"",
       "kb-q247230",
       "every_advertisement_gets_its_status",
       {},
       "for advertisement W2K20001"},
      {"Q247230",
       "\"first corrected in ... Service Pack 2\"",
       "kb-q247230-sp2",
       "every_advertisement_gets_its_status",
       {}},
      {"Q301352",
       "SP3: \"The more clients per Client Access Point (CAP) that run the advertisement at the same time, "
       "the higher the percentage of clients that are missing the status\"",
       "kb-q301352",
       "status_reaches_site_database",
       {},
       "NOT copied, already exists, set status to Remove"},
      {"Q301352",
       "\"first corrected in ... Service Pack 4\"",
       "kb-q301352-sp4",
       "status_reaches_site_database",
       {}},
      {"Q311212",
       "\"If the file is large or if the CAP-to-site server link is slow, the receiving SMS component (for "
       "example, Status Manager) can start processing the file before it is completely copied\"",
       "kb-q311212",
       "status_reaches_site_database",
       {},
       "The operating system reported error 5: Access is denied. Deleted corrupt file"},
      {"Q311212",
       "hotfix: \"copies every file ... by using a .tmp file extension. After the file is copied to the "
       "Inbox, it is renamed\"",
       "kb-q311212-hotfix",
       "status_reaches_site_database",
       {}},
      {"Q246749",
       "SP1: status messages \"with a time-stamp that is greater than the current time on the site "
       "server\" are moved to Statmgr.box\\Futureq; \"these files may never be processed\"",
       "kb-q246749",
       "status_reaches_site_database",
       {},
       "futureq"},
      {"Q246749",
       "workaround: \"stop and then restart the SMS_Executive service\"",
       "workaround-q246749-restart-executive",
       "status_reaches_site_database",
       {}},
      {"Q246749",
       "\"first corrected in ... Service Pack 2\"",
       "kb-q246749-sp2",
       "status_reaches_site_database",
       {}},
  };
  return rows;
}

KbEvidence kb_evidence(const KbArticle& row) {
  const auto config = find_preset(row.preset);
  if (!config) return {};
  CheckOptions o;
  o.explorers = {ExplorerKind::exhaustive};
  o.threads = 1;
  const ExplorerReport report = check_exhaustive(*config, o);
  const PropertyResult* p = report.result_of(row.property);
  KbEvidence out;
  if (!p) return out;
  out.verdict = p->verdict;
  if (!p->counterexample) return out;
  const Counterexample& cex = *p->counterexample;
  std::vector<std::string> texts;
  for (const auto& r : cex.log) texts.push_back(log_text(r, cex.config.model.site_code));
  if (!row.quoted.empty()) {
    const auto at = std::search(texts.begin(), texts.end(), row.quoted.begin(), row.quoted.end());
    if (at != texts.end()) out.lines.assign(at, at + static_cast<long>(row.quoted.size()));
    return out;  // not found: no lines, and the test says so
  }
  if (row.shows.empty()) return out;
  for (std::size_t i = texts.size(); i-- > 0;)
    if (texts[i].find(row.shows) != std::string::npos) {
      out.lines.push_back(texts[i]);
      break;
    }
  return out;
}

std::string kb_articles_markdown() {
  std::string out =
      "| article | claim | preset | verdict | log lines |\n"
      "| --- | --- | --- | --- | --- |\n";
  for (const auto& row : kb_articles()) {
    const KbEvidence e = kb_evidence(row);
    std::string lines;
    for (const auto& l : e.lines) lines += (lines.empty() ? "" : "<br>") + ("`" + l + "`");
    if (lines.empty()) lines = "—";
    out += "| " + std::string(row.article) + " | " + std::string(row.claim) + " | `" +
           std::string(row.preset) + "` | `" + std::string(row.property) + "` " +
           std::string(enum_name(e.verdict)) + " | " + lines + " |\n";
  }
  return out;
}

}  // namespace cqm
