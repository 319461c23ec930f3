// trace.json read back: strict (an unknown or misspelt member is an error, never ignored), every standard
// JSON string escape, errors with the file, the line and the member, and memory that does not grow with the
// trace.
#include "io/trace_reader.hpp"

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <nlohmann/json.hpp>

#include "io/config_toml.hpp"
#include "io/input_error.hpp"

namespace cqm {
namespace {

const std::string kData = CQM_TEST_DATA;

/// The process's peak resident memory so far.
long peak_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

/// A minimal valid trace of the KB preset, as JSON to edit.
nlohmann::ordered_json minimal() {
  nlohmann::ordered_json j;
  j["format"] = "cqm-model trace";
  j["version"] = kTraceVersion;
  j["explorer"] = "exhaustive";
  j["seed"] = 0;
  j["property"] = "delivered_before_expiry";
  j["config"] = config_to_toml(*find_preset("kb-q292030"));
  j["schedule"] = {
      {"horizon", "day 9 00:00"},
      {"init", nlohmann::ordered_json::array({"ok", "failed"})},
      {"init_otherwise", "failed"},
      {"events",
       nlohmann::ordered_json::array(
           {{{"at", "day 0 08:00"}, {"do", "power_on"}},
            {{"at", "day 0 10:00"}, {"do", "program_finishes"}, {"mif", "success"}, {"program", 0}}})}};
  return j;
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

TEST(trace_reader, reads_a_minimal_trace) {
  const TraceInput in = parse_trace(minimal().dump(2), "t.json");
  EXPECT_EQ(in.config.name, "kb-q292030");
  ASSERT_EQ(in.schedule.events.size(), 2u);
  EXPECT_EQ(in.schedule.events[1].action, EnvAction::program_finishes);
  EXPECT_EQ(in.schedule.init, (std::vector<InitOutcome>{InitOutcome::ok, InitOutcome::failed}));
  EXPECT_EQ(in.schedule.horizon, 9 * kMinutesPerDay);
}

TEST(trace_reader, a_misspelt_member_is_an_error_not_a_default) {
  // The first version replayed "mfi": "failure" silently as a success.
  auto j = minimal();
  j["schedule"]["events"][1].erase("mif");
  j["schedule"]["events"][1]["mfi"] = "failure";
  const auto text = j.dump(2);
  const InputError e = error_of(text);
  EXPECT_EQ(e.field(), "schedule.events[1].mfi");
  EXPECT_NE(e.why().find("unknown member"), std::string::npos);
  EXPECT_GT(e.line(), 1);
  auto top = minimal();
  top["propery"] = "x";
  EXPECT_EQ(error_of(top.dump(2)).field(), "propery");
  auto sched = minimal();
  sched["schedule"]["init_otherwize"] = "ok";
  EXPECT_EQ(error_of(sched.dump(2)).field(), "schedule.init_otherwize");
}

TEST(trace_reader, accepts_every_standard_escape) {
  auto j = minimal();
  j["explorer"] = "r\u00e9plique \u2713 \U0001F600 \"quoted\" \\ / tab\t";
  const std::string text = j.dump(2, ' ', /*ensure_ascii=*/true);  // writes \u00e9, \u2713, a surrogate pair
  EXPECT_NE(text.find("\\u00e9"), std::string::npos);
  EXPECT_NE(text.find("\\ud83d\\ude00"), std::string::npos);
  EXPECT_EQ(parse_trace(text, "t.json").explorer, j["explorer"].get<std::string>());
}

TEST(trace_reader, names_the_line_and_member_of_a_bad_value) {
  auto j = minimal();
  j["schedule"]["events"][1]["at"] = "day 0 10 o'clock";
  const std::string text = j.dump(2);
  const auto at = text.find("10 o'clock");
  const int line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) + 1;
  const InputError e = error_of(text);
  EXPECT_EQ(e.line(), line);
  EXPECT_EQ(e.field(), "schedule.events[1].at");
  auto p = minimal();
  p["schedule"]["events"][1]["program"] = 3;
  EXPECT_EQ(error_of(p.dump(2)).field(), "schedule.events[1].program") << "the KB config has one program";
}

TEST(trace_reader, malformed_traces_name_line_and_member) {
  auto e = error_of("{\n  \"format\": \"cqm-model trace\",\n  \"version\": 1\n}");
  EXPECT_EQ(e.line(), 3);
  EXPECT_EQ(e.field(), "version");
  e = error_of("{\n  \"format\": \"cqm-model trace\",\n\n  \"version\": 2,,\n}");
  EXPECT_EQ(e.line(), 4);
  e = error_of("[1, 2");
  EXPECT_EQ(e.line(), 1);
  e = error_of("{\n  \"format\": \"cqm-model trace\",\n  \"version\": 21e308\n}");  // found by fuzz_trace
  EXPECT_EQ(e.line(), 3);
  EXPECT_NE(e.why().find("too large"), std::string::npos) << e.why();
  e = error_of(std::string(100, '[') + std::string(100, ']'));
  EXPECT_NE(std::string(e.what()).find("nesting"), std::string::npos);
  auto j = minimal();
  j["config"] = "[cqm]\nwake_up_cycle = -1\n";
  e = error_of(j.dump(2));
  EXPECT_EQ(e.field(), "config.cqm.wake_up_cycle");
  EXPECT_NE(e.why().find("line 2 of the embedded config"), std::string::npos) << e.why();
}

TEST(trace_reader, memory_stays_linear_in_the_trace) {
  // The first version kept a JSON pointer string per value: a 140 KB trace took 1.96 GB. Ten thousand steps
  // of machine data (about 10 MB) must read within a small multiple of their size.
  auto j = minimal();
  j["steps"] = nlohmann::ordered_json::array();
  for (int i = 0; i < 10000; ++i)
    j["steps"].push_back({{"at", "day 0 08:00"},
                          {"event", "timer"},
                          {"machines", {{"Client", {{"state", "Up"}}}}},
                          {"log", nlohmann::ordered_json::array({"Copy cycle finished normally"})}});
  const std::string text = j.dump(2);
  j = nullptr;
  ASSERT_GT(text.size(), 1'000'000u);
  const long peak_before = peak_kib();
  const TraceInput in = parse_trace(text, "big.json");
  const long grown = peak_kib() - peak_before;
  EXPECT_EQ(in.schedule.events.size(), 2u);
  // At the first version's rate this would be some 140 GB; linear reading stays within a few times the text.
  EXPECT_LT(grown * 1024, static_cast<long>(text.size()) * 20)
      << grown << " KiB for " << text.size() << " bytes";
}

TEST(trace_reader, the_committed_kb_trace_reads) {
  const TraceInput in = read_trace(kData + "/traces/kb-q292030.json");
  EXPECT_EQ(in.property, "delivered_before_expiry");
  EXPECT_FALSE(in.schedule.events.empty());
}

}  // namespace
}  // namespace cqm
