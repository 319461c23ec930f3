// The sweep: --vary arguments, the grid of configs and habits, and the per-cell exhaustive verdict.
#include "stats/sweep.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>

#include "io/input_error.hpp"
#include "stats/overrides.hpp"

namespace cqm::stats {
namespace {

Config kb() { return *find_preset("kb-q292030"); }

std::string error_of(const std::vector<std::string>& args) {
  try {
    std::vector<Axis> axes;
    for (const auto& a : args) axes.push_back(parse_axis(a));
    make_grid(kb(), Habits{}, axes);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(sweep, aliases_resolve_to_config_and_habit_keys) {
  EXPECT_EQ(parse_axis("cycle=60,240").key, "cqm.wake_up_cycle");
  EXPECT_EQ(parse_axis("lifetime=2880").key, "cqm.item_lifetime");
  EXPECT_EQ(parse_axis("p_init_failure=0.1").key, "habits.init.failure_probability");
  EXPECT_EQ(parse_axis("cqm.retry_interval=5").key, "cqm.retry_interval");
  EXPECT_EQ(parse_axis("cycle=60,240,720,1380").values,
            (std::vector<std::string>{"60", "240", "720", "1380"}));
}

TEST(sweep, grid_varies_the_first_axis_slowest_and_sets_every_value) {
  const auto cells =
      make_grid(kb(), Habits{}, {parse_axis("cycle=60,240"), parse_axis("p_init_failure=0.25,1")});
  ASSERT_EQ(cells.size(), 4u);
  EXPECT_EQ(cells[1].label, "cycle=60 p_init_failure=1");
  EXPECT_EQ(cells[1].config.model.wake_up_cycle, 60);
  EXPECT_EQ(cells[1].habits.init_failure, 1.0);
  EXPECT_EQ(cells[2].config.model.wake_up_cycle, 240);
  EXPECT_EQ(cells[2].habits.init_failure, 0.25);
  EXPECT_EQ(cells[3].config.model.item_lifetime,
            kb().model.item_lifetime);  // untouched keys keep the preset's values
}

TEST(sweep, after_running_is_the_first_programs) {
  EXPECT_EQ(parse_axis("after_running=sms_restarts").key, "program[0].after_running");
  Config two = kb();
  two.model.programs.push_back(two.model.programs.front());
  two.env.programs.push_back(two.env.programs.front());
  const auto cells =
      make_grid(two, Habits{}, {parse_axis("after_running=program_restarts,sms_restarts,no_action")});
  ASSERT_EQ(cells.size(), 3u);
  EXPECT_EQ(cells[1].config.model.programs[0].after_running, AfterRunning::SmsRestarts);
  EXPECT_EQ(cells[2].config.model.programs[0].after_running, AfterRunning::NoAction);
  for (const auto& cell : cells) {
    ASSERT_EQ(cell.config.model.programs.size(), 2u) << cell.label;
    EXPECT_EQ(cell.config.model.programs[1].after_running, AfterRunning::ProgramRestarts) << cell.label;
  }
  EXPECT_NE(error_of({"program[1].after_running=sms_restarts"}).find("unknown key"), std::string::npos)
      << "the preset has one program";
}

TEST(sweep, enum_and_boolean_keys_take_their_names) {
  const auto cells = make_grid(
      kb(), Habits{}, {parse_axis("retry_policy=wake_up,interval"), parse_axis("reconnect=false,true")});
  EXPECT_EQ(cells[3].config.model.retry_policy, RetryPolicy::Interval);
  EXPECT_TRUE(cells[3].config.model.reconnect_when_broken);
}

TEST(sweep, bad_arguments_are_one_line_naming_the_argument) {
  EXPECT_EQ(error_of({"cycle"}),
            "command line: --vary cycle: expected KEY=V1,V2,... (e.g. cycle=60,240,720,1380)");
  EXPECT_EQ(error_of({"cycle="}), "command line: --vary cycle=: empty list of values for 'cycle'");
  EXPECT_EQ(error_of({"cycle=60,,240"}), "command line: --vary cycle=60,,240: empty value in the list");
  EXPECT_NE(error_of({"cycel=60"}).find("--vary cycel=60: unknown key 'cycel'"), std::string::npos);
  EXPECT_NE(error_of({"habits.day.nope=1"}).find("unknown key 'habits.day.nope'"), std::string::npos);
  EXPECT_EQ(error_of({"cycle=sixty"}),
            "command line: --vary cycle=sixty: 'sixty' is not an integer (cqm.wake_up_cycle)");
  EXPECT_NE(error_of({"p_init_failure=1.5"}).find("a probability must lie in [0, 1]"), std::string::npos);
  EXPECT_NE(error_of({"lifetime=0"}).find("cqm.item_lifetime: must be a positive number of minutes"),
            std::string::npos);
  EXPECT_NE(error_of({"retry_policy=sometimes"}).find("unknown value 'sometimes'"), std::string::npos);
  EXPECT_NE(error_of({"cycle=60", "cqm.wake_up_cycle=1"}).find("varied twice"), std::string::npos);
  EXPECT_NE(error_of({"cycle=60", "lifetime=1", "os=winnt"}).find("at most 2 --vary keys"),
            std::string::npos);
  EXPECT_NE(error_of({}).find("at least one --vary"), std::string::npos);
}

TEST(sweep, overrides_are_typed_by_the_key) {
  const std::string doc = "[a]\nn = 1\nx = 0.5\nb = true\ns = \"text\"\n";
  EXPECT_NE(with_override(doc, "a.n", "42", "arg").find("n = 42"), std::string::npos);
  EXPECT_NE(with_override(doc, "a.s", "08:00", "arg").find("08:00"), std::string::npos);
  EXPECT_THROW(with_override(doc, "a.x", "half", "arg"), InputError);
  EXPECT_THROW(with_override(doc, "a.b", "yes", "arg"), InputError);
  EXPECT_THROW(with_override(doc, "a", "1", "arg"), InputError);  // a table is not a value
  EXPECT_FALSE(has_key(doc, "a.m"));
}

TEST(sweep, a_wake_up_within_the_shortest_session_holds_and_the_kb_default_does_not) {
  const checker::Limits limits;
  Config c = kb();
  c.model.wake_up_cycle = 60;  // the envelope's min_session: every session sees a wake-up
  EXPECT_EQ(exhaustive_verdict(c, limits, 1).verdict, Verdict::Holds);
  const CellVerdict kb_verdict = exhaustive_verdict(kb(), limits, 1);
  EXPECT_EQ(kb_verdict.verdict, Verdict::Violated);
  EXPECT_GT(kb_verdict.states, 0u);
}

TEST(sweep, an_envelope_the_explorer_cannot_search_is_inconclusive_not_an_error) {
  // A cell of a sweep may make the envelope unsearchable: that cell has no verdict, the sweep goes on.
  Config c = kb();
  c.env.on_from = 490;  // 08:10-08:20: no point of the 60-minute grid
  c.env.on_until = 500;
  const CellVerdict v = exhaustive_verdict(c, checker::Limits{}, 1);
  EXPECT_EQ(v.verdict, Verdict::Inconclusive);
  EXPECT_NE(v.note.find("holds no point of the 60-minute environment.quantum grid"), std::string::npos)
      << v.note;
}

TEST(sweep, a_long_lifetime_is_searched_to_its_end) {
  // The state key's numbers are sized to the horizon (no fixed encoding to outgrow): a 100-day lifetime gets
  // the verdict the KB's eight days get.
  Config c = kb();
  c.model.item_lifetime = 100 * kMinutesPerDay;
  const CellVerdict v = exhaustive_verdict(c, checker::Limits{}, 1);
  EXPECT_EQ(v.verdict, Verdict::Violated) << v.note;
  EXPECT_GT(v.states, exhaustive_verdict(kb(), checker::Limits{}, 1).states);
}

TEST(sweep, a_state_limit_is_inconclusive) {
  checker::Limits limits;
  limits.max_states = 10;
  Config c = kb();
  c.model.wake_up_cycle = 60;
  EXPECT_EQ(exhaustive_verdict(c, limits, 1).verdict, Verdict::Inconclusive);
}

TEST(sweep, run_gives_a_verdict_and_an_estimate_per_cell) {
  SweepOptions o;
  o.estimate.clients = 2'000;
  o.threads = 1;
  const auto cells = make_grid(kb(), Habits{}, {parse_axis("cycle=60,1380")});
  const auto run = run_sweep(cells, o);
  EXPECT_EQ(run.stop, checker::Outcome::complete);
  const auto& results = run.results;
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].check.verdict, Verdict::Holds);
  EXPECT_EQ(results[0].estimate.lost, 0u);
  EXPECT_EQ(results[1].check.verdict, Verdict::Violated);
  EXPECT_EQ(results[1].estimate.clients, 2'000u);
}

// Hardening II #8: a grid past kMaxCells is refused before anything is built, and the product cannot wrap.
TEST(sweep, a_grid_past_the_cell_cap_is_refused) {
  std::string thousand = "cycle=";
  for (int i = 1; i <= 1000; ++i) thousand += (i > 1 ? "," : "") + std::to_string(i);
  const std::string lifetime = "lifetime=" + thousand.substr(6);
  EXPECT_NE(error_of({thousand, lifetime}).find("more than 10000 cells"), std::string::npos);
  EXPECT_EQ(error_of({thousand}).find("cells"), std::string::npos);
}

TEST(sweep, a_signal_while_the_grid_is_built_stops_it) {
  const std::atomic<bool> interrupted{true};
  const std::vector<Axis> axes{parse_axis("cycle=60,240,720")};
  EXPECT_LT(make_grid(kb(), Habits{}, axes, &interrupted).size(), grid_size(axes));
  EXPECT_EQ(grid_size(axes), 3u);
}

// The whole sweep's time limit stops it between and inside cells; nothing truncated is reported as a cell.
TEST(sweep, the_time_limit_bounds_the_whole_sweep) {
  SweepOptions o;
  o.estimate.clients = 1'000'000'000;  // far more than the limit allows
  o.threads = 1;
  o.max_seconds = 0.2;
  const auto cells = make_grid(kb(), Habits{}, {parse_axis("cycle=60,1380")});
  const auto started = std::chrono::steady_clock::now();
  const auto run = run_sweep(cells, o);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_EQ(run.stop, checker::Outcome::limit_time);
  EXPECT_TRUE(run.results.empty());
  EXPECT_LT(seconds, 5.0);  // a bound, not a timing: the estimate alone would take hours
}

}  // namespace
}  // namespace cqm::stats
