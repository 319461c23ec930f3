#include "harness/search_model.hpp"

namespace cqm {

SearchModel::SearchModel(const Config& config)
    : config_(&config), env_(config), system_(std::make_unique<System>(config)) {}

SearchModel::Key SearchModel::initial() {
  system_->reset();
  return pack_state(*config_, system_->snapshot(), EnvBook{});
}

}  // namespace cqm
