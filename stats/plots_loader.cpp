// plots.hpp's renders, through the PLplot module loaded by the first of them.
#include "stats/plots.hpp"
#include "stats/plots_module.hpp"
#include "writers/module.hpp"

namespace cqm::plots {
namespace {

const PlotsModule& module() {
  return *static_cast<const PlotsModule*>(load_module("libcqm_plots.so", "cqm_plots_module"));
}

}  // namespace

std::string render(const HeatMap& figure, Format format) { return module().heat_map(figure, format); }
std::string render(const Bars& figure, Format format) { return module().bars(figure, format); }
std::string render(const Points& figure, Format format) { return module().points(figure, format); }
std::string render(const Lines& figure, Format format) { return module().lines(figure, format); }

}  // namespace cqm::plots
