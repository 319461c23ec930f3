#pragma once
// A machine alone, with its own Env: for tests of one transition from a chosen state.
#include <gtest/gtest.h>

#include "model/env.hpp"

namespace cqm::test {

template <class Handle>
struct MachineFixture : ::testing::Test {
  Config config;
  LogRecords log;
  std::vector<Refusal> refusals;
  Env env = [this] {
    Env e;
    e.config = &config;
    e.log = &log;
    e.refusal_log = &refusals;
    return e;
  }();
  Handle machine{env};

  std::vector<Notice> notices() {
    std::vector<Notice> out;
    Notice n;
    while (env.take(n)) out.push_back(n);
    return out;
  }
};

}  // namespace cqm::test
