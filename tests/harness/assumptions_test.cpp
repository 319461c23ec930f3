// A verdict rests only on the assumptions it prints, and the model obeys each of them: drop any printed
// assumption of a holding preset (the weaker world its `drop` describes) and some verdict must change —
// unless the preset marks it as not needed, and then every verdict must stay.
#include "properties/assumptions.hpp"

#include <gtest/gtest.h>

#include "harness/check.hpp"
#include "tests/preset_params.hpp"

namespace cqm {
namespace {

class holding_preset_assumption : public ::testing::TestWithParam<const char*> {};

TEST_P(holding_preset_assumption, dropping_it_changes_a_verdict_unless_marked_not_needed) {
  const Config config = *find_preset(GetParam());
  int dropped = 0;
  for (const Assumption& a : assumptions(config)) {
    if (!a.drop) continue;
    ++dropped;
    Config weaker = config;
    a.drop(weaker);
    ASSERT_FALSE(validate(weaker)) << a.key << ": dropping it must leave a valid config";
    CheckOptions o;
    o.explorers = {ExplorerKind::exhaustive};
    const ExplorerReport r = check_exhaustive(weaker, o);
    ASSERT_NE(r.verdict(), Verdict::Inconclusive) << a.key << ": " << checker::outcome_name(r.outcome);
    if (config.expected.not_needed(a.key))
      EXPECT_EQ(r.verdict(), Verdict::Holds)
          << a.key << " is marked not needed, yet " << r.first_violation()->property->name << " fails with "
          << a.dropped << ": " << r.first_violation()->counterexample->reason;
    else
      EXPECT_EQ(r.verdict(), Verdict::Violated)
          << a.key << " is printed as an assumption, but every verdict holds with " << a.dropped
          << ": mark it as not needed (expected.assumptions_not_needed) or find why";
  }
  EXPECT_GE(dropped, 3);
}

INSTANTIATE_TEST_SUITE_P(workarounds_and_fixes, holding_preset_assumption, test::holding_presets(),
                         test::PresetName{});

TEST(assumptions, every_mark_names_a_printed_assumption) {
  for (const Config& c : presets())
    for (const auto& key : c.expected.assumptions_not_needed) {
      const auto all = assumptions(c);
      EXPECT_TRUE(
          std::any_of(all.begin(), all.end(), [&](const Assumption& a) { return a.key == key && a.drop; }))
          << c.name << ": " << key;
    }
}

}  // namespace
}  // namespace cqm
