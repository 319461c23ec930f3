#pragma once
// Reading a Config from TOML (toml++). A file may start from a preset (`preset = "kb-q292030"`) and override
// any field; see doc/config.md for every key.
#include <string>
#include <string_view>

#include "model/config.hpp"

namespace cqm {

/// Throws InputError naming the file, line and key on a syntax error, an unknown key, a wrong type,
/// a negative duration, or a value validate() rejects.
Config parse_config(std::string_view text, const std::string& file);
Config read_config(const std::string& path);

/// The config as TOML, every key written: `parse_config(to_toml(c))` gives c back.
std::string config_to_toml(const Config& config);

}  // namespace cqm
