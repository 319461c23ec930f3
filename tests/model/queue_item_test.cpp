#include "model/queue_item.hpp"

#include "tests/model/machine_fixture.hpp"

namespace cqm {
namespace {

using queue_item = test::MachineFixture<QueueItem>;

TEST_F(queue_item, submission_records_status_and_time) {
  env.now = 603;
  machine.on(item_submitted{kStatusSucceededMif});
  EXPECT_EQ(QueueItemState(machine.state()), QueueItemState::Queued);
  EXPECT_EQ(machine.data().status, kStatusSucceededMif);
  EXPECT_EQ(machine.data().deadline(11520), 603 + 11520);
  EXPECT_EQ(log.back().kind, LogKind::item_queued);
}

TEST_F(queue_item, delivery_is_final) {
  machine.on(item_submitted{kStatusSucceededMif});
  env.now = 700;
  machine.on(item_copied{});
  EXPECT_EQ(QueueItemState(machine.state()), QueueItemState::Delivered);
  EXPECT_EQ(machine.data().delivered_at, 700);
  machine.on(item_copied{});
  EXPECT_EQ(env.refusals, 1u) << "a second copy of a delivered item is refused";
  machine.on(lifetime_elapsed{false});
  EXPECT_EQ(QueueItemState(machine.state()), QueueItemState::Delivered);
}

TEST_F(queue_item, expiry_deletes_with_a_log_line) {
  machine.on(item_submitted{kStatusSucceededMif});
  env.now = 11520;
  machine.on(lifetime_elapsed{true});
  EXPECT_EQ(QueueItemState(machine.state()), QueueItemState::Expired);
  EXPECT_EQ(machine.data().expired_at, 11520);
  EXPECT_EQ(log.back().kind, LogKind::item_expired);
}

TEST_F(queue_item, pre_sp2_keeps_items_of_an_inaccessible_destination) {
  config.expire_while_inaccessible = false;
  machine.on(item_submitted{kStatusSucceededMif});
  machine.on(lifetime_elapsed{true});
  EXPECT_EQ(QueueItemState(machine.state()), QueueItemState::Queued);
  EXPECT_EQ(env.refusals, 0u) << "keeping is a transition of its own, not a refusal";
  machine.on(lifetime_elapsed{false});
  EXPECT_EQ(QueueItemState(machine.state()), QueueItemState::Expired);
}

TEST_F(queue_item, refuses_copy_before_submission) {
  machine.on(item_copied{});
  EXPECT_EQ(QueueItemState(machine.state()), QueueItemState::Empty);
  EXPECT_EQ(env.refusals, 1u);
}

}  // namespace
}  // namespace cqm
