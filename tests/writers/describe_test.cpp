// The descriptions the diagrams are drawn from: walked from the MSM tables, nothing added by hand.
#include "model/describe.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/mpl/size.hpp>
#include <iterator>
#include <set>

#include "model/client.hpp"
#include "model/copy_queue.hpp"
#include "model/destination.hpp"
#include "model/program.hpp"
#include "model/queue_item.hpp"

namespace cqm {
namespace {

template <class Front>
constexpr std::size_t rows_in_table = boost::mpl::size<typename Front::transition_table>::value;

template <std::size_t N>
std::vector<std::string> names(const char* const (&table)[N]) {
  return {std::begin(table), std::end(table)};
}

TEST(describe, has_one_transition_per_row_of_every_table) {
  EXPECT_EQ(describe_client().transitions.size(), rows_in_table<client_fsm::client_>);
  EXPECT_EQ(describe_program().transitions.size(), rows_in_table<program_fsm::program_>);
  EXPECT_EQ(describe_copy_queue().transitions.size(), rows_in_table<copy_queue_fsm::copy_queue_>);
  EXPECT_EQ(describe_destination().transitions.size(), rows_in_table<destination_fsm::destination_>);
  EXPECT_EQ(describe_queue_item().transitions.size(), rows_in_table<queue_item_fsm::queue_item_>);
}

TEST(describe, lists_states_in_msm_id_order) {
  EXPECT_EQ(describe_client().states, names(kClientStateNames));
  EXPECT_EQ(describe_program().states, names(kProgramStateNames));
  EXPECT_EQ(describe_copy_queue().states, names(kCopyQueueStateNames));
  EXPECT_EQ(describe_destination().states, names(kDestinationStateNames));
  EXPECT_EQ(describe_queue_item().states, names(kQueueItemStateNames));
}

TEST(describe, names_machine_and_initial_state) {
  const auto all = describe_all();
  ASSERT_EQ(all.size(), 5u);
  for (const auto& m : all) {
    EXPECT_EQ(m.name, machine_name(m.kind));
    EXPECT_EQ(describe(m.kind).name, m.name);
  }
  EXPECT_EQ(describe_client().initial, "Off");
  EXPECT_EQ(describe_copy_queue().initial, "Stopped");
  EXPECT_EQ(describe_queue_item().initial, "Empty");
}

TEST(describe, keeps_table_order_and_each_column) {
  const auto program = describe_program();
  ASSERT_GE(program.transitions.size(), 2u);
  const auto& t = program.transitions[1];
  EXPECT_EQ(t.source, "Running");
  EXPECT_EQ(t.event, "program_finished");
  EXPECT_EQ(t.target, "AwaitingRestart");
  EXPECT_EQ(t.action, "write_status_mif, restart_computer");  // an ActionSequence_, in order
  EXPECT_EQ(t.guard, "does_program_restart_computer");
  EXPECT_TRUE(describe_client().transitions[0].action.empty());  // msmf::none
  EXPECT_TRUE(describe_client().transitions[0].guard.empty());
}

TEST(describe, leaves_internal_transitions_without_target) {
  // MSM's Row reports an internal transition's source as its target; drawn that way it would exit and
  // re-enter the state, which an internal transition does not.
  const auto cqm = describe_copy_queue();
  const auto internal = std::count_if(cqm.transitions.begin(), cqm.transitions.end(),
                                      [](const TransitionDescription& t) { return t.internal(); });
  EXPECT_EQ(internal, 6);
  for (const auto& t : cqm.transitions)
    if (t.event == "copy_cycle_started") {
      EXPECT_TRUE(t.internal()) << t.source;
    }
}

TEST(describe, routes_reach_only_events_the_target_takes) {
  for (const auto& r : system_routes()) {
    const auto target = describe(r.to);
    for (const auto& e : r.events)
      EXPECT_TRUE(std::any_of(target.transitions.begin(), target.transitions.end(),
                              [&](const TransitionDescription& t) { return t.event == e; }))
          << r.via << " routes " << e << " to " << target.name << ", whose table does not take it";
  }
}

TEST(describe, routes_bring_every_event_a_table_takes) {
  for (const auto& m : describe_all()) {
    std::set<std::string> routed;
    for (const auto& r : system_routes())
      if (r.to == m.kind) routed.insert(r.events.begin(), r.events.end());
    for (const auto& t : m.transitions)
      EXPECT_TRUE(routed.count(t.event))
          << m.name << " takes " << t.event << " but no route in system_routes() brings it: add one";
  }
}

}  // namespace
}  // namespace cqm
