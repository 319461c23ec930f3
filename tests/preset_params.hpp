#pragma once
// Tests parameterised over presets: the holding ones, and a test-name generator (GoogleTest names cannot hold
// '-').
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace cqm::test {

inline auto holding_presets() {
  return ::testing::Values("workaround-sms-restarts", "workaround-always-on", "fix-short-retry",
                           "fix-reconnect");
}

struct PresetName {
  template <class Info>
  std::string operator()(const Info& info) const {
    std::string n = info.param;
    std::replace(n.begin(), n.end(), '-', '_');
    return n;
  }
};

}  // namespace cqm::test
