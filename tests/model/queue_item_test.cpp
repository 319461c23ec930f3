#include "model/queue_item.hpp"

#include "tests/model/machine_fixture.hpp"

namespace cqm {
namespace {

using queue_item = test::MachineFixture<QueueItem>;
using State = QueueItem::State;

constexpr auto kMif = static_cast<std::int32_t>(StatusId::succeeded_mif);

TEST_F(queue_item, starts_empty) {
  EXPECT_EQ(state(), State::Empty);
  EXPECT_FALSE(QueueItem::in_queue(int(state())));
}

TEST_F(queue_item, submission_records_status_and_time_and_arms_the_lifetime) {
  env.now = 603;
  on(item_submitted{StatusId::succeeded_mif});
  EXPECT_EQ(state(), State::Queued);
  EXPECT_EQ(data().status, StatusId::succeeded_mif);
  EXPECT_EQ(data().submitted_at, 603);
  EXPECT_EQ(data().deadline(11520), 603 + 11520);
  EXPECT_EQ(log_kinds(), (std::vector{LogKind::item_queued}));
  EXPECT_EQ(log.back().arg, kMif);
  const auto n = notices();
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0].kind, NoticeKind::timer_armed);
  EXPECT_EQ(n[0].arg, env.timers.lifetime(0));
  EXPECT_EQ(n[0].arg2, 603 + config.model.item_lifetime);
  EXPECT_EQ(n[1].kind, NoticeKind::item_queued) << "signals CQM's 'OK to Process' event";
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(queue_item, each_slot_has_its_own_lifetime_timer) {
  machines.resize(2);
  on(item_submitted{StatusId::program_started}, 1);
  EXPECT_EQ(state(0), State::Empty);
  EXPECT_EQ(state(1), State::Queued);
  const auto n = notices();
  ASSERT_FALSE(n.empty());
  EXPECT_EQ(n[0].arg, env.timers.lifetime(1));
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(queue_item, delivery_is_final) {
  on(item_submitted{StatusId::succeeded_mif});
  notices();
  env.now = 700;
  on(item_copied{});
  EXPECT_EQ(state(), State::Delivered);
  EXPECT_EQ(data().delivered_at, 700);
  EXPECT_EQ(log.back().kind, LogKind::item_copied);
  const auto n = notices();
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0].kind, NoticeKind::timer_cancelled) << "a delivered item's lifetime no longer runs";
  EXPECT_EQ(n[0].arg, env.timers.lifetime(0));
  EXPECT_EQ(n[1].kind, NoticeKind::item_delivered);
  EXPECT_EQ(env.refusals, 0u);
  on(item_copied{});
  EXPECT_EQ(env.refusals, 1u) << "a second copy of a delivered item is refused";
  EXPECT_EQ(refusals.at(0).machine, "QueueItem");
  EXPECT_EQ(refusals.at(0).state, "Delivered");
  EXPECT_EQ(refusals.at(0).event, "item_copied");
  EXPECT_EQ(state(), State::Delivered);
  EXPECT_EQ(data().delivered_at, 700);
}

TEST_F(queue_item, lifetime_end_makes_it_overdue_and_tells_cqm) {
  on(item_submitted{StatusId::succeeded_mif});
  notices();
  env.now = 11520;
  on(lifetime_ended{});
  EXPECT_EQ(state(), State::Overdue);
  EXPECT_TRUE(QueueItem::in_queue(int(state()))) << "still in the queue until CQM deletes it";
  EXPECT_EQ(notice_kinds(), (std::vector{NoticeKind::item_overdue}));
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(queue_item, expiry_deletes_with_a_log_line) {
  set(State::Overdue, {StatusId::succeeded_mif, 0, 0, 0, kNever, kNever});
  env.now = 11520;
  on(expiry_checked{true});
  EXPECT_EQ(state(), State::Expired);
  EXPECT_EQ(data().expired_at, 11520);
  EXPECT_EQ(log.back().kind, LogKind::item_expired);
  EXPECT_EQ(log.back().arg, kMif);
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(queue_item, expiry_check_leaves_a_live_item_queued) {
  on(item_submitted{StatusId::succeeded_mif});
  log.clear();
  on(expiry_checked{false});
  EXPECT_EQ(state(), State::Queued);
  EXPECT_TRUE(log.empty());
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(queue_item, pre_sp2_keeps_items_of_an_inaccessible_destination) {
  config.model.service_pack = 1;
  set(State::Overdue, {StatusId::succeeded_mif, 0, 0, 0, kNever, kNever});
  on(expiry_checked{true});
  EXPECT_EQ(state(), State::Kept);
  EXPECT_EQ(env.refusals, 0u) << "keeping is a transition of its own, not a refusal";
  on(expiry_checked{false});
  EXPECT_EQ(state(), State::Expired);
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(queue_item, sp2_deletes_items_of_an_inaccessible_destination) {
  config.model.service_pack = 2;
  set(State::Overdue, {StatusId::succeeded_mif, 0, 0, 0, kNever, kNever});
  on(expiry_checked{true});
  EXPECT_EQ(state(), State::Expired);
}

TEST_F(queue_item, a_kept_item_may_still_be_copied) {
  config.model.service_pack = 1;
  set(State::Kept, {StatusId::succeeded_mif, 0, 0, 0, kNever, kNever});
  env.now = 12000;
  on(item_copied{});
  EXPECT_EQ(state(), State::Delivered);
  EXPECT_EQ(data().delivered_at, 12000);
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(queue_item, refuses_copy_before_submission) {
  on(item_copied{});
  EXPECT_EQ(state(), State::Empty);
  EXPECT_TRUE(notices().empty());
  EXPECT_EQ(env.refusals, 1u);
  EXPECT_EQ(refusals.at(0).state, "Empty");
  EXPECT_EQ(refusals.at(0).event, "item_copied");
}

}  // namespace
}  // namespace cqm
