// The report's page (writers/report_page.hpp): the assets embedded, the data inlined so that no text in it
// ends the script element, every placeholder filled once.
#include "writers/report_page.hpp"

#include <gtest/gtest.h>

namespace cqm {
namespace {

TEST(report_page, inlines_the_data_so_that_nothing_in_it_ends_the_script) {
  const std::string data = R"({"log":"</script><script>alert(1)</script>","svg":"<!-- Generated -->"})";
  const std::string page = report_page("a < b & c", data);
  EXPECT_NE(page.find(R"(<\/script><script>alert(1)<\/script>)"), std::string::npos);
  EXPECT_NE(page.find(R"(\u003c!-- Generated -->)"), std::string::npos);
  EXPECT_EQ(page.find("<!-- Generated"), std::string::npos);
  EXPECT_NE(page.find("<title>a &lt; b &amp; c</title>"), std::string::npos);
  // One </script> per script element of the skeleton: the data's are escaped.
  std::size_t ends = 0;
  for (auto at = page.find("</script>"); at != std::string::npos; at = page.find("</script>", at + 1)) ++ends;
  EXPECT_EQ(ends, 2u);
}

TEST(report_page, fills_each_placeholder_once_and_never_inside_what_it_inserted) {
  const std::string page = report_page("t", R"({"x":"@CQM_REPORT_TITLE@ @CQM_REPORT_DATA@"})");
  EXPECT_NE(page.find(R"({"x":"@CQM_REPORT_TITLE@ @CQM_REPORT_DATA@"})"), std::string::npos);
  EXPECT_EQ(page.find("@CQM_REPORT_STYLE@"), std::string::npos);
  EXPECT_EQ(page.find("@CQM_REPORT_SCRIPT@"), std::string::npos);
  // Self-contained: nothing is loaded or fetched (the browser test also watches the network).
  for (const char* fetch : {"src=", "href=\"http", "@import", "url(http", "fetch(", "XMLHttpRequest"})
    EXPECT_EQ(page.find(fetch), std::string::npos) << fetch;
}

}  // namespace
}  // namespace cqm
