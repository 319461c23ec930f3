#pragma once
// The KB articles this model reproduces, as the README shows them: each row is an article's claim, the preset
// that tells it, the verdict the exhaustive explorer gives its property, and the log lines that show it. The
// table is computed (kb_articles_markdown runs every row's search); a test holds README.md to it.
#include <string>
#include <string_view>
#include <vector>

#include "model/vocabulary.hpp"

namespace cqm {

struct KbArticle {
  std::string_view article;
  std::string_view claim;  ///< in the article's words where it has them
  std::string_view preset;
  std::string_view property;
  std::vector<std::string_view>
      quoted;                   ///< log lines the article quotes (without time suffixes); may be none
  std::string_view shows = {};  ///< else: the counterexample's last log line with this text shows it
};

/// Every row, in the order the README lists them.
const std::vector<KbArticle>& kb_articles();

/// One row's evidence: the verdict, and the lines of the shortest counterexample's logs that show it — the
/// article's quoted lines, found in order, or else the last line that holds the row's `shows`.
struct KbEvidence {
  Verdict verdict = Verdict::Inconclusive;
  std::vector<std::string> lines;
};
KbEvidence kb_evidence(const KbArticle& row);

/// The Markdown table: article, claim, preset, verdict, log lines.
std::string kb_articles_markdown();

}  // namespace cqm
