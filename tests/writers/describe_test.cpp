// The registry and the descriptions the diagrams are drawn from: walked from the MSM tables, nothing added by
// hand; and the route table held to those tables, as the System dispatches by it and the overview draws it.
#include "model/describe.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/mpl/size.hpp>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "model/apm_table.hpp"
#include "model/cap_inbox_table.hpp"
#include "model/client_table.hpp"
#include "model/connection_table.hpp"
#include "model/copy_queue_table.hpp"
#include "model/destination_table.hpp"
#include "model/inventory_agent_table.hpp"
#include "model/machines.hpp"
#include "model/program_table.hpp"
#include "model/queue_item_table.hpp"
#include "model/registry_table.hpp"
#include "model/routes.hpp"
#include "model/status_file_table.hpp"
#include "model/status_manager_table.hpp"
#include "model/timer_table.hpp"
#include "writers/machine_dot.hpp"

namespace cqm {
namespace {

template <class Front>
constexpr std::size_t rows_in_table = boost::mpl::size<typename Front::transition_table>::value;

/// The announcers of a route: "Client, CopyQueueManager" names several; "environment" and "clock" are inputs.
std::vector<std::string> announcers(std::string_view from) {
  std::vector<std::string> out;
  for (std::size_t at = 0;;) {
    const auto comma = from.find(", ", at);
    out.emplace_back(from.substr(at, comma == std::string_view::npos ? std::string_view::npos : comma - at));
    if (comma == std::string_view::npos) return out;
    at = comma + 2;
  }
}

bool takes(const MachineDescription& m, std::string_view event) {
  return std::any_of(m.transitions.begin(), m.transitions.end(),
                     [&](const TransitionDescription& t) { return !t.completion() && t.event == event; });
}

TEST(describe, describes_every_machine_of_the_registry_in_its_order) {
  const auto all = describe_all();
  ASSERT_EQ(all.size(), kMachines);
  for_each_machine([&]<class M>(std::type_identity<M>) {
    const MachineDescription& d = all[machine_index<M>];
    EXPECT_EQ(d.name, M::name);
    EXPECT_EQ(d.stem, M::stem);
    EXPECT_EQ(machine_name(machine_index<M>), M::name);
    EXPECT_EQ(machine_of(M::name), machine_index<M>);
    EXPECT_FALSE(d.states.empty()) << d.name;
    EXPECT_FALSE(d.transitions.empty()) << d.name;
  });
  EXPECT_EQ(machine_of("NoSuchMachine"), kMachines);
  std::set<std::string> stems;
  for (const auto& m : all) stems.insert(m.stem);
  EXPECT_EQ(stems.size(), all.size()) << "each machine its own diagram file";
}

TEST(describe, has_one_transition_per_row_of_every_table) {
  for_each_machine([]<class M>(std::type_identity<M>) {
    EXPECT_EQ(M::describe().transitions.size(), rows_in_table<typename M::Front>) << M::name;
  });
}

TEST(describe, lists_states_in_msm_id_order) {
  // The registry's names are indexed by MSM state id: snapshots, traces and diagrams all read them that way.
  for_each_machine([]<class M>(std::type_identity<M>) {
    const auto d = M::describe();
    EXPECT_EQ(d.states, std::vector<std::string>(M::states.begin(), M::states.end())) << M::name;
    const auto registry = machine_states(machine_index<M>);
    EXPECT_EQ(std::vector<std::string>(registry.begin(), registry.end()), d.states) << M::name;
  });
}

TEST(describe, names_the_initial_states) {
  EXPECT_EQ(Client::describe().initial, "Off");
  EXPECT_EQ(AdvertisedProgramsManager::describe().initial, "Pending");
  EXPECT_EQ(Program::describe().initial, "Idle");
  EXPECT_EQ(CopyQueueManager::describe().initial, "Stopped");
  EXPECT_EQ(Connection::describe().initial, "Closed");
  EXPECT_EQ(Destination::describe().initial, "Accessible");
  EXPECT_EQ(QueueItem::describe().initial, "Empty");
  EXPECT_EQ(Timer::describe().initial, "Idle");
  for (const auto& m : describe_all())
    EXPECT_EQ(m.initial, m.states.front()) << m.name << ": the initial state is MSM's state 0";
}

TEST(describe, names_instances_as_traces_show_them) {
  EXPECT_EQ(instance_label(machine_index<Client>, 0), "Client");
  EXPECT_EQ(instance_label(machine_index<Program>, 0), "Program[0]");
  EXPECT_EQ(instance_label(machine_index<QueueItem>, 1), "QueueItem[1]");
  EXPECT_EQ(instance_label(machine_index<Timer>, 3), "Timer[3]");
}

TEST(describe, keeps_table_order_and_each_column) {
  const auto apm = AdvertisedProgramsManager::describe();
  ASSERT_GE(apm.transitions.size(), 4u);
  const auto& t = apm.transitions[0];
  EXPECT_EQ(t.source, "Pending");
  EXPECT_EQ(t.event, "advertisement_due");
  EXPECT_EQ(t.target, "Running");
  EXPECT_EQ(t.action, "plan_run, report_for_itself, launch");                  // an ActionSequence_, in order
  EXPECT_EQ(t.guard, "is_client_up && reports_for_itself");                    // all_of<...>
  EXPECT_EQ(apm.transitions[1].guard, "is_client_up && !reports_for_itself");  // not_<...>
  const auto client = Client::describe();
  const auto& shut_down = client.transitions[4];  // ShuttingDown -> Off
  ASSERT_EQ(shut_down.source + " -> " + shut_down.target, "ShuttingDown -> Off");
  EXPECT_TRUE(shut_down.action.empty());  // msmf::none
  EXPECT_TRUE(shut_down.guard.empty());
  EXPECT_EQ(Destination::describe().transitions[1].guard, "has_items && can_copy");  // all_of<...>
}

TEST(describe, marks_completion_transitions_by_their_missing_event) {
  // Program's Running is left as soon as it is entered, by the row its After Running option's guard picks.
  const auto program = Program::describe();
  std::vector<std::string> completions;
  for (const auto& t : program.transitions)
    if (t.completion()) {
      EXPECT_EQ(t.source, "Running");
      EXPECT_FALSE(t.internal()) << t.target;
      completions.push_back(t.target + " [" + t.guard + "]");
    }
  EXPECT_EQ(completions, (std::vector<std::string>{"Exited [does_program_restart_computer]",
                                                   "Exited [!does_program_restart_computer]"}));
}

TEST(describe, leaves_internal_transitions_without_target) {
  // MSM's Row reports an internal transition's source as its target; drawn that way it would exit and
  // re-enter the state, which an internal transition does not.
  const auto cqm = CopyQueueManager::describe();
  const auto internal = std::count_if(cqm.transitions.begin(), cqm.transitions.end(),
                                      [](const TransitionDescription& t) { return t.internal(); });
  EXPECT_EQ(internal, 11);
  bool seen = false;
  for (const auto& t : cqm.transitions)
    if (t.event == "copy_cycle_started") {
      EXPECT_TRUE(t.internal()) << t.source;
      seen = true;
    }
  EXPECT_TRUE(seen);
}

// The route table against the tables: the System delivers only what a machine's table takes (else it would
// be refused at run time, and no_refused_events fails), and every event a table takes comes by some route
// (else its rows are dead).

TEST(routes, reach_only_events_the_target_takes) {
  const auto all = describe_all();
  ASSERT_FALSE(route_table().empty());
  for (const auto& r : route_table()) {
    ASSERT_LT(r.to, all.size()) << notice_name(r.notice);
    const auto& target = all[r.to];
    EXPECT_TRUE(takes(target, r.event)) << r.from << " (" << notice_name(r.notice) << ") routes " << r.event
                                        << " to " << target.name << ", whose table does not take it";
  }
}

TEST(routes, bring_every_event_a_table_takes) {
  const auto all = describe_all();
  std::vector<std::set<std::string>> routed(all.size());
  for (const auto& r : route_table()) routed.at(r.to).insert(std::string(r.event));
  for (const auto& m : all) {
    const auto& to_m = routed[machine_of(m.name)];
    for (const auto& t : m.transitions) {
      if (t.completion()) continue;  // taken on entering its source: no event to route
      EXPECT_TRUE(to_m.count(t.event)) << m.name << " takes " << t.event << " (from " << t.source
                                       << ") but no route in route_table() brings it";
    }
  }
}

TEST(routes, come_from_a_machine_of_the_registry_the_environment_or_the_clock) {
  for (const auto& r : route_table())
    for (const auto& from : announcers(r.from))
      EXPECT_TRUE(machine_of(from) < kMachines || from == "environment" || from == "clock")
          << notice_name(r.notice) << " announced by '" << from << "'";
}

TEST(routes, give_timer_elapsed_a_role_and_nothing_else) {
  // The timer's role picks the route of timer_elapsed; any other notice has one meaning.
  std::set<TimerRole> roles;
  for (const auto& r : route_table()) {
    if (r.notice == NoticeKind::timer_elapsed) {
      ASSERT_TRUE(r.role.has_value()) << r.event;
      roles.insert(*r.role);
    } else {
      EXPECT_FALSE(r.role.has_value()) << notice_name(r.notice);
    }
  }
  EXPECT_EQ(roles, (std::set<TimerRole>{TimerRole::power, TimerRole::lifetime, TimerRole::reconnect,
                                        TimerRole::retry, TimerRole::wake_up, TimerRole::inventory,
                                        TimerRole::site_file, TimerRole::executive_restart}));
}

TEST(overview_dot, has_an_edge_per_announcer_and_target_with_a_line_per_notice) {
  // Group the route table as the picture must show it: per announcer and target, a line per notice (a timer's
  // role being part of the notice), its events in delivery order, each with whom it selects unless it is the
  // single one.
  using Key = std::tuple<std::string, std::string>;
  std::map<Key, std::vector<std::pair<std::string, std::vector<std::string>>>> groups;
  for (const auto& r : route_table()) {
    std::string notice(notice_name(r.notice));
    if (r.role) notice += " (" + std::string(timer_role_name(*r.role)) + ")";
    const std::string event =
        std::string(r.event) + (r.select == Select::one ? "" : " → " + std::string(select_name(r.select)));
    for (const auto& from : announcers(r.from)) {
      auto& lines = groups[{from, std::string(machine_name(r.to))}];
      auto line = std::find_if(lines.begin(), lines.end(), [&](const auto& l) { return l.first == notice; });
      if (line == lines.end()) line = lines.insert(lines.end(), {notice, {}});
      line->second.push_back(event);
    }
  }

  std::ostringstream out;
  write_overview_dot(out, describe_all(), route_table());
  const std::string dot = out.str();
  std::size_t arrows = 0;
  for (auto at = dot.find(" -> "); at != std::string::npos; at = dot.find(" -> ", at + 1)) ++arrows;
  EXPECT_EQ(arrows, groups.size()) << "one edge per announcer and target, no more\n" << dot;

  for (const auto& [key, lines] : groups) {
    const auto& [from, to] = key;
    std::string label = "label=<";
    for (std::size_t i = 0; i < lines.size(); ++i) {
      label += (i ? "<br/>" : "") + std::string("<b>") + lines[i].first + "</b>: ";
      for (std::size_t k = 0; k < lines[i].second.size(); ++k) label += (k ? ", " : "") + lines[i].second[k];
    }
    label += ">";
    if (machine_of(from) < kMachines) {
      const std::string edge = "\"" + from + "\" -> \"" + to + "\" [" + label + "];";
      EXPECT_NE(dot.find(edge), std::string::npos) << edge;
      continue;
    }
    // An input: a dashed note, with a dashed arrow to its target.
    bool found = false;
    for (auto at = dot.find(" [" + label + ", shape=note"); at != std::string::npos && !found;
         at = dot.find(" [" + label + ", shape=note", at + 1)) {
      const auto line = dot.rfind('\n', at) + 1;
      const std::string node = dot.substr(line, at - line);  // "  \"__environment3\""
      found = dot.find(node + " -> \"" + to + "\" [style=dashed") != std::string::npos;
    }
    EXPECT_TRUE(found) << from << " -> " << to << ": no dashed note " << label;
  }
}

}  // namespace
}  // namespace cqm
