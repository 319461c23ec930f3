// writers/graphviz_numbers.hpp against what it stands in for: Graphviz 2.43's gvprintdouble, whose steps
// (libgvc: a zero within 1e-8, snprintf "%.02f", trailing zeros and point trimmed) are written out here.
#include "writers/graphviz_numbers.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <random>
#include <string>

namespace cqm {
namespace {

std::string original(double num) {
  if (num > -1e-8 && num < 1e-8) num = 0;
  char buf[50];
  std::snprintf(buf, sizeof buf, "%.02f", num);
  if (char* dot = std::strchr(buf, '.')) {
    char* end = dot + std::strlen(dot);
    while (end[-1] == '0') *--end = '\0';
    if (end[-1] == '.') end[-1] = '\0';
  }
  return buf;
}

std::string mirrored(double num) {
  char buf[64];
  const std::size_t n = graphviz_double(num, buf);
  EXPECT_EQ(n, std::strlen(buf)) << num;
  return std::string(buf, n);
}

TEST(graphviz_numbers, ties_and_hundredths_are_written_as_snprintf_writes_them) {
  // Eighths are the exact ties of "%.2f" (x.125, x.375, ...: printf rounds them to even); thousandths are
  // the near ties a layout's arithmetic makes.
  for (int k = -80'000; k <= 80'000; ++k) {
    ASSERT_EQ(mirrored(k / 8.0), original(k / 8.0)) << k << "/8";
    ASSERT_EQ(mirrored(k / 1000.0), original(k / 1000.0)) << k << "/1000";
  }
}

TEST(graphviz_numbers, random_coordinates_are_written_as_snprintf_writes_them) {
  std::mt19937_64 random(20261127);
  std::uniform_real_distribution<double> page(-20'000, 20'000);
  std::uniform_real_distribution<double> small(-0.02, 0.02);
  std::uniform_real_distribution<double> wide(-2e7, 2e7);  // across the bound of the hundredths (1e7)
  for (int i = 0; i < 300'000; ++i) {
    const double a = page(random), b = small(random), c = wide(random);
    ASSERT_EQ(mirrored(a), original(a)) << a;
    ASSERT_EQ(mirrored(b), original(b)) << b;
    ASSERT_EQ(mirrored(c), original(c)) << c;
  }
}

TEST(graphviz_numbers, zero_edges_large_and_special_values_are_written_as_snprintf_writes_them) {
  const double inf = std::numeric_limits<double>::infinity();
  for (const double v : {0.0,           -0.0,          1e-8,
                         -1e-8,         9.9e-9,        -9.9e-9,
                         0.004,         -0.004,        0.005,
                         -0.005,        0.00499999,    -0.00500001,
                         1e14,          -1e14 - 0.125, 999999999999999.9,
                         1e15,          -1e15,         1e16,
                         1e40,          1e60,          -1e300,
                         inf,           -inf,          std::nan(""),
                         -std::nan(""), 5e-324,        std::numeric_limits<double>::max()})
    EXPECT_EQ(mirrored(v), original(v)) << v;
  // The cases the trimming exists for.
  EXPECT_EQ(mirrored(1.5), "1.5");
  EXPECT_EQ(mirrored(100.0), "100");
  EXPECT_EQ(mirrored(-0.003), "-0");
  EXPECT_EQ(mirrored(3e-9), "0");
}

}  // namespace
}  // namespace cqm
