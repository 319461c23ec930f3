// DOT generated from the descriptions: every state and every row of the table appears, the same way each
// time.
#include "writers/machine_dot.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace cqm {
namespace {

std::string overview_dot() {
  std::ostringstream out;
  write_overview_dot(out, describe_all(), system_routes());
  return out.str();
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
        const std::string trigger = t.guard.empty() ? t.event : t.event + " [" + t.guard + "]";
        EXPECT_NE(dot.find(">" + trigger), std::string::npos) << m.name << ": " << trigger;
        if (!t.action.empty()) {
          EXPECT_NE(dot.find("/ " + t.action + "<"), std::string::npos) << t.action;
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
}

TEST(machine_dot, marks_states_no_event_leaves) {
  const auto dot = machine_dot(describe_queue_item());
  EXPECT_NE(dot.find("\"Delivered\" [peripheries=2]"), std::string::npos) << dot;
  EXPECT_NE(dot.find("\"Expired\" [peripheries=2]"), std::string::npos) << dot;
  EXPECT_EQ(dot.find("\"Empty\" [peripheries=2]"), std::string::npos) << dot;
}

TEST(machine_dot, always_sets_newrank) {
  for (const auto& m : describe_all())
    EXPECT_NE(machine_dot(m).find("newrank=true"), std::string::npos) << m.name;
  EXPECT_NE(overview_dot().find("newrank=true"), std::string::npos);
}

TEST(machine_dot, is_the_same_every_time) {
  for (const auto& m : describe_all()) EXPECT_EQ(machine_dot(m), machine_dot(describe(m.kind)));
  EXPECT_EQ(overview_dot(), overview_dot());
}

TEST(overview_dot, shows_every_machine_and_every_route) {
  const auto dot = overview_dot();
  for (const auto& m : describe_all()) {
    EXPECT_NE(dot.find("\"" + m.name + "\" [label=<<b>" + m.name + "</b>"), std::string::npos) << m.name;
    for (const auto& s : m.states) EXPECT_NE(dot.find(s), std::string::npos) << s;
  }
  for (const auto& r : system_routes()) {
    std::string label = "label=<<b>" + r.via + "</b>";
    for (const auto& e : r.events) label += "<br/>" + e;
    EXPECT_NE(dot.find(label + ">"), std::string::npos) << label;
    if (r.from) {
      const std::string edge =
          "\"" + std::string(machine_name(*r.from)) + "\" -> \"" + machine_name(r.to) + "\"";
      EXPECT_NE(dot.find(edge + " [" + label), std::string::npos) << label;
    }
  }
}

}  // namespace
}  // namespace cqm
