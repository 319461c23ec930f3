#pragma once
// A described struct (Boost.Describe) as JSON members, one per field: booleans as booleans, enumerations by
// name, minutes as numbers and kNever as null. Traces show the machines' data through this, so a field added
// to a machine's data appears in every trace without another line.
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <type_traits>

#include "model/time.hpp"
#include "model/vocabulary.hpp"
#include "writers/json_stream.hpp"

namespace cqm {

/// Writes the struct's members into the object `out` has open, after what it holds.
template <class T>
void write_described(JsonStream& out, const T& value) {
  using Members = boost::describe::describe_members<T, boost::describe::mod_public>;
  boost::mp11::mp_for_each<Members>([&](auto member) {
    const auto& v = value.*member.pointer;
    using V = std::remove_cvref_t<decltype(v)>;
    out.key(member.name);
    if constexpr (std::is_enum_v<V>)
      out.value(enum_name(v));
    else if constexpr (std::is_same_v<V, bool>)
      out.value(v);
    else if (v == kNever)
      out.null();
    else
      out.value(v);
  });
}

}  // namespace cqm
