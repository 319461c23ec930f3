#pragma once
// A described struct (Boost.Describe) as a JSON object, one member per field: booleans as booleans,
// enumerations by name, minutes as numbers and kNever as null. Traces show the machines' data through this,
// so a field added to a machine's data appears in every trace without another line.
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "model/time.hpp"
#include "model/vocabulary.hpp"

namespace cqm {

/// Adds the struct's members to the object `out`, after what it holds.
template <class T>
void add_described(nlohmann::ordered_json& out, const T& value) {
  using Members = boost::describe::describe_members<T, boost::describe::mod_public>;
  boost::mp11::mp_for_each<Members>([&](auto member) {
    const auto& v = value.*member.pointer;
    using V = std::remove_cvref_t<decltype(v)>;
    if constexpr (std::is_enum_v<V>)
      out[member.name] = std::string(enum_name(v));
    else if constexpr (std::is_same_v<V, bool>)
      out[member.name] = v;
    else if (v == kNever)
      out[member.name] = nullptr;
    else
      out[member.name] = v;
  });
}

template <class T>
nlohmann::ordered_json described_json(const T& value) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  add_described(out, value);
  return out;
}

}  // namespace cqm
