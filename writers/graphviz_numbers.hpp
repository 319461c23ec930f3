#pragma once
// How Graphviz 2.43 (Debian's 2.42.2 package) writes a coordinate into an SVG: gvprintdouble in libgvc
// prints "%.02f" with snprintf, having made anything within 1e-8 of zero a zero, and trims the trailing zeros
// and then a trailing point ("1.50" -> "1.5", "-0.00" -> "-0"). snprintf's exact decimal expansion makes that
// 2 660 instructions a number, a third of a counterexample picture's rendering. Here a coordinate is
// rounded in hundredths with an error bound, and std::to_chars (the exact value, correctly rounded, ties to
// even, as printf in the C locale) takes what the bound cannot decide: the same text, in about 350
// instructions. The module puts this in gvprintdouble's place (writers/graphviz_module.cpp);
// tests/writers/graphviz_numbers_test.cpp holds it to the snprintf original.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace cqm {

/// Writes `num` as Graphviz 2.43's gvprintdouble does into `buf`; returns the length.
inline std::size_t graphviz_double(double num, char (&buf)[64]) {
  if (num > -1e-8 && num < 1e-8) num = 0;
  std::size_t n = 0;
  // A coordinate (under 1e7) in hundredths: |num| * 100 is within 6e-8 of its exact value, so unless that
  // is within 1e-6 of a half the nearest integer is the exact value's nearest, which is what printf prints.
  // Near a half (an exact tie among them: printf goes to the even one) std::to_chars decides.
  const double scaled = std::fabs(num) * 100;
  const double down = std::floor(scaled);
  if (scaled < 1e9 && std::fabs(scaled - down - 0.5) > 1e-6) {
    auto hundredths = static_cast<std::uint64_t>(down) + (scaled - down > 0.5);
    char digits[24];
    int d = 0;
    do {
      digits[d++] = static_cast<char>('0' + hundredths % 10);
      hundredths /= 10;
    } while (hundredths || d < 3);
    if (num < 0) buf[n++] = '-';  // printf's sign is the number's, even when it rounds to 0.00
    while (d > 2) buf[n++] = digits[--d];
    buf[n++] = '.';
    buf[n++] = digits[1];
    buf[n++] = digits[0];
  } else if (std::isfinite(num) && std::fabs(num) < 1e15) {
    n = static_cast<std::size_t>(std::to_chars(buf, buf + sizeof buf, num, std::chars_format::fixed, 2).ptr -
                                 buf);
  } else {
    // NaN, infinities and numbers past 1e15 (never a coordinate): the original's own call, its truncation
    // at 49 characters and its spelling of NaN.
    std::snprintf(buf, 50, "%.02f", num);
    n = std::strlen(buf);
  }
  if (std::memchr(buf, '.', n)) {
    while (buf[n - 1] == '0') --n;
    if (buf[n - 1] == '.') --n;
  }
  buf[n] = '\0';
  return n;
}

}  // namespace cqm
