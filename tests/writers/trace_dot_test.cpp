// The counterexample timeline: identical days folded, the violation in red, every lane, the same bytes every
// time, and an SVG that parses.
#include "writers/trace_dot.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "harness/check.hpp"
#include "tests/writers/xml_check.hpp"
#include "writers/graphviz.hpp"

namespace cqm {
namespace {

const Counterexample& kb_counterexample() {
  static const Counterexample cex = [] {
    CheckOptions o;
    o.explorers = {ExplorerKind::exhaustive};
    return *check_exhaustive(*find_preset("kb-q292030"), o)
                .result_of("delivered_before_expiry")
                ->counterexample;
  }();
  return cex;
}

std::size_t lane_of(const Timeline& t, const std::string& lane) {
  const auto at = std::find(t.lanes.begin(), t.lanes.end(), lane);
  EXPECT_NE(at, t.lanes.end()) << lane;
  return static_cast<std::size_t>(at - t.lanes.begin());
}

/// The KB's canonical timeline (on 08:00, off 17:00) with an item lifetime of `days` days.
Counterexample canonical_kb(int days) {
  Config c = *find_preset("kb-q292030");
  c.model.item_lifetime = days * kMinutesPerDay;
  c.model.site.status_deadline =
      c.model.item_lifetime;  // the story ends at the expiry, not the site's deadline
  auto cex = replay(c, canonical_schedule(c));
  EXPECT_TRUE(cex.has_value()) << days << " days";
  return cex.value_or(Counterexample{});
}

std::vector<const TimelineDay*> folded(const Timeline& t) {
  std::vector<const TimelineDay*> out;
  for (const auto& d : t.days)
    if (d.folded()) out.push_back(&d);
  return out;
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

TEST(trace_dot, folds_the_kb_counterexamples_identical_days_into_one_row) {
  const Timeline t = trace_timeline(kb_counterexample());
  const auto runs = folded(t);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0]->first_day, 1);
  EXPECT_EQ(runs[0]->days, 7);
  EXPECT_EQ(runs[0]->summary, "on 08:00, init failed, retry set to 1, off 19:00");
  ASSERT_EQ(t.days.size(), 3u) << "day 0, days 1-7, day 8";
  EXPECT_EQ(t.days.front().first_day, 0);
  EXPECT_EQ(t.days.back().first_day, 8);
  const std::string dot = trace_dot(kb_counterexample());
  EXPECT_EQ(count(dot, "&#215; 7 days</B>: on 08:00, init failed, retry set to 1, off 19:00"), 1u);
  EXPECT_EQ(count(dot, "days 1&#8211;7"), 1u);
  EXPECT_EQ(count(dot, "day 3 "), 0u) << "a folded day has no rows of its own";
}

TEST(trace_dot, n_identical_days_become_one_row_of_n_days) {
  for (const int lifetime : {4, 8, 11}) {
    const Timeline t = trace_timeline(canonical_kb(lifetime));
    const auto runs = folded(t);
    ASSERT_EQ(runs.size(), 1u) << lifetime;
    // Day 0 runs the program, the last day sees the expiry: every day between is the same.
    EXPECT_EQ(runs[0]->first_day, 1) << lifetime;
    EXPECT_EQ(runs[0]->days, lifetime - 1) << lifetime;
    EXPECT_EQ(runs[0]->summary, "on 08:00, init failed, retry set to 1, off 17:00") << lifetime;
  }
}

TEST(trace_dot, never_folds_the_violating_day_or_a_single_day) {
  const Timeline t = trace_timeline(canonical_kb(2));
  EXPECT_TRUE(folded(t).empty()) << "day 1 alone is shown in full";
  for (const auto& d : trace_timeline(kb_counterexample()).days)
    for (const auto& s : d.steps) EXPECT_FALSE(s.violating && d.folded()) << "day " << d.first_day;
}

TEST(trace_dot, marks_the_violating_step_and_property_in_red) {
  const auto& cex = kb_counterexample();
  const Timeline t = trace_timeline(cex);
  std::size_t violating = 0;
  for (const auto& d : t.days)
    for (const auto& s : d.steps) violating += s.violating;
  EXPECT_EQ(violating, 1u);
  const TimelineStep& last = t.days.back().steps.back();
  EXPECT_TRUE(last.violating);
  EXPECT_EQ(last.at, cex.at);
  EXPECT_EQ(last.detail, "lifetime of 10009 ends");
  ASSERT_EQ(last.lanes.size(), t.lanes.size());
  EXPECT_EQ(last.lanes[lane_of(t, "QueueItem[1]")].state, "Expired");

  const std::string dot = trace_dot(cex);
  EXPECT_NE(dot.find("<FONT COLOR=\"#c0392b\"><B>day 8 09:03</B></FONT>"), std::string::npos) << dot;
  EXPECT_NE(dot.find("<FONT COLOR=\"#c0392b\"><B>Expired</B></FONT>"), std::string::npos);
  EXPECT_NE(dot.find("<B>delivered_before_expiry violated at day 8 09:03</B>"), std::string::npos);
  EXPECT_NE(dot.find(cex.reason), std::string::npos) << "the reason, word for word";
  EXPECT_NE(dot.find("property <FONT COLOR=\"#c0392b\"><B>delivered_before_expiry</B></FONT>"),
            std::string::npos);
}

TEST(trace_dot, has_a_lane_per_instance_but_the_timers) {
  const Timeline t = trace_timeline(kb_counterexample());
  EXPECT_EQ(t.lanes, (std::vector<std::string>{"Client", "AdvertisedProgramsManager[0]", "CopyQueueManager",
                                               "Connection", "Destination[0]", "QueueItem[0]", "QueueItem[1]",
                                               "StatusFile[0]"}));
  // Every lane the snapshot offers, but those that never left their first state: 10009's status file (it
  // never arrived) and the CAP's inbox (its files are taken at once).
  std::vector<std::string> offered = timeline_lanes(kb_counterexample().initial);
  ASSERT_EQ(offered.back(), "CapInbox");
  offered.pop_back();
  ASSERT_EQ(offered.back(), "StatusFile[1]");
  offered.pop_back();
  EXPECT_EQ(t.lanes, offered);
  ASSERT_EQ(t.initial.size(), t.lanes.size());
  EXPECT_EQ(t.initial[lane_of(t, "Client")].state, "Off");
  EXPECT_EQ(t.initial[lane_of(t, "QueueItem[0]")].state, "Empty");
  for (const auto& d : t.days)
    for (const auto& s : d.steps) EXPECT_EQ(s.lanes.size(), t.lanes.size()) << format_time(s.at);
}

TEST(trace_dot, lanes_follow_the_programs_of_the_config) {
  // Two programs: two program lanes, and four statuses' queue items.
  Config c = *find_preset("kb-q292030");
  c.model.programs.push_back(c.model.programs.front());
  c.env.programs.push_back(c.env.programs.front());
  System system(c);
  EXPECT_EQ(
      timeline_lanes(system.snapshot()),
      (std::vector<std::string>{"Client", "AdvertisedProgramsManager[0]", "AdvertisedProgramsManager[1]",
                                "CopyQueueManager", "Connection", "Destination[0]", "QueueItem[0]",
                                "QueueItem[1]", "QueueItem[2]", "QueueItem[3]", "StatusFile[0]",
                                "StatusFile[1]", "StatusFile[2]", "StatusFile[3]", "CapInbox"}));
}

TEST(trace_dot, has_every_lane_and_the_title) {
  const std::string dot = trace_dot(kb_counterexample());
  for (const char* column : {"time", "Environment", "Client", "AdvertisedPrograms<BR/>Manager[0]",
                             "CopyQueueManager", "Connection", "Destination[0]", "QueueItem[0]",
                             "QueueItem[1]", "StatusFile[0]", "Cqmgr32.log &#183; Statmgr.log"})
    EXPECT_EQ(count(dot, std::string("<B>") + column + "</B></TD>"), 1u) << column;
  EXPECT_NE(dot.find("Counterexample: kb-q292030"), std::string::npos);
  EXPECT_NE(dot.find("exhaustive explorer &#183; seed 0"), std::string::npos);
  EXPECT_NE(dot.find("newrank=true"), std::string::npos);
}

TEST(trace_dot, title_gives_a_random_explorers_seed) {
  CheckOptions o;
  o.explorers = {ExplorerKind::random};
  o.seed = 7;
  const auto r = check_random(*find_preset("kb-q292030"), o);
  const PropertyResult* violated = r.first_violation();
  ASSERT_TRUE(violated && violated->counterexample);
  EXPECT_NE(trace_dot(*violated->counterexample).find("random explorer &#183; seed 7"), std::string::npos);
}

TEST(trace_dot, shows_the_kb_log_lines_with_the_destination_shortened) {
  const Timeline t = trace_timeline(kb_counterexample());
  const auto& day0 = t.days.front().steps;
  std::vector<std::string> log;
  for (const auto& s : day0) log.insert(log.end(), s.log.begin(), s.log.end());
  for (const char* line :
       {"-Servicing Destination", "Destination is inaccessible", "-Destination retry set to 1",
        "'OK to Process' event unsignalled", "-Destination not yet ready for retry"})
    EXPECT_NE(std::find(log.begin(), log.end(), line), log.end()) << line;
  EXPECT_EQ(trace_dot(kb_counterexample()).find("statmsgs.box"), std::string::npos);
}

TEST(trace_dot, drops_timer_steps_that_change_nothing_and_keeps_environment_events) {
  Counterexample cex = kb_counterexample();
  // A timer and a user action after day 0 08:02 that change nothing: the same snapshot, no log.
  TraceStep idle = cex.steps[1];
  idle.at += 10;
  idle.event = "timer";
  TraceStep no_op = idle;
  no_op.at += 10;
  no_op.event = "power_on";
  cex.steps.insert(cex.steps.begin() + 2, {idle, no_op});
  const Timeline t = trace_timeline(cex);
  std::vector<Minutes> day0;
  for (const auto& s : t.days.front().steps) day0.push_back(s.at);
  EXPECT_EQ(std::count(day0.begin(), day0.end(), idle.at), 0);
  EXPECT_EQ(std::count(day0.begin(), day0.end(), no_op.at), 1);
}

TEST(trace_dot, names_the_timer_that_fired) {
  const Timeline t = trace_timeline(kb_counterexample());
  std::vector<std::string> details;
  for (const auto& s : t.days.front().steps) details.push_back(s.event + " " + s.detail);
  // The Client's power timer ends a boot, a restart's shut-down or a shut-down: the detail says which, as the
  // Client's lane shows.
  EXPECT_EQ(details,
            (std::vector<std::string>{
                "power_on ", "timer boot done", "program_finishes program[0], mif: success",
                "timer restart: shut-down done", "timer boot done", "power_off ", "timer shut-down done"}));
  std::vector<std::string> client;
  for (const auto& s : t.days.front().steps)
    if (s.event == "timer" && s.detail.find("done") != std::string::npos)
      client.push_back(s.lanes[lane_of(t, "Client")].state);
  EXPECT_EQ(client, (std::vector<std::string>{"Up", "Booting", "Up", "Off"}));
}

TEST(trace_dot, same_trace_gives_the_same_dot_and_svg) {
  const std::string dot = trace_dot(kb_counterexample());
  EXPECT_EQ(trace_dot(kb_counterexample()), dot);
  const std::string svg = render_dot(dot, ImageFormat::svg);
  EXPECT_EQ(render_dot(dot, ImageFormat::svg), svg);
  EXPECT_EQ(test::xml_problem(svg), "");
  EXPECT_NE(svg.find("delivered_before_expiry"), std::string::npos);
  const std::string png = render_dot(dot, ImageFormat::png);
  EXPECT_EQ(png.substr(1, 3), "PNG");
  EXPECT_EQ(render_dot(dot, ImageFormat::png), png);
}

TEST(trace_dot, kb_picture_fits_one_screen) {
  const std::string svg = render_dot(trace_dot(kb_counterexample()), ImageFormat::svg);
  // <svg width="1208pt" height="656pt": a browser shows pt at 4/3 px; a 1920x1080 screen less its chrome.
  const auto number_after = [&](const std::string& key) {
    const auto at = svg.find(key);
    return at == std::string::npos ? 0.0 : std::stod(svg.substr(at + key.size()));
  };
  const double width_px = number_after("<svg width=\"") * 4 / 3;
  const double height_px = number_after("\" height=\"") * 4 / 3;
  EXPECT_GT(width_px, 800);
  EXPECT_LE(width_px, 1900);
  EXPECT_LE(height_px, 950);
}

}  // namespace
}  // namespace cqm
