#include "writers/trace_dot.hpp"

#include <cctype>
#include <cstdlib>
#include <sstream>

#include "model/machines.hpp"
#include "writers/dot_text.hpp"

namespace cqm {
namespace {

constexpr const char* kRed = "#c0392b";
constexpr const char* kRedFill = "#fdecea";
constexpr const char* kRedCell = "#f6c4bf";
constexpr const char* kDayFill = "#eeeeee";
constexpr const char* kGrid = "#c5cedb";
// Wider lines stretch the log column, and with it the picture, past a screen.
constexpr std::size_t kLogWidth = 64;
constexpr std::size_t kReasonWidth = 150;

/// Every lane's state in a snapshot, in registry order: each instance of each machine shown in timelines.
std::vector<LaneChange> lane_states(const SystemSnapshot& s) {
  std::vector<LaneChange> out;
  for_each_machine([&]<class M>(std::type_identity<M>) {
    if constexpr (in_timeline<M>())
      for (const auto& instance : s.all<M>())
        out.push_back({std::string(M::states[instance.state]), machine_note<M>(instance.state, instance.data),
                       machine_summary<M>(instance.state, instance.data)});
  });
  return out;
}

/// "Destination[CAP List for site W2K,statmsgs.box\]" → "Destination", and an inventory inbox's to
/// "Destination[sinv.box]": the full name stays in Cqmgr32.log; here it would make the log column twice as
/// wide.
std::string shorten(std::string line) {
  constexpr std::string_view kOpen = "Destination[";
  for (auto at = line.find(kOpen); at != std::string::npos; at = line.find(kOpen, at)) {
    const auto close = line.find(']', at);
    if (close == std::string::npos) break;
    const std::string name = line.substr(at, close + 1 - at);
    const auto comma = name.rfind(',');
    std::string inbox = comma == std::string::npos ? "" : name.substr(comma + 1, name.size() - comma - 3);
    const std::string short_name =
        inbox == "statmsgs.box" || inbox.empty() ? "Destination" : "Destination[" + inbox + "]";
    line.replace(at, close + 1 - at, short_name);
    at += short_name.size();
  }
  // Status Manager's files by name only: the folder is the same for all.
  constexpr std::string_view kInbox = "C:\\SMS\\inboxes\\statmgr.box\\statmsgs\\";
  for (auto at = line.find(kInbox); at != std::string::npos; at = line.find(kInbox, at))
    line.erase(at, kInbox.size());
  return line;
}

/// A long lane name on two lines, split at the capital nearest its middle ("AdvertisedPrograms",
/// "Manager[0]"): the widest header would otherwise set its lane's width.
std::string lane_header(const std::string& lane) {
  constexpr std::size_t kLongest = 20;
  std::size_t best = 0;
  if (lane.size() > kLongest)
    for (std::size_t i = 1; i < lane.size(); ++i)
      if (std::isupper(static_cast<unsigned char>(lane[i])) &&
          (best == 0 || std::abs(static_cast<long>(2 * i) - static_cast<long>(lane.size())) <=
                            std::abs(static_cast<long>(2 * best) - static_cast<long>(lane.size()))))
        best = i;
  if (best == 0) return dot::html(lane);
  return dot::html(lane.substr(0, best)) + "<BR/>" + dot::html(lane.substr(best));
}

bool same_shape(const TimelineStep& a, const TimelineStep& b) {
  return a.at % kMinutesPerDay == b.at % kMinutesPerDay && a.event == b.event && a.detail == b.detail &&
         a.lanes == b.lanes && a.log == b.log && a.violating == b.violating;
}

bool same_shape(const TimelineDay& a, const TimelineDay& b) {
  if (a.steps.size() != b.steps.size()) return false;
  for (std::size_t i = 0; i < a.steps.size(); ++i)
    if (!same_shape(a.steps[i], b.steps[i])) return false;
  return true;
}

bool has_violation(const TimelineDay& d) {
  for (const auto& s : d.steps)
    if (s.violating) return true;
  return false;
}

std::string event_phrase(const TimelineStep& s) {
  const std::string t = format_clock(s.at % kMinutesPerDay);
  if (s.event == "power_on") return "on " + t;
  if (s.event == "power_off") return "off " + t;
  if (s.event == "program_finishes") return "program finishes " + t;
  if (s.event == "cap_outage_started") return "CAP down " + t;
  if (s.event == "cap_outage_ended") return "CAP up " + t;
  if (s.event == "timer") return "";
  return s.event + " " + t;
}

std::string summarise(const TimelineDay& d) {
  std::vector<std::string> parts;
  auto add = [&](const std::string& p) {
    if (!p.empty() && (parts.empty() || parts.back() != p)) parts.push_back(p);
  };
  for (const auto& s : d.steps) {
    add(event_phrase(s));
    for (const auto& lane : s.lanes)
      if (!lane.state.empty()) add(lane.summary);
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

std::vector<std::string> wrap(const std::string& text, std::size_t width) {
  std::vector<std::string> lines{""};
  std::istringstream words(text);
  for (std::string w; words >> w;) {
    if (!lines.back().empty() && lines.back().size() + 1 + w.size() > width) lines.emplace_back();
    lines.back() += (lines.back().empty() ? "" : " ") + w;
  }
  return lines;
}

}  // namespace

std::vector<std::string> timeline_lanes(const SystemSnapshot& s, const Config* config) {
  std::vector<std::string> out;
  for_each_machine([&]<class M>(std::type_identity<M>) {
    if constexpr (in_timeline<M>())
      for (std::size_t i = 0; i < s.all<M>().size(); ++i)
        out.push_back(config ? instance_label(*config, machine_index<M>, static_cast<int>(i))
                             : instance_label(machine_index<M>, static_cast<int>(i)));
  });
  return out;
}

namespace {

/// Drops the lanes of `lane_when_used` machines whose instance never leaves its initial state — and, on a
/// site of several clients, any client's lane that never does: a picture of K clients shows what happened.
void drop_unused_lanes(Timeline& t, const Counterexample& cex) {
  std::vector<bool> keep;
  const bool site = cex.config.model.site.clients > 1;
  for_each_machine([&]<class M>(std::type_identity<M>) {
    if constexpr (in_timeline<M>())
      for (std::size_t i = 0; i < cex.initial.all<M>().size(); ++i) {
        bool used = !lane_when_used<M>() && !(site && M::instances(cex.config) > 0);
        for (const TraceStep& step : cex.steps)
          used = used || step.state.all<M>()[i].state != cex.initial.all<M>()[i].state;
        keep.push_back(used);
      }
  });
  auto filter = [&]<class T>(std::vector<T>& v) {
    std::size_t out = 0;
    for (std::size_t i = 0; i < v.size(); ++i)
      if (i >= keep.size() || keep[i]) {
        if (out != i) v[out] = std::move(v[i]);
        ++out;
      }
    v.resize(out);
  };
  filter(t.lanes);
  filter(t.initial);
  for (auto& d : t.days)
    for (auto& s : d.steps) filter(s.lanes);
}

/// A site of several clients: one lane per client, its cell listing the client's machines that changed
/// ("Client Up", "QueueItem[1] Removed 10009"), then the site's lanes; clients whose lanes are alike from
/// start to end share one ("clients 1, 2").
void merge_client_lanes(Timeline& t, const Config& config) {
  const int clients = config.model.site.clients;
  if (clients == 1) return;
  // Each new lane: the old lanes it takes, and its name.
  std::vector<std::vector<std::size_t>> groups(static_cast<std::size_t>(clients));
  std::vector<std::string> names;
  std::vector<std::string> short_names(t.lanes.size());
  std::vector<std::vector<std::size_t>> site;
  for (std::size_t lane = 0; lane < t.lanes.size(); ++lane) {
    const std::string& label = t.lanes[lane];
    bool mine = false;
    for (int c = 0; c < clients && !mine; ++c) {
      const std::string prefix = "client " + std::to_string(c) + ": ";
      if (label.rfind(prefix, 0) == 0) {
        groups[static_cast<std::size_t>(c)].push_back(lane);
        short_names[lane] = label.substr(prefix.size());
        mine = true;
      }
    }
    if (!mine) site.push_back({lane});
  }
  auto merged = [&](const std::vector<LaneChange>& row, const std::vector<std::size_t>& lanes, bool one) {
    if (one) return row[lanes.front()];
    LaneChange out;
    for (std::size_t lane : lanes) {
      const LaneChange& c = row[lane];
      if (c.state.empty()) continue;
      out.state += (out.state.empty() ? "" : "\n") + short_names[lane] + " " + c.state +
                   (c.note.empty() ? "" : " (" + c.note + ")");
      if (!c.summary.empty()) out.summary += (out.summary.empty() ? "" : ", ") + c.summary;
    }
    return out;
  };
  std::vector<std::vector<std::size_t>> lanes_of;
  std::vector<bool> single;
  for (int c = 0; c < clients; ++c) {
    if (groups[static_cast<std::size_t>(c)].empty()) continue;
    lanes_of.push_back(groups[static_cast<std::size_t>(c)]);
    names.push_back("client " + std::to_string(c));
    single.push_back(false);
  }
  for (const auto& s : site) {
    lanes_of.push_back(s);
    names.push_back(t.lanes[s.front()]);
    single.push_back(true);
  }
  auto remap = [&](const std::vector<LaneChange>& row) {
    std::vector<LaneChange> out;
    for (std::size_t k = 0; k < lanes_of.size(); ++k) out.push_back(merged(row, lanes_of[k], single[k]));
    return out;
  };
  t.initial = remap(t.initial);
  for (auto& d : t.days)
    for (auto& s : d.steps) s.lanes = remap(s.lanes);
  // Fold the clients alike from start to end into the first of them.
  std::vector<bool> keep(names.size(), true);
  for (std::size_t a = 0; a < names.size(); ++a) {
    if (!keep[a] || single[a]) continue;
    std::string folded = names[a];
    for (std::size_t b = a + 1; b < names.size(); ++b) {
      if (!keep[b] || single[b]) continue;
      bool alike = t.initial[a] == t.initial[b];
      for (const auto& d : t.days)
        for (const auto& s : d.steps) alike = alike && s.lanes[a] == s.lanes[b];
      if (!alike) continue;
      keep[b] = false;
      folded += ", " + names[b].substr(std::string("client ").size());
    }
    if (folded != names[a]) names[a] = "clients " + folded.substr(std::string("client ").size());
  }
  auto filter = [&]<class T>(std::vector<T>& v) {
    std::size_t out = 0;
    for (std::size_t i = 0; i < v.size(); ++i)
      if (keep[i]) {
        if (out != i) v[out] = std::move(v[i]);
        ++out;
      }
    v.resize(out);
  };
  t.lanes = names;
  filter(t.lanes);
  filter(t.initial);
  for (auto& d : t.days)
    for (auto& s : d.steps) filter(s.lanes);
}

}  // namespace

Timeline trace_timeline(const Counterexample& cex) {
  Timeline t;
  t.lanes = timeline_lanes(cex.initial, &cex.config);
  t.initial = lane_states(cex.initial);
  std::vector<TimelineDay> days;
  std::vector<LaneChange> before = t.initial;
  std::size_t log_begin = 0;
  for (std::size_t k = 0; k < cex.steps.size(); ++k) {
    const TraceStep& step = cex.steps[k];
    TimelineStep row;
    row.at = step.at;
    row.event = step.event;
    row.violating = k + 1 == cex.steps.size();
    row.detail = step.detail;
    const std::vector<LaneChange> now = lane_states(step.state);
    row.lanes.resize(now.size());
    bool changed = false;
    for (std::size_t lane = 0; lane < now.size(); ++lane) {
      if (lane < before.size() && now[lane] == before[lane]) continue;
      row.lanes[lane] = now[lane];
      changed = true;
    }
    // The column is Cqmgr32.log (and Windows' lines): the job's story is its own lane.
    for (std::size_t i = log_begin; i < step.log_end && i < cex.log.size(); ++i)
      if (log_file(cex.log[i].kind) != LogFile::smsapm32)
        row.log.push_back(shorten(log_text(cex.log[i], cex.config.model.site_code)));
    log_begin = step.log_end;
    before = now;
    // An environment event stays even when nothing follows from it: that it changed nothing is the story.
    if (!changed && row.log.empty() && row.event == "timer" && !row.violating) continue;
    const int day = step.at / kMinutesPerDay;
    if (days.empty() || days.back().first_day != day) days.push_back({day, 1, {}, ""});
    days.back().steps.push_back(std::move(row));
  }
  for (std::size_t i = 0; i < days.size();) {
    std::size_t j = i + 1;
    while (j < days.size() && days[j].first_day == days[j - 1].first_day + 1 && !has_violation(days[i]) &&
           !has_violation(days[j]) && same_shape(days[i], days[j]))
      ++j;
    TimelineDay d = std::move(days[i]);
    d.days = static_cast<int>(j - i);
    if (d.folded()) d.summary = summarise(d);
    t.days.push_back(std::move(d));
    i = j;
  }
  drop_unused_lanes(t, cex);
  merge_client_lanes(t, cex.config);
  return t;
}

namespace {

std::string small(const std::string& html_text, const char* colour = dot::kMuted) {
  return "<FONT POINT-SIZE=\"9\" COLOR=\"" + std::string(colour) + "\">" + html_text + "</FONT>";
}

std::string red(const std::string& html_text) {
  return "<FONT COLOR=\"" + std::string(kRed) + "\">" + html_text + "</FONT>";
}

/// Top-aligned, so a state entered reads on the same line as its time and the log's first line.
std::string cell(const std::string& content, const std::string& attributes = "") {
  return "<TD VALIGN=\"TOP\"" + (attributes.empty() ? "" : " " + attributes) + ">" + content + "</TD>";
}

std::string fill(const char* colour) { return "BGCOLOR=\"" + std::string(colour) + "\""; }

std::string lane_cell(const LaneChange& c, bool violating, bool initial) {
  if (c.state.empty()) return cell("", violating ? fill(kRedFill) : "");
  // A client's lane on a site lists its machines one per line.
  std::string state = dot::html(c.state);
  for (auto at = state.find('\n'); at != std::string::npos; at = state.find('\n', at))
    state.replace(at, 1, "<BR/>");
  std::string text = initial ? state : "<B>" + state + "</B>";
  if (violating) text = red(text);
  if (!c.note.empty()) text += "<BR/>" + small(dot::html(c.note), violating ? kRed : dot::kMuted);
  return cell(text, initial ? "" : fill(violating ? kRedCell : dot::kStateFill));
}

std::string log_cell(const std::vector<std::string>& lines, bool violating) {
  std::string text;
  for (const auto& line : lines) {
    const auto parts = wrap(line, kLogWidth);
    for (std::size_t i = 0; i < parts.size(); ++i)
      text += (i > 0 ? "&#160;&#160;&#160;&#160;" : "") + dot::html(parts[i]) + "<BR ALIGN=\"LEFT\"/>";
  }
  if (text.empty()) return cell("", violating ? fill(kRedFill) : "");
  text = "<FONT POINT-SIZE=\"10\"" + std::string(violating ? " COLOR=\"" + std::string(kRed) + "\"" : "") +
         ">" + text + "</FONT>";
  return cell(text, "ALIGN=\"LEFT\" BALIGN=\"LEFT\"" + (violating ? " " + fill(kRedFill) : ""));
}

std::string step_row(const TimelineStep& s) {
  const std::string bg = s.violating ? fill(kRedFill) : "";
  std::string time = dot::html(format_time(s.at));
  // A timer on one line ("timer: boot done"): the rows without log lines stay one line high.
  std::string event = s.event == "timer"
                          ? small("timer: " + dot::html(s.detail), s.violating ? kRed : dot::kMuted)
                          : dot::html(s.event);
  if (s.violating) {
    time = red("<B>" + time + "</B>");
    if (s.event != "timer") event = red("<B>" + event + "</B>");
  }
  if (s.event != "timer" && !s.detail.empty())
    event += "<BR/>" + small(dot::html(s.detail), s.violating ? kRed : dot::kMuted);
  std::string row = "<TR>" + cell(time, "ALIGN=\"LEFT\"" + (bg.empty() ? "" : " " + bg)) + cell(event, bg);
  for (const auto& c : s.lanes) row += lane_cell(c, s.violating, false);
  return row + log_cell(s.log, s.violating) + "</TR>\n";
}

std::string spanning_row(const std::string& content, const char* colour, std::size_t columns) {
  return "<TR>" +
         cell(content,
              "COLSPAN=\"" + std::to_string(columns) + "\" ALIGN=\"LEFT\" BALIGN=\"LEFT\" " + fill(colour)) +
         "</TR>\n";
}

void write_title(std::ostream& out, const Counterexample& cex) {
  const std::string br = "<BR ALIGN=\"LEFT\"/>";
  out << "  label=<<FONT POINT-SIZE=\"16\"><B>Counterexample: " << dot::html(cex.config.name) << "</B></FONT>"
      << " &#183; property " << red("<B>" + dot::html(cex.property) + "</B>") << " &#183; "
      << dot::html(cex.explorer) << " explorer &#183; seed " << cex.seed << br;
  if (!cex.config.summary.empty()) out << small(dot::html(cex.config.summary)) << br;
  out << small(
             "A lane cell is the state its machine entered at that step (blank: unchanged); timer steps that "
             "change nothing are left out; runs of identical days are folded into one row.")
      << br << ">;\n";
}

}  // namespace

std::string trace_dot(const Counterexample& cex) {
  const Timeline t = trace_timeline(cex);
  const std::size_t columns = 3 + t.lanes.size();  // time, environment, lanes, log
  std::ostringstream out;
  out << "// Generated by cqmcheck from a replayed counterexample; do not edit.\n"
      << "digraph trace {\n";
  dot::write_defaults(out, "TB");
  write_title(out, cex);
  out << "  node [shape=plain, style=solid, fontsize=11];\n"
      << "  timeline [label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"2\" "
         "COLOR=\""
      << kGrid << "\">\n";

  out << "<TR>" << cell("<B>time</B>", fill(dot::kStateFill))
      << cell("<B>Environment</B>", fill(dot::kStateFill));
  for (const auto& lane : t.lanes) out << cell("<B>" + lane_header(lane) + "</B>", fill(dot::kStateFill));
  // The site's lines share the column: a status's whole path reads top to bottom.
  bool site_lines = false;
  for (const auto& r : cex.log) site_lines = site_lines || log_file(r.kind) == LogFile::statmgr;
  out << cell(site_lines ? "<B>Cqmgr32.log &#183; Statmgr.log</B>" : "<B>Cqmgr32.log</B>",
              fill(dot::kStateFill))
      << "</TR>\n";

  out << "<TR>" << cell(dot::html(format_time(0)), "ALIGN=\"LEFT\"") << cell(small("start"));
  for (const auto& c : t.initial) out << lane_cell(c, false, true);
  out << cell("") << "</TR>\n";
  for (const auto& d : t.days) {
    if (!d.folded()) {
      for (const auto& s : d.steps) out << step_row(s);
      continue;
    }
    const std::string days =
        "days " + std::to_string(d.first_day) + "&#8211;" + std::to_string(d.first_day + d.days - 1);
    out << "<TR>" << cell("<B>" + days + "</B>", "ALIGN=\"LEFT\" " + fill(kDayFill))
        << cell("<B>&#215; " + std::to_string(d.days) + " days</B>: " + dot::html(d.summary),
                "COLSPAN=\"" + std::to_string(columns - 1) + "\" ALIGN=\"LEFT\" " + fill(kDayFill))
        << "</TR>\n";
  }

  std::string reason;
  for (const auto& line : wrap(cex.reason, kReasonWidth)) reason += dot::html(line) + "<BR ALIGN=\"LEFT\"/>";
  out << spanning_row(red("<B>" + dot::html(cex.property) + " violated at " + dot::html(format_time(cex.at)) +
                          "</B><BR ALIGN=\"LEFT\"/>" + reason),
                      kRedFill, columns);
  out << "</TABLE>>];\n}\n";
  return out.str();
}

}  // namespace cqm
