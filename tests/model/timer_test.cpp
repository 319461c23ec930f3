#include "model/timer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "model/system.hpp"
#include "tests/model/machine_fixture.hpp"

namespace cqm {
namespace {

using timer = test::MachineFixture<Timer>;
using State = Timer::State;

TEST_F(timer, starts_idle_with_no_due_time) {
  EXPECT_EQ(state(), State::Idle);
  EXPECT_EQ(data().due, kNever);
}

TEST_F(timer, arming_holds_the_due_time) {
  on(timer_armed{482});
  EXPECT_EQ(state(), State::Armed);
  EXPECT_EQ(data().due, 482);
  EXPECT_TRUE(notices().empty());
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(timer, rearming_replaces_the_due_time) {
  set(State::Armed, {482});
  on(timer_armed{1983});
  EXPECT_EQ(state(), State::Armed);
  EXPECT_EQ(data().due, 1983);
  on(timer_armed{700});
  EXPECT_EQ(data().due, 700) << "an earlier time too: the owner decides";
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(timer, cancel_disarms) {
  set(State::Armed, {1983});
  on(timer_cancelled{});
  EXPECT_EQ(state(), State::Idle);
  EXPECT_EQ(data().due, kNever);
  on(timer_cancelled{});
  EXPECT_EQ(state(), State::Idle) << "cancelling an idle timer is harmless";
  EXPECT_TRUE(notices().empty());
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(timer, clock_reached_announces_timer_elapsed_and_disarms) {
  machines.resize(env.timers.count());
  const int wake_up = env.timers.wake_up();
  set(State::Armed, {1983}, wake_up);
  env.now = 1983;
  on(clock_reached{}, wake_up);
  EXPECT_EQ(state(wake_up), State::Idle);
  EXPECT_EQ(data(wake_up).due, kNever);
  const auto n = notices();
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].kind, NoticeKind::timer_elapsed);
  EXPECT_EQ(n[0].index, wake_up) << "the route tells the timer's owner by its index";
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(timer, refuses_a_clock_that_reaches_an_idle_timer) {
  on(clock_reached{});
  EXPECT_EQ(state(), State::Idle);
  EXPECT_TRUE(notices().empty());
  EXPECT_EQ(env.refusals, 1u);
  ASSERT_EQ(refusals.size(), 1u);
  EXPECT_EQ(refusals[0].machine, "Timer");
  EXPECT_EQ(refusals[0].state, "Idle");
  EXPECT_EQ(refusals[0].event, "clock_reached");
}

// ---- the System's clock
// ---------------------------------------------------------------------------------------

struct timer_system_clock : ::testing::Test {
  Config config = *find_preset("kb-q292030");
  System system{config};
  const TimerLayout& layout = system.timers();

  void arm(int timer, Minutes due) {
    system.group<Timer>().set(timer, {static_cast<std::uint8_t>(Timer::State::Armed), TimerData{due}});
  }
};

TEST_F(timer_system_clock, fires_timers_in_time_order_whatever_their_layout) {
  config.model.late_reinit_succeeds = false;  // nothing repairs the connection: the item's lifetime ends
  system.power_on();
  system.advance_to(600);
  system.plan_next_init(InitOutcome::failed);
  system.finish_program(0, MifResult::Success);
  system.advance_to(603);
  ASSERT_EQ(system.state<QueueItem>(1), QueueItem::State::Queued);
  const Minutes deadline = system.data<QueueItem>(1).deadline(config.model.item_lifetime);
  system.advance_to(deadline);
  std::vector<int> expected;
  for (Minutes wake_up = 603 + config.model.wake_up_cycle; wake_up < deadline;
       wake_up += config.model.wake_up_cycle)
    expected.push_back(layout.wake_up());
  expected.push_back(layout.lifetime(1));
  EXPECT_EQ(system.fired(), expected);
  EXPECT_EQ(system.now(), deadline);
  EXPECT_EQ(system.state<QueueItem>(1), QueueItem::State::Expired);
  EXPECT_EQ(system.refusals(), 0u);
}

TEST_F(timer_system_clock, advance_fires_nothing_before_the_next_timer) {
  system.power_on();
  system.advance_to(config.model.boot_minutes - 1);
  EXPECT_TRUE(system.fired().empty());
  EXPECT_EQ(system.next_timer(), config.model.boot_minutes);
  EXPECT_EQ(system.state<Client>(), Client::State::Booting);
}

// Every timer due at the same minute, in states whose owners take their events: the client restarting, CQM
// running with a broken connection after the race, two items at the end of their lifetime.
TEST_F(timer_system_clock, timers_due_at_the_same_minute_fire_in_layout_order_one_per_step) {
  const Minutes t = 20000;
  using CQM = CopyQueueManager;
  system.group<Client>().set(0, {static_cast<std::uint8_t>(Client::State::Restarting), {}});
  system.group<CQM>().set(0, {static_cast<std::uint8_t>(CQM::State::Running), {}});
  system.group<Connection>().set(0, {static_cast<std::uint8_t>(Connection::State::Broken), {0, 1}});
  for (int item = 0; item < layout.items; ++item)
    system.group<QueueItem>().set(
        item, {static_cast<std::uint8_t>(QueueItem::State::Queued),
               {StatusId::succeeded_mif, 0, 0, t - config.model.item_lifetime, kNever, kNever}});
  // The status files wait in the future queue, for the site's timers to have owners that take them.
  for (int item = 0; item < layout.items; ++item)
    system.group<StatusFile>().set(item, {static_cast<std::uint8_t>(StatusFile::State::Parked), {}});
  for (int timer = 0; timer < system.group<Timer>().size(); ++timer) arm(timer, t);  // the site's too

  std::vector<std::string> delivered;
  system.observe(
      [](void* context, std::size_t machine, int instance, std::string_view event) {
        static_cast<std::vector<std::string>*>(context)->push_back(instance_label(machine, instance) + " " +
                                                                   std::string(event));
      },
      &delivered);
  system.advance_to(t);

  std::vector<int> expected_order{layout.power()};
  for (int item = 0; item < layout.items; ++item) expected_order.push_back(layout.lifetime(item));
  for (int timer : {layout.reconnect(), layout.retry(), layout.wake_up()}) expected_order.push_back(timer);
  for (int item = 0; item < layout.items; ++item) expected_order.push_back(layout.file(item));
  expected_order.push_back(layout.count() + layout.executive_restart());  // the site's, after the client's
  ASSERT_EQ(system.fired(), expected_order);

  // One per step: each timer's owner takes its event before the next timer fires.
  const std::vector<std::string> owners = {
      "Client power_timer_elapsed",       "QueueItem[0] lifetime_ended",
      "QueueItem[1] lifetime_ended",      "Connection reconnect_timer_elapsed",
      "CopyQueueManager retry_due",       "CopyQueueManager wake_up_due",
      "StatusFile[0] file_timer_elapsed", "StatusFile[1] file_timer_elapsed",
      "StatusManager executive_restarted"};
  ASSERT_EQ(owners.size(), expected_order.size());
  auto position = [&](const std::string& what) {
    return std::find(delivered.begin(), delivered.end(), what) - delivered.begin();
  };
  for (std::size_t k = 0; k < expected_order.size(); ++k) {
    const auto fired = position("Timer[" + std::to_string(expected_order[k]) + "] clock_reached");
    const auto owner = position(owners[k]);
    ASSERT_LT(fired, std::ssize(delivered)) << expected_order[k];
    ASSERT_LT(owner, std::ssize(delivered)) << owners[k];
    EXPECT_LT(fired, owner) << owners[k];
    if (k + 1 < expected_order.size()) {
      EXPECT_LT(owner, position("Timer[" + std::to_string(expected_order[k + 1]) + "] clock_reached"))
          << owners[k] << " before the next timer";
    }
  }
  EXPECT_EQ(system.state<QueueItem>(0), QueueItem::State::Expired);
  EXPECT_EQ(system.state<QueueItem>(1), QueueItem::State::Expired);
  EXPECT_EQ(system.refusals(), 0u);
}

}  // namespace
}  // namespace cqm
