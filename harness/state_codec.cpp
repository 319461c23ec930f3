#include "harness/state_codec.hpp"

#include <algorithm>
#include <bit>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <cstring>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace cqm {
namespace {

constexpr int bits_for(std::uint64_t values) {
  return values <= 1 ? 0 : static_cast<int>(std::bit_width(values - 1));
}

template <class T>
using members_of = boost::describe::describe_members<T, boost::describe::mod_public>;

/// Writes or reads the key's bit fields, in one order for both.
struct BitStream {
  std::uint64_t* words;
  std::size_t pos = 0;
  /// Writes over what the bits held: StateCodec::pack_step rewrites a parent's key in place.
  [[gnu::always_inline]] void put(std::uint64_t v, int n) {
    if (n == 0) return;
    const std::size_t w = pos / 64, b = pos % 64;
    const std::uint64_t mask = n == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1;
    words[w] = (words[w] & ~(mask << b)) | v << b;
    if (b + static_cast<std::size_t>(n) > 64)
      words[w + 1] = (words[w + 1] & ~(mask >> (64 - b))) | v >> (64 - b);
    pos += static_cast<std::size_t>(n);
  }
  [[gnu::always_inline]] std::uint64_t get(int n) {
    if (n == 0) return 0;
    const std::size_t w = pos / 64, b = pos % 64;
    std::uint64_t v = words[w] >> b;
    if (b + static_cast<std::size_t>(n) > 64) v |= words[w + 1] << (64 - b);
    pos += static_cast<std::size_t>(n);
    return n == 64 ? v : v & ((std::uint64_t{1} << n) - 1);
  }
};

template <class A, class B>
constexpr bool same_member(A a, B b) {
  if constexpr (std::is_same_v<A, B>)
    return a == b;
  else
    return false;
}

/// The position in key::rules_of<Data>() of the rule for the described member `Member`, or -1.
template <class Data, class Member>
constexpr int rule_index() {
  constexpr auto rules = key::rules_of<Data>();
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    int found = -1;
    ((found =
          found < 0 && same_member(std::get<I>(rules).member, Member::pointer) ? static_cast<int>(I) : found),
     ...);
    return found;
  }
  (std::make_index_sequence<std::tuple_size_v<decltype(rules)>>{});
}

/// What one pass over the layout does with each field: count its bits, pack it, unpack it, or describe it.
enum class Pass { measure, pack, unpack, describe };

/// A field's name, put together only when it is shown (describe, or an error): packing a key builds no
/// strings.
struct Name {
  std::string_view owner;  ///< "Client", "QueueItem", "inputs", "environment", or empty for "now"
  int instance = -1;       ///< for machines with many instances
  std::string_view member;
  std::string text() const {
    std::string out(owner);
    if (instance >= 0) out += "[" + std::to_string(instance) + "]";
    if (!out.empty()) out += ".";
    return out + std::string(member);
  }
};

/// The pass is a template argument: packing and unpacking, the explorers' inner loop, compile to
/// straight-line code per field with no test of what the pass is.
template <Pass pass>
struct Walker {
  const Config& config;
  bool exact;
  int int_bits;
  Minutes int_max;
  BitStream stream{nullptr};
  std::size_t bits = 0;
  std::size_t environment_bits =
      0;  ///< measure: the bits of the clock, the inputs and the environment's book
  std::vector<StateCodec::Field>* fields = nullptr;
  Minutes now = 0;
  int state_ = -1;  ///< the active state of the instance whose fields are being visited
  /// Each machine's instances, by registry index, counted once by the codec (a count walks the config: for
  /// QueueItem every program's runs).
  const int* totals = nullptr;
  /// Measure: where each machine's instances start in the key, and the bits of one, by registry index.
  std::size_t* offsets = nullptr;
  std::size_t* widths = nullptr;

  template <class T>
  int width() const {
    if constexpr (std::is_same_v<T, bool>)
      return 1;
    else if constexpr (std::is_enum_v<T>)
      return bits_for(static_cast<std::uint64_t>(enum_count<T>()));
    else if constexpr (std::is_same_v<T, std::uint64_t>)
      return 64;  // a set of flags, stored whole
    else
      return int_bits;
  }

