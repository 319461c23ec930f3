// cqmcheck: the command line of cqm-model. See README.md and `cqmcheck --help`.
#include <malloc.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>

#include "apps/cqmcheck/commands.hpp"
#include "checker/memory.hpp"
#include "io/config_toml.hpp"
#include "io/input_error.hpp"
#include "writers/atomic_file.hpp"

namespace cqm::cli {

void ModelChoice::add_to(CLI::App& app, const std::string& default_preset) {
  preset = default_preset;
  auto* p = app.add_option("--preset", preset, "a named configuration (see `cqmcheck presets`)");
  auto* c = app.add_option("--config", config_file, "a TOML configuration file (may start from a preset)")
                ->check(name_given());
  c->excludes(p);
}

Config ModelChoice::load() const {
  if (!config_file.empty()) return read_config(config_file);
  if (auto c = find_preset(preset)) return *c;
  throw InputError("command line", 0, "--preset", "unknown preset '" + preset + "' (see `cqmcheck presets`)");
}

namespace {
std::atomic<bool> g_interrupted{false};
extern "C" void on_signal(int) {
  g_interrupted = true;
  // A second Ctrl-C or SIGTERM ends the process at once.
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}
}  // namespace

const std::atomic<bool>* interrupt_flag() { return &g_interrupted; }

void add_presets(CLI::App& app) {
  auto* cmd = app.add_subcommand("presets", "list every preset by KB article, with one line on what it is");
  cmd->callback([] {
    // Grouped by article, in the order each article first appears.
    std::vector<std::string> articles;
    for (const auto& c : presets())
      if (std::find(articles.begin(), articles.end(), c.article) == articles.end())
        articles.push_back(c.article);
    for (const auto& article : articles) {
      std::printf("%s\n", article.empty() ? "(no article)" : ("KB " + article).c_str());
      for (const auto& c : presets()) {
        if (c.article != article) continue;
        std::string expected;
        for (const auto& [property, verdict] : c.expected.verdicts)
          expected += (expected.empty() ? "" : ", ") + std::string(enum_name(verdict)) + " " + property;
        std::printf("  %-34s expect %-34s %s\n", c.name.c_str(),
                    expected.empty() ? "HOLDS" : expected.c_str(), c.summary.c_str());
      }
    }
  });
}

}  // namespace cqm::cli

namespace {

int run(int argc, char** argv) {
  using namespace cqm::cli;
  CLI::App app{
      "cqmcheck: a Boost.MSM model and property checker for KB Q292030 (SMS 2.0 install status loss)"};
  app.require_subcommand(0, 1);
  app.set_help_all_flag("--help-all", "help for every command");
  add_simulate(app);
  add_presets(app);
  add_diagrams(app);
  add_check(app);
  add_replay(app);
  add_suite(app);
  add_report(app);
  add_merge(app);
  add_estimate(app);
  add_sweep(app);
  if (const char* nth = std::getenv("CQM_TEST_FAIL_WRITE")) cqm::inject_write_failures(std::atoi(nth));
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  try {
    app.parse(argc, argv);
    if (app.get_subcommands().empty()) {
      // A bare `cqmcheck` runs the suite with its defaults.
      const char* suite_args[] = {argv[0], "suite"};
      return run(2, const_cast<char**>(suite_args));
    }
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "cqmcheck: command line: %s\n", e.what());
    return kExitBadInput;
  } catch (const cqm::InputError& e) {
    std::fprintf(stderr, "cqmcheck: error: %s\n", e.what());
    return kExitBadInput;
  } catch (const cqm::OutputError& e) {
    std::fprintf(stderr, "cqmcheck: error: %s\n", e.what());
    return kExitBadInput;
  } catch (const ExitCode& e) {
    return e.code;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cqmcheck: internal error: %s\n", e.what());
    return 70;
  }
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  // --max-memory bounds what the process holds, counted from what the stores and buffers allocate. glibc's
  // default lets its mmap threshold rise with every large block freed (up to 32 MiB), after which the tables
  // the stores outgrow are freed into the heap and stay resident: a fixed threshold maps every block past
  // 1 MiB on its own and gives it back to the system when it is freed.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  const int code = run(argc, argv);
  // Test hook: the tests of --max-memory compare the peak resident memory with the cap.
  if (std::getenv("CQM_TEST_PEAK_MEMORY"))
    std::fprintf(stderr, "peak resident: %llu bytes\n",
                 static_cast<unsigned long long>(cqm::checker::peak_resident_bytes()));
  return code;
}
