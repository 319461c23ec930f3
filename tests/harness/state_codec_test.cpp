// The state key is derived from the described state: every field of every machine's data (and of the inputs
// and the environment's bookkeeping) is in it, stored exactly unless a rule declared next to the field says
// otherwise, with its reason; the exact key loses nothing.
#include "harness/state_codec.hpp"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <set>

namespace cqm {
namespace {

template <class T>
using members_of = boost::describe::describe_members<T, boost::describe::mod_public>;

/// Every field name the description holds, enumerated here independently of the codec.
std::vector<std::string> described_fields(const Config& config) {
  std::vector<std::string> out{"now"};
  auto add = [&]<class T>(const std::string& prefix, std::type_identity<T>) {
    boost::mp11::mp_for_each<members_of<T>>([&](auto m) { out.push_back(prefix + m.name); });
  };
  add("inputs.", std::type_identity<Inputs>{});
  add("environment.", std::type_identity<EnvBook>{});
  for_each_machine([&]<class M>(std::type_identity<M>) {
    for (int i = 0; i < total_instances<M>(config); ++i) {
      const std::string label = instance_label(machine_index<M>, i) + ".";
      out.push_back(label + "state");
      add(label, std::type_identity<typename M::Data>{});
    }
  });
  return out;
}

Config two_programs() {
  Config c = *find_preset("fix-reconnect");
  c.model.programs.push_back({AfterRunning::NoAction, MifResult::Failure});
  c.env.programs.push_back({600, 1200, 700});
  return c;
}

TEST(state_codec, every_described_field_is_in_the_key) {
  for (const Config& config : {*find_preset("kb-q292030"), two_programs()})
    for (const bool exact : {false, true}) {
      const StateCodec codec(config, 20000, exact);
      std::set<std::string> in_layout;
      for (const auto& f : codec.layout()) {
        in_layout.insert(f.name);
        if (exact && f.rule != kOneState) {
          EXPECT_GT(f.bits, 0) << f.name << ": the exact key stores every field";
        }
        if (f.bits == 0) {
          EXPECT_FALSE(f.rule.empty()) << f.name << ": a field left out must say why";
        }
      }
      for (const auto& name : described_fields(config))
        EXPECT_TRUE(in_layout.count(name))
            << name << " is described but not in the key (exact=" << exact << ")";
      EXPECT_EQ(in_layout.size(), described_fields(config).size());
    }
}

TEST(state_codec, only_the_declared_rules_abstract) {
  const StateCodec codec(*find_preset("kb-q292030"), 20000, false);
  std::set<std::string> abstracted;
  for (const auto& f : codec.layout())
    if (!f.rule.empty()) abstracted.insert(f.name);
  // The rules declared next to the fields (model/*.hpp, harness/environment.hpp): nothing else is lossy.
  const std::set<std::string> declared{"Client.last_on_day",
                                       "environment.outage_since",
                                       "Client.up_since",
                                       "Client.start_ups",
                                       "CopyQueueManager.cycle_no",
                                       "Connection.started_at",
                                       "Connection.failures_in_a_row",
                                       "QueueItem[0].delivered_at",
                                       "QueueItem[0].expired_at",
                                       "QueueItem[1].delivered_at",
                                       "QueueItem[1].expired_at",
                                       "StatusFile[0].name_minute",
                                       "StatusFile[1].name_minute",
                                       "StatusManager.state",  // one state: nothing to store
                                       "CapInbox.names"};      // one minute's names: 4 of its 64 bits
  EXPECT_EQ(abstracted, declared);
  EXPECT_LT(codec.bits(), StateCodec(*find_preset("kb-q292030"), 20000, true).bits());
}

/// A snapshot of the config's shape with every field set from the generator, within the key's range.
SystemSnapshot random_snapshot(const Config& config, Minutes int_max, EnvBook& book) {
  auto value = [&]<class T>(T& v) {
    if constexpr (std::is_same_v<T, bool>)
      v = *rc::gen::arbitrary<bool>();
    else if constexpr (std::is_enum_v<T>)
      v = enum_at<T>(*rc::gen::inRange(0, enum_count<T>()));
    else
      v = *rc::gen::oneOf(rc::gen::just(kNever), rc::gen::just(-1),
                          rc::gen::inRange<Minutes>(0, int_max + 1));
  };
  auto fill = [&]<class T>(T& data) {
    boost::mp11::mp_for_each<members_of<T>>([&](auto m) { value(data.*m.pointer); });
  };
  SystemSnapshot s;
  s.now = *rc::gen::inRange<Minutes>(0, int_max + 1);
  fill(s.inputs);
  fill(book);
  for_each_machine([&]<class M>(std::type_identity<M>) {
    auto& v = s.all<M>();
    v.resize(static_cast<std::size_t>(total_instances<M>(config)));
    for (auto& instance : v) {
      instance.state =
          static_cast<std::uint8_t>(*rc::gen::inRange<int>(0, static_cast<int>(M::states.size())));
      fill(instance.data);
    }
  });
  return s;
}

RC_GTEST_PROP(state_codec, the_exact_key_loses_nothing, ()) {
  static const Config config = two_programs();
  static const StateCodec codec(config, 20000, true);
  EnvBook book;
  const SystemSnapshot s = random_snapshot(config, codec.int_max(), book);
  std::vector<std::uint64_t> key(codec.words());
  codec.pack(s, book, key.data());
  SystemSnapshot back;
  EnvBook book_back;
  codec.unpack(key.data(), back, book_back);
  RC_ASSERT(back == s);
  RC_ASSERT(book_back == book);
}

TEST(state_codec, times_as_long_as_the_readers_accept_fit) {
  Config config = *find_preset("kb-q292030");
  config.model.wake_up_cycle = kMaxMinutes;
  config.model.item_lifetime = kMaxMinutes;
  const StateCodec codec(config, 3 * kMaxMinutes, true);
  EXPECT_GE(codec.int_max(), 3 * kMaxMinutes + kMaxMinutes);
  SystemSnapshot s = System(config).snapshot();
  s.now = 2 * kMaxMinutes;
  s.all<Timer>()[0].data.due = 3 * kMaxMinutes;
  std::vector<std::uint64_t> key(codec.words());
  codec.pack(s, EnvBook{}, key.data());
  SystemSnapshot back;
  EnvBook book;
  codec.unpack(key.data(), back, book);
  EXPECT_EQ(back.now, 2 * kMaxMinutes);
  EXPECT_EQ(back.all<Timer>()[0].data.due, 3 * kMaxMinutes);
}

TEST(state_codec, a_value_outside_the_range_is_a_model_bug_not_a_truncation) {
  const Config config = *find_preset("kb-q292030");
  const StateCodec codec(config, 20000, true);
  SystemSnapshot s = System(config).snapshot();
  s.now = codec.int_max() + 1;
  std::vector<std::uint64_t> key(codec.words());
  EXPECT_THROW(codec.pack(s, EnvBook{}, key.data()), std::logic_error);
}

// The CAP inbox's names are stored in the 4 bits of one minute: a second minute's names (which only clients
// with clocks of their own make, never in a search) stop the search instead of being cut off.
TEST(state_codec, a_flag_past_a_narrow_rules_bits_is_a_model_bug) {
  const Config config = *find_preset("kb-q301352");
  const StateCodec codec(config, 20000, false);
  SystemSnapshot s = System(config).snapshot();
  auto& inbox = s.all<CapInbox>()[0];
  inbox.state = static_cast<std::uint8_t>(CapInbox::State::Holding);
  inbox.data.minute = 600;
  inbox.data.names = CapInbox::name_mask(0, 8);
  std::vector<std::uint64_t> key(codec.words());
  codec.pack(s, EnvBook{}, key.data());
  SystemSnapshot back;
  EnvBook book;
  codec.unpack(key.data(), back, book);
  EXPECT_EQ(back.all<CapInbox>()[0].data.names, CapInbox::name_mask(0, 8));
  inbox.data.names |= CapInbox::name_mask(1, 1);  // a name of the next minute too
  EXPECT_THROW(codec.pack(s, EnvBook{}, key.data()), std::logic_error);
  // The exact key stores all 64.
  const StateCodec exact(config, 20000, true);
  std::vector<std::uint64_t> whole(exact.words());
  EXPECT_NO_THROW(exact.pack(s, EnvBook{}, whole.data()));
}

}  // namespace
}  // namespace cqm