  template <class T>
  [[gnu::always_inline]] std::uint64_t encode(T v, const Name& name) const {
    if constexpr (std::is_same_v<T, bool>) {
      return v ? 1 : 0;
    } else if constexpr (std::is_enum_v<T>) {
      const int i = enum_index(v);
      if (i < 0) throw std::logic_error("model bug: " + name.text() + " holds a value with no name");
      return static_cast<std::uint64_t>(i);
    } else if constexpr (std::is_same_v<T, std::uint64_t>) {
      return v;
    } else {
      static_assert(std::is_same_v<T, std::int32_t>,
                    "described state fields are bool, enums, 32-bit ints or 64-bit flag sets");
      if (v == kNever) return 0;
      if (v < -1 || v > int_max)
        throw std::logic_error("model bug: " + name.text() + " = " + std::to_string(v) +
                               " lies outside the state key's range [-1, " + std::to_string(int_max) + "]");
      return static_cast<std::uint64_t>(v + 2);
    }
  }

  template <class T>
  static T decode(std::uint64_t code) {
    if constexpr (std::is_same_v<T, bool>)
      return code != 0;
    else if constexpr (std::is_enum_v<T>)
      return enum_at<T>(static_cast<int>(code));
    else if constexpr (std::is_same_v<T, std::uint64_t>)
      return code;
    else
      return code == 0 ? kNever : static_cast<T>(static_cast<std::int64_t>(code) - 2);
  }

  /// One stored value of `bits` bits.
  [[gnu::always_inline]] void raw(std::uint64_t& value, int n, const Name& name, const char* rule) {
    if constexpr (pass == Pass::measure)
      bits += static_cast<std::size_t>(n);
    else if constexpr (pass == Pass::pack)
      stream.put(value, n);
    else if constexpr (pass == Pass::unpack)
      value = stream.get(n);
    else
      fields->push_back({name.text(), n, rule ? rule : ""});
  }

  /// `narrow` >= 0: a Narrow rule's width, in place of the type's.
  template <class T>
  [[gnu::always_inline]] void value(T& v, const Name& name, T (*as)(const key::Context&, T) = nullptr,
                                    const char* rule = nullptr, int narrow = -1) {
    std::uint64_t code = 0;
    if constexpr (pass == Pass::pack) code = encode(as && !exact ? as({config, now, state_}, v) : v, name);
    const int n = narrow >= 0 && !exact ? narrow : width<T>();
    if (pass == Pass::pack && n < 64 && code >> n != 0) [[unlikely]]
      throw std::logic_error("model bug: " + name.text() + " does not fit the " + std::to_string(n) +
                             " bits its key rule declares");
    raw(code, n, name, exact ? nullptr : rule);
    if constexpr (pass == Pass::unpack) v = decode<T>(code);
  }

  /// Every described field of `data`, each under its rule unless exact.
  template <class Data>
  void fields_of(Data& data, std::string_view owner, int instance = -1, int state = -1) {
    state_ = state;
    boost::mp11::mp_for_each<members_of<Data>>([&](auto member) {
      using T = std::remove_reference_t<decltype(data.*member.pointer)>;
      constexpr T (*plain)(const key::Context&, T) = nullptr;
      const Name name{owner, instance, member.name};
      // The field's rule is found at compile time: packing calls its function directly, or nothing.
      constexpr int r = rule_index<Data, decltype(member)>();
      if constexpr (r < 0) {
        value(data.*member.pointer, name);
      } else {
        constexpr auto rule = std::get<r>(key::rules_of<Data>());
        if constexpr (requires { rule.as; })
          value(data.*member.pointer, name, rule.as, rule.reason);
        else if constexpr (requires { rule.bits; })
          value(data.*member.pointer, name, plain, rule.reason, rule.bits(config));
        else if (exact)
          value(data.*member.pointer, name, plain, rule.reason);
        else if constexpr (pass == Pass::describe)
          fields->push_back({name.text(), 0, rule.reason});
      }
    });
    // Fields not stored are restored from the others once all of them are read.
    if (pass == Pass::unpack && !exact)
      std::apply(
          [&](const auto&... rule) {
            (
                [&] {
                  if constexpr (requires { rule.restore; })
                    data.*rule.member = rule.restore({config, now, state}, data);
                }(),
                ...);
          },
          key::rules_of<Data>());
  }

  template <class M>
  [[gnu::always_inline]] void instance(Instance<typename M::Data>& instance, int i) {
    constexpr int state_bits = bits_for(M::states.size());
    const int shown = has_many<M>() ? i : -1;
    std::uint64_t state = instance.state;
    raw(state, state_bits, Name{M::name, shown, "state"}, state_bits == 0 ? kOneState : nullptr);
    if constexpr (pass == Pass::unpack) instance.state = static_cast<std::uint8_t>(state);
    fields_of(instance.data, M::name, shown, instance.state);
  }

