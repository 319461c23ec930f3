// README's table of the KB articles is computed, not typed: every row's verdict is its preset's expected one,
// an article's quoted lines are found in the counterexample's log, and README.md holds the table as computed.
#include "harness/kb_articles.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "model/config.hpp"

namespace cqm {
namespace {

TEST(kb_articles, every_row_has_its_expected_verdict_and_its_lines) {
  for (const auto& row : kb_articles()) {
    const auto config = find_preset(row.preset);
    ASSERT_TRUE(config) << row.preset;
    const KbEvidence e = kb_evidence(row);
    EXPECT_EQ(e.verdict, config->expected.of(row.property)) << row.preset << " " << row.property;
    if (!row.quoted.empty()) {
      EXPECT_EQ(e.lines.size(), row.quoted.size()) << row.article << ": quoted lines not found";
    }
    if (e.verdict == Verdict::Violated) {
      EXPECT_FALSE(e.lines.empty()) << row.preset << ": no log line shows it";
    }
  }
}

TEST(kb_articles, the_readme_holds_the_computed_table) {
  std::ifstream in(CQM_SOURCE_DIR "/README.md");
  ASSERT_TRUE(in);
  std::stringstream readme;
  readme << in.rdbuf();
  const std::string table = kb_articles_markdown();
  EXPECT_NE(readme.str().find(table), std::string::npos)
      << "README.md's table of KB articles is stale; paste this:\n"
      << table;
}

}  // namespace
}  // namespace cqm
