#include "model/time.hpp"

#include <gtest/gtest.h>

namespace cqm {
namespace {

TEST(time, formats_day_and_clock) {
  EXPECT_EQ(format_time(0), "day 0 00:00");
  EXPECT_EQ(format_time(8 * 1440 + 10 * 60 + 3), "day 8 10:03");
}

TEST(time, parses_what_it_formats) {
  for (Minutes t : {0, 59, 603, 12123, 1439 + 1440 * 30}) EXPECT_EQ(parse_time(format_time(t)), t);
  EXPECT_EQ(parse_time("08:00"), 480);
  EXPECT_EQ(parse_time("2 17:30"), 2 * 1440 + 17 * 60 + 30);
}

TEST(time, rejects_malformed_times) {
  for (const char* bad : {"", "8", "24:00", "10:60", "day x 10:00", "10:00 ", "day 1", "1  10:00", "-1 10:00",
                          "10:5", "123:00"})
    EXPECT_FALSE(parse_time(bad).has_value()) << bad;
}

}  // namespace
}  // namespace cqm
