#pragma once
// Tests parameterised over presets: the holding ones, all of them, and a test-name generator (GoogleTest
// names cannot hold
// '-').
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "model/config.hpp"

namespace cqm::test {

inline auto holding_presets() {
  return ::testing::Values("workaround-sms-restarts", "workaround-always-on", "fix-short-retry",
                           "fix-reconnect");
}

/// Every preset's name, in the presets' order.
inline std::vector<std::string> every_preset() {
  std::vector<std::string> out;
  for (const auto& c : presets()) out.push_back(c.name);
  return out;
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
