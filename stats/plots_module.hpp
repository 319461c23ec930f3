#pragma once
// The boundary between the program and its PLplot module (libcqm_plots.so, stats/plots.cpp), which the first
// figure drawn loads (writers/module.hpp): PLplot and the libraries it brings are not loaded by a command
// that draws no figure. The figures cross it as they are; PLplot's failures as std::runtime_error.
#include <string>

#include "stats/plots.hpp"

namespace cqm::plots {

struct PlotsModule {
  std::string (*heat_map)(const HeatMap&, Format);
  std::string (*bars)(const Bars&, Format);
  std::string (*points)(const Points&, Format);
  std::string (*lines)(const Lines&, Format);
};

}  // namespace cqm::plots

/// The module's one entry point.
extern "C" const cqm::plots::PlotsModule* cqm_plots_module();
