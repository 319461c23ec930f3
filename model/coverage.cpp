#include "model/coverage.hpp"

#include <algorithm>
#include <mutex>
#include <stdexcept>
#include <string>
#include <tuple>

#include "model/machines.hpp"

namespace cqm {
namespace {

struct EventNames {
  std::mutex mutex;
  std::vector<std::vector<std::string_view>> by_machine;
};

EventNames& event_names() {
  static EventNames names;
  return names;
}

}  // namespace

bool CoverageHit::operator<(const CoverageHit& o) const {
  return std::tie(machine, before, event, refused, after) <
         std::tie(o.machine, o.before, o.event, o.refused, o.after);
}

int Coverage::event_index(std::size_t machine, std::string_view event) {
  static_assert(kMachines <= kMachinesBound, "coverage: make room for every machine of the registry");
  if (machine >= kMachines) throw std::logic_error("coverage: no machine " + std::to_string(machine));
  if (machine_states(machine).size() > kStates)
    throw std::logic_error("coverage: " + std::string(machine_name(machine)) + " has more than " +
                           std::to_string(kStates) + " states");
  auto& names = event_names();
  const std::lock_guard lock(names.mutex);
  if (names.by_machine.size() <= machine) names.by_machine.resize(machine + 1);
  auto& events = names.by_machine[machine];
  const auto at = std::find(events.begin(), events.end(), event);
  if (at != events.end()) return static_cast<int>(at - events.begin());
  if (events.size() == kEvents)
    throw std::logic_error("coverage: " + std::string(machine_name(machine)) + " takes more than " +
                           std::to_string(kEvents) + " events");
  events.push_back(event);
  return static_cast<int>(events.size() - 1);
}

void Coverage::merge(const Coverage& other) {
  if (other.bits_.empty()) return;
  if (bits_.empty()) bits_.assign(kWords, 0);
  for (std::size_t w = 0; w < kWords; ++w) bits_[w] |= other.bits_[w];
}

bool Coverage::empty() const {
  return std::all_of(bits_.begin(), bits_.end(), [](std::uint64_t w) { return w == 0; });
}

std::vector<CoverageHit> Coverage::hits() const {
  std::vector<CoverageHit> out;
  auto& names = event_names();
  const std::lock_guard lock(names.mutex);
  for (std::size_t w = 0; w < bits_.size(); ++w)
    for (std::uint64_t word = bits_[w]; word != 0; word &= word - 1) {
      std::size_t bit = w * 64 + static_cast<std::size_t>(__builtin_ctzll(word));
      const bool refused = bit % 2;
      bit /= 2;
      const auto after = static_cast<std::uint8_t>(bit % kStates);
      bit /= kStates;
      const auto event = bit % kEvents;
      bit /= kEvents;
      const auto before = static_cast<std::uint8_t>(bit % kStates);
      const std::size_t machine = bit / kStates;
      out.push_back({machine_name(machine), names.by_machine.at(machine).at(event), before, after, refused});
    }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace cqm
