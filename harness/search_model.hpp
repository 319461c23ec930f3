#pragma once
// The CQM System and its environment as a model for checker::bfs: states are StateKeys, successors are the
// environment's choices followed by one quantum of simulated time, and every step is checked against every
// property.
#include <memory>
#include <vector>

#include "harness/state_key.hpp"
#include "properties/property.hpp"

namespace cqm {

class SearchModel {
 public:
  using Key = StateKey;
  using Violation = cqm::Violation;

  explicit SearchModel(const Config& config);
  SearchModel(SearchModel&&) = default;
  SearchModel fork() const { return SearchModel(*config_); }

  Key initial();

  template <class Emit>
  void expand(const Key& key, Emit&& emit) {
    unpack_state(*config_, key, before_, book_);
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
      const SystemSnapshot after = system_->snapshot();
      const auto v = check_step(*config_, before_, after);
      emit(c.encode(), pack_state(*config_, after, book), v ? &*v : nullptr);
    }
  }

  const EnvironmentModel& environment() const { return env_; }
  std::uint32_t depth_bound() const { return static_cast<std::uint32_t>(env_.horizon() / env_.quantum()); }

 private:
  const Config* config_;
  EnvironmentModel env_;
  std::unique_ptr<System> system_;
  SystemSnapshot before_{};
  EnvBook book_;
  std::vector<Choice> choices_;
};

}  // namespace cqm
