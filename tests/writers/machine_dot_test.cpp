// DOT generated from the descriptions: every state and every row of the table appears, the same way each
// time.
#include "writers/machine_dot.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "model/machines.hpp"

namespace cqm {
namespace {

std::string overview_dot() {
  std::ostringstream out;
  write_overview_dot(out, describe_all(), route_table());
  return out.str();
}

/// As an HTML-like label shows text (a guard "a && b" inside a state's box).
std::string html(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

std::string joined(const std::vector<std::string>& lines, const std::string& separator) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : separator) + l;
  return out;
}

TEST(machine_dot, names_every_state_and_every_row) {
  for (const auto& m : describe_all()) {
    const auto dot = machine_dot(m);
    for (const auto& s : m.states)
      EXPECT_NE(dot.find("\"" + s + "\""), std::string::npos) << m.name << ": " << s;
    EXPECT_NE(dot.find("__initial -> \"" + m.initial + "\""), std::string::npos) << m.name;
    for (const auto& t : m.transitions) {
      if (t.internal()) {
        // Listed in the state's box: the trigger on its row, the action on the same or the next row.
        const std::string event = t.completion() ? "(completion)" : t.event;
        const std::string trigger = html(t.guard.empty() ? event : event + " [" + t.guard + "]");
        EXPECT_NE(dot.find(">" + trigger), std::string::npos) << m.name << ": " << trigger;
        if (!t.action.empty()) {
          EXPECT_NE(dot.find("/ " + html(t.action) + "<"), std::string::npos) << t.action;
        }
      } else {
        const std::string edge = "\"" + t.source + "\" -> \"" + t.target + "\" [label=\"" +
                                 joined(transition_label_lines(t), "\\n") + "\"]";
        EXPECT_NE(dot.find(edge), std::string::npos) << m.name << ": " << edge << "\nin\n" << dot;
      }
    }
  }
}

TEST(machine_dot, labels_event_guard_action) {
  TransitionDescription t{"Running", "program_finished", "Finished", "write_status_mif, submit_final_status",
                          "does_computer_keep_running"};
  EXPECT_EQ(transition_label_lines(t),
            (std::vector<std::string>{"program_finished", "[does_computer_keep_running]",
                                      "/ write_status_mif,", "submit_final_status"}));
  t.guard.clear();
  t.action.clear();
  EXPECT_EQ(transition_label_lines(t), std::vector<std::string>{"program_finished"});
  // A completion transition has no event: it is taken as soon as its source is entered.
  const TransitionDescription completion{"Running", "", "AwaitingRestart", "restart_computer",
                                         "does_program_restart_computer"};
  EXPECT_EQ(
      transition_label_lines(completion),
      (std::vector<std::string>{"(completion)", "[does_program_restart_computer]", "/ restart_computer"}));
}

TEST(machine_dot, draws_completion_rows_as_edges) {
  const auto dot = machine_dot(Program::describe());
  EXPECT_NE(dot.find("\"Running\" -> \"Exited\" [label=\"(completion)\\n[does_program_restart_computer]"),
            std::string::npos)
      << dot;
}

TEST(machine_dot, marks_states_no_event_leaves) {
  // A toy machine, and the model's: a removed queue item (Q301352) is a loss nothing undoes.
  MachineDescription m{"Toy", "toy", "Open", {"Open", "Closed"}, {{"Open", "closed", "Closed", "", ""}}};
  const auto toy = machine_dot(m);
  EXPECT_NE(toy.find("\"Closed\" [peripheries=2]"), std::string::npos) << toy;
  EXPECT_EQ(toy.find("\"Open\" [peripheries=2]"), std::string::npos) << toy;
  const auto item = machine_dot(QueueItem::describe());
  EXPECT_NE(item.find("\"Removed\" [peripheries=2]"), std::string::npos) << item;
  EXPECT_EQ(item.find("\"Delivered\" [peripheries=2]"), std::string::npos) << "its slot takes the next file";
}

TEST(machine_dot, always_sets_newrank) {
  for (const auto& m : describe_all())
    EXPECT_NE(machine_dot(m).find("newrank=true"), std::string::npos) << m.name;
  EXPECT_NE(overview_dot().find("newrank=true"), std::string::npos);
}

TEST(machine_dot, is_the_same_every_time) {
  const auto all = describe_all();
  for_each_machine([&]<class M>(std::type_identity<M>) {
    EXPECT_EQ(machine_dot(all[machine_index<M>]), machine_dot(M::describe())) << M::name;
  });
  EXPECT_EQ(overview_dot(), overview_dot());
}

TEST(overview_dot, shows_every_machine_with_its_states) {
  // The routes' edges: tests/writers/describe_test.cpp, against the route table.
  const auto dot = overview_dot();
  for (const auto& m : describe_all()) {
    std::string states;
    for (const auto& s : m.states) states += (states.empty() ? "" : " · ") + s;
    const std::string node = "\"" + m.name + "\" [label=<<b>" + m.name + "</b><br/><font point-size=\"11\">" +
                             states + "</font>>];";
    EXPECT_NE(dot.find(node), std::string::npos) << node;
  }
}

}  // namespace
}  // namespace cqm
