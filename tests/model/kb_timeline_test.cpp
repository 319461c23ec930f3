// The KB's story, end to end on the canonical timelines of the presets.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "model/schedule.hpp"
#include "tests/preset_params.hpp"

namespace cqm {
namespace {

// The log excerpt of KB Q292030, verbatim.
const std::vector<std::string> kKbLines = {
    "-Servicing Destination[CAP List for site W2K,statmsgs.box\\]",
    "Destination[CAP List for site W2K,statmsgs.box\\] is inaccessible",
    "-Destination[CAP List for site W2K,statmsgs.box\\] retry set to 1",
    "Copy cycle finished normally",
    "Starting Copy Cycle no. 2",
    "'OK to Process' event unsignalled",
    "-Servicing Destination[CAP List for site W2K,statmsgs.box\\]",
    "-Destination[CAP List for site W2K,statmsgs.box\\] not yet ready for retry",
    "-Destination[CAP List for site W2K,statmsgs.box\\] retry set to 1",
    "Copy cycle finished normally",
};

struct CanonicalRun {
  Config config;
  LogRecords log;
  std::vector<Refusal> refusals;
  std::unique_ptr<System> system;
  explicit CanonicalRun(const char* preset) : config(*find_preset(preset)) {
    system = std::make_unique<System>(config, &log, &refusals);
    run_schedule(*system, canonical_schedule(config));
  }
  std::vector<std::string> texts() const {
    std::vector<std::string> out;
    for (const auto& r : log) out.push_back(log_text(r, config.model.site_code));
    return out;
  }
};

TEST(kb_timeline, log_holds_the_kb_lines_in_order) {
  CanonicalRun run("kb-q292030");
  const auto texts = run.texts();
  const auto at = std::search(texts.begin(), texts.end(), kKbLines.begin(), kKbLines.end());
  ASSERT_NE(at, texts.end()) << render_log(run.log, "W2K");
}

TEST(kb_timeline, log_lines_carry_the_time_in_sms_layout) {
  CanonicalRun run("kb-q292030");
  const auto& first = run.log.front();
  EXPECT_EQ(log_line(first, "W2K"), "Copy Queue Manager started  $$<Copy Queue Manager><day 0 08:02>");
}

TEST(kb_timeline, site_code_comes_from_the_config) {
  Config config = *find_preset("kb-q292030");
  config.model.site_code = "LAB";
  LogRecords log;
  System system(config, &log);
  run_schedule(system, canonical_schedule(config));
  const std::string text = render_log(log, config.model.site_code);
  EXPECT_NE(text.find("Destination[CAP List for site LAB,statmsgs.box\\] is inaccessible"),
            std::string::npos);
  EXPECT_EQ(text.find("site W2K"), std::string::npos);
}

TEST(kb_timeline, success_status_expires_11520_minutes_after_submission) {
  CanonicalRun run("kb-q292030");
  const auto& item = run.system->data<QueueItem>(1);
  EXPECT_EQ(item.status, StatusId::succeeded_mif);
  EXPECT_EQ(run.system->state<QueueItem>(1), QueueItem::State::Expired);
  EXPECT_EQ(item.expired_at - item.submitted_at, 11520);
  EXPECT_EQ(format_time(item.expired_at), "day 8 10:03");
  EXPECT_EQ(run.system->data<QueueItem>(0).status, StatusId::program_started);
  EXPECT_EQ(run.system->state<QueueItem>(0), QueueItem::State::Delivered)
      << "KB: only 10005 reaches the site";
}

TEST(kb_timeline, machines_refuse_nothing_on_the_canonical_timeline) {
  CanonicalRun run("kb-q292030");
  EXPECT_TRUE(run.refusals.empty());
}

class delivering_preset : public ::testing::TestWithParam<const char*> {};

TEST_P(delivering_preset, delivers_every_status) {
  CanonicalRun run(GetParam());
  ASSERT_EQ(run.system->items_submitted(), 2);
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(run.system->state<QueueItem>(i), QueueItem::State::Delivered) << render_log(run.log, "W2K");
    const auto& item = run.system->data<QueueItem>(i);
    EXPECT_LT(item.delivered_at, item.deadline(run.config.model.item_lifetime));
  }
  EXPECT_TRUE(run.refusals.empty());
}

INSTANTIATE_TEST_SUITE_P(workarounds_and_fixes, delivering_preset, test::holding_presets(),
                         test::PresetName{});

TEST(kb_timeline, workaround_a_fails_when_init_may_fail_at_any_boot) {
  CanonicalRun run("sms-restarts-init-fails-any-boot");
  EXPECT_EQ(run.system->state<QueueItem>(1), QueueItem::State::Expired);
}

TEST(kb_timeline, every_preset_is_valid) {
  for (const auto& c : presets()) EXPECT_FALSE(validate(c).has_value()) << c.name;
}

}  // namespace
}  // namespace cqm
