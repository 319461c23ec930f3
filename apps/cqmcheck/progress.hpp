#pragma once
// Progress of long runs on stderr: a one-line bar with rate and ETA on a terminal, a plain line every few
// seconds otherwise, nothing with --quiet or for runs shorter than a second.
#include <chrono>
#include <string>

#include "checker/search.hpp"

namespace cqm::cli {

class ProgressPrinter {
 public:
  ProgressPrinter(std::string label, bool quiet);
  ~ProgressPrinter();  ///< ends the bar's line if one was drawn
  ProgressPrinter(const ProgressPrinter&) = delete;
  ProgressPrinter& operator=(const ProgressPrinter&) = delete;

  void operator()(const checker::Progress& p);
  /// The callback explorers take.
  checker::ProgressFn callback();

 private:
  std::string label_;
  bool quiet_;
  bool tty_;
  bool drawn_ = false;
  double last_ = 0;
};

}  // namespace cqm::cli
