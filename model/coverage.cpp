#include "model/coverage.hpp"

#include <algorithm>
#include <functional>
#include <tuple>

namespace cqm {

bool CoverageHit::operator<(const CoverageHit& o) const {
  return std::tie(machine, before, event, refused, after) <
         std::tie(o.machine, o.before, o.event, o.refused, o.after);
}

std::size_t Coverage::Hash::operator()(const CoverageHit& h) const noexcept {
  const std::hash<std::string_view> text;
  const std::size_t states = std::size_t{h.before} << 9 | std::size_t{h.after} << 1 | std::size_t{h.refused};
  return text(h.machine) * 31 ^ text(h.event) * 1000003 ^ states;
}

std::vector<CoverageHit> Coverage::hits() const {
  std::vector<CoverageHit> out(hits_.begin(), hits_.end());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace cqm
