#pragma once
// How a described field enters the exhaustive explorer's state key. By default every field of every machine's
// data is stored exactly (harness/state_codec.hpp derives the key from the Boost.Describe description). A
// field may instead be abstracted — kept only as far as any future behaviour or verdict can tell, or not
// stored and restored from the others — and such a rule is declared next to the struct that holds the field,
// with the reason it is sound for every property. `--exact-states` ignores every rule; a differential test
// (tests/harness) runs both and requires the same verdicts.
#include <tuple>

#include "model/config.hpp"

namespace cqm::key {

/// What a rule may read: the config, the clock of the state being stored, and the active state of the machine
/// instance the field belongs to (-1 for data that is not a machine's).
struct Context {
  const Config& config;
  Minutes now;
  int state = -1;
};

/// Stored as `as(value)`: two values with the same image are one state. `as` must be idempotent (a value read
/// back from a key is stored again as it is). One that reads the clock (`Context::now`) says so
/// (`kept_against_clock`): a successor's key is packed from its parent's, re-encoding only the instances the
/// step gave an event and the machines with such a rule (StateCodec::pack_step), and
/// tests/harness/incremental_key_test.cpp holds that equal to packing the whole state on every preset.
template <class Data, class T>
struct Kept {
  T Data::*member;
  T (*as)(const Context&, T value);
  const char* reason;
  bool reads_clock = false;
};

/// Not stored: after a state is read back, `restore` gives the field a value from the other fields. A restore
/// that reads the clock must set `reads_clock`: an instance whose bits did not change is otherwise not read
/// back again (StateCodec::unpack_step), and tests/harness/incremental_key_test.cpp would find it stale.
template <class Data, class T>
struct NotStored {
  T Data::*member;
  T (*restore)(const Context&, const Data& data);
  const char* reason;
  bool reads_clock = false;
};

/// A flag set stored in `bits(config)` bits, not all of its own: the rule says why no flag above them is ever
/// set for that config (packing one is a model bug, thrown).
template <class Data, class T>
struct Narrow {
  T Data::*member;
  int (*bits)(const Config& config);
  const char* reason;
};

template <class Data, class T>
constexpr Narrow<Data, T> narrow_to(T Data::*member, int (*bits)(const Config&), const char* reason) {
  return {member, bits, reason};
}

template <class Data, class T>
constexpr Kept<Data, T> kept_as(T Data::*member, T (*as)(const Context&, T), const char* reason) {
  return {member, as, reason, false};
}

/// A Kept rule whose image depends on the clock: its machine's instances are re-encoded on every step.
template <class Data, class T>
constexpr Kept<Data, T> kept_against_clock(T Data::*member, T (*as)(const Context&, T), const char* reason) {
  return {member, as, reason, true};
}

template <class Data, class T>
constexpr NotStored<Data, T> not_stored(T Data::*member, T (*restore)(const Context&, const Data&),
                                        const char* reason) {
  return {member, restore, reason, false};
}

/// The rules declared for `Data` (an ADL function `key_rules(const Data*)` next to it), or none.
template <class Data>
constexpr auto rules_of() {
  if constexpr (requires { key_rules(static_cast<const Data*>(nullptr)); })
    return key_rules(static_cast<const Data*>(nullptr));
  else
    return std::tuple<>{};
}

/// Whether a rule of `Data` reads the clock.
template <class Data>
constexpr bool reads_clock() {
  return std::apply(
      [](const auto&... rule) {
        return (false || ... || [&] {
          if constexpr (requires { rule.reads_clock; })
            return rule.reads_clock;
          else
            return false;
        }());
      },
      rules_of<Data>());
}

}  // namespace cqm::key
