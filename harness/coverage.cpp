#include "harness/coverage.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "model/machines.hpp"

namespace cqm {

int MachineCoverage::fired() const {
  return static_cast<int>(
      std::count_if(rows.begin(), rows.end(), [](const RowCoverage& r) { return r.fired; }));
}

int CoverageReport::rows() const {
  int n = 0;
  for (const auto& m : machines) n += static_cast<int>(m.rows.size());
  return n;
}

int CoverageReport::fired() const {
  int n = 0;
  for (const auto& m : machines) n += m.fired();
  return n;
}

int CoverageReport::triples() const {
  int n = 0;
  for (const auto& m : machines) n += static_cast<int>(m.reached.size());
  return n;
}

std::vector<std::string> CoverageReport::never_fired() const {
  std::vector<std::string> out;
  for (const auto& m : machines)
    for (const auto& r : m.rows)
      if (!r.fired) out.push_back(row_text(m.machine, r.row));
  return out;
}

std::string row_text(const std::string& machine, const TransitionDescription& row) {
  std::string out = machine + ": " + row.source + " + " + (row.completion() ? "(completion)" : row.event);
  if (!row.guard.empty()) out += " [" + row.guard + "]";
  if (!row.action.empty()) out += " / " + row.action;
  out += row.internal() ? " (internal)" : " -> " + row.target;
  return out;
}

namespace {

/// Whether `to` is `from` or reached from it by completion rows; marks the rows of every such path (at most
/// one pass through each state: a completion cycle would never end the event).
bool completes_to(const MachineDescription& d, const std::string& from, const std::string& to,
                  std::vector<bool>& on_path, std::size_t depth) {
  if (from == to) return true;
  if (depth > d.states.size()) return false;
  bool any = false;
  for (std::size_t i = 0; i < d.transitions.size(); ++i) {
    const auto& t = d.transitions[i];
    if (!t.completion() || t.internal() || t.source != from) continue;
    if (completes_to(d, t.target, to, on_path, depth + 1)) {
      on_path[i] = true;
      any = true;
    }
  }
  return any;
}

}  // namespace

CoverageReport coverage_report(const Coverage& coverage) {
  const auto hits = coverage.hits();
  CoverageReport out;
  for (const auto& d : describe_all()) {
    MachineCoverage m;
    m.machine = d.name;
    // A row is known by its source, event and target (its target is its source when internal).
    using Key = std::tuple<std::string, std::string, std::string>;
    auto key = [](const TransitionDescription& t) {
      return Key{t.source, t.event, t.internal() ? t.source : t.target};
    };
    std::map<Key, int> alike;
    for (const auto& t : d.transitions) ++alike[key(t)];
    std::vector<std::string> reached, refused;
    auto state = [&](int id) {
      return id < static_cast<int>(d.states.size()) ? d.states[static_cast<std::size_t>(id)]
                                                    : std::string("?");
    };
    std::vector<bool> by_row(d.transitions.size(), false);
    for (const auto& h : hits) {
      if (h.machine != d.name) continue;
      const std::string triple = state(h.before) + " + " + std::string(h.event);
      if (reached.empty() || reached.back() != triple) reached.push_back(triple);
      if (h.refused) {
        if (refused.empty() || refused.back() != triple) refused.push_back(triple);
        continue;
      }
      // The event's row, and the completion rows (no event) it led through to the state the instance was left
      // in: each row of a path from the row's target to that state counts.
      for (std::size_t i = 0; i < d.transitions.size(); ++i) {
        const auto& t = d.transitions[i];
        if (t.source != state(h.before) || t.event != h.event) continue;
        std::vector<bool> on_path(d.transitions.size(), false);
        if (completes_to(d, t.internal() ? t.source : t.target, state(h.after), on_path, 0)) {
          by_row[i] = true;
          for (std::size_t k = 0; k < on_path.size(); ++k) by_row[k] = by_row[k] || on_path[k];
        }
      }
    }
    // hits() is sorted by state id then event, so a triple's hits are adjacent: one entry each.
    m.reached = std::move(reached);
    m.refused = std::move(refused);
    for (std::size_t i = 0; i < d.transitions.size(); ++i) {
      // A row counts as fired with every row alike (declared in coverage.hpp).
      bool any = false;
      for (std::size_t k = 0; k < d.transitions.size(); ++k)
        any = any || (by_row[k] && key(d.transitions[k]) == key(d.transitions[i]));
      m.rows.push_back({d.transitions[i], any, alike[key(d.transitions[i])]});
    }
    out.machines.push_back(std::move(m));
  }
  return out;
}

}  // namespace cqm
