// Saved counterexamples replay: trace.json round-trips (config, schedule, and a replay reproduces the trace
// byte for byte), a committed trace still violates, and the trace shows every machine instance's described
// data.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "harness/check.hpp"
#include "io/trace_reader.hpp"
#include "writers/trace_json.hpp"

namespace cqm {
namespace {

const std::string kData = CQM_TEST_DATA;

Counterexample kb_counterexample() {
  CheckOptions o;
  o.explorers = {ExplorerKind::exhaustive};
  return *check_exhaustive(*find_preset("kb-q292030"), o).first_violation()->counterexample;
}

TEST(trace_json, round_trips_config_and_schedule) {
  const Counterexample cex = kb_counterexample();
  const std::string text = trace_to_json(cex);
  const TraceInput in = parse_trace(text, "t.json");
  EXPECT_EQ(in.schedule, cex.schedule);
  EXPECT_EQ(in.config.name, "kb-q292030");
  EXPECT_EQ(in.property, "delivered_before_expiry");
  auto again = replay(in.config, in.schedule);
  ASSERT_TRUE(again);
  again->explorer = cex.explorer;
  EXPECT_EQ(trace_to_json(*again), text) << "a replay reproduces the trace byte for byte";
}

TEST(trace_json, a_two_program_trace_round_trips) {
  Config c = *find_preset("kb-q292030");
  c.model.programs.push_back({AfterRunning::NoAction, MifResult::None});
  c.env.programs.push_back({480, 1440, 840});
  CheckOptions o;
  o.explorers = {ExplorerKind::exhaustive};
  const auto r = check_exhaustive(c, o);
  ASSERT_TRUE(r.first_violation());
  const Counterexample& cex = *r.first_violation()->counterexample;
  const TraceInput in = parse_trace(trace_to_json(cex), "t.json");
  EXPECT_EQ(in.config.programs(), 2);
  EXPECT_EQ(in.schedule, cex.schedule);
  int second = 0;
  for (const auto& e : in.schedule.events)
    second += e.action == EnvAction::program_finishes && e.program == 1;
  EXPECT_EQ(second, 1);
}

TEST(trace_json, steps_show_every_instance_with_its_described_data) {
  const auto j = nlohmann::json::parse(trace_to_json(kb_counterexample()));
  const auto& machines = j["steps"].back()["machines"];
  for (const char* label : {"Client", "Program[0]", "CopyQueueManager", "Connection", "Destination[0]",
                            "QueueItem[0]", "QueueItem[1]", "Timer[0]", "Timer[5]"})
    EXPECT_TRUE(machines.contains(label)) << label;
  EXPECT_EQ(machines["QueueItem[1]"]["state"], "Expired");
  EXPECT_EQ(machines["QueueItem[1]"]["status"], "10009");
  EXPECT_TRUE(machines["Destination[0]"].contains("retry_count"));
  EXPECT_TRUE(machines["Client"]["up_since"].is_number());
  EXPECT_TRUE(j["steps"].back()["inputs"].contains("cap_outage"));
}

TEST(trace_json, committed_kb_trace_still_violates_on_replay) {
  const TraceInput in = read_trace(kData + "/traces/kb-q292030.json");
  const auto cex = replay(in.config, in.schedule);
  ASSERT_TRUE(cex);
  EXPECT_EQ(cex->property, in.property);
}

}  // namespace
}  // namespace cqm
