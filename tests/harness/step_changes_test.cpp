// The explorers take a step's changes from the instances given an event (System::snapshot_changes) and go
// back by putting only those back (System::revert), instead of copying every instance. On every preset, from
// states along a walk through the environment's choices (as SearchModel::expand tries them), the changes
// make the same snapshot as a whole copy, and a revert the same System as a whole restore.
#include <gtest/gtest.h>

#include "harness/environment.hpp"
#include "tests/preset_params.hpp"

namespace cqm {
namespace {

class step_changes : public ::testing::TestWithParam<std::string> {};

TEST_P(step_changes, equal_whole_snapshots_and_restores) {
  const Config config = *find_preset(GetParam());
  const EnvironmentModel env(config);
  System system(config);
  SystemSnapshot before, after, whole;
  std::vector<Choice> choices;
  std::size_t steps = 0, changed = 0;
  // Walks from the initial state, each taking other choices, until a terminal state.
  for (std::size_t walk = 0; walk < 24; ++walk) {
    system.reset();
    system.snapshot(before);
    EnvBook book;
    for (std::size_t depth = 0; depth < 400 && !env.is_terminal(system); ++depth) {
      env.choices(system, book, choices);
      ASSERT_FALSE(choices.empty());
      after = before;
      // Every choice from this state, each after a revert of the one before; then the walk goes on with one.
      for (std::size_t k = 0; k < choices.size(); ++k) {
        if (k > 0) {
          system.revert(before, &after);
          ASSERT_EQ(system.snapshot(), before) << "reverting choice " << k - 1 << " at step " << depth;
          ASSERT_EQ(after, before) << "the mirror, choice " << k - 1 << " at step " << depth;
        }
        EnvBook b = book;
        env.apply(system, b, choices[k], nullptr);
        system.advance_to(before.now + env.quantum());
        system.snapshot_changes(after);
        system.snapshot(whole);
        ASSERT_EQ(after, whole) << "choice " << k << " at step " << depth;
        ++steps;
        changed += whole.machines != before.machines;
      }
      system.revert(before, &after);
      env.apply(system, book, choices[(depth * 7919 + walk * 104729) % choices.size()], nullptr);
      system.advance_to(before.now + env.quantum());
      system.snapshot(before);
      system.restore(before);  // the explorer's next state comes from its key: a whole restore
    }
  }
  EXPECT_GT(steps, 100u);
  EXPECT_GT(changed, 10u) << "few steps changed a machine: the comparison proved little";
}

INSTANTIATE_TEST_SUITE_P(every, step_changes, ::testing::ValuesIn(test::every_preset()), test::PresetName{});

TEST(step_changes_simulation, follow_the_system_step_by_step) {
  // The random explorer's use: both snapshots follow the System by its changes, and forget_changes() starts
  // the next step's list.
  const Config config = *find_preset("kb-q292030");
  System system(config);
  SystemSnapshot before = system.snapshot(), after = before;
  int steps = 0;
  for (Minutes t = 0; t < 3 * kMinutesPerDay; t += 30) {
    if (t % kMinutesPerDay == 8 * 60) system.power_on();
    if (t % kMinutesPerDay == 18 * 60) system.power_off();
    if (t == 9 * 60) system.finish_program(0, MifResult::Success);
    system.advance_to(t);
    system.snapshot_changes(after);
    ASSERT_EQ(after, system.snapshot()) << "at minute " << t;
    system.snapshot_changes(before);
    system.forget_changes();
    ++steps;
  }
  EXPECT_GT(system.data<Destination>().received + system.items_submitted(), 0) << "nothing happened";
  EXPECT_GT(steps, 100);
}

}  // namespace
}  // namespace cqm
