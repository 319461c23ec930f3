// Each property on hand-made steps: it holds where it should and, above all, it can fail.
#include <gtest/gtest.h>

#include "properties/property.hpp"

namespace cqm {
namespace {

using S = QueueItemState;

struct step_fixture : ::testing::Test {
  Config config = *find_preset("kb-q292030");
  SystemSnapshot before = empty();
  SystemSnapshot after = empty();

  static SystemSnapshot empty() {
    SystemSnapshot s{};
    s.client_due = s.wake_due = s.retry_timer = s.reconnect_due = s.retry_due = kNever;
    for (int i = 0; i < 2; ++i) s.submitted_at[i] = s.delivered_at[i] = s.expired_at[i] = kNever;
    return s;
  }
  static void queue(SystemSnapshot& s, int i, Minutes at) {
    s.item_state[i] = static_cast<std::uint8_t>(S::Queued);
    s.submitted_at[i] = at;
    s.status[i] = kStatusSucceededMif;
  }
  std::optional<std::string> check(const Property& p) { return p.check(config, before, after); }
};

TEST_F(step_fixture, delivered_before_expiry_fails_at_the_deadline_without_delivery) {
  queue(before, 1, 600);
  after = before;
  after.now = 600 + config.item_lifetime - 1;
  EXPECT_FALSE(check(delivered_before_expiry()));
  after.now = 600 + config.item_lifetime;
  EXPECT_TRUE(check(delivered_before_expiry()));
}

TEST_F(step_fixture, delivered_before_expiry_fails_on_a_late_delivery) {
  queue(after, 0, 600);
  after.item_state[0] = static_cast<std::uint8_t>(S::Delivered);
  after.now = after.delivered_at[0] = 600 + config.item_lifetime;
  EXPECT_TRUE(check(delivered_before_expiry()));
  after.delivered_at[0] = 600 + config.item_lifetime - 1;
  EXPECT_FALSE(check(delivered_before_expiry()));
}

TEST_F(step_fixture, no_silent_loss_fails_when_an_item_vanishes_or_expires_early) {
  queue(before, 0, 600);
  EXPECT_TRUE(check(no_silent_loss())) << "queued then empty";
  after = before;
  after.item_state[0] = static_cast<std::uint8_t>(S::Expired);
  after.expired_at[0] = 700;
  EXPECT_TRUE(check(no_silent_loss())) << "expired before its lifetime ended";
  after.expired_at[0] = kNever;
  EXPECT_TRUE(check(no_silent_loss())) << "expired with no logged deletion";
  after.expired_at[0] = 600 + config.item_lifetime;
  EXPECT_FALSE(check(no_silent_loss()));
}

TEST_F(step_fixture, queue_survives_power_loss_fails_when_a_shutdown_drops_an_item) {
  queue(before, 1, 600);
  before.client = static_cast<std::uint8_t>(ClientState::ShuttingDown);
  after = before;
  after.client = static_cast<std::uint8_t>(ClientState::Off);
  EXPECT_FALSE(check(queue_survives_power_loss()));
  after.item_state[1] = static_cast<std::uint8_t>(S::Empty);
  EXPECT_TRUE(check(queue_survives_power_loss()));
  after.item_state[1] = static_cast<std::uint8_t>(S::Delivered);
  EXPECT_TRUE(check(queue_survives_power_loss())) << "nothing is delivered while CQM is stopped";
}

TEST_F(step_fixture, delivered_at_most_once_fails_on_a_duplicate) {
  queue(after, 0, 600);
  after.item_state[0] = static_cast<std::uint8_t>(S::Delivered);
  after.delivered_at[0] = 610;
  after.copied = 1;
  EXPECT_FALSE(check(delivered_at_most_once()));
  after.copied = 2;
  EXPECT_TRUE(check(delivered_at_most_once()));
}

TEST_F(step_fixture, retry_count_consistent_fails_on_a_pending_retry_without_count) {
  after.destination = static_cast<std::uint8_t>(DestinationState::RetryPending);
  after.retry_count = 1;
  after.retry_due = 1983;
  EXPECT_FALSE(check(retry_count_consistent()));
  after.retry_count = 0;
  EXPECT_TRUE(check(retry_count_consistent()));
  after.destination = static_cast<std::uint8_t>(DestinationState::Accessible);
  after.retry_count = 2;
  EXPECT_TRUE(check(retry_count_consistent()));
}

TEST_F(step_fixture, no_refused_events_fails_when_a_step_refuses_an_event) {
  before.refusals = 2;
  after.refusals = 2;
  EXPECT_FALSE(check(no_refused_events()));
  after.refusals = 3;
  EXPECT_TRUE(check(no_refused_events()));
}

TEST(properties, every_property_is_named_and_states_its_assumptions) {
  const Config config = *find_preset("fix-short-retry");
  ASSERT_EQ(all_properties().size(), 6u);
  for (const auto* p : all_properties()) {
    EXPECT_EQ(find_property(p->name), p);
    EXPECT_FALSE(p->summary.empty());
    EXPECT_FALSE(p->assumptions(config).empty()) << p->name;
  }
  const auto a = delivered_before_expiry().assumptions(config);
  EXPECT_NE(std::find(a.begin(), a.end(), "init.failure = any_boot"), a.end());
}

}  // namespace
}  // namespace cqm
