#pragma once
// One machine's instances alone, with their own Env: for tests of one transition from a chosen state. Nothing
// routes what the machine announces: it stays in env.outbox, and notices() takes it, so a test sees exactly
// what one transition announced.
#include <gtest/gtest.h>

#include <cstdint>
#include <ostream>
#include <utility>
#include <vector>

#include "model/machine_handle.hpp"

namespace cqm {

// GoogleTest prints the notice's name and the log line's text, not numbers, when an expectation fails.
inline void PrintTo(NoticeKind kind, std::ostream* os) { *os << notice_name(kind); }
inline void PrintTo(LogKind kind, std::ostream* os) { *os << '"' << log_text({0, kind, 0}, "W2K") << '"'; }

namespace test {

template <class M>
struct MachineFixture : ::testing::Test {
  using State = typename M::State;
  using Data = typename M::Data;

  Config config;
  LogRecords log;
  std::vector<Refusal> refusals;
  Env env = [this] {
    Env e;
    e.config = &config;
    e.timers = TimerLayout{config.model.statuses()};
    e.log = &log;
    e.refusal_log = &refusals;
    return e;
  }();
  MachineGroup<M> machines{env};

  MachineFixture() { machines.resize(1); }

  template <class Event>
  void on(const Event& event, int i = 0) {
    machines.on(i, event);
  }
  State state(int i = 0) const { return static_cast<State>(machines.state(i)); }
  Data& data(int i = 0) { return machines.data(i); }
  /// Puts instance i in `state` with `data`, without running any action.
  void set(State state, const Data& data = {}, int i = 0) {
    machines.set(i, Instance<Data>{static_cast<std::uint8_t>(state), data});
  }

  /// What the machine announced since the last call, in order.
  std::vector<Notice> notices() {
    std::vector<Notice> out(env.outbox.begin(), env.outbox.end());
    env.outbox.clear();
    return out;
  }
  std::vector<NoticeKind> notice_kinds() {
    std::vector<NoticeKind> out;
    for (const Notice& n : notices()) out.push_back(n.kind);
    return out;
  }
  std::vector<LogKind> log_kinds() const {
    std::vector<LogKind> out;
    for (const auto& r : log) out.push_back(r.kind);
    return out;
  }
};

}  // namespace test
}  // namespace cqm
