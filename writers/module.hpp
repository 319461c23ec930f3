#pragma once
// The program's loadable modules: the libraries only some commands need (Graphviz with its fonts, PLplot)
// are linked into shared modules of their own and loaded when first used, so a command that draws nothing
// does not load them, and one that draws loads them on the thread that draws (doc/performance.md: 30
// libraries took about 5 ms before main).
#include <string>

namespace cqm {

/// The table module `file` gives out (its extern "C" function `entry` returns it), loaded once per process.
/// The module is looked for in modules/ beside the running program, then in the build's modules/ folder.
/// `global`: its symbols (and its libraries') go into the process's global scope, where the libraries loaded
/// after it look first (the Graphviz module's gvprintdouble, for the plugins Graphviz loads later).
/// Throws std::runtime_error naming the file and the loader's reason.
const void* load_module(const std::string& file, const char* entry, bool global = false);

}  // namespace cqm
