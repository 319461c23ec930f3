#pragma once
// The System and its environment as a model for checker::bfs: states are keys of the described state
// (harness/state_codec.hpp), successors are the environment's choices followed by one quantum of simulated
// time, and every step is checked against the properties the search looks for.
#include <atomic>
#include <memory>
#include <vector>

#include "harness/state_codec.hpp"
#include "properties/property.hpp"

namespace cqm {

class SearchModel {
 public:
  /// `ran`, when given, collects (shared by every fork) the programs that finished on some explored step: a
  /// program that never does makes its verdicts vacuous.
  SearchModel(const Config& config, bool exact, std::atomic<std::uint32_t>* ran = nullptr);
  SearchModel(SearchModel&&) = default;
  SearchModel fork() const { return SearchModel(*config_, codec_.exact(), ran_); }

  std::size_t key_words() const { return codec_.words(); }
  void initial(std::uint64_t* key);

  template <class Emit>
  void expand(const std::uint64_t* key, std::uint32_t look_for, Emit&& emit) {
    codec_.unpack(key, before_, book_);
    system_->restore(before_);
    if (env_.is_terminal(*system_)) return;
    env_.choices(*system_, book_, choices_);
    bool fresh = true;  // the System holds `before_` already for the first choice
    for (const Choice& c : choices_) {
      if (!fresh) system_->restore(before_);
      fresh = false;
      EnvBook book = book_;
      env_.apply(*system_, book, c, nullptr);
      system_->advance_to(before_.now + env_.quantum());
      system_->snapshot(after_);
      const std::uint32_t violated = check_step(*config_, before_, after_, look_for);
      if (c.programs && ran_) ran_->fetch_or(c.programs, std::memory_order_relaxed);
      if (after_.queue_overflowed) {
        emit(c.encode(), nullptr, violated);
        continue;
      }
      codec_.pack(after_, book, successor_.data());
      emit(c.encode(), successor_.data(), violated);
    }
  }

  const EnvironmentModel& environment() const { return env_; }
  const StateCodec& codec() const { return codec_; }
  std::uint32_t depth_bound() const { return static_cast<std::uint32_t>(env_.horizon() / env_.quantum()); }

 private:
  const Config* config_;
  EnvironmentModel env_;
  StateCodec codec_;
  std::atomic<std::uint32_t>* ran_;
  std::unique_ptr<System> system_;
  SystemSnapshot before_, after_;
  EnvBook book_;
  std::vector<Choice> choices_;
  std::vector<std::uint64_t> successor_;
};

/// Refuses an envelope in which an environment choice the exhaustive explorer must make has no point on the
/// `environment.quantum` grid (the search would then cover an empty environment and prove anything): throws
/// InputError naming the config's file, line and key.
void check_grid(const Config& config);

}  // namespace cqm
