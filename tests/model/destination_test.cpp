#include "model/destination.hpp"

#include "tests/model/machine_fixture.hpp"

namespace cqm {
namespace {

using destination = test::MachineFixture<Destination>;

std::vector<LogKind> kinds(const LogRecords& log) {
  std::vector<LogKind> out;
  for (const auto& r : log) out.push_back(r.kind);
  return out;
}

TEST_F(destination, inaccessible_attempt_sets_retry_and_logs_as_the_kb) {
  machine.on(service_requested{});
  EXPECT_EQ(DestinationState(machine.state()), DestinationState::Attempting);
  machine.on(found_inaccessible{1380});
  EXPECT_EQ(DestinationState(machine.state()), DestinationState::RetryPending);
  EXPECT_EQ(machine.data().retry_count, 1);
  EXPECT_EQ(machine.data().retry_due, 1380);
  EXPECT_EQ(kinds(log),
            (std::vector<LogKind>{LogKind::servicing, LogKind::inaccessible, LogKind::retry_set}));
  EXPECT_EQ(log.back().arg, 1);
}

TEST_F(destination, waits_for_the_due_time_before_retrying) {
  machine.restore(int(DestinationState::RetryPending));
  machine.data().retry_count = 1;
  machine.data().retry_due = 1380;
  env.now = 10;
  machine.on(service_requested{});
  EXPECT_EQ(DestinationState(machine.state()), DestinationState::RetryPending);
  EXPECT_EQ(kinds(log),
            (std::vector<LogKind>{LogKind::servicing, LogKind::not_ready_for_retry, LogKind::retry_set}));
  EXPECT_EQ(log.back().arg, 1) << "KB: the count is repeated, not increased";
  env.now = 1380;
  machine.on(service_requested{});
  EXPECT_EQ(DestinationState(machine.state()), DestinationState::Attempting);
  EXPECT_EQ(env.refusals, 0u);
}

TEST_F(destination, a_second_failure_increments_the_count) {
  machine.restore(int(DestinationState::Attempting));
  machine.data().retry_count = 1;
  machine.on(found_inaccessible{2000});
  EXPECT_EQ(machine.data().retry_count, 2);
}

TEST_F(destination, copy_clears_the_retry_and_counts_deliveries) {
  machine.restore(int(DestinationState::Attempting));
  machine.data().retry_count = 3;
  machine.on(items_copied{2});
  EXPECT_EQ(DestinationState(machine.state()), DestinationState::Accessible);
  EXPECT_EQ(machine.data().retry_count, 0);
  EXPECT_EQ(machine.data().copied, 2);
}

TEST_F(destination, cqm_stop_forgets_the_in_memory_retry_state) {
  machine.restore(int(DestinationState::RetryPending));
  machine.data().retry_count = 1;
  machine.on(cqm_stopped{});
  EXPECT_EQ(DestinationState(machine.state()), DestinationState::Accessible);
  EXPECT_EQ(machine.data().retry_count, 0);
}

TEST_F(destination, refuses_a_copy_that_was_not_attempted) {
  machine.on(items_copied{1});
  EXPECT_EQ(env.refusals, 1u);
  EXPECT_STREQ(refusals.at(0).event, "items_copied");
}

}  // namespace
}  // namespace cqm