  template <class M>
  void machine(InstancesOf<M>& instances) {
    const int n = totals[machine_index<M>];
    if constexpr (pass != Pass::pack)
      instances.resize(static_cast<std::size_t>(n));
    else if (static_cast<int>(instances.size()) != n)
      throw std::logic_error("model bug: a snapshot with the wrong number of " + std::string(M::name) + "s");
    if constexpr (pass == Pass::measure) offsets[machine_index<M>] = stream_pos();
    for (int i = 0; i < n; ++i) {
      const std::size_t at = stream_pos();
      instance<M>(instances[static_cast<std::size_t>(i)], i);
      // Every instance of a machine takes the same bits (a field's width is its type's or its rule's), so
      // that pack_step finds instance i at offset + i * width.
      if constexpr (pass == Pass::measure) {
        const std::size_t width = stream_pos() - at;
        if (i == 0) widths[machine_index<M>] = width;
        if (width != widths[machine_index<M>])
          throw std::logic_error("model bug: " + std::string(M::name) + "'s instances differ in width");
      }
    }
  }

  /// The clock, the inputs and the environment's book: the key's first environment_bits bits.
  void header(SystemSnapshot& s, EnvBook& book) {
    // The clock first: the rules of every other field read it.
    value(s.now, Name{{}, -1, "now"});
    now = s.now;
    fields_of(s.inputs, "inputs");
    fields_of(book, "environment");
  }

  void all(SystemSnapshot& s, EnvBook& book) {
    header(s, book);
    environment_bits = bits;
    for_each_machine([&]<class M>(std::type_identity<M>) { machine<M>(s.all<M>()); });
  }

  std::size_t stream_pos() const { return pass == Pass::measure ? bits : stream.pos; }
};

