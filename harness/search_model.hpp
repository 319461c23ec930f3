#pragma once
// The System and its environment as a model for checker::bfs: states are keys of the described state
// (harness/state_codec.hpp), successors are the environment's choices followed by one quantum of simulated
// time, and every step is checked against the properties the search looks for.
#include <atomic>
#include <memory>
#include <vector>

#include "harness/coverage.hpp"
#include "harness/state_codec.hpp"
#include "harness/symmetry.hpp"
#include "properties/property.hpp"

namespace cqm {

class SearchModel {
 public:
  /// `ran`, when given, collects (shared by every fork) the programs that finished on some explored step: a
  /// program that never does makes its verdicts vacuous.
  /// `symmetry`: a site's clients are stored in canonical order (harness/symmetry.hpp).
  /// `coverage`, when given, collects (shared by every fork) what the machines were given: each fork records
  /// its own and merges it there when it ends or on flush_coverage().
  SearchModel(const Config& config, bool exact, std::atomic<std::uint32_t>* ran = nullptr,
              bool symmetry = true, CoverageSink* coverage = nullptr);
  SearchModel(SearchModel&&) = default;
  ~SearchModel() { flush_coverage(); }
  SearchModel fork() const {
    SearchModel m(*config_, codec_.exact(), ran_, symmetry_, sink_);
    m.check_keys_ = check_keys_;
    return m;
  }
  /// Each successor's key, packed from its parent's (StateCodec::pack_step), is also packed whole, and each
  /// state entered, read back from the last one (StateCodec::unpack_step), is also read back whole; the two
  /// are compared, a mismatch thrown as a model bug: for tests/harness/incremental_key_test.cpp.
  void check_incremental_keys(bool on) { check_keys_ = on; }
  void flush_coverage();

  std::size_t key_words() const { return codec_.words(); }
  /// Where the tree store splits the key (checker/tree_store.hpp): after the whole words that hold only the
  /// clock and the environment's part, which take new values every step while the machines' part repeats
  /// across them (fix-reconnect, quantum 5: 0.43 tree nodes a state split there, 1.9 split in the middle).
  std::size_t key_split() const { return std::max<std::size_t>(1, codec_.environment_bits() / 64); }
  void initial(std::uint64_t* key);

  template <class Emit>
  void expand(const std::uint64_t* key, std::uint32_t look_for, Emit&& emit) {
    enter(key);
    if (env_.is_terminal(*system_)) return;
    env_.choices(*system_, book_, choices_);
    // A step changes a few instances: the System goes back to `before_` and `after_` takes the step's changes
    // by the instances given an event (System::revert, snapshot_changes), not by copying every instance.
    bool fresh = true;  // the System holds `before_` already for the first choice
    for (std::size_t index = 0; index < choices_.size(); ++index) {
      const Choice& c = choices_[index];
      const auto code = static_cast<std::uint16_t>(index);  // the path stores the choice's place
      if (!fresh) system_->revert(before_, &after_);
      fresh = false;
      EnvBook book = book_;
      env_.apply(*system_, book, c, nullptr);
      system_->advance_to(before_.now + env_.quantum());
      system_->snapshot_changes(after_);
      const std::uint32_t violated = check_step(*config_, before_, after_, look_for);
      if (const std::uint32_t ran = c.any_programs(); ran && ran_)
        ran_->fetch_or(ran, std::memory_order_relaxed);
      if (after_.queue_overflowed) {
        emit(code, nullptr, violated);
        continue;
      }
      codec_.pack_step(key, after_, book, touched(), successor_.data(), &before_);
      if (check_keys_) check_key(book);
      if (symmetric()) canonicalize_successor(key, successor_.data());
      emit(code, successor_.data(), violated);
    }
    // The System and `after_` hold `before_` again, for the next state's enter().
    if (!fresh) system_->revert(before_, &after_);
  }

  const EnvironmentModel& environment() const { return env_; }
  /// The key of the state `key` represents with its clients in canonical order; `order` as canonical_order.
  void canonicalize(std::uint64_t* key, std::array<int, kMaxSearchClients>* order = nullptr);
  bool symmetric() const { return symmetry_ && config_->model.site.clients > 1; }
  const StateCodec& codec() const { return codec_; }
  /// The instances given an event since the System was last restored, reverted or told to forget them.
  static StateCodec::Touched touched(const System& system);
  std::uint32_t depth_bound() const { return static_cast<std::uint32_t>(env_.horizon() / env_.quantum()); }

 private:
  /// `before_`, the System and `after_` made the state `key` stands for: from the last state entered, only
  /// what its key changed (StateCodec::unpack_step), else whole.
  void enter(const std::uint64_t* key);
  StateCodec::Touched touched() const { return touched(*system_); }
  void check_key(const EnvBook& book);
  /// canonicalize() for a successor of the state entered (`parent`, whose state before_ holds): read back
  /// from the parent's key, from which a step's key differs in a few words, rather than whole.
  void canonicalize_successor(const std::uint64_t* parent, std::uint64_t* key);
  /// canonical_ holds the state `key` stands for: its clients put in canonical order, and their blocks moved
  /// in `key` if any moved.
  void put_in_order(std::uint64_t* key, std::array<int, kMaxSearchClients>* order);

  const Config* config_;
  EnvironmentModel env_;
  StateCodec codec_;
  std::atomic<std::uint32_t>* ran_;
  bool symmetry_;
  CoverageSink* sink_;
  std::unique_ptr<Coverage> coverage_;  ///< on the heap: the System's Envs point at it, and models move
  /// The state a key to canonicalize stands for; once its clients are put in order, only its init plan is
  /// reordered (its blocks too when keys are checked)
  SystemSnapshot canonical_;
  EnvBook canonical_book_;
  StateCodec::Changed canonical_changed_;
  std::unique_ptr<System> system_;
  SystemSnapshot before_, after_;
  EnvBook book_;
  std::vector<Choice> choices_;
  std::vector<std::uint64_t> successor_;
  std::vector<std::uint64_t> whole_;    ///< check_keys_: the successor's key packed whole
  std::vector<std::uint64_t> entered_;  ///< the key of the state before_ holds; empty before the first
  StateCodec::Changed changed_;
  bool check_keys_ = false;
};

/// A counterexample path (each step the index of a choice in the choices of the state the search stored)
/// as a Schedule a fresh System can replay: the same key and symmetry as the search that found it. With the
/// clients in canonical order each step's choice is mapped back to the real clients. `whole`: each step's key
/// packed and read back whole rather than from the last one's, as tests/harness/incremental_key_test.cpp
/// compares.
Schedule schedule_of_path(const Config& config, const std::vector<std::uint16_t>& path, bool exact,
                          bool symmetry, bool whole = false);

/// Refuses an envelope in which an environment choice the exhaustive explorer must make has no point on the
/// `environment.quantum` grid (the search would then cover an empty environment and prove anything): throws
/// InputError naming the config's file, line and key.
void check_grid(const Config& config);

}  // namespace cqm
