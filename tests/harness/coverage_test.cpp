// Coverage (harness/coverage.hpp): the rows a run fires are the rows its events took, the explorers record
// them whatever the thread count, and a row is told from its neighbours as far as the declared abstraction
// says.
#include "harness/coverage.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "harness/check.hpp"
#include "model/system.hpp"
#include "results/suite_result.hpp"

namespace cqm {
namespace {

const RowCoverage* find_row(const CoverageReport& r, const std::string& text) {
  for (const auto& m : r.machines)
    for (const auto& row : m.rows)
      if (row_text(m.machine, row.row) == text) return &row;
  return nullptr;
}

bool any_fired_into(const CoverageReport& r, const std::string& machine, const std::string& target) {
  for (const auto& m : r.machines)
    if (m.machine == machine)
      for (const auto& row : m.rows)
        if (row.fired && row.row.target == target) return true;
  return false;
}

TEST(coverage, a_log_on_while_off_fires_the_off_row_only) {
  const Config config = *find_preset("kb-q292030");
  System system(config);
  Coverage coverage;
  system.record_coverage(&coverage);
  system.reset();  // kept by reset
  system.log_on(0);
  const auto report = coverage_report(coverage);
  const auto* off = find_row(report, "Client: Off + logon_requested (internal)");
  const auto* up = find_row(report, "Client: Up + logon_requested / announce_logon (internal)");
  ASSERT_NE(off, nullptr);
  ASSERT_NE(up, nullptr);
  EXPECT_TRUE(off->fired);
  EXPECT_FALSE(up->fired);
  EXPECT_EQ(report.fired(), 1);
  EXPECT_EQ(report.triples(), 1);
}

TEST(coverage, a_program_run_fires_its_completion_row) {
  const Config config = *find_preset("kb-q292030");
  System system(config);
  Coverage coverage;
  system.record_coverage(&coverage);
  system.power_on(0);
  system.advance_to(system.next_timer());
  system.finish_program(0, MifResult::Success, 0);
  const auto report = coverage_report(coverage);
  // The program restarts the computer: its launch leads through a completion row to Exited.
  const auto* launch = find_row(report, "Program: Idle + program_launched / start_run -> Running");
  ASSERT_NE(launch, nullptr);
  EXPECT_TRUE(launch->fired);
  EXPECT_TRUE(any_fired_into(report, "Program", "Exited"));
}

TEST(coverage, is_off_unless_asked_for) {
  CheckOptions o;
  o.explorers = {ExplorerKind::exhaustive};
  const auto report = check(*find_preset("kb-q292030"), o);
  EXPECT_FALSE(report.coverage());
}

CoverageReport exhaustive_coverage(const std::string& preset, int threads) {
  CheckOptions o;
  o.explorers = {ExplorerKind::exhaustive};
  o.threads = threads;
  o.coverage = true;
  const auto report = check(*find_preset(preset), o);
  EXPECT_TRUE(report.coverage());
  return coverage_report(report.coverage().value_or(Coverage{}));
}

TEST(coverage, the_exhaustive_explorer_records_the_same_with_one_thread_or_two) {
  const Config config = *find_preset("fix-reconnect");
  CheckOptions o;
  o.explorers = {ExplorerKind::exhaustive};
  o.coverage = true;
  o.threads = 1;
  const auto one = check(config, o).coverage().value().hits();
  o.threads = 2;
  const auto two = check(config, o).coverage().value().hits();
  EXPECT_EQ(one, two);
  EXPECT_GT(one.size(), 20u);
}

TEST(coverage, the_bug_expires_an_item_and_the_fix_does_not) {
  EXPECT_TRUE(any_fired_into(exhaustive_coverage("kb-q292030", 2), "QueueItem", "Expired"));
  EXPECT_FALSE(any_fired_into(exhaustive_coverage("fix-reconnect", 2), "QueueItem", "Expired"));
}

TEST(coverage, the_random_explorer_records_in_one_process) {
  CheckOptions o;
  o.explorers = {ExplorerKind::random};
  o.runs = 3000;
  o.threads = 2;  // asked for two worker processes: coverage keeps it in this one
  o.coverage = true;
  const auto report = check(*find_preset("kb-q292030"), o);
  ASSERT_TRUE(report.coverage());
  const auto rows = coverage_report(*report.coverage());
  // The runs that found the bug expired its item: their rows are in.
  ASSERT_EQ(report.verdict_of("delivered_before_expiry"), Verdict::Violated);
  EXPECT_TRUE(any_fired_into(rows, "QueueItem", "Expired"));
  EXPECT_GT(rows.fired(), 30);
}

// A random run ends once nothing can change a verdict (EnvironmentModel::settled), but not when recording
// coverage: what fires after that point is coverage too. With workaround-sms-restarts every run is settled
// before its first evening; cut there, no run would ever shut the PC down.
TEST(coverage, the_random_explorer_records_whole_schedules) {
  CheckOptions o;
  o.explorers = {ExplorerKind::random};
  o.runs = 500;
  o.coverage = true;
  const auto report = check(*find_preset("workaround-sms-restarts"), o);
  ASSERT_TRUE(report.coverage());
  const auto rows = coverage_report(*report.coverage());
  const auto* off =
      find_row(rows, "Client: Up + shutdown_requested / announce_stopping, start_shutdown -> ShuttingDown");
  ASSERT_NE(off, nullptr);
  EXPECT_TRUE(off->fired);
}

TEST(coverage, the_suite_lists_the_rows_no_preset_fires) {
  SuiteResult suite;
  for (const char* preset : {"kb-q292030", "fix-reconnect"}) {
    CheckOptions o;
    o.explorers = {ExplorerKind::exhaustive};
    o.coverage = true;
    SuiteEntry entry;
    entry.check.report = check(*find_preset(preset), o);
    suite.presets.push_back(std::move(entry));
  }
  suite.of = suite.presets.size();
  const std::string text = suite_text(suite);
  const auto json = suite_json(suite);
  // No preset's envelope logs the user on without a restart; every one powers the PC on.
  const std::string never = "Client: Off + logon_requested (internal)";
  const std::string fired = "Client: Off + powered_on / record_power_on, start_boot -> Booting";
  EXPECT_NE(text.find("never by any preset"), std::string::npos);
  EXPECT_NE(text.find("  " + never + "\n"), std::string::npos);
  EXPECT_EQ(text.find(fired), std::string::npos);
  const auto& listed = json.at("coverage").at("never_fired");
  EXPECT_NE(std::find(listed.begin(), listed.end(), never), listed.end());
  EXPECT_EQ(std::find(listed.begin(), listed.end(), fired), listed.end());
}

}  // namespace
}  // namespace cqm
