// HOLDS means holds: an exhaustive search over an environment the quantum grid cannot represent is refused, a
// search in which a program never ran is INCONCLUSIVE (vacuous), and times as long as the readers accept
// work.
#include <gtest/gtest.h>

#include "harness/check.hpp"
#include "harness/search_model.hpp"
#include "io/config_toml.hpp"
#include "io/input_error.hpp"

namespace cqm {
namespace {

CheckOptions exhaustive() {
  CheckOptions o;
  o.explorers = {ExplorerKind::exhaustive};
  o.threads = 1;
  return o;
}

InputError refusal(const Config& c) {
  try {
    check_grid(c);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "the grid check accepted " << c.name;
  return InputError("", 0, "", "");
}

TEST(grid, a_power_on_window_between_grid_points_is_refused_with_file_line_and_key) {
  // The g.toml: no multiple of 60 minutes lies in 08:30-08:45.
  const Config c =
      parse_config("preset=\"kb-q292030\"\n[environment]\non_from=\"08:30\"\non_until=\"08:45\"\n", "g.toml");
  const InputError e = refusal(c);
  EXPECT_EQ(e.file(), "g.toml");
  EXPECT_EQ(e.line(), 3);
  EXPECT_EQ(e.field(), "environment.on_from");
  EXPECT_THROW(check_exhaustive(c, exhaustive()), InputError);
  // The random explorer is not on the grid: it finds the KB's violation inside the same envelope.
  CheckOptions random;
  random.explorers = {ExplorerKind::random};
  random.runs = 2000;
  EXPECT_EQ(check_random(c, random).result_of("delivered_before_expiry")->verdict, Verdict::Violated);
}

TEST(grid, a_session_shorter_than_the_grid_is_refused) {
  Config c = *find_preset("kb-q292030");
  c.env.min_session = 0;
  c.env.max_session = 30;  // at the first grid point after a start-up the user must already switch off
  EXPECT_EQ(refusal(c).field(), "environment.max_session");
  c.env.max_session = 59;  // 58 minutes into the session: still fine to act at 60
  EXPECT_NO_THROW(check_grid(c));
}

TEST(grid, a_program_window_between_grid_points_is_refused) {
  Config c = *find_preset("kb-q292030");
  c.env.programs[0].from = 610;
  c.env.programs[0].until = 650;
  EXPECT_EQ(refusal(c).field(), "program[0].runs_from");
}

TEST(grid, a_search_in_which_a_program_never_runs_is_inconclusive) {
  // On the grid, but never while the PC is up: the program's window closes before the first power-on.
  Config c = *find_preset("fix-short-retry");
  c.env.programs[0].from = 60;
  c.env.programs[0].until = 180;
  const ExplorerReport r = check_exhaustive(c, exhaustive());
  for (const auto& p : r.properties) {
    EXPECT_EQ(p.verdict, Verdict::Inconclusive) << p.property->name;
    EXPECT_NE(p.note.find("vacuous"), std::string::npos) << p.note;
  }
}

TEST(grid, long_times_work_in_the_exhaustive_explorer) {
  // A wake-up cycle of 60000 minutes ended the first version's search with an internal error.
  Config c = *find_preset("kb-q292030");
  c.model.wake_up_cycle = 60000;
  const ExplorerReport r = check_exhaustive(c, exhaustive());
  EXPECT_EQ(r.result_of("delivered_before_expiry")->verdict, Verdict::Violated);
  c.model.item_lifetime = 30 * kMinutesPerDay;  // past the first version's 16-bit times
  c.env.quantum = 240;
  CheckOptions o = exhaustive();
  o.properties = 1u << property_index("delivered_before_expiry");
  EXPECT_EQ(check_exhaustive(c, o).properties.front().verdict, Verdict::Violated);
}

}  // namespace
}  // namespace cqm
