// Each property on hand-made steps: it holds where it should and, above all, it can fail.
#include <gtest/gtest.h>

#include "model/system.hpp"
#include "properties/assumptions.hpp"
#include "properties/property.hpp"

namespace cqm {
namespace {

using S = QueueItem::State;

struct step_fixture : ::testing::Test {
  Config config = *find_preset("kb-q292030");
  SystemSnapshot before = System(config).snapshot();
  SystemSnapshot after = before;

  static Instance<QueueItemData>& item(SystemSnapshot& s, int i) {
    return s.all<QueueItem>()[static_cast<std::size_t>(i)];
  }
  static void queue(SystemSnapshot& s, int i, Minutes at) {
    item(s, i).state = int(S::Queued);
    item(s, i).data.submitted_at = at;
    item(s, i).data.status = StatusId::succeeded_mif;
  }
  std::optional<std::string> check(const Property& p) { return p.check(config, before, after); }
};

TEST_F(step_fixture, delivered_before_expiry_fails_at_the_deadline_without_delivery) {
  queue(before, 1, 600);
  after = before;
  after.now = 600 + config.model.item_lifetime - 1;
  EXPECT_FALSE(check(delivered_before_expiry()));
  after.now = 600 + config.model.item_lifetime;
  EXPECT_TRUE(check(delivered_before_expiry()));
}

TEST_F(step_fixture, delivered_before_expiry_fails_on_a_late_delivery) {
  queue(after, 0, 600);
  item(after, 0).state = int(S::Delivered);
  after.now = item(after, 0).data.delivered_at = 600 + config.model.item_lifetime;
  EXPECT_TRUE(check(delivered_before_expiry()));
  item(after, 0).data.delivered_at = 600 + config.model.item_lifetime - 1;
  EXPECT_FALSE(check(delivered_before_expiry()));
}

TEST_F(step_fixture, no_silent_loss_fails_when_an_item_vanishes_or_expires_early) {
  queue(before, 0, 600);
  EXPECT_TRUE(check(no_silent_loss())) << "queued then empty";
  after = before;
  item(after, 0).state = int(S::Expired);
  item(after, 0).data.expired_at = 700;
  EXPECT_TRUE(check(no_silent_loss())) << "expired before its lifetime ended";
  item(after, 0).data.expired_at = kNever;
  EXPECT_TRUE(check(no_silent_loss())) << "expired with no logged deletion";
  item(after, 0).data.expired_at = 600 + config.model.item_lifetime;
  EXPECT_FALSE(check(no_silent_loss()));
}

TEST_F(step_fixture, queue_survives_power_loss_fails_when_a_shutdown_drops_an_item) {
  queue(before, 1, 600);
  before.all<Client>()[0].state = int(Client::State::ShuttingDown);
  after = before;
  after.all<Client>()[0].state = int(Client::State::Off);
  EXPECT_FALSE(check(queue_survives_power_loss()));
  item(after, 1).state = int(S::Overdue);
  EXPECT_FALSE(check(queue_survives_power_loss())) << "an overdue item is still in the queue";
  item(after, 1).state = int(S::Empty);
  EXPECT_TRUE(check(queue_survives_power_loss()));
  item(after, 1).state = int(S::Delivered);
  EXPECT_TRUE(check(queue_survives_power_loss())) << "nothing is delivered while CQM is stopped";
}

TEST_F(step_fixture, delivered_at_most_once_fails_on_a_duplicate) {
  queue(after, 0, 600);
  item(after, 0).state = int(S::Delivered);
  item(after, 0).data.delivered_at = 610;
  after.all<Destination>()[0].data.received = 1;
  EXPECT_FALSE(check(delivered_at_most_once()));
  after.all<Destination>()[0].data.received = 2;
  EXPECT_TRUE(check(delivered_at_most_once()));
}

TEST_F(step_fixture, retry_count_consistent_fails_on_a_pending_retry_without_count) {
  auto& d = after.all<Destination>()[0];
  d.state = int(Destination::State::RetryPending);
  d.data.retry_count = 1;
  d.data.retry_due = 1983;
  EXPECT_FALSE(check(retry_count_consistent()));
  d.data.retry_count = 0;
  EXPECT_TRUE(check(retry_count_consistent()));
  d.state = int(Destination::State::Accessible);
  d.data.retry_count = 2;
  EXPECT_TRUE(check(retry_count_consistent()));
}

TEST_F(step_fixture, no_refused_events_fails_when_a_step_refuses_an_event) {
  before.refusals = 2;
  after.refusals = 2;
  EXPECT_FALSE(check(no_refused_events()));
  after.refusals = 3;
  EXPECT_TRUE(check(no_refused_events()));
}

TEST_F(step_fixture, check_step_reports_each_violated_property_of_the_mask) {
  queue(before, 1, 600);
  after = before;
  after.now = 600 + config.model.item_lifetime;
  after.refusals = 1;
  std::vector<Violation> why;
  const std::uint32_t all = all_properties_mask();
  const std::uint32_t violated = check_step(config, before, after, all, &why);
  const std::uint32_t expected =
      1u << property_index("delivered_before_expiry") | 1u << property_index("no_refused_events") |
      1u << property_index("status_reaches_site_database");  // its deadline is the lifetime's by default
  EXPECT_EQ(violated, expected);
  ASSERT_EQ(why.size(), 3u);
  EXPECT_EQ(check_step(config, before, after, all & ~expected), 0u) << "a mask leaves the others out";
  EXPECT_EQ(first_violation(config, before, after)->property, &delivered_before_expiry());
}

TEST(properties, every_property_is_named_once_in_a_fixed_order) {
  ASSERT_EQ(all_properties().size(), 10u);
  for (std::size_t i = 0; i < all_properties().size(); ++i) {
    const auto* p = all_properties()[i];
    EXPECT_EQ(find_property(p->name), p);
    EXPECT_EQ(property_index(p->name), static_cast<int>(i));
    EXPECT_FALSE(p->summary.empty());
  }
  EXPECT_TRUE(delivered_before_expiry().rests_on_envelope);
  EXPECT_FALSE(no_refused_events().rests_on_envelope);
}

TEST(assumptions, name_their_keys_and_how_to_drop_them) {
  const Config config = *find_preset("fix-short-retry");
  const auto all = assumptions(config);
  auto find = [&](std::string_view key) {
    return std::find_if(all.begin(), all.end(), [&](const Assumption& a) { return a.key == key; });
  };
  ASSERT_NE(find("init.failure"), all.end());
  EXPECT_FALSE(find("init.failure")->drop) << "any_boot: nothing weaker to try";
  ASSERT_NE(find("cqm.late_reinit_succeeds"), all.end());
  Config dropped = config;
  find("cqm.late_reinit_succeeds")->drop(dropped);
  EXPECT_FALSE(dropped.model.late_reinit_succeeds);
  ASSERT_NE(find("environment.quantum"), all.end());
  dropped = config;
  find("environment.quantum")->drop(dropped);
  EXPECT_EQ(config.env.quantum % dropped.env.quantum, 0) << "a finer grid holds every point of the coarser";
  EXPECT_LT(dropped.env.quantum, config.env.quantum);
}

TEST(assumptions, a_mark_shows_on_the_line) {
  Config config = *find_preset("fix-short-retry");
  config.expected.assumptions_not_needed = {"environment.min_session"};
  bool marked = false;
  for (const auto& line : assumption_lines(config)) marked |= line.find("not needed") != std::string::npos;
  EXPECT_TRUE(marked);
}

// The properties find a client's instances by the snapshot's counts; on every preset, and on a site of three
// clients, those are the config's.
TEST(client_blocks, the_snapshot_counts_are_the_configs) {
  std::vector<Config> configs = presets();
  Config site = *find_preset("kb-q292030");
  site.model.site.clients = 3;
  configs.push_back(site);
  for (const Config& c : configs) {
    const SystemSnapshot s = System(c).snapshot();
    for_each_machine([&]<class M>(std::type_identity<M>) {
      EXPECT_EQ(per_client<M>(c, s), static_cast<std::size_t>(M::instances(c))) << c.name << " " << M::name;
      const int last = c.model.site.clients - 1;
      if (M::instances(c) > 0) {
        EXPECT_EQ(client_of<M>(c, s, at_client<M>(c, s, last, M::instances(c) - 1)), last) << M::name;
        EXPECT_EQ(of_client<M>(c, s, last).size(), static_cast<std::size_t>(M::instances(c))) << M::name;
      }
    });
  }
}

}  // namespace
}  // namespace cqm
