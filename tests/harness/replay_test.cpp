// Saved counterexamples replay: trace.json round-trips, a committed trace still violates, malformed traces
// are rejected with the line and the field.
#include <gtest/gtest.h>

#include "harness/check.hpp"
#include "io/input_error.hpp"
#include "writers/trace_json.hpp"

namespace cqm {
namespace {

const std::string kData = CQM_TEST_DATA;

TEST(trace_json, round_trips_config_and_schedule) {
  CheckOptions o;
  o.explorers = {ExplorerKind::exhaustive};
  const auto r = check_exhaustive(*find_preset("kb-q292030"), o);
  const std::string text = trace_to_json(*r.counterexample);
  const TraceInput in = parse_trace(text, "t.json");
  EXPECT_EQ(in.schedule, r.counterexample->schedule);
  EXPECT_EQ(in.config.name, "kb-q292030");
  EXPECT_EQ(in.property, "delivered_before_expiry");
  auto again = replay(in.config, in.schedule);
  ASSERT_TRUE(again);
  again->explorer = r.counterexample->explorer;
  EXPECT_EQ(trace_to_json(*again), text) << "a replay reproduces the trace byte for byte";
}

TEST(trace_json, bad_event_time_names_its_line_and_field) {
  CheckOptions o;
  o.explorers = {ExplorerKind::exhaustive};
  std::string text = trace_to_json(*check_exhaustive(*find_preset("kb-q292030"), o).counterexample);
  const std::string needle = "\"at\": \"day 1 08:00\"";
  const auto at = text.find(needle);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, needle.size(), "\"at\": \"day 1 8 o'clock\"");
  const int line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) + 1;
  try {
    parse_trace(text, "t.json");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), line);
    EXPECT_EQ(e.field(), "schedule.events[3].at");
  }
}

TEST(trace_json, committed_kb_trace_still_violates_on_replay) {
  const TraceInput in = read_trace(kData + "/traces/kb-q292030.json");
  const auto cex = replay(in.config, in.schedule);
  ASSERT_TRUE(cex);
  EXPECT_EQ(cex->property, in.property);
}

InputError error_of(const std::string& text) {
  try {
    parse_trace(text, "bad.json");
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "accepted:\n" << text;
  return InputError("", 0, "", "");
}

TEST(trace_json, malformed_traces_name_line_and_field) {
  auto e = error_of("{\n  \"format\": \"cqm-model trace\",\n  \"version\": 2\n}");
  EXPECT_EQ(e.line(), 3);
  EXPECT_EQ(e.field(), "version");
  e = error_of("{\n  \"format\": \"cqm-model trace\",\n  \"version\": 1,\n  \"property\": 7\n}");
  EXPECT_EQ(e.line(), 4);
  EXPECT_EQ(e.field(), "property");
  e = error_of("{\n  \"format\": \"cqm-model trace\",\n  \"version\": 1,\n  \"property\": \"nope\"\n}");
  EXPECT_EQ(e.field(), "property");
  e = error_of("{\n  \"format\": \"cqm-model trace\",\n\n  \"version\": 1,,\n}");
  EXPECT_EQ(e.line(), 4);
  e = error_of("[1, 2");
  EXPECT_EQ(e.line(), 1);
  e = error_of(std::string(100, '[') + std::string(100, ']'));
  EXPECT_NE(std::string(e.what()).find("nesting"), std::string::npos);
}

}  // namespace
}  // namespace cqm