/// Every duration a config holds: timers are armed at most this far past the clock.
Minutes durations_of(const Config& c) {
  const auto& m = c.model;
  const auto& e = c.env;
  std::int64_t sum = std::int64_t{m.boot_minutes} + m.shutdown_minutes + m.wake_up_cycle + m.item_lifetime +
                     m.retry_interval + m.reconnect_delay + m.race_window + e.quantum + e.min_session +
                     e.max_session + e.max_outage + kMinutesPerDay;
  return static_cast<Minutes>(std::min<std::int64_t>(sum, 1'000'000'000));
}

}  // namespace

StateCodec::StateCodec(const Config& config, Minutes horizon, bool exact) : config_(config), exact_(exact) {
  const std::int64_t bound = 2 * (std::int64_t{horizon} + durations_of(config)) + 16;
  int_max_ = static_cast<Minutes>(std::min<std::int64_t>(bound, kNever - 3));
  int_bits_ = bits_for(static_cast<std::uint64_t>(int_max_) + 3);
  for_each_machine(
      [&]<class M>(std::type_identity<M>) { totals_[machine_index<M>] = total_instances<M>(config); });
  SystemSnapshot s;
  EnvBook book;
  Walker<Pass::measure> w{config, exact, int_bits_, int_max_};
  w.totals = totals_.data();
  w.offsets = offsets_.data();
  w.widths = widths_.data();
  w.all(s, book);
  bits_ = w.bits;
  environment_bits_ = w.environment_bits;
  words_ = std::max<std::size_t>(1, (bits_ + 63) / 64);
  for_each_machine([&]<class M>(std::type_identity<M>) {
    constexpr std::size_t m = machine_index<M>;
    if (const auto block = widths_[m] * static_cast<std::size_t>(M::instances(config)); block > 0)
      client_blocks_.emplace_back(offsets_[m], block);
  });
  in_word_.resize(words_);
  for_each_machine([&]<class M>(std::type_identity<M>) {
    constexpr std::size_t m = machine_index<M>;
    if ((!exact && key::reads_clock<typename M::Data>()) || widths_[m] == 0) return;
    for (int i = 0; i < totals_[m]; ++i) {
      const std::size_t from = offsets_[m] + widths_[m] * static_cast<std::size_t>(i);
      for (std::size_t w = from / 64; w <= (from + widths_[m] - 1) / 64; ++w)
        in_word_[w].emplace_back(static_cast<std::uint8_t>(m), i);
    }
  });
}

void StateCodec::pack(const SystemSnapshot& s, const EnvBook& book, std::uint64_t* key) const {
  std::memset(key, 0, words_ * sizeof(std::uint64_t));
  Walker<Pass::pack> w{config_, exact_, int_bits_, int_max_, BitStream{key}};
  w.totals = totals_.data();
  // The walker is shared by all passes; packing never writes to the state.
  w.all(const_cast<SystemSnapshot&>(s), const_cast<EnvBook&>(book));
}

void StateCodec::pack_step(const std::uint64_t* parent, const SystemSnapshot& s, const EnvBook& book,
                           const Touched& touched, std::uint64_t* key,
                           const SystemSnapshot* parent_state) const {
  std::memcpy(key, parent, words_ * sizeof(std::uint64_t));
  Walker<Pass::pack> w{config_, exact_, int_bits_, int_max_, BitStream{key}};
  w.totals = totals_.data();
  auto& state = const_cast<SystemSnapshot&>(s);  // packing never writes to the state
  w.header(state, const_cast<EnvBook&>(book));
  for_each_machine([&]<class M>(std::type_identity<M>) {
    constexpr std::size_t m = machine_index<M>;
    auto& instances = state.all<M>();
    if (!exact_ && key::reads_clock<typename M::Data>()) {
      w.stream.pos = offsets_[m];
      w.template machine<M>(instances);
      return;
    }
    for (const int i : touched[m]) {
      if (parent_state &&
          instances[static_cast<std::size_t>(i)] == parent_state->all<M>()[static_cast<std::size_t>(i)])
        continue;
      const std::size_t at = offsets_[m] + widths_[m] * static_cast<std::size_t>(i);
      w.stream.pos = at;
      w.template instance<M>(instances[static_cast<std::size_t>(i)], i);
    }
  });
}

void StateCodec::reorder_clients(std::uint64_t* key, const SystemSnapshot& s, const EnvBook& book,
                                 std::span<const int> order) const {
  thread_local std::vector<std::uint64_t> was;
  was.assign(key, key + words_);
  BitStream from{was.data()};
  BitStream to{key};
  for (const auto& [offset, block] : client_blocks_)
    for (std::size_t j = 0; j < order.size(); ++j) {
      const auto a = static_cast<std::size_t>(order[j]);
      if (a == j) continue;
      from.pos = offset + block * a;
      to.pos = offset + block * j;
      for (std::size_t left = block; left > 0;) {
        const int n = static_cast<int>(std::min<std::size_t>(left, 64));
        to.put(from.get(n), n);
        left -= static_cast<std::size_t>(n);
      }
    }
  Walker<Pass::pack> w{config_, exact_, int_bits_, int_max_, BitStream{key}};
  w.header(const_cast<SystemSnapshot&>(s), const_cast<EnvBook&>(book));  // packing never writes to them
}

void StateCodec::unpack(const std::uint64_t* key, SystemSnapshot& s, EnvBook& book) const {
  Walker<Pass::unpack> w{config_, exact_, int_bits_, int_max_, BitStream{const_cast<std::uint64_t*>(key)}};
  w.totals = totals_.data();
  s.refusals = 0;  // a refusal is judged on the step that makes it (no_refused_events)
  s.queue_overflowed = false;
  w.all(s, book);
}

void StateCodec::unpack_step(const std::uint64_t* previous, const std::uint64_t* key, SystemSnapshot& s,
                             EnvBook& book, Changed& changed) const {
  for (auto& list : changed) list.clear();
  // Instances lie in key order, so an instance across two changed words comes twice in a row: listed once.
  for (std::size_t w = 0; w < words_; ++w)
    if (previous[w] != key[w])
      for (const auto& [m, i] : in_word_[w])
        if (auto& list = changed[m]; list.empty() || list.back() != i) list.push_back(i);
  Walker<Pass::unpack> w{config_, exact_, int_bits_, int_max_, BitStream{const_cast<std::uint64_t*>(key)}};
  w.totals = totals_.data();
  s.refusals = 0;  // as unpack()
  s.queue_overflowed = false;
  w.header(s, book);
  for_each_machine([&]<class M>(std::type_identity<M>) {
    constexpr std::size_t m = machine_index<M>;
    auto& instances = s.all<M>();
    auto& list = changed[m];
    if (!exact_ && key::reads_clock<typename M::Data>()) {
      w.stream.pos = offsets_[m];
      w.template machine<M>(instances);
      list.resize(static_cast<std::size_t>(totals_[m]));
      for (int i = 0; i < totals_[m]; ++i) list[static_cast<std::size_t>(i)] = i;
      return;
    }
    for (const int i : list) {
      w.stream.pos = offsets_[m] + widths_[m] * static_cast<std::size_t>(i);
      w.template instance<M>(instances[static_cast<std::size_t>(i)], i);
    }
  });
}

std::vector<StateCodec::Field> StateCodec::layout() const {
  std::vector<Field> out;
  SystemSnapshot s;
  EnvBook book;
  Walker<Pass::describe> w{config_, exact_, int_bits_, int_max_};
  w.totals = totals_.data();
  w.fields = &out;
  w.all(s, book);
  return out;
}

}  // namespace cqm
