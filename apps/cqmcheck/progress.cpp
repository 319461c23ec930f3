#include "apps/cqmcheck/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace cqm::cli {
namespace {
constexpr double kQuietFirstSeconds = 1.0;  // runs shorter than this show nothing
constexpr double kTtyInterval = 0.2;
constexpr double kLogInterval = 5.0;
constexpr int kBarWidth = 30;

std::string count_text(double v) {
  if (v >= 1e6) return fmt::format("{:.2f}M", v / 1e6);
  if (v >= 1e3) return fmt::format("{:.1f}k", v / 1e3);
  return fmt::format("{:.0f}", v);
}
}  // namespace

ProgressPrinter::ProgressPrinter(std::string label, bool quiet)
    : label_(std::move(label)), quiet_(quiet), tty_(::isatty(STDERR_FILENO) == 1) {}

ProgressPrinter::~ProgressPrinter() {
  if (drawn_ && tty_) std::fputc('\n', stderr);
}

checker::ProgressFn ProgressPrinter::callback() {
  if (quiet_) return {};
  return [this](const checker::Progress& p) { (*this)(p); };
}

void ProgressPrinter::operator()(const checker::Progress& p) {
  if (quiet_ || p.seconds < kQuietFirstSeconds) return;
  if (drawn_ && p.seconds - last_ < (tty_ ? kTtyInterval : kLogInterval)) return;
  last_ = p.seconds;
  const double rate = p.seconds > 0 ? static_cast<double>(p.done) / p.seconds : 0;
  std::string eta = "?";
  if (p.fraction > 0 && p.fraction <= 1)
    eta = fmt::format("{:.0f}s", p.seconds * (1 - p.fraction) / p.fraction);
  if (tty_) {
    const int filled = p.fraction >= 0 ? static_cast<int>(p.fraction * kBarWidth) : 0;
    std::fprintf(stderr, "\r%s [%s%s] %3.0f%% %s %s %s/s ETA %s   ", label_.c_str(),
                 std::string(filled, '#').c_str(), std::string(kBarWidth - filled, '.').c_str(),
                 p.fraction >= 0 ? p.fraction * 100 : 0.0, count_text(static_cast<double>(p.done)).c_str(),
                 p.unit, count_text(rate).c_str(), eta.c_str());
  } else {
    std::fprintf(stderr, "%s: %s %s, %s/s, %.0f%%, ETA %s\n", label_.c_str(),
                 count_text(static_cast<double>(p.done)).c_str(), p.unit, count_text(rate).c_str(),
                 p.fraction >= 0 ? p.fraction * 100 : 0.0, eta.c_str());
  }
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace cqm::cli
