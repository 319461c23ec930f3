#pragma once
// A machine's transition table as runtime data, for diagrams and anything else that must show the model as it
// is compiled: walked from the MSM tables, so a new Row appears without anyone drawing it.
//
// Each machine's registry entry defines `describe()` in the machine's .cpp, next to its back-end
// (`describe_machine` needs the back-end's state ids); describe_all() (model/machines.hpp) lists them.
#include <boost/mpl/empty.hpp>
#include <boost/mpl/for_each.hpp>
#include <boost/mpl/is_sequence.hpp>
#include <boost/mpl/placeholders.hpp>
#include <boost/mpl/size.hpp>
#include <boost/msm/back/metafunctions.hpp>
#include <boost/msm/front/functor_row.hpp>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "model/description.hpp"
#include "model/machine_def.hpp"

namespace cqm {

namespace describe_detail {

namespace msmf = boost::msm::front;

// mpl::for_each default-constructs what it visits, and its lambda evaluation replaces a type by its nested
// ::type when it has one (TOOLCHAIN). A tag without ::type carries any type through unchanged.
template <class T>
struct tag {};

template <class T>
std::string name_of() {
  if constexpr (std::is_same_v<T, msmf::none>) {
    return {};
  } else {
    static_assert(
        requires { T::name(); }, "give every state, event, action and guard a static name()");
    return T::name();
  }
}

template <class Action>
struct action_names {
  static std::string get() { return name_of<Action>(); }
};
template <class Sequence>
struct action_names<msmf::ActionSequence_<Sequence>> {
  static std::string get() {
    std::string out;
    boost::mpl::for_each<Sequence, tag<boost::mpl::_1>>(
        [&out]<class A>(tag<A>) { out += (out.empty() ? "" : ", ") + action_names<A>::get(); });
    return out;
  }
};

// Rows are taken apart by their template arguments, not by Row::Target: an internal Row reports its source
// as its target (TOOLCHAIN), which would draw it as a self transition with exit and entry.
template <class Row>
struct row_parts {
  static_assert(sizeof(Row) == 0, "describe_machine knows msmf::Row and msmf::Internal rows only");
};
template <class S, class E, class T, class A, class G>
struct row_parts<msmf::Row<S, E, T, A, G>> {
  template <class Source>
  static TransitionDescription get() {
    return {name_of<S>(), name_of<E>(), name_of<T>(), action_names<A>::get(), name_of<G>()};
  }
};
template <class E, class A, class G>
struct row_parts<msmf::Internal<E, A, G>> {
  template <class Source>
  static TransitionDescription get() {
    return {name_of<Source>(), name_of<E>(), {}, action_names<A>::get(), name_of<G>()};
  }
};

template <class Table, class Source>
void add_rows(std::vector<TransitionDescription>& out) {
  boost::mpl::for_each<Table, tag<boost::mpl::_1>>(
      [&out]<class Row>(tag<Row>) { out.push_back(row_parts<Row>::template get<Source>()); });
}

}  // namespace describe_detail

/// Walks a front-end's tables. `Back` is its boost::msm::back::state_machine, whose `stt` numbers the states.
template <class Machine, class Back>
MachineDescription describe_machine() {
  using Front = typename Machine::Front;
  namespace mpl = boost::mpl;
  namespace msmb = boost::msm::back;
  using describe_detail::name_of;
  using describe_detail::tag;
  using Table = typename Front::transition_table;
  using Stt = typename Back::stt;
  static_assert(!mpl::is_sequence<typename Front::initial_state>::value, "one region only");
  static_assert(mpl::empty<typename Front::internal_transition_table>::value,
                "machine-wide internal transitions are not drawn yet: put them in the table");

  MachineDescription d{std::string(Machine::name),
                       std::string(Machine::stem),
                       name_of<typename Front::initial_state>(),
                       {},
                       {}};
  describe_detail::add_rows<Table, void>(d.transitions);

  // Every state MSM numbers, placed at its id; each state's own internal_transition_table follows the table.
  using States = typename msmb::generate_state_set<Stt>::type;
  d.states.resize(mpl::size<States>::value);
  std::vector<std::vector<TransitionDescription>> own(d.states.size());
  mpl::for_each<States, tag<mpl::_1>>([&]<class S>(tag<S>) {
    static_assert(!msmb::is_composite_state<S>::value, "sub-machines are not drawn yet");
    constexpr int id = msmb::get_state_id<Stt, S>::value;
    d.states[id] = name_of<S>();
    describe_detail::add_rows<typename S::internal_transition_table, S>(own[id]);
  });
  for (auto& rows : own) d.transitions.insert(d.transitions.end(), rows.begin(), rows.end());
  return d;
}

}  // namespace cqm
