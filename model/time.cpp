#include "model/time.hpp"

#include <cctype>
#include <cstdio>

namespace cqm {

std::string format_clock(Minutes m) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(m / 60), static_cast<int>(m % 60));
  return buf;
}

std::string format_time(Minutes t) {
  return "day " + std::to_string(t / kMinutesPerDay) + " " + format_clock(t % kMinutesPerDay);
}

namespace {
// Reads an unsigned decimal of at most `max_digits` digits; advances `s`.
std::optional<long> read_number(std::string_view& s, std::size_t max_digits) {
  std::size_t n = 0;
  long v = 0;
  while (n < s.size() && n < max_digits && std::isdigit(static_cast<unsigned char>(s[n]))) {
    v = v * 10 + (s[n] - '0');
    ++n;
  }
  if (n == 0 || (n < s.size() && std::isdigit(static_cast<unsigned char>(s[n])))) return std::nullopt;
  s.remove_prefix(n);
  return v;
}
}  // namespace

std::optional<Minutes> parse_time(std::string_view s) {
  long day = 0;
  if (s.substr(0, 4) == "day ") s.remove_prefix(4);
  if (s.find(' ') != std::string_view::npos) {
    auto d = read_number(s, 4);
    if (!d || s.empty() || s.front() != ' ') return std::nullopt;
    s.remove_prefix(1);
    day = *d;
  }
  auto h = read_number(s, 2);
  if (!h || s.empty() || s.front() != ':') return std::nullopt;
  s.remove_prefix(1);
  const auto before = s.size();
  auto m = read_number(s, 2);
  if (!m || before - s.size() != 2 || !s.empty() || *h > 23 || *m > 59) return std::nullopt;
  return static_cast<Minutes>(day * kMinutesPerDay + *h * 60 + *m);
}

}  // namespace cqm
