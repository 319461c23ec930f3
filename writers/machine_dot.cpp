#include "writers/machine_dot.hpp"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "model/machines.hpp"
#include "writers/dot_text.hpp"

namespace cqm {
namespace {

constexpr const char* kInitialNode = "__initial";
constexpr const char* kEnvironmentNode = "__environment";
// Coverage marks: a fired row green and bold, one never fired grey and dashed.
constexpr const char* kFiredColour = "#2e7d32";
constexpr const char* kFiredFill = "#e3f1e4";
constexpr const char* kNeverColour = "#9a9a9a";

bool has_way_out(const MachineDescription& m, const std::string& state) {
  return std::any_of(m.transitions.begin(), m.transitions.end(),
                     [&](const TransitionDescription& t) { return t.source == state; });
}

std::string joined(const std::vector<std::string>& lines, std::string_view separator) {
  std::string out;
  for (const auto& line : lines) out += (out.empty() ? "" : std::string(separator)) + line;
  return out;
}

/// An internal transition inside its state's box: `event [guard]` and `/ action`.
struct InternalLine {
  std::string trigger;
  std::string action;
};

InternalLine internal_line(const TransitionDescription& t) {
  const std::string event = t.completion() ? "(completion)" : t.event;
  return {t.guard.empty() ? event : event + " [" + t.guard + "]", t.action.empty() ? "" : "/ " + t.action};
}

/// The state's box: its name alone, or its name over a rule and a row per internal transition. When one row
/// would be long, every action of the box goes on its own indented row: narrower, and the box stays uniform.
void write_state(std::ostream& out, const MachineDescription& m, const std::string& state,
                 const std::vector<bool>* fired) {
  constexpr std::size_t kLongRow = 40;
  std::vector<InternalLine> internal;
  std::vector<bool> internal_fired;
  for (std::size_t i = 0; i < m.transitions.size(); ++i)
    if (const auto& t = m.transitions[i]; t.internal() && t.source == state) {
      internal.push_back(internal_line(t));
      internal_fired.push_back(!fired || (*fired)[i]);
    }
  const bool split = std::any_of(internal.begin(), internal.end(), [](const InternalLine& l) {
    return l.trigger.size() + 1 + l.action.size() > kLongRow;
  });
  std::vector<std::string> attributes;
  if (!internal.empty()) {
    bool reached = true;  // the row being written fired (always, without coverage)
    auto row = [&](const std::string& text) {
      const std::string colour = reached ? "" : " color=\"" + std::string(kNeverColour) + "\"";
      return "<tr><td align=\"left\"><font point-size=\"11\"" + colour + ">" + dot::html(text) +
             "</font></td></tr>";
    };
    std::string label = "<<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"2\">";
    label += "<tr><td>" + dot::html(state) + "</td></tr><hr/>";
    for (std::size_t k = 0; k < internal.size(); ++k) {
      const auto& l = internal[k];
      reached = internal_fired[k];
      if (l.action.empty())
        label += row(l.trigger);
      else if (split)
        label += row(l.trigger) + row("    " + l.action);
      else
        label += row(l.trigger + " " + l.action);
    }
    attributes.push_back("label=" + label + "</table>>");
  }
  if (!has_way_out(m, state)) attributes.push_back("peripheries=2");
  if (fired) {
    // Reached: the initial state, or a state some fired row leaves or enters.
    bool reached = state == m.initial;
    for (std::size_t i = 0; i < m.transitions.size(); ++i)
      if ((*fired)[i] && (m.transitions[i].source == state || m.transitions[i].target == state))
        reached = true;
    attributes.push_back(reached ? "fillcolor=\"" + std::string(kFiredFill) + "\""
                                 : "fillcolor=\"#f4f4f4\", color=\"" + std::string(kNeverColour) +
                                       "\", fontcolor=\"" + std::string(kNeverColour) +
                                       "\", style=\"rounded,filled,dashed\"");
  }
  out << "  " << dot::quote(state);
  if (!attributes.empty()) out << " [" << joined(attributes, ", ") << "]";
  out << ";\n";
}

}  // namespace

std::vector<std::string> transition_label_lines(const TransitionDescription& t) {
  // A completion transition has no event: it is taken as soon as its source state is entered.
  std::vector<std::string> lines{t.completion() ? std::string("(completion)") : t.event};
  if (!t.guard.empty()) lines.push_back("[" + t.guard + "]");
  // An action sequence "a, b, c" gets a line per action: one long line would stretch the whole rank.
  std::string_view rest = t.action;
  for (std::string prefix = "/ "; !rest.empty(); prefix.clear()) {
    const auto comma = rest.find(", ");
    lines.push_back(prefix + std::string(rest.substr(0, comma == rest.npos ? rest.npos : comma + 1)));
    rest = comma == rest.npos ? std::string_view() : rest.substr(comma + 2);
  }
  return lines;
}

void write_machine_dot(std::ostream& out, const MachineDescription& m, const std::vector<bool>* fired) {
  if (fired && fired->size() != m.transitions.size())
    throw std::logic_error("coverage of another table for " + m.name);
  out << "// " << m.name << ": generated from its Boost.MSM transition table by `cqmcheck "
      << (fired ? "report" : "diagrams") << "`; do not edit.\n"
      << "digraph " << dot::quote(m.name) << " {\n";
  dot::write_defaults(out, "LR");
  std::string label = m.name;
  if (fired)
    label += " — coverage: " + std::to_string(std::count(fired->begin(), fired->end(), true)) + " of " +
             std::to_string(fired->size()) + " rows fired (green; grey, dashed: never)";
  out << "  label=" << dot::quote(label) << ";\n";
  out << "  " << kInitialNode << " [shape=point, width=0.16, style=filled, fillcolor=black, label=\"\"];\n";
  for (const auto& state : m.states) write_state(out, m, state, fired);
  out << "  " << kInitialNode << " -> " << dot::quote(m.initial) << ";\n";
  for (std::size_t i = 0; i < m.transitions.size(); ++i) {
    const auto& t = m.transitions[i];
    if (t.internal()) continue;
    out << "  " << dot::quote(t.source) << " -> " << dot::quote(t.target)
        << " [label=" << dot::quote(joined(transition_label_lines(t), "\n"));
    if (fired)
      out << ((*fired)[i] ? ", color=\"" + std::string(kFiredColour) + "\", penwidth=2"
                          : ", color=\"" + std::string(kNeverColour) + "\", fontcolor=\"" +
                                std::string(kNeverColour) + "\", style=dashed");
    out << "];\n";
  }
  out << "}\n";
}

std::string machine_dot(const MachineDescription& m, const std::vector<bool>* fired) {
  std::ostringstream out;
  write_machine_dot(out, m, fired);
  return out.str();
}

void write_overview_dot(std::ostream& out, const std::vector<MachineDescription>& machines,
                        const std::vector<Route>& routes) {
  out << "// How the System routes each notice to the machines' events (the route table, model/routes.cpp);\n"
      << "// states from the Boost.MSM tables. Generated by `cqmcheck diagrams`; do not edit.\n"
      << "digraph \"System\" {\n";
  dot::write_defaults(out, "TB");
  out << "  label=\"System: who tells whom (the route table)\";\n  ranksep=0.8;\n";
  // The two halves of a status's path: the client's machines (a block per client of the site), and past the
  // CAP the CAP's inbox and the site server's; the timers serve both.
  auto node = [&](const MachineDescription& m) {
    out << "    " << dot::quote(m.name) << " [label=<<b>" << dot::html(m.name)
        << "</b><br/><font point-size=\"11\">" << dot::html(joined(m.states, " · ")) << "</font>>];\n";
  };
  auto half = [&](const char* id, const char* label, bool past) {
    out << "  subgraph " << id << " {\n    label=" << dot::quote(label)
        << ";\n    style=dashed;\n    color=" << dot::quote(dot::kMuted) << ";\n";
    for (const auto& m : machines)
      if (m.name != "Timer" && machine_past_cap(machine_of(m.name)) == past) node(m);
    out << "  }\n";
  };
  half("cluster_client", "the client (one block per client of the site)", false);
  half("cluster_site", "past the CAP: its inbox and the site server (one per site)", true);
  for (const auto& m : machines)
    if (m.name == "Timer") node(m);
  // One edge per announcer and target, a line per notice with the events it delivers in order (and whom they
  // select when not the single instance). Inputs of the environment and the clock sit beside the machine they
  // reach (same rank, short dashed arrow): one shared node would pull long edges across the picture.
  struct Edge {
    std::string from, to;
    std::vector<std::pair<std::string, std::vector<std::string>>> notices;
  };
  std::vector<Edge> edges;
  for (const auto& r : routes) {
    std::string notice(notice_name(r.notice));
    if (r.role) notice += " (" + std::string(timer_role_name(*r.role)) + ")";
    const std::string to(machines.at(r.to).name);
    const std::string event =
        std::string(r.event) + (r.select == Select::one ? "" : " → " + std::string(select_name(r.select)));
    std::string_view from = r.from;
    for (std::size_t at = 0; at <= from.size();) {
      const std::size_t comma = from.find(", ", at);
      const std::string one(
          from.substr(at, comma == std::string_view::npos ? std::string_view::npos : comma - at));
      auto it = std::find_if(edges.begin(), edges.end(),
                             [&](const Edge& e) { return e.from == one && e.to == to; });
      if (it == edges.end()) it = edges.insert(edges.end(), Edge{one, to, {}});
      auto n = std::find_if(it->notices.begin(), it->notices.end(),
                            [&](const auto& x) { return x.first == notice; });
      if (n == it->notices.end()) n = it->notices.insert(it->notices.end(), {notice, {}});
      n->second.push_back(event);
      if (comma == std::string_view::npos) break;
      at = comma + 2;
    }
  }
  int inputs = 0;
  for (const auto& e : edges) {
    std::string label = "<";
    for (std::size_t i = 0; i < e.notices.size(); ++i) {
      label += (i ? "<br/>" : "") + std::string("<b>") + dot::html(e.notices[i].first) + "</b>: ";
      for (std::size_t k = 0; k < e.notices[i].second.size(); ++k)
        label += (k ? ", " : "") + dot::html(e.notices[i].second[k]);
    }
    label += ">";
    if (machine_of(e.from) < kMachines) {
      out << "  " << dot::quote(e.from) << " -> " << dot::quote(e.to) << " [label=" << label << "];\n";
      continue;
    }
    const std::string input = dot::quote(std::string(kEnvironmentNode) + std::to_string(++inputs));
    out << "  " << input << " [label=" << label
        << ", shape=note, style=dashed, color=" << dot::quote(dot::kMuted)
        << ", fontcolor=" << dot::quote(dot::kMuted) << ", fontsize=11];\n"
        << "  " << input << " -> " << dot::quote(e.to) << " [style=dashed, color=" << dot::quote(dot::kMuted)
        << "];\n"
        << "  { rank=same; " << input << "; " << dot::quote(e.to) << "; }\n";
  }
  out << "}\n";
}

}  // namespace cqm
